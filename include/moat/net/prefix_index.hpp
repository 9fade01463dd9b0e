#pragma once
// PrefixIndex: longest-prefix match over a fixed list of prefixes of one family,
// compiled once into a flat sorted range table (the DXR idea): the address space is cut
// into disjoint intervals, each labelled with the group (distinct prefix) that wins
// there. Duplicate prefixes form one group, so callers can apply AWS's tie-breaks.
//
// Layout. Always a flat range table: sorted segment starts (32-bit for IPv4, 128-bit for
// IPv6) and a 32-bit group id per segment, at most 2n + 1 segments for n distinct
// prefixes; partition() walks it. IPv4 tables add a first level for lookups:
// - 2^16 (wide_from_groups) or more distinct prefixes: the wide layout (DXR's "D20R"),
//   2^20 four-byte slots indexed by the top 20 address bits. A slot holds the winning
//   group directly when its /20 chunk is one segment; otherwise it points at the chunk's
//   run in a compact range array of one 32-bit word per segment (12 low start bits and a
//   20-bit group id), with the run length in the slot (9 bits; longer runs keep it in the
//   run's first word). Tables of 2^20 groups or more, or of more than 2^22 range words,
//   keep the /16 layout.
// - 256 or more: a first level of 65,536 slots indexed by the top 16 address bits; a slot
//   either holds the winning group directly (the whole /16 is one segment) or points at
//   the /16's slice: its 16-bit segment starts (low address bits) followed by their 32-bit
//   group ids in one contiguous run — 6 bytes per segment.
// - fewer: nothing more. A VPC route table holds a handful of routes, an estate thousands
//   of tables, so small tables skip the first level (512 KiB, or 4 MiB for the wide one).
// Build: sort the prefixes (O(n log n)), then one sweep with a stack of open prefixes.
// lookup(): IPv4 tables with a first level read one slot, then (unless the slot holds the
// group) a branch-free binary search over the chunk's run (a few words in one or two
// cache lines for the wide layout, about 30 segments per /16 for the /16 layout at 10^6
// prefixes); otherwise a binary search, O(log n).
// partition(): one binary search per query interval, then a walk along the flat table,
// O(k log n) for k intervals plus the segments they span.
// PrefixTable<T> (prefix_table.hpp) is the typed front end; use that.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "moat/net/address_set.hpp"
#include "moat/net/prefix.hpp"

namespace moat::net {

class PrefixIndex {
 public:
  using Group = std::uint32_t;

  // IPv4 tables with at least this many distinct prefixes use the wide layout (see the
  // top of this header); smaller ones the /16 layout or the flat table.
  static constexpr std::size_t wide_from_groups = std::size_t{1} << 16;

  // prefixes[i] is entry i. Every prefix must be of family (MOAT_ASSERT).
  PrefixIndex(IpFamily family, std::span<const Prefix> prefixes);
  ~PrefixIndex();
  PrefixIndex(PrefixIndex&&) noexcept;
  PrefixIndex& operator=(PrefixIndex&&) noexcept;

  IpFamily family() const;
  std::size_t group_count() const;
  // By value: groups are stored compactly (network and length), not as Prefix objects.
  Prefix group_prefix(Group group) const;
  // Entry ids (indexes into the constructor's list) of a group, in ascending order.
  std::span<const std::uint32_t> group_entries(Group group) const;

  // The group of the longest prefix containing address, or nullopt if none does.
  std::optional<Group> lookup(const IpAddress& address) const;
  // The same for a raw IPv4 address value (precondition: family() is v4); the hot path
  // for callers that already hold host-order integers.
  std::optional<Group> lookup_v4(std::uint32_t address) const;

  struct Part {
    AddressSet addresses;
    std::optional<Group> group;  // nullopt: no prefix matches these addresses
  };
  // Splits addresses by winning group; parts are disjoint, non-empty, their union is
  // addresses, and each group appears at most once. Ordered by first address.
  std::vector<Part> partition(const AddressSet& addresses) const;

  // Bytes held by the index: the range table plus the group metadata (prefix and entry
  // ids per group). The benchmarks' memory-per-prefix figure.
  std::size_t memory_bytes() const;
  // Bytes of the structures lookup() reads (first level + range table), the figure to
  // compare with rte_lpm's tbl24/tbl8 (which holds next hops, not prefixes).
  std::size_t lookup_memory_bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace moat::net
