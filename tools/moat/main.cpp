// moat: the command-line front end. Each subcommand is one small function over the public
// API; add a subcommand by adding an add_<name>() function and one line in main().
//
// Exit codes: 0 success (warnings allowed; for check: every intent holds), 1 some intent
// fails (check), 2 bad input or usage (an input could not be loaded, a bad option).

#include <cstddef>
#include <cstdio>
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
#include "moat/report/to_json.hpp"
#include "moat/report/to_junit.hpp"
#include "moat/report/to_sarif.hpp"
#include "moat/report/to_text.hpp"
#include "moat/scenario/load_scenario.hpp"
#include "moat/model/snapshot.hpp"
#include "moat/tfstate/load_states.hpp"

namespace {

constexpr int exit_load_error = 2;

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
};

std::string render(const moat::intent::CheckReport& report, const std::string& format, bool colour) {
  if (format == "json") return moat::report::to_json(report);
  if (format == "sarif") return moat::report::to_sarif(report);
  if (format == "junit") return moat::report::to_junit(report);
  return moat::report::to_text(report, colour);
}

int run_check(const CheckArgs& args) {
  try {
    auto scenario = moat::scenario::load_scenario(args.scenario);
    auto report = moat::intent::check_scenario(scenario, {args.states, args.profile});
    bool to_terminal = args.output.empty() && isatty(fileno(stdout)) != 0;
    auto text = render(report, args.format, to_terminal);
    if (args.output.empty()) {
      std::cout << text;
    } else {
      std::ofstream out(args.output, std::ios::binary);
      out << text;
      if (!out) {
        std::cerr << "[moat.check] cannot write " << args.output.string() << "\n";
        return exit_load_error;
      }
    }
    return report.ok() ? 0 : 1;
  } catch (const moat::Error& error) {
    std::cerr << error.what() << "\n";
    return exit_load_error;
  }
}

void add_check(CLI::App& app, int& status) {
  auto args = std::make_shared<CheckArgs>();
  auto* command = app.add_subcommand("check", "Check a scenario's intents: exit 0 all hold, 1 some fail, 2 bad input");
  command->add_option("SCENARIO", args->scenario, "Scenario file (moat.json)")->required();
  command->add_option("--state", args->states, "Another Terraform state file to load (repeatable)");
  command->add_option("--profile", args->profile, "Add a profile's derived intents")->check(CLI::IsMember({"closed"}));
  command->add_option("--format", args->format, "Output format")->check(CLI::IsMember({"text", "json", "sarif", "junit"}));
  command->add_option("--output", args->output, "Write the report to FILE instead of stdout");
  command->callback([args, &status] { status = run_check(*args); });
}

// ---- trace / resolve ------------------------------------------------------------------------
struct QueryArgs {
  std::filesystem::path input;
  std::string from;
  std::string to;
  std::string protocol = "all";
  std::string port = "all";
  std::string name;
};

int run_trace(const QueryArgs& args) {
  try {
    auto scenario = moat::scenario::load_scenario_or_state(args.input);
    auto snapshot = moat::tfstate::load_states(scenario.states);
    moat::intent::Environment environment(snapshot, scenario);
    auto traced = moat::intent::trace(environment, args.from, args.to, moat::scenario::parse_intent_protocol(args.protocol),
                                      moat::scenario::parse_intent_port(args.port));
    for (const auto& resolution : traced.resolutions) std::cout << resolution.to_string() << "\n";
    std::cout << traced.result.to_string();
    return 0;
  } catch (const moat::Error& error) {
    std::cerr << error.what() << "\n";
    return exit_load_error;
  }
}

int run_resolve(const QueryArgs& args) {
  try {
    auto scenario = moat::scenario::load_scenario_or_state(args.input);
    auto snapshot = moat::tfstate::load_states(scenario.states);
    moat::intent::Environment environment(snapshot, scenario);
    for (const auto& resolution : moat::intent::resolve_from(environment, args.from, args.name))
      std::cout << resolution.to_string() << "\n";
    return 0;
  } catch (const moat::Error& error) {
    std::cerr << error.what() << "\n";
    return exit_load_error;
  }
}

void add_trace(CLI::App& app, int& status) {
  auto args = std::make_shared<QueryArgs>();
  auto* command = app.add_subcommand("trace", "Push one flow through the network: every delivered and dropped part with paths");
  command->add_option("STATE_OR_SCENARIO", args->input, "A Terraform state or a scenario file")->required();
  command->add_option("--from", args->from, "Source selector")->required();
  command->add_option("--to", args->to, "Destination selector")->required();
  command->add_option("--protocol", args->protocol, "tcp, udp, icmp, icmpv6 or all");
  command->add_option("--port", args->port, "A port, \"from-to\" or all");
  command->callback([args, &status] { status = run_trace(*args); });
}

void add_resolve(CLI::App& app, int& status) {
  auto args = std::make_shared<QueryArgs>();
  auto* command = app.add_subcommand("resolve", "Resolve a DNS name from a vantage point, step by step");
  command->add_option("STATE_OR_SCENARIO", args->input, "A Terraform state or a scenario file")->required();
  command->add_option("NAME", args->name, "The DNS name")->required();
  command->add_option("--from", args->from, "Where the query starts: a network, subnet or interface owner")->required();
  command->callback([args, &status] { status = run_resolve(*args); });
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"moat: offline proofs of what an AWS network lets through", "moat"};
  app.set_version_flag("--version", std::string("moat ") + MOAT_VERSION);
  app.require_subcommand(1);
  int status = 0;
  add_inspect(app, status);
  add_check(app, status);
  add_trace(app, status);
  add_resolve(app, status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? 0 : exit_load_error;  // --help/--version: 0; any usage error: 2
  }
  return status;
}
