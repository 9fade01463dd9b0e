// bench_load: throughput of the Terraform state loader against a bare JSON parse.
//
// For every state file named in MOAT_BENCH_STATES (colon-separated paths; run.sh
// generates estate-{1,10,50}mb.tfstate with gen_estate.py) two benchmarks run on the
// same bytes held in memory:
//   parse/<file>  nlohmann::json::parse of the text (and freeing the tree): the floor
//   load/<file>   moat::tfstate::load_state_text: parse, convert, link (and freeing)
// bytes_per_second is the state's size over the CPU time per load. After the runs a
// summary gives each file's load/parse CPU-time ratio (goal: at most 1.5).
//
// Before measuring, each file is loaded once and its object counts and diagnostics are
// printed, so a benchmark of a state the loader rejects or half-reads is noticed.

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "moat/core/error.hpp"
#include "moat/model/snapshot.hpp"
#include "moat/tfstate/load_states.hpp"

namespace moat::bench {
namespace {

struct StateFile {
  std::string name;  // file name without extension: "estate-50mb"
  std::string text;
};

std::vector<std::string> split_paths(const std::string& list) {
  std::vector<std::string> paths;
  std::size_t start = 0;
  while (start <= list.size()) {
    auto end = list.find(':', start);
    if (end == std::string::npos) end = list.size();
    if (end > start) paths.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return paths;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "bench_load: cannot read %s\n", path.c_str());
    std::exit(2);
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

double megabytes(std::size_t bytes) { return static_cast<double>(bytes) / 1e6; }

// Loads once outside the timing and says what came out.
void describe(const StateFile& state) {
  try {
    auto snapshot = tfstate::load_state_text(state.text, state.name + ".tfstate");
    std::size_t routes = 0;
    for (const auto& table : snapshot.route_tables) routes += table.routes.size();
    std::printf("%s: %.1f MB -> %zu VPCs, %zu subnets, %zu route tables (%zu routes), %zu security groups, "
                "%zu ECS services, %zu diagnostics\n",
                state.name.c_str(), megabytes(state.text.size()), snapshot.vpcs.size(), snapshot.subnets.size(),
                snapshot.route_tables.size(), routes, snapshot.security_groups.size(), snapshot.ecs_services.size(),
                snapshot.diagnostics.size());
    // Each diagnostic code once, with its count and first example.
    std::map<std::string, std::pair<std::size_t, const model::Diagnostic*>> codes;
    for (const auto& diagnostic : snapshot.diagnostics) {
      auto& [count, first] = codes[diagnostic.code];
      if (count++ == 0) first = &diagnostic;
    }
    for (const auto& [code, seen] : codes) {
      std::printf("  %s x%zu, e.g. %s: %s\n", code.c_str(), seen.first, seen.second->address.c_str(),
                  seen.second->message.c_str());
    }
  } catch (const Error& error) {
    std::fprintf(stderr, "bench_load: %s does not load: %s\n", state.name.c_str(), error.what());
    std::exit(3);
  }
}

void bm_parse(benchmark::State& state, const StateFile* file) {
  for (auto _ : state) {
    auto document = nlohmann::json::parse(file->text);
    benchmark::DoNotOptimize(document);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * file->text.size()));
}

void bm_load(benchmark::State& state, const StateFile* file) {
  for (auto _ : state) {
    auto snapshot = tfstate::load_state_text(file->text, file->name + ".tfstate");
    benchmark::DoNotOptimize(snapshot);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * file->text.size()));
}

// The console output plus, at the end, the load/parse ratio of each file (from the
// median when repetitions are on, else from the single run). CPU time, like
// bytes_per_second: on a shared machine wall-clock time mostly measures the neighbours.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& run : runs) {
      if (run.error_occurred) continue;
      bool aggregate = run.run_type == Run::RT_Aggregate;
      if (aggregate && run.aggregate_name != "median") continue;
      const auto& name = run.run_name.function_name;  // "load/estate-50mb"
      auto slash = name.find('/');
      if (slash == std::string::npos) continue;
      auto& slot = seconds_[name.substr(slash + 1)][name.substr(0, slash)];
      if (aggregate || slot.second == 0) slot = {run.GetAdjustedCPUTime(), aggregate ? 2 : 1};
    }
  }

  void Finalize() override {
    ConsoleReporter::Finalize();
    std::printf("\n%-16s %12s %12s %14s\n", "state", "parse MB/s", "load MB/s", "load/parse");
    for (const auto& [file, times] : seconds_) {
      auto parse = times.find("parse");
      auto load = times.find("load");
      if (parse == times.end() || load == times.end()) continue;
      double bytes = static_cast<double>(sizes_.at(file));
      // Times are in the benchmarks' unit (ms); MB/s from bytes per ms.
      std::printf("%-16s %12.1f %12.1f %13.2fx%s\n", file.c_str(), bytes / 1e3 / parse->second.first,
                  bytes / 1e3 / load->second.first, load->second.first / parse->second.first,
                  load->second.first <= 1.5 * parse->second.first ? "" : "  (goal <= 1.5x)");
    }
  }

  void add_size(const std::string& file, std::size_t bytes) { sizes_[file] = bytes; }

 private:
  // file -> benchmark ("parse"/"load") -> (CPU time per iteration, 2 if from a median)
  std::map<std::string, std::map<std::string, std::pair<double, int>>> seconds_;
  std::map<std::string, std::size_t> sizes_;
};

}  // namespace
}  // namespace moat::bench

int main(int argc, char** argv) {
  using namespace moat::bench;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  const char* list = std::getenv("MOAT_BENCH_STATES");
  if (list == nullptr || *list == '\0') {
    std::fprintf(stderr,
                 "bench_load: set MOAT_BENCH_STATES to colon-separated state files, e.g. one made with\n"
                 "  /usr/bin/python3 benchmarks/gen_estate.py --vpcs 500 -o estate-50mb.tfstate\n"
                 "(benchmarks/run.sh generates build-bench/estate-{1,10,50}mb.tfstate and sets it)\n");
    return 2;
  }
  static std::vector<StateFile> files;
  for (const auto& path : split_paths(list)) {
    files.push_back({std::filesystem::path(path).stem().string(), read_file(path)});
  }
  RatioReporter reporter;
  for (const auto& file : files) {
    describe(file);
    reporter.add_size(file.name, file.text.size());
    benchmark::RegisterBenchmark(("parse/" + file.name).c_str(), bm_parse, &file)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("load/" + file.name).c_str(), bm_load, &file)->Unit(benchmark::kMillisecond);
  }
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
