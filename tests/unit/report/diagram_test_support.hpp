#pragma once
// Test-only: the seed example (models/examples/closed-ecs) loaded as `moat graph` loads it,
// golden-file comparison, and the text of a thrown moat::Error.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "moat/core/error.hpp"
#include "moat/intent/environment.hpp"
#include "moat/model/snapshot.hpp"
#include "moat/scenario/load_scenario.hpp"
#include "moat/scenario/scenario.hpp"
#include "moat/tfstate/load_states.hpp"

namespace moat::report::test {

inline std::filesystem::path source_path(const std::string& relative) { return std::filesystem::path(MOAT_SOURCE_DIR) / relative; }

// A scenario, its snapshot and the environment over both (which keeps references to them).
struct Loaded {
  scenario::Scenario scenario;
  model::Snapshot snapshot;
  std::unique_ptr<intent::Environment> environment;

  explicit Loaded(const std::vector<std::filesystem::path>& inputs)
      : scenario(scenario::load_scenario_or_states(inputs)), snapshot(tfstate::load_states(scenario.states)) {
    environment = std::make_unique<intent::Environment>(snapshot, scenario);
  }
  const intent::Environment& env() const { return *environment; }
};

// "before" or "after" of the seed example, through its moat.json.
inline Loaded example(const std::string& variant) {
  return Loaded({source_path("models/examples/closed-ecs/" + variant + "/moat.json")});
}

inline std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Compares text with tests/golden/diagrams/NAME byte for byte. With MOAT_UPDATE_GOLDEN=1 in
// the environment the file is (re)written instead, and the check passes.
inline void check_golden(const std::string& name, const std::string& text) {
  auto file = source_path("tests/golden/diagrams/" + name);
  const char* update = std::getenv("MOAT_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream out(file, std::ios::binary);
    out << text;
    REQUIRE(out.good());
    return;
  }
  INFO("golden file " << file.string() << " (regenerate: MOAT_UPDATE_GOLDEN=1 ctest -R golden)");
  REQUIRE(std::filesystem::exists(file));
  std::string expected = read_text(file);
  if (expected != text) {
    // The first differing line, to read the change without a diff tool.
    std::istringstream a(expected), b(text);
    std::string line_a, line_b;
    int line = 0;
    while (true) {
      ++line;
      bool more_a = static_cast<bool>(std::getline(a, line_a));
      bool more_b = static_cast<bool>(std::getline(b, line_b));
      if (!more_a && !more_b) break;
      if (line_a != line_b || more_a != more_b) {
        INFO("line " << line << "\n  golden:    " << line_a << "\n  generated: " << line_b);
        CHECK(expected == text);
        return;
      }
    }
  }
  CHECK(expected == text);
}

template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const Error& error) {
    return error.what();
  }
  return "";
}

}  // namespace moat::report::test
