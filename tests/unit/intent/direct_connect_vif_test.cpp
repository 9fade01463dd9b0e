// Direct Connect virtual interfaces are modelled but not routed over (R7.1): on-premises
// traffic enters through the scenario's `via` gateway, so adding the VIFs of that gateway
// to the closed-ecs example must change no verdict, path or warning.
#include <catch2/catch.hpp>

#include <string>

#include "moat/intent/check.hpp"
#include "moat/scenario/load_scenario.hpp"
#include "moat/tfstate/load_states.hpp"

namespace moat::intent {

namespace {

const std::string example = std::string(MOAT_SOURCE_DIR) + "/models/examples/closed-ecs/after/";
const std::string vifs = std::string(MOAT_SOURCE_DIR) + "/tests/fixtures/tfstate/closed-ecs-vifs.tfstate";

std::string summary(const IntentResult& r) {
  std::string text = r.intent.name + " " + r.status + (r.holds ? " holds" : " fails") + "\n";
  for (const auto& s : r.path) text += "  step " + s.node + " [" + s.resource + "] " + s.decision + "\n";
  for (const auto& e : r.explanations) text += "  " + e.code + " " + e.resource + ": " + e.message + "\n";
  return text;
}

}  // namespace

TEST_CASE("VIFs on the scenario's DX gateway and its VGW change no verdict of the closed example", "[intent][scenario]") {
  // The VIFs do reach the example's gateways, so the comparison is not vacuous.
  auto loaded = tfstate::load_states({example + "network.tfstate", vifs});
  REQUIRE(loaded.dx_virtual_interfaces.size() == 2);
  for (const auto& vif : loaded.dx_virtual_interfaces) {
    INFO(vif.origin.address);
    CHECK((vif.dx_gateway.resolved() || vif.vpn_gateway.resolved()));
  }

  scenario::Scenario without = scenario::load_scenario(example + "moat.json");
  scenario::Scenario with = without;
  with.states.push_back(vifs);
  CheckReport before = check_scenario(without);
  CheckReport after = check_scenario(with);

  REQUIRE(after.intents.size() == before.intents.size());
  for (std::size_t i = 0; i < before.intents.size(); ++i) {
    INFO(summary(after.intents[i]));
    CHECK(summary(after.intents[i]) == summary(before.intents[i]));
  }
  CHECK(after.warnings == before.warnings);
  CHECK(after.ok());
}

}  // namespace moat::intent
