// moat: the command-line front end. Each subcommand is one small function over the public
// API; add a subcommand by adding an add_<name>() function and one line in main().
//
// Exit codes: 0 success (warnings allowed; check: every intent holds; trace: some part of
// the flow is delivered; resolve: the name resolves), 1 the answer is no (check: some
// intent fails; trace: nothing is delivered; resolve: no answer), 2 bad input or usage (an
// input could not be loaded, a bad option, an output that cannot be written, SVG asked
// for without Graphviz; inspect/check --strict: a load or scenario warning).
// Colour only when stdout is a terminal (and NO_COLOR is unset); progress only when
// stderr is a terminal.

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <unistd.h>

#include <CLI/CLI.hpp>

#include "moat/core/error.hpp"
#include "moat/intent/check.hpp"
#include "moat/intent/trace.hpp"
#include "moat/report/flow_diagram.hpp"
#include "moat/report/render_svg.hpp"
#include "moat/report/to_dot.hpp"
#include "moat/report/to_json.hpp"
#include "moat/report/to_mermaid.hpp"
#include "moat/report/to_junit.hpp"
#include "moat/report/to_sarif.hpp"
#include "moat/report/to_text.hpp"
#include "moat/report/topology_diagram.hpp"
#include "moat/scenario/load_scenario.hpp"
#include "moat/model/snapshot.hpp"
#include "moat/tfstate/load_states.hpp"

namespace {

constexpr int exit_no = 1;
constexpr int exit_load_error = 2;

bool stdout_colour() { return isatty(fileno(stdout)) != 0 && std::getenv("NO_COLOR") == nullptr; }

// A one-line progress display on stderr ("loading 2 states…", "checking 14 intents
// [3/14] name"), redrawn in place at most ten times a second and erased when done;
// silent unless stderr is a terminal.
class Progress {
 public:
  Progress() : active_(isatty(fileno(stderr)) != 0) {}
  ~Progress() { clear(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void show(const std::string& line, bool force = false) {
    if (!active_) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && shown_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    shown_ = true;
    std::cerr << "\r\033[K" << line << std::flush;
  }
  void clear() {
    if (active_ && shown_) std::cerr << "\r\033[K" << std::flush;
    shown_ = false;
  }
  void on_check(const moat::intent::CheckProgress& p) {
    using Stage = moat::intent::CheckProgress::Stage;
    switch (p.stage) {
      case Stage::loading: show(loading_text(p.total), true); break;
      case Stage::checking:  // the first intent is always shown, the rest as time allows
        show("checking " + std::to_string(p.total) + " intents [" + std::to_string(p.done + 1) + "/" + std::to_string(p.total) +
                 "] " + p.intent,
             p.done == 0);
        break;
      case Stage::finished: clear(); break;
    }
  }
  static std::string loading_text(std::size_t states) {
    return "loading " + std::to_string(states) + (states == 1 ? " state\u2026" : " states\u2026");
  }

 private:
  bool active_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
};

// Loads the scenario's states with "loading N states…" on a terminal.
moat::model::Snapshot load_with_progress(const moat::scenario::Scenario& scenario, Progress& progress) {
  progress.show(Progress::loading_text(scenario.states.size()), true);
  auto snapshot = moat::tfstate::load_states(scenario.states);
  progress.clear();
  return snapshot;
}

// Writes text to FILE, or to stdout when FILE is empty; false when FILE cannot be written.
bool write_output(const std::string& text, const std::filesystem::path& file, const char* command) {
  if (file.empty()) {
    std::cout << text;
    return true;
  }
  std::ofstream out(file, std::ios::binary);
  out << text;
  if (!out) {
    std::cerr << "[moat." << command << "] cannot write " << file.string() << "\n";
    return false;
  }
  return true;
}

// A diagram in the format asked for: dot, svg (through Graphviz), mermaid or json.
std::string render_diagram(const moat::report::Diagram& diagram, const std::string& format) {
  if (format == "mermaid") return moat::report::to_mermaid(diagram);
  if (format == "json") return moat::report::to_json(diagram);
  if (format == "svg") return moat::report::render_svg(moat::report::to_dot(diagram));
  return moat::report::to_dot(diagram);
}

// ---- inspect -----------------------------------------------------------------------------
struct InspectArgs {
  std::vector<std::filesystem::path> states;
  bool strict = false;
};

void print_inspection(const moat::model::Snapshot& snapshot, std::ostream& out) {
  out << "files:\n";
  for (const auto& file : snapshot.files) out << "  " << file << "\n";
  out << "modelled objects:\n";
  for (std::size_t k = 0; k < moat::model::object_kind_count; ++k) {
    auto kind = static_cast<moat::model::ObjectKind>(k);
    if (auto n = snapshot.count(kind); n > 0) out << "  " << moat::model::to_string(kind) << ": " << n << "\n";
  }
  out << "modelled resource types:\n";
  for (const auto& [type, n] : snapshot.modelled) out << "  " << type << ": " << n << "\n";
  out << "unmodelled resource types:\n";
  for (const auto& [type, n] : snapshot.unmodelled) out << "  " << type << ": " << n << "\n";
  out << "diagnostics: " << snapshot.diagnostics.size() << "\n";
  for (const auto& d : snapshot.diagnostics) {
    out << "  " << moat::model::to_string(d.severity) << " [" << d.code << "] " << d.file;
    if (!d.address.empty()) out << ": " << d.address;
    out << ": " << d.message << "\n";
  }
}

int run_inspect(const InspectArgs& args) {
  moat::tfstate::LoadOptions options;
  options.strict = args.strict;
  try {
    auto snapshot = moat::tfstate::load_states(args.states, options);
    print_inspection(snapshot, std::cout);
    return 0;
  } catch (const moat::LoadError& error) {
    std::cerr << error.what() << "\n";
    return exit_load_error;
  }
}

void add_inspect(CLI::App& app, int& status) {
  auto args = std::make_shared<InspectArgs>();
  auto* command = app.add_subcommand("inspect", "Load Terraform state files and summarise what moat understood");
  command->footer(
      "Prints the files read, the modelled objects and resource types, the resource types moat does not\n"
      "model and every load diagnostic. Exit 0 when the states load, 2 when one cannot be loaded.\n\n"
      "Examples:\n"
      "  moat inspect network.tfstate app.tfstate\n"
      "  terraform show -json > show.json && moat inspect --strict show.json");
  command->add_option("STATE", args->states, "Terraform state, show -json or plan JSON files")->required();
  command->add_flag("--strict", args->strict, "Treat warnings as load errors");
  command->callback([args, &status] { status = run_inspect(*args); });
}

// ---- check --------------------------------------------------------------------------------
struct CheckArgs {
  std::filesystem::path scenario;
  std::vector<std::filesystem::path> states;
  std::string profile;
  std::string format = "text";
  std::filesystem::path output;
  bool strict = false;
};

std::string render(const moat::intent::CheckReport& report, const std::string& format, bool colour) {
  if (format == "json") return moat::report::to_json(report);
  if (format == "sarif") return moat::report::to_sarif(report);
  if (format == "junit") return moat::report::to_junit(report);
  return moat::report::to_text(report, colour);
}

int run_check(const CheckArgs& args) {
  Progress progress;
  try {
    auto scenario = moat::scenario::load_scenario(args.scenario);
    moat::intent::CheckOptions options{args.states, args.profile, {}};
    options.strict = args.strict;
    options.progress = [&progress](const moat::intent::CheckProgress& p) { progress.on_check(p); };
    auto report = moat::intent::check_scenario(scenario, options);
    progress.clear();
    if (!write_output(render(report, args.format, args.output.empty() && stdout_colour()), args.output, "check"))
      return exit_load_error;
    return report.ok() ? 0 : exit_no;
  } catch (const moat::Error& error) {
    progress.clear();
    std::cerr << error.what() << "\n";
    return exit_load_error;
  }
}

void add_check(CLI::App& app, int& status) {
  auto args = std::make_shared<CheckArgs>();
  auto* command = app.add_subcommand("check", "Check a scenario's intents: exit 0 all hold, 1 some fail, 2 bad input");
  command->footer(
      "Loads the scenario's states (paths relative to the scenario file) plus every --state, adds the\n"
      "profile's derived intents (closed: no internet path either way, what each ECS service, LB listener\n"
      "and private DNS record needs) and evaluates every intent. Text output: one line per intent with\n"
      "a check mark or a cross, then the witness packet, path and explanations of each failure, with\n"
      "Terraform addresses, then the load and scenario warnings (e.g. cidr.host_bits: a CIDR with host\n"
      "bits set, its network used). json, sarif and junit are for CI. Exit 0 when every intent holds,\n"
      "1 when some fails, 2 on bad input (a file that cannot be loaded, an unknown key, a selector that\n"
      "matches nothing; with --strict, any load or scenario warning).\n\n"
      "Examples:\n"
      "  moat check models/examples/closed-ecs/after/moat.json\n"
      "  moat check moat.json --state dns.tfstate --profile closed\n"
      "  moat check moat.json --format sarif --output moat.sarif\n"
      "  moat check --strict moat.json\n"
      "  moat check moat.json --format json | jq '.intents[] | select(.holds | not) | .name'");
  command->add_option("SCENARIO", args->scenario, "Scenario file (moat.json)")->required();
  command->add_option("--state", args->states, "Another Terraform state file to load (repeatable)");
  command->add_option("--profile", args->profile, "Add a profile's derived intents")->check(CLI::IsMember({"closed"}));
  command->add_option("--format", args->format, "Output format")->check(CLI::IsMember({"text", "json", "sarif", "junit"}));
  command->add_option("--output", args->output, "Write the report to FILE instead of stdout");
  command->add_flag("--strict", args->strict, "Treat every load and scenario warning as an error (exit 2)");
  command->callback([args, &status] { status = run_check(*args); });
}

// ---- graph --------------------------------------------------------------------------------
struct GraphArgs {
  std::vector<std::filesystem::path> inputs;
  std::string format = "dot";
  std::string focus;
  std::filesystem::path output;
};

int run_graph(const GraphArgs& args) {
  Progress progress;
  try {
    auto scenario = moat::scenario::load_scenario_or_states(args.inputs);
    auto snapshot = load_with_progress(scenario, progress);
    moat::intent::Environment environment(snapshot, scenario);
    auto diagram = moat::report::topology_diagram(environment, {"", "", args.focus});
    return write_output(render_diagram(diagram, args.format), args.output, "graph") ? 0 : exit_load_error;
  } catch (const moat::Error& error) {
    progress.clear();
    std::cerr << error.what() << "\n";
    return exit_load_error;
  }
}

void add_graph(CLI::App& app, int& status) {
  auto args = std::make_shared<GraphArgs>();
  auto* command = app.add_subcommand("graph", "Draw the network: region, VPC, AZ and subnet clusters, gateways, routes");
  command->footer(
      "Draws the topology from state, grouped as AWS diagrams are: region, VPC, AZ and subnet clusters;\n"
      "gateways on the VPC edge; the internet and declared networks outside; route tables with their\n"
      "routes on the edges. Output is deterministic, so diagrams can be committed and diffed.\n"
      "Exit 0 when drawn, 2 on bad input (or SVG without Graphviz).\n\n"
      "Examples:\n"
      "  moat graph after/moat.json --format svg --output after.svg\n"
      "  moat graph network.tfstate app.tfstate --format mermaid\n"
      "  moat graph after/moat.json --focus aws_lb.app --format dot");
  command->add_option("STATE_OR_SCENARIO", args->inputs, "A scenario file (moat.json) and/or Terraform state files")->required();
  command->add_option("--format", args->format, "dot, svg (needs Graphviz: apt-get install graphviz), mermaid or json")
      ->check(CLI::IsMember({"dot", "svg", "mermaid", "json"}));
  command->add_option("--focus", args->focus,
                      "Draw only what is connected to this resource (Terraform address or AWS id), VPC or declared network");
  command->add_option("--output", args->output, "Write to FILE instead of stdout");
  command->callback([args, &status] { status = run_graph(*args); });
}

// ---- trace / resolve ------------------------------------------------------------------------
struct QueryArgs {
  std::filesystem::path input;
  std::string from;
  std::string to;
  std::string protocol = "all";
  std::string port = "all";
  std::string name;
  std::string format = "text";
  std::string focus;
  std::filesystem::path output;
};

int run_trace(const QueryArgs& args) {
  Progress progress;
  try {
    auto protocols = moat::scenario::parse_intent_protocol(args.protocol);
    auto ports = moat::scenario::parse_intent_port(args.port);
    auto scenario = moat::scenario::load_scenario_or_state(args.input);
    auto snapshot = load_with_progress(scenario, progress);
    moat::intent::Environment environment(snapshot, scenario);
    auto traced = moat::intent::trace(environment, args.from, args.to, protocols, ports);
    std::string text;
    if (args.format == "json") {
      text = moat::report::to_json(traced);
    } else if (args.format == "text") {
      for (const auto& resolution : traced.resolutions) text += resolution.to_string() + "\n";
      text += traced.result.to_string();
      if (traced.result.delivered.empty() && traced.result.dropped.empty()) text += "no packet of the flow leaves the sources\n";
    } else {
      std::string title = "trace " + args.from + " -> " + args.to + " (" + args.protocol + (args.port == "all" ? "" : " " + args.port) + ")";
      text = render_diagram(moat::report::flow_diagram(environment, traced, {title, "", args.focus}), args.format);
    }
    if (!write_output(text, args.output, "trace")) return exit_load_error;
    return traced.delivered() ? 0 : exit_no;
  } catch (const moat::Error& error) {
    progress.clear();
    std::cerr << error.what() << "\n";
    return exit_load_error;
  }
}

int run_resolve(const QueryArgs& args) {
  Progress progress;
  try {
    auto scenario = moat::scenario::load_scenario_or_state(args.input);
    auto snapshot = load_with_progress(scenario, progress);
    moat::intent::Environment environment(snapshot, scenario);
    auto resolutions = moat::intent::resolve_from(environment, args.from, args.name);
    if (args.format == "json") {
      std::cout << moat::report::to_json(resolutions);
    } else {
      for (const auto& resolution : resolutions) std::cout << resolution.to_string() << "\n";
    }
    return moat::intent::all_resolved(resolutions) ? 0 : exit_no;
  } catch (const moat::Error& error) {
    progress.clear();
    std::cerr << error.what() << "\n";
    return exit_load_error;
  }
}

void add_trace(CLI::App& app, int& status) {
  auto args = std::make_shared<QueryArgs>();
  auto* command = app.add_subcommand("trace", "Push one flow through the network: every delivered and dropped part with paths");
  command->footer(
      "Selectors (--from, --to) are those of a scenario's intents: a Terraform address of an interface\n"
      "owner (ECS service, LB, instance, VPC or resolver endpoint, NAT, ENI) or of a subnet, a declared\n"
      "network name (with a scenario file), internet, * (every interface owner), a CIDR or IP,\n"
      "dns:NAME (resolved from each source first) or service:NAME (an AWS service endpoint, e.g. ecr.dkr;\n"
      "s3 and dynamodb go through their gateway endpoint where the source's route table has its route).\n"
      "Exit 0 when some part of the flow is delivered for certain, 1 when none is, 2 on bad input.\n\n"
      "Examples:\n"
      "  moat trace after/moat.json --from onprem --to dns:app.example.com --protocol tcp --port 443\n"
      "  moat trace network.tfstate --from 'module.network.aws_subnet.private[\"1a\"]' --to internet\n"
      "  moat trace moat.json --from aws_ecs_service.app --to service:logs --port 443 --format json");
  command->add_option("STATE_OR_SCENARIO", args->input, "A Terraform state or a scenario file")->required();
  command->add_option("--from", args->from, "Source selector")->required();
  command->add_option("--to", args->to, "Destination selector")->required();
  command->add_option("--protocol", args->protocol, "tcp, udp, icmp, icmpv6 or all (default all)");
  command->add_option("--port", args->port, "A port, \"from-to\" or all (default all)");
  command->add_option("--format", args->format,
                      "text (default), json, or the flow drawn on the topology: dot, svg (needs Graphviz) or mermaid")
      ->check(CLI::IsMember({"text", "json", "dot", "svg", "mermaid"}));
  command->add_option("--focus", args->focus, "Pictures: draw only what is connected to this resource, VPC or network");
  command->add_option("--output", args->output, "Write to FILE instead of stdout");
  command->callback([args, &status] { status = run_trace(*args); });
}

void add_resolve(CLI::App& app, int& status) {
  auto args = std::make_shared<QueryArgs>();
  auto* command = app.add_subcommand("resolve", "Resolve a DNS name from a vantage point, step by step");
  command->footer(
      "Resolves NAME (an A query) as a client at --from would: in a VPC through its Amazon resolver\n"
      "(private hosted zones, interface endpoint private DNS, resolver rules), from a declared network\n"
      "through its conditional forwarders and the inbound endpoints they target. Every step names the\n"
      "Terraform resource that decided it, and the packet flows the answer depends on are checked.\n"
      "Exit 0 when the name resolves from every vantage point, 1 when it does not, 2 on bad input.\n\n"
      "Examples:\n"
      "  moat resolve after/moat.json app.example.com --from onprem\n"
      "  moat resolve after/moat.json api.ecr.ap-northeast-1.amazonaws.com --from aws_ecs_service.app\n"
      "  moat resolve network.tfstate logs.ap-northeast-1.amazonaws.com --from 'module.network.aws_subnet.private[\"1a\"]' --format json");
  command->add_option("STATE_OR_SCENARIO", args->input, "A Terraform state or a scenario file")->required();
  command->add_option("NAME", args->name, "The DNS name")->required();
  command->add_option("--from", args->from, "Where the query starts: a network, subnet or interface owner")->required();
  command->add_option("--format", args->format, "Output format (default text)")->check(CLI::IsMember({"text", "json"}));
  command->callback([args, &status] { status = run_resolve(*args); });
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"moat: offline proofs of what an AWS network lets through", "moat"};
  app.footer(
      "Run 'moat SUBCOMMAND --help' for each subcommand's options and examples.\n"
      "Exit codes: 0 yes (all intents hold / delivered / resolved), 1 no, 2 bad input or usage\n"
      "(with inspect/check --strict, also any load or scenario warning).");
  app.set_version_flag("--version", std::string("moat ") + MOAT_VERSION);
  app.require_subcommand(1);
  int status = 0;
  add_inspect(app, status);
  add_check(app, status);
  add_trace(app, status);
  add_resolve(app, status);
  add_graph(app, status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? 0 : exit_load_error;  // --help/--version: 0; any usage error: 2
  }
  return status;
}
