// report::to_json: one intent renders as the element of "intents" the whole report holds.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "moat/intent/check.hpp"
#include "moat/report/to_json.hpp"
#include "moat/scenario/load_scenario.hpp"

namespace moat::report {

TEST_CASE("an intent result renders as the same object the check document lists", "[report]") {
  auto report = intent::check_scenario(
      scenario::load_scenario(std::string(MOAT_SOURCE_DIR) + "/models/examples/closed-ecs/before/moat.json"));
  auto document = nlohmann::ordered_json::parse(to_json(report));
  REQUIRE(document["intents"].size() == report.intents.size());
  bool failure_seen = false;
  for (std::size_t i = 0; i < report.intents.size(); ++i) {
    auto one = nlohmann::ordered_json::parse(to_json(report.intents[i]));
    INFO(report.intents[i].intent.name);
    CHECK(one == document["intents"][i]);
    failure_seen = failure_seen || !one["witness"].is_null();
  }
  CHECK(failure_seen);  // the comparison covered a witness and a path
}

}  // namespace moat::report
