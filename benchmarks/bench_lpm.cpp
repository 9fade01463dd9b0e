// bench_lpm: longest-prefix match on IPv4 tables of 1 k, 100 k and 1 M random prefixes
// (two length mixes, see prefix_workload.hpp), moat's PrefixTable against a naive linear
// scan and, when built with MOAT_BENCH_DPDK, DPDK's rte_lpm on the very same prefixes.
//
// Benchmark names: <what>/<implementation>/<mix>/<prefixes>[/<addresses>], e.g.
//   lookup/moat/bgp/1000000/random     lookup/rte_lpm/bgp/1000000/inside
// Implementations: moat (PrefixTable<uint32_t>::lookup, the typed API: address in, span
// of entries out), moat_index (PrefixIndex::lookup_v4: address value in, group id out,
// like rte_lpm), rte_lpm, rte_lpm_bulk (rte_lpm_lookup_bulk, 64 at a time), linear.
// "random" addresses are uniform over 0.0.0.0/0; "inside" addresses fall inside a
// uniformly chosen table prefix. Lookups run in batches of 256 over a pre-generated
// array of 2^20 addresses; items_per_second is lookups per second.
//
// Before a table's first measurement its answers are checked: moat against the linear
// scan on a sample, and moat against rte_lpm on every pre-generated address, comparing
// winning prefixes (not entry indexes: duplicate prefixes may pick different entries).
// Any disagreement stops the program with exit code 3.

#include <benchmark/benchmark.h>
#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "linear_lpm.hpp"
#include "moat/net/prefix_table.hpp"
#include "prefix_workload.hpp"
#ifdef MOAT_BENCH_WITH_DPDK
#include "dpdk_lpm.hpp"
#endif

namespace moat::bench {
namespace {

using Table = net::PrefixTable<std::uint32_t>;

constexpr std::size_t address_count = std::size_t{1} << 20;
constexpr std::size_t batch = 256;
constexpr std::uint64_t table_seed = 20261125;

enum class Addresses { random, inside };
const char* to_string(Addresses kind) { return kind == Addresses::random ? "random" : "inside"; }

std::size_t heap_in_use() {
  const auto info = mallinfo2();
  return info.uordblks + info.hblkhd;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::vector<Table::Entry> entries_of(const std::vector<net::Prefix>& prefixes) {
  std::vector<Table::Entry> entries;
  entries.reserve(prefixes.size());
  for (std::size_t i = 0; i < prefixes.size(); ++i) entries.push_back({prefixes[i], static_cast<std::uint32_t>(i)});
  return entries;
}

[[noreturn]] void disagree(const std::string& what) {
  std::fprintf(stderr, "[moat.bench] WRONG ANSWER, stopping: %s\n", what.c_str());
  std::exit(3);
}

std::string describe(const std::optional<net::Prefix>& prefix) { return prefix ? prefix->to_string() : "no match"; }

// One prefix table with every structure built over it, created on first use and kept.
struct Workload {
  std::size_t size = 0;
  LengthMix mix = LengthMix::uniform;
  std::vector<net::Prefix> prefixes;
  std::size_t distinct = 0;
  std::vector<std::uint32_t> random_addresses;
  std::vector<std::uint32_t> inside_addresses;

  std::unique_ptr<Table> moat;
  std::size_t moat_heap_bytes = 0;  // malloc'd bytes observed while building (cross-check)
  std::unique_ptr<net::PrefixIndex> index;  // the untyped index under the table, alone
  double moat_build_seconds = 0;
  std::unique_ptr<LinearLpm> linear;
#ifdef MOAT_BENCH_WITH_DPDK
  std::unique_ptr<DpdkLpm> dpdk;
  double dpdk_build_seconds = 0;
#endif

  std::string name() const { return std::string(bench::to_string(mix)) + "/" + std::to_string(size); }
  const std::vector<std::uint32_t>& addresses(Addresses kind) const {
    return kind == Addresses::random ? random_addresses : inside_addresses;
  }

  std::optional<net::Prefix> moat_winner(std::uint32_t address) const {
    auto candidates = moat->lookup(net::Ipv4Address(address));
    if (candidates.empty()) return std::nullopt;
    return candidates.front().prefix;
  }

  Table& moat_table() {
    if (!moat) {
      const std::size_t heap_before = heap_in_use();
      const auto start = std::chrono::steady_clock::now();
      moat = std::make_unique<Table>(net::IpFamily::v4, entries_of(prefixes));
      moat_build_seconds = seconds_since(start);
      moat_heap_bytes = heap_in_use() - heap_before;
      index = std::make_unique<net::PrefixIndex>(net::IpFamily::v4, prefixes);
      check_moat_against_linear();
    }
    return *moat;
  }

  LinearLpm& linear_table() {
    if (!linear) linear = std::make_unique<LinearLpm>(prefixes);
    return *linear;
  }

  void check_moat_against_linear() {
    // The scan costs size operations per address: keep the sample to ~10^8 operations.
    const std::size_t sample = std::max<std::size_t>(64, std::min<std::size_t>(4096, 100'000'000 / size));
    const auto& scan = linear_table();
    for (auto kind : {Addresses::random, Addresses::inside}) {
      const auto& list = addresses(kind);
      for (std::size_t i = 0; i < sample; ++i) {
        const auto expected_index = scan.lookup(list[i]);
        std::optional<net::Prefix> expected;
        if (expected_index) expected = prefixes[*expected_index];
        const auto got = moat_winner(list[i]);
        if (got != expected) {
          disagree(name() + ": moat answers " + describe(got) + " for " + net::Ipv4Address(list[i]).to_string() +
                   ", the linear scan " + describe(expected));
        }
        const auto group = index->lookup_v4(list[i]);
        const std::optional<net::Prefix> by_index =
            group ? std::optional<net::Prefix>(index->group_prefix(*group)) : std::nullopt;
        if (by_index != expected) {
          disagree(name() + ": PrefixIndex::lookup_v4 answers " + describe(by_index) + " for " +
                   net::Ipv4Address(list[i]).to_string() + ", the linear scan " + describe(expected));
        }
      }
    }
    if (size > 100'000) linear.reset();  // only kept where it is benchmarked
  }

#ifdef MOAT_BENCH_WITH_DPDK
  DpdkLpm& dpdk_table() {
    if (!dpdk) {
      const auto start = std::chrono::steady_clock::now();
      dpdk = std::make_unique<DpdkLpm>(prefixes);
      dpdk_build_seconds = seconds_since(start);
      check_moat_against_dpdk();
    }
    return *dpdk;
  }

  void check_moat_against_dpdk() {
    moat_table();
    for (auto kind : {Addresses::random, Addresses::inside}) {
      for (const std::uint32_t address : addresses(kind)) {
        const auto hop = dpdk->lookup(address);
        std::optional<net::Prefix> theirs;
        if (hop) theirs = prefixes[*hop];
        const auto ours = moat_winner(address);
        if (ours != theirs) {
          disagree(name() + ": moat answers " + describe(ours) + " for " + net::Ipv4Address(address).to_string() +
                   ", rte_lpm " + describe(theirs));
        }
      }
    }
  }
#endif
};

std::map<std::pair<std::size_t, LengthMix>, Workload>& workloads() {
  static std::map<std::pair<std::size_t, LengthMix>, Workload> cache;
  return cache;
}

Workload& workload(std::size_t size, LengthMix mix) {
  auto [it, inserted] = workloads().try_emplace({size, mix});
  Workload& w = it->second;
  if (inserted) {
    const std::uint64_t seed = table_seed + size * 2 + (mix == LengthMix::bgp ? 1 : 0);
    w.size = size;
    w.mix = mix;
    w.prefixes = random_prefixes(size, mix, seed);
    w.distinct = distinct_count(w.prefixes);
    w.random_addresses = bench::random_addresses(address_count, seed + 101);
    w.inside_addresses = addresses_inside(w.prefixes, address_count, seed + 202);
  }
  return w;
}

// --- the benchmarks -------------------------------------------------------------------

std::uint64_t moat_lookup_each(const Table& table, std::span<const std::uint32_t> addresses) {
  std::uint64_t sum = 0;
  for (const std::uint32_t address : addresses) {
    auto candidates = table.lookup(net::Ipv4Address(address));
    if (!candidates.empty()) sum += candidates.front().value;
  }
  return sum;
}

std::uint64_t index_lookup_each(const net::PrefixIndex& index, std::span<const std::uint32_t> addresses) {
  std::uint64_t sum = 0;
  for (const std::uint32_t address : addresses) {
    if (auto group = index.lookup_v4(address)) sum += *group;
  }
  return sum;
}

std::uint64_t linear_lookup_each(const LinearLpm& table, std::span<const std::uint32_t> addresses) {
  std::uint64_t sum = 0;
  for (const std::uint32_t address : addresses) {
    if (auto index = table.lookup(address)) sum += *index;
  }
  return sum;
}

void table_counters(benchmark::State& state, const Workload& w, double bytes) {
  state.counters["prefixes"] = static_cast<double>(w.size);
  state.counters["distinct"] = static_cast<double>(w.distinct);
  state.counters["bytes_per_prefix"] = bytes / static_cast<double>(w.size);
  state.counters["MiB"] = bytes / (1024.0 * 1024.0);
}

template <class LookupEach>
void run_lookups(benchmark::State& state, const std::vector<std::uint32_t>& addresses, LookupEach&& lookup_each) {
  std::size_t offset = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(lookup_each(std::span<const std::uint32_t>(addresses.data() + offset, batch)));
    offset = (offset + batch) & (address_count - 1);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * batch));
}

void moat_lookup(benchmark::State& state, std::size_t size, LengthMix mix, Addresses kind) {
  auto& w = workload(size, mix);
  const Table& table = w.moat_table();
  run_lookups(state, w.addresses(kind), [&](auto span) { return moat_lookup_each(table, span); });
  table_counters(state, w, static_cast<double>(table.memory_bytes()));
}

// PrefixIndex::lookup_v4 alone: address value in, group id out — the same contract as
// rte_lpm_lookup (next hop id out), without PrefixTable's step to the entries.
void index_lookup(benchmark::State& state, std::size_t size, LengthMix mix, Addresses kind) {
  auto& w = workload(size, mix);
  w.moat_table();
  const net::PrefixIndex& index = *w.index;
  run_lookups(state, w.addresses(kind), [&](auto span) { return index_lookup_each(index, span); });
  table_counters(state, w, static_cast<double>(index.lookup_memory_bytes()));
}

void linear_lookup(benchmark::State& state, std::size_t size, LengthMix mix, Addresses kind) {
  auto& w = workload(size, mix);
  w.moat_table();  // runs the correctness check
  const LinearLpm& table = w.linear_table();
  run_lookups(state, w.addresses(kind), [&](auto span) { return linear_lookup_each(table, span); });
  table_counters(state, w, static_cast<double>(table.memory_bytes()));
}

void moat_build(benchmark::State& state, std::size_t size, LengthMix mix) {
  auto& w = workload(size, mix);
  w.moat_table();
  for (auto _ : state) {
    auto entries = entries_of(w.prefixes);
    const auto start = std::chrono::steady_clock::now();
    Table table(net::IpFamily::v4, std::move(entries));
    state.SetIterationTime(seconds_since(start));
    benchmark::DoNotOptimize(table.size());
  }
  table_counters(state, w, static_cast<double>(w.moat->memory_bytes()));
  state.counters["index_bytes_per_prefix"] = static_cast<double>(w.index->memory_bytes()) / static_cast<double>(size);
  state.counters["lookup_bytes_per_prefix"] =
      static_cast<double>(w.index->lookup_memory_bytes()) / static_cast<double>(size);
  state.counters["lookup_MiB"] = static_cast<double>(w.index->lookup_memory_bytes()) / (1024.0 * 1024.0);
  state.counters["malloc_bytes_per_prefix"] = static_cast<double>(w.moat_heap_bytes) / static_cast<double>(size);
}

void moat_partition(benchmark::State& state, std::size_t size, LengthMix mix) {
  auto& w = workload(size, mix);
  const Table& table = w.moat_table();
  static const auto queries = random_address_sets(4096, 1, 8, 16, 32, 77);
  std::size_t next = 0;
  std::size_t parts = 0;
  for (auto _ : state) {
    auto result = table.partition(queries[next]);
    parts += result.size();
    benchmark::DoNotOptimize(result.data());
    next = (next + 1) & (queries.size() - 1);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.counters["parts_per_query"] = static_cast<double>(parts) / static_cast<double>(state.iterations());
  state.counters["parts_per_second"] = benchmark::Counter(static_cast<double>(parts), benchmark::Counter::kIsRate);
}

#ifdef MOAT_BENCH_WITH_DPDK
void dpdk_lookup(benchmark::State& state, std::size_t size, LengthMix mix, Addresses kind, bool bulk) {
  auto& w = workload(size, mix);
  const DpdkLpm& table = w.dpdk_table();
  if (bulk) {
    run_lookups(state, w.addresses(kind), [&](auto span) { return table.lookup_bulk(span); });
  } else {
    run_lookups(state, w.addresses(kind), [&](auto span) { return table.lookup_each(span); });
  }
  table_counters(state, w, static_cast<double>(table.memory_bytes()));
  state.counters["tbl8_groups"] = static_cast<double>(table.tbl8_groups());
}

void dpdk_build(benchmark::State& state, std::size_t size, LengthMix mix) {
  auto& w = workload(size, mix);
  // rte_lpm_add scans the rules of the same length linearly, so building a 1 M table
  // takes long: it is built once (the table the lookups then use) and that time reported.
  for (auto _ : state) {
    w.dpdk.reset();
    w.dpdk_table();
    state.SetIterationTime(w.dpdk_build_seconds);
  }
  table_counters(state, w, static_cast<double>(w.dpdk->memory_bytes()));
  state.counters["formula_bytes_per_prefix"] =
      static_cast<double>(w.dpdk->formula_bytes()) / static_cast<double>(size);
  state.counters["tbl8_groups"] = static_cast<double>(w.dpdk->tbl8_groups());
}
#endif

std::string name_of(const char* what, const char* impl, LengthMix mix, std::size_t size) {
  return std::string(what) + "/" + impl + "/" + std::string(bench::to_string(mix)) + "/" + std::to_string(size);
}

void register_all() {
  const std::size_t sizes[] = {1'000, 100'000, 1'000'000};
  const LengthMix mixes[] = {LengthMix::uniform, LengthMix::bgp};
  const Addresses kinds[] = {Addresses::random, Addresses::inside};
  for (auto mix : mixes) {
    for (auto size : sizes) {
      auto* b = benchmark::RegisterBenchmark(name_of("build", "moat", mix, size).c_str(), moat_build, size, mix);
      b->UseManualTime()->Unit(benchmark::kMillisecond);
      if (size >= 1'000'000) b->Iterations(3);
#ifdef MOAT_BENCH_WITH_DPDK
      // rte_lpm's tbl8_alloc scans the tbl8 groups from the first for a free one, so a
      // build costs O(groups^2): the uniform 1 M table needs ~317 k groups and took 478 s
      // on an idle 2-CPU machine (far longer on a busy one). Opt in with the variable.
      const bool with_dpdk =
          !(mix == LengthMix::uniform && size >= 1'000'000) || std::getenv("MOAT_BENCH_SLOW_RTE_LPM") != nullptr;
      if (with_dpdk) {
        benchmark::RegisterBenchmark(name_of("build", "rte_lpm", mix, size).c_str(), dpdk_build, size, mix)
            ->UseManualTime()
            ->Unit(benchmark::kMillisecond)
            ->Iterations(1);
      }
#endif
      for (auto kind : kinds) {
        const std::string suffix = std::string("/") + to_string(kind);
        benchmark::RegisterBenchmark((name_of("lookup", "moat", mix, size) + suffix).c_str(), moat_lookup, size, mix,
                                     kind);
        benchmark::RegisterBenchmark((name_of("lookup", "moat_index", mix, size) + suffix).c_str(), index_lookup, size,
                                     mix, kind);
#ifdef MOAT_BENCH_WITH_DPDK
        if (with_dpdk) {
          benchmark::RegisterBenchmark((name_of("lookup", "rte_lpm", mix, size) + suffix).c_str(), dpdk_lookup, size,
                                       mix, kind, false);
          benchmark::RegisterBenchmark((name_of("lookup", "rte_lpm_bulk", mix, size) + suffix).c_str(), dpdk_lookup,
                                       size, mix, kind, true);
        }
#endif
        if (size <= 100'000) {
          auto* linear = benchmark::RegisterBenchmark((name_of("lookup", "linear", mix, size) + suffix).c_str(),
                                                      linear_lookup, size, mix, kind);
          if (size > 1'000) linear->Iterations(20);
        }
      }
      benchmark::RegisterBenchmark(name_of("partition", "moat", mix, size).c_str(), moat_partition, size, mix)
          ->Unit(benchmark::kMicrosecond);
    }
  }
}

}  // namespace
}  // namespace moat::bench

int main(int argc, char** argv) {
#ifdef MOAT_BENCH_WITH_DPDK
  try {
    moat::bench::DpdkLpm::init_eal();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
#endif
  moat::bench::register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  moat::bench::workloads().clear();  // frees the rte_lpm tables while the EAL still runs
#ifdef MOAT_BENCH_WITH_DPDK
  moat::bench::DpdkLpm::cleanup_eal();
#endif
  return 0;
}
