#pragma once
// DpdkLpm: DPDK's rte_lpm (DIR-24-8: a 2^24-entry tbl24 plus 256-entry tbl8 groups for
// prefixes longer than /24) over the same IPv4 prefix list, for comparison. The DPDK
// headers stay inside dpdk_lpm.cpp (C code that does not build under our warning set);
// the lookup loops live there too, so rte_lpm_lookup is inlined as DPDK intends.
//
// Next hop of entry i is i. rte_lpm_add scans the rules of the same length linearly, so
// building a table with 600 k /24s takes minutes. Built only when MOAT_BENCH_DPDK is ON.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "moat/net/prefix.hpp"

struct rte_lpm;

namespace moat::bench {

class DpdkLpm {
 public:
  // Starts DPDK's EAL in-process without hugepages or devices (once per process).
  // Throws std::runtime_error if the EAL refuses.
  static void init_eal();
  // Releases the EAL; every DpdkLpm must be destroyed before.
  static void cleanup_eal();

  // Adds the first entry of each distinct prefix (next hop = its index). Sized as small
  // as rte_lpm allows: max_rules = distinct prefixes, number_tbl8s = distinct /24s that
  // hold a prefix longer than /24 (+1). Throws std::runtime_error.
  explicit DpdkLpm(std::span<const net::Prefix> prefixes);
  ~DpdkLpm();
  DpdkLpm(const DpdkLpm&) = delete;
  DpdkLpm& operator=(const DpdkLpm&) = delete;

  // Next hop (entry index) of the longest match, or nullopt.
  std::optional<std::uint32_t> lookup(std::uint32_t address) const;
  // rte_lpm_lookup on every address; returns the sum of the next hops found (keeps the
  // work observable).
  std::uint64_t lookup_each(std::span<const std::uint32_t> addresses) const;
  // rte_lpm_lookup_bulk over the addresses in chunks; same result as lookup_each.
  std::uint64_t lookup_bulk(std::span<const std::uint32_t> addresses) const;

  // DPDK heap bytes this table holds (rte_malloc socket statistics before/after create).
  std::size_t memory_bytes() const { return memory_bytes_; }
  // The textbook size: tbl24 (2^24 x 4 B) + number_tbl8s x 256 x 4 B + max_rules x 8 B.
  std::size_t formula_bytes() const;
  std::uint32_t tbl8_groups() const { return tbl8_groups_; }

 private:
  rte_lpm* lpm_ = nullptr;
  std::uint32_t max_rules_ = 0;
  std::uint32_t tbl8_groups_ = 0;
  std::size_t memory_bytes_ = 0;
};

}  // namespace moat::bench
