// flow_diagram: a traced flow on the topology — delivered paths green, the rest dimmed, and
// every drop marked red at the node that dropped it with the explanation code.
#include <catch2/catch.hpp>

#include <string>

#include "diagram_test_support.hpp"
#include "moat/intent/trace.hpp"
#include "moat/report/flow_diagram.hpp"
#include "moat/report/to_dot.hpp"
#include "moat/report/to_mermaid.hpp"

namespace moat::report::test {

namespace {

Diagram traced(const Loaded& loaded, const std::string& from, const std::string& to, const std::string& protocol,
               const std::string& port, const std::string& focus = "") {
  auto flow = intent::trace(loaded.env(), from, to, scenario::parse_intent_protocol(protocol), scenario::parse_intent_port(port));
  return flow_diagram(loaded.env(), flow, {"", "", focus});
}

Emphasis emphasis_of(const Diagram& diagram, const std::string& id) {
  const auto* node = diagram.find_node(id);
  REQUIRE(node != nullptr);
  return node->emphasis;
}

const std::string ecs_1a = "group:aws_ecs_service.app@subnet-0f5cf596dc5e31aeb";
const std::string ecs_1c = "group:aws_ecs_service.app@subnet-039566d4ddc51ef1c";
const std::string dxgw = "dxgw:module.network.aws_dx_gateway.example";
const std::string vgw = "vgw:module.network.aws_vpn_gateway.vpn_gw";

}  // namespace

TEST_CASE("a dropped flow is marked red at the dropping hop with the reason code and the deciding resource",
          "[report]") {
  auto loaded = example("after");
  // On-prem may reach the ALB, not the tasks: the task SG admits port 80 from the ALB's SG only.
  auto diagram = traced(loaded, "onprem", "aws_ecs_service.app", "tcp", "80");
  for (const auto& group : {ecs_1a, ecs_1c}) {
    INFO(group);
    CHECK(emphasis_of(diagram, group) == Emphasis::dropped);
    auto out = diagram.edges_from(group);
    REQUIRE(out.size() == 1);
    CHECK(out[0]->role == EdgeRole::drop);
    CHECK(out[0]->emphasis == Emphasis::dropped);
    const auto* marker = diagram.find_node(out[0]->to);
    REQUIRE(marker != nullptr);
    CHECK(marker->role == NodeRole::drop);
    CHECK(marker->emphasis == Emphasis::dropped);
    CHECK(marker->label == "\u2717 ENI_SG_RULES_MISMATCH\naws_security_group.app");
    CHECK(marker->cluster == diagram.find_node(group)->cluster);
    // The hop into the group is on the dropped part's path.
    auto in = diagram.edges_to(group);
    REQUIRE(in.size() == 1);
    CHECK(in[0]->emphasis == Emphasis::dropped);
  }
  // Nothing is delivered; the way there is undimmed, the rest dimmed.
  for (const auto& node : diagram.nodes) CHECK(node.emphasis != Emphasis::delivered);
  CHECK(emphasis_of(diagram, vgw) == Emphasis::normal);
  CHECK(emphasis_of(diagram, "rtb:module.network.aws_route_table.private") == Emphasis::dimmed);

  auto dot = to_dot(diagram);
  auto marker_line = dot.find("[label=\"\u2717 ENI_SG_RULES_MISMATCH\\naws_security_group.app\", shape=octagon");
  REQUIRE(marker_line != std::string::npos);
  CHECK(dot.substr(marker_line, 300).find("color=\"#CF222E\"") != std::string::npos);
  CHECK(to_mermaid(diagram).find(">\"\u2717 ENI_SG_RULES_MISMATCH<br/>aws_security_group.app\"]") != std::string::npos);
}

TEST_CASE("the on-prem flow lights its path through the DX gateway and the VGW, and its DNS queries", "[report]") {
  auto loaded = example("after");
  auto diagram = traced(loaded, "onprem", "dns:app.example.com", "tcp", "443");
  for (const auto& id : {std::string("network:onprem"), dxgw, vgw, std::string("subnet:module.network.aws_subnet.private[\"1a\"]"),
                         std::string("group:aws_lb.app@subnet-0f5cf596dc5e31aeb"), std::string("group:aws_lb.app@subnet-039566d4ddc51ef1c")}) {
    INFO(id);
    CHECK(emphasis_of(diagram, id) == Emphasis::delivered);
  }
  CHECK(emphasis_of(diagram, ecs_1a) == Emphasis::dimmed);
  CHECK(emphasis_of(diagram, "rtb:module.network.aws_route_table.private") == Emphasis::dimmed);
  // The hop on-prem -> VGW runs over the two drawn edges through the DX gateway.
  for (const auto* e : diagram.edges_from("network:onprem")) {
    if (e->to == dxgw) CHECK(e->emphasis == Emphasis::delivered);
  }
  for (const auto* e : diagram.edges_from(dxgw)) {
    if (e->to == vgw) CHECK(e->emphasis == Emphasis::delivered);
  }
  // No drop markers; the DNS query to each inbound endpoint address is drawn and works.
  int queries = 0;
  for (const auto& e : diagram.edges) {
    CHECK(e.role != EdgeRole::drop);
    if (e.role == EdgeRole::dns) {
      ++queries;
      CHECK(e.from == "network:onprem");
      CHECK(e.to.starts_with("group:aws_route53_resolver_endpoint.inbound@"));
      CHECK(e.label == "DNS tcp,udp 53 (works)");
      CHECK(e.emphasis == Emphasis::delivered);
    }
  }
  CHECK(queries == 2);
}

TEST_CASE("where one node delivers some packets and drops others, it stays green and carries a drop marker", "[report]") {
  auto loaded = example("before");
  // The internet-facing ALB's SG admits 443 from anywhere and nothing else.
  auto diagram = traced(loaded, "internet", "aws_lb.app", "tcp", "all");
  const std::string alb = "group:aws_lb.app@subnet-0013de3b3e26cf9b4";
  CHECK(emphasis_of(diagram, alb) == Emphasis::delivered);
  CHECK(emphasis_of(diagram, "igw:module.network.aws_internet_gateway.main") == Emphasis::delivered);
  bool marked = false;
  for (const auto* e : diagram.edges_from(alb)) {
    if (e->role != EdgeRole::drop) continue;
    marked = true;
    CHECK(diagram.find_node(e->to)->label.starts_with("\u2717 ENI_SG_RULES_MISMATCH"));
  }
  CHECK(marked);
}

TEST_CASE("a focused flow picture keeps the flow's nodes even outside the focus", "[report]") {
  auto loaded = example("before");
  auto diagram = traced(loaded, "aws_ecs_service.app", "internet", "tcp", "443", "module.network.aws_nat_gateway.main");
  CHECK(emphasis_of(diagram, "internet") == Emphasis::delivered);
  CHECK(emphasis_of(diagram, ecs_1a) == Emphasis::delivered);
  CHECK(emphasis_of(diagram, "group:module.network.aws_nat_gateway.main@subnet-0013de3b3e26cf9b4") == Emphasis::delivered);
}

}  // namespace moat::report::test
