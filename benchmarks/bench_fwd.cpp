// bench_fwd: "is any source isolated from the internet?" over a generated in-memory
// estate behind one transit gateway (fwd_estate.hpp): 1,000 VPCs, 10,000 subnets (one ECS
// service each), 101,000 VPC routes (per VPC table: the local route, 0.0.0.0/0 and 99
// on-prem /24s -> TGW, so 100,000 to the TGW), one TGW route table with every VPC
// attachment associated and propagated and no default route (so no internet path exists
// and every source is traversed to its end). The counters are counted from the generated
// snapshot: vpcs, subnets, sources, routes (all VPC route-table entries) and tgw_routes.
//
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DMOAT_BUILD_BENCHMARKS=ON
//   cmake --build build-bench --target bench_fwd && build-bench/benchmarks/bench_fwd

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <vector>

#include "fwd_estate.hpp"
#include "moat/fwd/network.hpp"

namespace {

using namespace moat;

const model::Snapshot& estate() {
  static const model::Snapshot snapshot = bench::generate_fwd_estate();
  return snapshot;
}

// What the benchmark ran on, counted from the snapshot rather than restated.
void add_estate_counters(benchmark::State& state, const model::Snapshot& snapshot) {
  const auto counts = bench::count_fwd_estate(snapshot);
  state.counters["vpcs"] = static_cast<double>(counts.vpcs);
  state.counters["subnets"] = static_cast<double>(counts.subnets);
  state.counters["sources"] = static_cast<double>(counts.sources);
  state.counters["routes"] = static_cast<double>(counts.routes);
  state.counters["tgw_routes"] = static_cast<double>(counts.tgw_routes);
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void BM_BuildNetwork(benchmark::State& state) {
  const auto& snapshot = estate();
  for (auto _ : state) {
    fwd::Network network(snapshot);
    benchmark::DoNotOptimize(network.graph().node_count());
  }
  add_estate_counters(state, snapshot);
  state.counters["peak_rss_MiB"] = peak_rss_mib();
}
BENCHMARK(BM_BuildNetwork)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_AnySourceReachesInternet(benchmark::State& state) {
  const auto& snapshot = estate();
  fwd::Network network(snapshot);
  std::vector<fwd::Endpoint> sources;
  for (std::uint32_t i = 0; i < snapshot.ecs_services.size(); ++i) {
    sources.push_back(fwd::Endpoint::of({model::ObjectKind::ecs_service, i}));
  }
  bool isolated = false;
  for (auto _ : state) {
    auto verdict = network.isolated(sources, {fwd::Endpoint::internet()});
    isolated = verdict.holds();
    benchmark::DoNotOptimize(verdict);
  }
  add_estate_counters(state, snapshot);
  state.counters["isolated"] = isolated ? 1 : 0;
  state.counters["peak_rss_MiB"] = peak_rss_mib();
}
BENCHMARK(BM_AnySourceReachesInternet)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
