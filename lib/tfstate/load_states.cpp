#include "moat/tfstate/load_states.hpp"

#include <fstream>
#include <sstream>

#include "builder.hpp"
#include "moat/core/error.hpp"
#include "state_document.hpp"

namespace moat::tfstate {

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError(path.string(), "", "", "cannot open the file for reading");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw LoadError(path.string(), "", "", "cannot read the file");
  return std::move(text).str();
}

}  // namespace

model::Snapshot load_states(const std::vector<std::filesystem::path>& files, const LoadOptions& options) {
  Builder builder(options);
  for (const auto& path : files) {
    std::string text = read_file(path);
    builder.add_document(read_state_document(text, path.string(), options, builder.snapshot().diagnostics));
  }
  return builder.finish();
}

model::Snapshot load_state_texts(const std::vector<StateText>& states, const LoadOptions& options) {
  Builder builder(options);
  for (const auto& state : states) {
    builder.add_document(read_state_document(state.text, state.file_name, options, builder.snapshot().diagnostics));
  }
  return builder.finish();
}

model::Snapshot load_state_text(std::string_view text, std::string file_name, const LoadOptions& options) {
  Builder builder(options);
  builder.add_document(read_state_document(text, std::move(file_name), options, builder.snapshot().diagnostics));
  return builder.finish();
}

}  // namespace moat::tfstate
