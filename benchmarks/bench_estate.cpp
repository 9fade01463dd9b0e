// bench_estate: the phases of `moat check` on one scenario, timed, for the scaling curves
// of benchmarks/README.md (driven by benchmarks/scale.py over generated estates).
//
//   bench_estate SCENARIO [--trace FROM TO] [--repeat N]
//
// Prints one JSON object on stdout. Every phase is reported as wall-clock seconds and
// process CPU seconds (CPU time is the figure to trust on a shared machine):
//   parse        nlohmann::json::parse of every state's bytes (the floor for loading)
//   load         tfstate::load_states: parse, convert, link
//   environment  forwarding graph, compiled route tables, DNS context
//   intents      the scenario's intents plus the closed profile's, validated
//   check        every intent evaluated (what `moat check` does after loading)
//   find_leak    only closed/no-internet-egress and closed/no-internet-ingress: the time
//                to find an injected internet path
//   trace        one `moat trace` of FROM -> TO (tcp 443), median of --repeat runs (and the
//                fastest, min_wall_s / min_cpu_s), with
//                the parts of the flow (delivered, dropped) and whether any part is
//                delivered for certain (`moat trace` exit 0)
// plus the intent counts, how many fail, and the peak resident set size (getrusage).
// Default trace: a flow that crosses the estate. From the scenario's first declared
// network (on-prem, over its Direct Connect gateway and the transit gateway) to
// dns:NAME, NAME being the Route 53 alias record of the state's last load balancer (the
// last spoke's internal ALB in gen_estate.py's estates; the last, so that a lookup
// scanning the estate in order pays its whole length) — the generator's "onprem-reaches-app"
// flow, delivered in its estates. Without an alias record: that load balancer's address.
// Without a declared network or a load balancer: the first ECS service to "internet".

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "moat/core/error.hpp"
#include "moat/intent/check.hpp"
#include "moat/intent/closed_profile.hpp"
#include "moat/intent/environment.hpp"
#include "moat/intent/trace.hpp"
#include "moat/scenario/load_scenario.hpp"
#include "moat/tfstate/load_states.hpp"

namespace {

using namespace moat;
using nlohmann::ordered_json;

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

struct Timing {
  double wall = 0;
  double cpu = 0;
  ordered_json to_json() const { return {{"wall_s", wall}, {"cpu_s", cpu}}; }
};

Timing timed(const std::function<void()>& work) {
  const auto wall_start = std::chrono::steady_clock::now();
  const double cpu_start = cpu_seconds();
  work();
  Timing t;
  t.cpu = cpu_seconds() - cpu_start;
  t.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  return t;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError(path.string(), "", "", "cannot be read");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The default --trace FROM TO (see the header).
std::pair<std::string, std::string> default_trace(const scenario::Scenario& scenario, const model::Snapshot& snapshot) {
  if (!scenario.networks.empty() && !snapshot.load_balancers.empty()) {
    const auto& target = snapshot.load_balancers.back();
    std::string to = target.origin.address;
    for (const auto& record : snapshot.resource_records) {
      if (record.alias && !target.dns_name.empty() && record.alias->name == target.dns_name) {
        to = "dns:" + record.name;
        break;
      }
    }
    return {scenario.networks.front().name, to};
  }
  if (!snapshot.ecs_services.empty()) return {snapshot.ecs_services.front().origin.address, "internet"};
  return {};
}

int usage() {
  std::fprintf(stderr, "usage: bench_estate SCENARIO [--trace FROM TO] [--repeat N]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  const std::filesystem::path scenario_file = argv[1];
  std::string trace_from, trace_to = "internet";
  int repeat = 5;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--trace" && i + 2 < argc) {
      trace_from = argv[++i];
      trace_to = argv[++i];
    } else if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::stoi(argv[++i]));
    } else {
      return usage();
    }
  }
  try {
    const auto scenario = scenario::load_scenario(scenario_file);
    ordered_json out;
    out["scenario"] = scenario_file.string();

    std::size_t bytes = 0;
    std::vector<std::string> texts;
    for (const auto& state : scenario.states) texts.push_back(read_file(state));
    for (const auto& text : texts) bytes += text.size();
    out["state_bytes"] = bytes;
    out["parse"] = timed([&] {
                     for (const auto& text : texts) {
                       auto document = nlohmann::json::parse(text);
                       if (document.is_discarded()) std::abort();
                     }
                   }).to_json();
    texts.clear();

    model::Snapshot snapshot;
    out["load"] = timed([&] { snapshot = tfstate::load_states(scenario.states); }).to_json();
    std::size_t routes = 0;
    for (const auto& table : snapshot.route_tables) routes += table.routes.size();
    std::size_t sg_rules = 0;
    for (const auto& group : snapshot.security_groups) sg_rules += group.rules.size();
    out["model"] = {{"vpcs", snapshot.vpcs.size()},
                    {"subnets", snapshot.subnets.size()},
                    {"route_tables", snapshot.route_tables.size()},
                    {"routes", routes},
                    {"security_group_rules", sg_rules},
                    {"ecs_services", snapshot.ecs_services.size()}};

    std::unique_ptr<intent::Environment> environment;
    out["environment"] =
        timed([&] { environment = std::make_unique<intent::Environment>(snapshot, scenario); }).to_json();

    std::vector<intent::Intent> intents;
    out["intents"] = timed([&] {
                       intents = intent::scenario_intents(scenario);
                       for (auto& derived : intent::closed_profile_intents(*environment)) intents.push_back(std::move(derived));
                       for (const auto& i : intents) intent::validate_intent(*environment, i);
                     }).to_json();

    std::size_t failed = 0;
    out["check"] = timed([&] {
                     for (const auto& i : intents) failed += intent::check_intent(*environment, i).holds ? 0 : 1;
                   }).to_json();
    out["intent_count"] = intents.size();
    out["failed_intents"] = failed;

    std::vector<std::string> leaks;
    out["find_leak"] = timed([&] {
                         for (const auto& i : intents) {
                           if (i.name != "closed/no-internet-egress" && i.name != "closed/no-internet-ingress") continue;
                           if (!intent::check_intent(*environment, i).holds) leaks.push_back(i.name);
                         }
                       }).to_json();
    out["leaks_found"] = leaks;

    if (trace_from.empty()) std::tie(trace_from, trace_to) = default_trace(scenario, snapshot);
    if (!trace_from.empty()) {
      std::vector<Timing> runs;
      std::size_t delivered_parts = 0, dropped_parts = 0;
      bool delivered = false;
      for (int r = 0; r < repeat; ++r) {
        runs.push_back(timed([&] {
          auto traced = intent::trace(*environment, trace_from, trace_to, net::ProtocolSet::of(6), net::PortSet::of(443));
          delivered_parts = traced.result.delivered.size();
          dropped_parts = traced.result.dropped.size();
          delivered = traced.delivered();
        }));
      }
      std::sort(runs.begin(), runs.end(), [](const Timing& a, const Timing& b) { return a.wall < b.wall; });
      out["trace"] = runs[runs.size() / 2].to_json();
      // The fastest run: on a loaded machine, the closest to the uncontended cost.
      out["trace"]["min_wall_s"] = runs.front().wall;
      out["trace"]["min_cpu_s"] =
          std::min_element(runs.begin(), runs.end(), [](const Timing& a, const Timing& b) { return a.cpu < b.cpu; })->cpu;
      out["trace"]["from"] = trace_from;
      out["trace"]["to"] = trace_to;
      out["trace"]["parts"] = delivered_parts + dropped_parts;
      out["trace"]["delivered_parts"] = delivered_parts;
      out["trace"]["dropped_parts"] = dropped_parts;
      out["trace"]["delivered"] = delivered;
    }

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    out["peak_rss_mib"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
    std::printf("%s\n", out.dump(2).c_str());
  } catch (const Error& error) {
    std::fprintf(stderr, "bench_estate: %s\n", error.what());
    return 2;
  }
  return 0;
}
