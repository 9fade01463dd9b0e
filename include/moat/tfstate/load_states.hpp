#pragma once
// Loading Terraform state into a model::Snapshot.
//
// Accepts state format 4 (terraform.tfstate, .backup), format 3 (flatmap attributes,
// TF <= 0.11 and Terraformer), `terraform show -json` output (values.root_module) and
// plan JSON (planned_values or prior_state, see LoadOptions). Several files are merged:
// references between them resolve by AWS id; a data source never duplicates a managed
// resource with the same AWS id (the managed one wins); the same managed resource in
// two files is a LoadError naming both.
//
// Fatal problems throw moat::LoadError ("[moat.load] FILE (LOCATION): ADDRESS: MESSAGE"):
// unreadable file, malformed JSON (with line and column), an unknown envelope, a wrong
// type for a known attribute, an invalid CIDR or address. Odd but modellable input
// becomes a Snapshot diagnostic. The loader never writes to its inputs.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "moat/model/snapshot.hpp"
#include "moat/tfstate/load_options.hpp"

namespace moat::tfstate {

// A state held in memory: its text and the name to report it under.
struct StateText {
  std::string file_name;
  std::string text;
};

model::Snapshot load_states(const std::vector<std::filesystem::path>& files, const LoadOptions& options = {});
model::Snapshot load_state_texts(const std::vector<StateText>& states, const LoadOptions& options = {});
model::Snapshot load_state_text(std::string_view text, std::string file_name, const LoadOptions& options = {});

}  // namespace moat::tfstate
