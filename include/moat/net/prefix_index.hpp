#pragma once
// PrefixIndex: longest-prefix match over a fixed list of prefixes of one family,
// compiled once into a flat sorted range table (the DXR idea): the address space is cut
// into disjoint intervals, each labelled with the group (distinct prefix) that wins
// there. Duplicate prefixes form one group, so callers can apply AWS's tie-breaks.
//
// lookup() is a direct-indexed jump on the top bits followed by a short binary search;
// partition() walks the range table once over the query's intervals.
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

  // prefixes[i] is entry i. Every prefix must be of family (MOAT_ASSERT).
  PrefixIndex(IpFamily family, std::span<const Prefix> prefixes);
  ~PrefixIndex();
  PrefixIndex(PrefixIndex&&) noexcept;
  PrefixIndex& operator=(PrefixIndex&&) noexcept;

  IpFamily family() const;
  std::size_t group_count() const;
  const Prefix& group_prefix(Group group) const;
  // Entry ids (indexes into the constructor's list) of a group, in ascending order.
  std::span<const std::uint32_t> group_entries(Group group) const;

  // The group of the longest prefix containing address, or nullopt if none does.
  std::optional<Group> lookup(const IpAddress& address) const;

  struct Part {
    AddressSet addresses;
    std::optional<Group> group;  // nullopt: no prefix matches these addresses
  };
  // Splits addresses by winning group; parts are disjoint, non-empty, their union is
  // addresses, and each group appears at most once. Ordered by first address.
  std::vector<Part> partition(const AddressSet& addresses) const;

  // Bytes held by the compiled structures (for the benchmarks' memory-per-prefix figure).
  std::size_t memory_bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace moat::net
