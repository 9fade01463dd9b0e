// moat: the command-line front end. Each subcommand is one small function over the public
// API; add a subcommand by adding an add_<name>() function and one line in main().
//
// Exit codes: 0 success (warnings allowed), 1 usage error, 2 an input could not be loaded.

#include <cstddef>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "moat/core/error.hpp"
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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"moat: offline proofs of what an AWS network lets through", "moat"};
  app.set_version_flag("--version", std::string("moat ") + MOAT_VERSION);
  app.require_subcommand(1);
  int status = 0;
  add_inspect(app, status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error);
  }
  return status;
}
