// Replays the fuzzer's seeds (tests/fuzz/seeds/) and every input the fuzzer ever broke
// the loader with (tests/fixtures/tfstate/fuzz-regressions/) through load_state_text in
// a normal build, so a fixed loader bug stays fixed without running libFuzzer in CI.
// The contract is the fuzz target's: a Snapshot or a moat::Error, nothing else.
// Inputs that still break the loader wait in fuzz-regressions/open/ (not replayed; see
// the README.md there) until the loader is fixed and they move up one level.

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "moat/core/error.hpp"
#include "moat/model/snapshot.hpp"
#include "moat/tfstate/load_states.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs_in(const fs::path& directory) {
  std::vector<fs::path> files;
  if (!fs::is_directory(directory)) return files;
  for (const auto& entry : fs::directory_iterator(directory)) {
    const auto name = entry.path().filename().string();
    if (entry.is_regular_file() && name.front() != '.' && entry.path().extension() != ".md") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// "snapshot", "moat::Error: ..." or "other exception: ..." for one load.
std::string outcome_of(const std::string& text, const moat::tfstate::LoadOptions& options) {
  try {
    auto snapshot = moat::tfstate::load_state_text(text, "replay.tfstate", options);
    for (std::size_t i = 0; i < snapshot.subnets.size(); ++i) {
      auto subnet = static_cast<moat::model::SubnetId>(i);
      if (auto table = snapshot.effective_route_table(subnet)) (void)snapshot.get(*table);
      if (auto acl = snapshot.effective_network_acl(subnet)) (void)snapshot.get(*acl);
    }
    return "snapshot";
  } catch (const moat::Error& e) {
    return std::string("moat::Error: ") + e.what();
  } catch (const std::exception& e) {
    return std::string("other exception: ") + e.what();
  } catch (...) {
    return "other exception: (not a std::exception)";
  }
}

void replay(const fs::path& directory) {
  for (const auto& file : inputs_in(directory)) {
    auto text = read_bytes(file);
    for (bool strict : {false, true}) {
      moat::tfstate::LoadOptions options;
      options.strict = strict;
      options.plan_values = strict ? moat::tfstate::PlanValues::prior : moat::tfstate::PlanValues::planned;
      auto outcome = outcome_of(text, options);
      INFO(file.filename().string() << (strict ? " (strict, prior_state)" : " (default options)") << ": " << outcome);
      CHECK(outcome.rfind("other exception", 0) != 0);
    }
  }
}

const fs::path source_dir = MOAT_SOURCE_DIR;

}  // namespace

TEST_CASE("every fuzz seed loads or is rejected with a moat::Error", "[tfstate][fuzz]") {
  auto seeds = source_dir / "tests/fuzz/seeds";
  REQUIRE(!inputs_in(seeds).empty());
  replay(seeds);
}

TEST_CASE("every input the fuzzer once broke the loader with now loads or is rejected with a moat::Error",
          "[tfstate][fuzz]") {
  replay(source_dir / "tests/fixtures/tfstate/fuzz-regressions");
}
