// One hand-written state per forwarding rule (tests/fixtures/rules/<rule>/, see its
// README): each folder holds the states, a scenario `moat.json` whose intents ask the
// rule's question, and `expected.json` with, per intent, the verdict and the Terraform
// addresses that decide it. This walks every folder, so a new rule needs no C++.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "moat/intent/check.hpp"
#include "moat/scenario/load_scenario.hpp"

namespace moat::intent {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// MOAT_RULE_FIXTURES names another folder of rule fixtures (for writing new ones against
// an existing build); the default is the source tree's.
fs::path rules_dir() {
  if (const char* dir = std::getenv("MOAT_RULE_FIXTURES"); dir != nullptr && *dir != '\0') return dir;
  return fs::path(MOAT_SOURCE_DIR) / "tests" / "fixtures" / "rules";
}

std::vector<fs::path> rule_folders() {
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(rules_dir())) {
    if (entry.is_directory()) folders.push_back(entry.path());
  }
  std::sort(folders.begin(), folders.end());
  return folders;
}

json read_json(const fs::path& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  return json::parse(in);
}

std::string describe(const Explanation& explanation) {
  return explanation.code + " @ " + explanation.resource + ": " + explanation.message;
}

std::string describe(const IntentResult& result) {
  std::string text = "status " + result.status + "\npath:";
  for (const auto& step : result.path) text += "\n  " + step.node + " | " + step.resource + " | " + step.decision;
  text += "\nexplanations:";
  for (const auto& explanation : result.explanations) text += "\n  " + describe(explanation);
  return text;
}

bool has_explanation(const std::vector<Explanation>& explanations, const json& expected) {
  return std::any_of(explanations.begin(), explanations.end(), [&](const Explanation& e) {
    return e.code == expected.at("code").get<std::string>() && e.resource == expected.at("resource").get<std::string>();
  });
}

// The expected resources appear on the path in this order (other steps may come between).
bool path_passes(const std::vector<PathStep>& path, const json& resources) {
  auto step = path.begin();
  for (const auto& resource : resources) {
    step = std::find_if(step, path.end(), [&](const PathStep& s) { return s.resource == resource.get<std::string>(); });
    if (step == path.end()) return false;
    ++step;
  }
  return true;
}

void check_intent_expectation(const IntentResult& result, const json& expected) {
  INFO(describe(result));
  CHECK(result.status == expected.at("status").get<std::string>());
  for (const auto& explanation : expected.value("explanations", json::array())) {
    INFO("expected explanation " << explanation.dump());
    CHECK(has_explanation(result.explanations, explanation));
  }
  if (expected.contains("path")) {
    INFO("expected path resources " << expected.at("path").dump());
    CHECK(path_passes(result.path, expected.at("path")));
  }
}

void check_rule_folder(const fs::path& folder) {
  auto expected = read_json(folder / "expected.json");
  REQUIRE(expected.contains("rule"));
  auto scenario = scenario::load_scenario(folder / "moat.json");
  auto report = check_scenario(scenario);

  // Every intent has an expectation and every expectation an intent: nothing goes unchecked.
  const auto& intents = expected.at("intents");
  CHECK(report.intents.size() == intents.size());
  for (const auto& result : report.intents) {
    INFO("intent " << result.intent.name);
    REQUIRE(intents.contains(result.intent.name));
    check_intent_expectation(result, intents.at(result.intent.name));
  }
  for (const auto& warning : expected.value("warnings", json::array())) {
    std::string all;
    for (const auto& w : report.warnings) all += "\n  " + describe(w);
    INFO("expected warning " << warning.dump() << "\nwarnings:" << all);
    CHECK(has_explanation(report.warnings, warning));
  }
}

}  // namespace

TEST_CASE("every rule fixture gives its expected verdicts and names the deciding resources", "[intent][rules]") {
  auto folders = rule_folders();
  REQUIRE_FALSE(folders.empty());
  for (const auto& folder : folders) {
    DYNAMIC_SECTION(folder.filename().string()) { check_rule_folder(folder); }
  }
}

}  // namespace moat::intent
