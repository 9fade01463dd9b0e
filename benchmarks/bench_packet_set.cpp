// bench_packet_set: the cost of PacketSet intersection and difference (union is one
// difference plus a concatenation, so it is measured too) on sets of 1 k and 100 k
// disjoint boxes built by random_packet_set (packet_set_workload.hpp).
//
// Both operations compare every box of one operand with every box of the other, so
// 100 k x 100 k (10^10 box pairs) is out of reach of a benchmark run; the 100 k set is
// measured against sets of 16 and 1 k boxes instead.
//
// Names: <operation>/<boxes of a>x<boxes of b>; counters give the exact box counts, the
// result's box count and box_pairs_per_second = |a| x |b| / time.

#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <utility>

#include "moat/net/packet_set.hpp"
#include "packet_set_workload.hpp"

namespace moat::bench {
namespace {

// The left operand a uses narrow prefixes (/18../28), the right operand b broad ones
// (/14../20), so b's boxes cover many of a's, as a policy covers many flows.
PacketSetShape shape(std::size_t boxes, bool broad) {
  PacketSetShape shape;
  switch (boxes) {
    case 16: shape.rows = 4, shape.columns = 4; break;
    case 1'000: shape.rows = 40, shape.columns = 25; break;
    case 100'000: shape.rows = 400, shape.columns = 250; break;
    default: shape.rows = boxes, shape.columns = 1;
  }
  if (broad) shape.min_length = 14, shape.max_length = 20;
  return shape;
}

const net::PacketSet& packet_set(std::size_t boxes, bool broad) {
  static std::map<std::pair<std::size_t, bool>, net::PacketSet> cache;
  auto it = cache.find({boxes, broad});
  if (it == cache.end()) {
    it = cache.emplace(std::pair{boxes, broad}, random_packet_set(shape(boxes, broad), broad ? 2 : 1)).first;
  }
  return it->second;
}

enum class Operation { intersection, difference, union_with };

const char* to_string(Operation op) {
  switch (op) {
    case Operation::intersection: return "intersection";
    case Operation::difference: return "difference";
    case Operation::union_with: return "union";
  }
  return "?";
}

void set_operation(benchmark::State& state, Operation op, std::size_t a_boxes, std::size_t b_boxes) {
  const auto& a = packet_set(a_boxes, false);
  const auto& b = packet_set(b_boxes, true);
  std::size_t result_boxes = 0;
  for (auto _ : state) {
    net::PacketSet result;
    switch (op) {
      case Operation::intersection: result = a.intersection(b); break;
      case Operation::difference: result = a.difference(b); break;
      case Operation::union_with: result = a.union_with(b); break;
    }
    result_boxes = result.box_count();
    benchmark::DoNotOptimize(result);
  }
  const double pairs = static_cast<double>(a.box_count()) * static_cast<double>(b.box_count());
  state.counters["a_boxes"] = static_cast<double>(a.box_count());
  state.counters["b_boxes"] = static_cast<double>(b.box_count());
  state.counters["result_boxes"] = static_cast<double>(result_boxes);
  state.counters["box_pairs_per_second"] =
      benchmark::Counter(pairs * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void register_all() {
  const std::pair<std::size_t, std::size_t> sizes[] = {{1'000, 16}, {1'000, 1'000}, {100'000, 16}, {100'000, 1'000}};
  for (auto op : {Operation::intersection, Operation::difference, Operation::union_with}) {
    for (auto [a, b] : sizes) {
      const std::string name = std::string(to_string(op)) + "/" + std::to_string(a) + "x" + std::to_string(b);
      auto* bench = benchmark::RegisterBenchmark(name.c_str(), set_operation, op, a, b);
      bench->Unit(a * b >= 1'000'000 ? benchmark::kMillisecond : benchmark::kMicrosecond);
      if (a * b >= 100'000'000) bench->Iterations(1);
    }
  }
}

}  // namespace
}  // namespace moat::bench

int main(int argc, char** argv) {
  moat::bench::register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
