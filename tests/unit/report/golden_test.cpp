// Golden files for the seed example's pictures (tests/golden/diagrams/): the topology of
// before/ and after/ and the on-prem flow of after/, in DOT and Mermaid, compared byte for
// byte. Regenerate after an intended change with MOAT_UPDATE_GOLDEN=1 (see the README there).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "diagram_test_support.hpp"
#include "moat/intent/trace.hpp"
#include "moat/report/flow_diagram.hpp"
#include "moat/report/to_dot.hpp"
#include "moat/report/to_json.hpp"
#include "moat/report/to_mermaid.hpp"
#include "moat/report/topology_diagram.hpp"

namespace moat::report::test {

namespace {

Diagram onprem_flow(const Loaded& loaded) {
  auto traced = intent::trace(loaded.env(), "onprem", "dns:app.example.com", scenario::parse_intent_protocol("tcp"),
                              scenario::parse_intent_port("443"));
  return flow_diagram(loaded.env(), traced, {"trace onprem -> dns:app.example.com (tcp 443)", "", ""});
}

}  // namespace

TEST_CASE("the seed example's topology before closing matches its golden DOT and Mermaid", "[report][golden]") {
  auto diagram = topology_diagram(example("before").env());
  check_golden("closed-ecs-before.dot", to_dot(diagram));
  check_golden("closed-ecs-before.mmd", to_mermaid(diagram));
}

TEST_CASE("the seed example's topology after closing matches its golden DOT and Mermaid", "[report][golden]") {
  auto diagram = topology_diagram(example("after").env());
  check_golden("closed-ecs-after.dot", to_dot(diagram));
  check_golden("closed-ecs-after.mmd", to_mermaid(diagram));
}

TEST_CASE("the on-prem flow of the closed example matches its golden DOT and Mermaid", "[report][golden]") {
  auto diagram = onprem_flow(example("after"));
  check_golden("closed-ecs-after-onprem-flow.dot", to_dot(diagram));
  check_golden("closed-ecs-after-onprem-flow.mmd", to_mermaid(diagram));
}

TEST_CASE("loading the same state twice gives byte-identical DOT, Mermaid and JSON", "[report]") {
  for (const char* variant : {"before", "after"}) {
    auto first = topology_diagram(example(variant).env());
    auto second = topology_diagram(example(variant).env());
    CHECK(to_dot(first) == to_dot(second));
    CHECK(to_mermaid(first) == to_mermaid(second));
    CHECK(to_json(first) == to_json(second));
  }
  auto first = onprem_flow(example("after"));
  auto second = onprem_flow(example("after"));
  CHECK(to_dot(first) == to_dot(second));
  CHECK(to_mermaid(first) == to_mermaid(second));
}

TEST_CASE("the writers' output does not depend on the order of the diagram's vectors", "[report]") {
  auto diagram = onprem_flow(example("after"));
  auto shuffled = diagram;
  std::reverse(shuffled.clusters.begin(), shuffled.clusters.end());
  std::reverse(shuffled.nodes.begin(), shuffled.nodes.end());
  std::reverse(shuffled.edges.begin(), shuffled.edges.end());
  std::rotate(shuffled.nodes.begin(), shuffled.nodes.begin() + 3, shuffled.nodes.end());
  CHECK(to_dot(shuffled) == to_dot(diagram));
  CHECK(to_mermaid(shuffled) == to_mermaid(diagram));
  CHECK(to_json(shuffled) == to_json(diagram));
}

}  // namespace moat::report::test
