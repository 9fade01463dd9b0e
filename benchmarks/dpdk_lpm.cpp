#include "dpdk_lpm.hpp"

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_lpm.h>
#include <rte_malloc.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace moat::bench {
namespace {

std::size_t heap_bytes() {
  rte_malloc_socket_stats stats{};
  if (rte_malloc_get_socket_stats(static_cast<int>(rte_socket_id()), &stats) != 0) return 0;
  return stats.heap_allocsz_bytes;
}

std::uint32_t tbl8_groups_needed(std::span<const net::Prefix> prefixes) {
  std::vector<std::uint32_t> slash24s;
  for (const auto& prefix : prefixes) {
    if (prefix.length() > 24) slash24s.push_back(static_cast<std::uint32_t>(prefix.network().value()) >> 8);
  }
  std::sort(slash24s.begin(), slash24s.end());
  return static_cast<std::uint32_t>(std::unique(slash24s.begin(), slash24s.end()) - slash24s.begin());
}

// The first entry index of each distinct prefix, in entry order. rte_lpm keeps one next
// hop per prefix, and re-adding a prefix rewrites its whole tbl24 range again (65536
// entries for a /8): feeding it the duplicates of a large uniform table makes the build
// ~40x slower without changing any answer by prefix.
std::vector<std::uint32_t> first_of_each_prefix(std::span<const net::Prefix> prefixes) {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
  keyed.reserve(prefixes.size());
  for (std::size_t i = 0; i < prefixes.size(); ++i) {
    const auto value = static_cast<std::uint64_t>(static_cast<std::uint32_t>(prefixes[i].network().value()));
    keyed.emplace_back((value << 8) | static_cast<std::uint64_t>(prefixes[i].length()), static_cast<std::uint32_t>(i));
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::uint32_t> firsts;
  for (std::size_t i = 0; i < keyed.size(); ++i) {
    if (i == 0 || keyed[i].first != keyed[i - 1].first) firsts.push_back(keyed[i].second);
  }
  std::sort(firsts.begin(), firsts.end());
  return firsts;
}

}  // namespace

void DpdkLpm::init_eal() {
  static bool started = false;
  if (started) return;
  // No hugepages, no PCI scan, no shared runtime files, no telemetry socket: the EAL
  // only serves rte_malloc for the LPM tables. 3 GiB is enough for two 1 M tables.
  std::vector<std::string> args = {"moat_bench_lpm", "-l", "0", "--no-huge", "-m", "3072", "--no-pci",
                                   "--no-shconf", "--no-telemetry", "--log-level=error"};
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  if (rte_eal_init(static_cast<int>(argv.size()), argv.data()) < 0) {
    throw std::runtime_error(std::string("[moat.bench] rte_eal_init failed: ") + rte_strerror(rte_errno) +
                             " (is libdpdk-dev installed and is 3 GiB of memory free?)");
  }
  started = true;
}

void DpdkLpm::cleanup_eal() { rte_eal_cleanup(); }

DpdkLpm::DpdkLpm(std::span<const net::Prefix> prefixes) {
  static int serial = 0;
  const std::string name = "moat_bench_" + std::to_string(serial++);
  const auto entries = first_of_each_prefix(prefixes);
  max_rules_ = static_cast<std::uint32_t>(std::max<std::size_t>(entries.size(), 1));
  tbl8_groups_ = tbl8_groups_needed(prefixes) + 1;
  rte_lpm_config config{};
  config.max_rules = max_rules_;
  config.number_tbl8s = tbl8_groups_;
  config.flags = 0;
  const std::size_t before = heap_bytes();
  lpm_ = rte_lpm_create(name.c_str(), static_cast<int>(rte_socket_id()), &config);
  if (lpm_ == nullptr) {
    throw std::runtime_error("[moat.bench] rte_lpm_create(" + std::to_string(max_rules_) + " rules, " +
                             std::to_string(tbl8_groups_) + " tbl8s) failed: " + rte_strerror(rte_errno));
  }
  memory_bytes_ = heap_bytes() - before;
  for (const std::uint32_t i : entries) {
    const auto& prefix = prefixes[i];
    const auto ip = static_cast<std::uint32_t>(prefix.network().value());
    const int rc = rte_lpm_add(lpm_, ip, static_cast<std::uint8_t>(prefix.length()), i);
    if (rc != 0) {
      rte_lpm_free(lpm_);
      throw std::runtime_error("[moat.bench] rte_lpm_add(" + prefix.to_string() + ") failed: " + rte_strerror(-rc));
    }
  }
}

DpdkLpm::~DpdkLpm() { rte_lpm_free(lpm_); }

std::optional<std::uint32_t> DpdkLpm::lookup(std::uint32_t address) const {
  std::uint32_t next_hop = 0;
  if (rte_lpm_lookup(lpm_, address, &next_hop) != 0) return std::nullopt;
  return next_hop;
}

std::uint64_t DpdkLpm::lookup_each(std::span<const std::uint32_t> addresses) const {
  std::uint64_t sum = 0;
  for (const std::uint32_t address : addresses) {
    std::uint32_t next_hop = 0;
    if (rte_lpm_lookup(lpm_, address, &next_hop) == 0) sum += next_hop;
  }
  return sum;
}

std::uint64_t DpdkLpm::lookup_bulk(std::span<const std::uint32_t> addresses) const {
  constexpr std::size_t chunk = 64;
  std::uint32_t next_hops[chunk];
  std::uint64_t sum = 0;
  for (std::size_t start = 0; start < addresses.size(); start += chunk) {
    const auto n = static_cast<unsigned>(std::min(chunk, addresses.size() - start));
    rte_lpm_lookup_bulk(lpm_, addresses.data() + start, next_hops, n);
    for (unsigned i = 0; i < n; ++i) {
      if (next_hops[i] & RTE_LPM_LOOKUP_SUCCESS) sum += next_hops[i] & 0x00ffffffu;
    }
  }
  return sum;
}

std::size_t DpdkLpm::formula_bytes() const {
  return (std::size_t{1} << 24) * 4 + std::size_t{tbl8_groups_} * 256 * 4 + std::size_t{max_rules_} * 8;
}

}  // namespace moat::bench
