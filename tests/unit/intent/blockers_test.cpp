// A "reachable" intent lists every line to fix (the blockers behind the first one, marked
// so) and is "unknown", not "fails", when every blocker rests on data absent from state
// (R0.1); an "unreachable" intent with only a possible path stays "unknown".
#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "../fwd/snapshot_builder.hpp"
#include "moat/intent/check.hpp"
#include "moat/intent/environment.hpp"
#include "moat/scenario/load_scenario.hpp"

namespace moat::intent {

namespace {

using fwd::test::SnapshotBuilder;
using model::RuleDirection;

const std::string scenario_text = R"({
  "intents": [
    {"name": "client-reaches-server", "from": "aws_instance.client", "to": "aws_instance.server", "protocol": "tcp", "port": 443, "expect": "reachable"},
    {"name": "client-reaches-far", "from": "aws_instance.client", "to": "aws_instance.far", "protocol": "tcp", "port": 443, "expect": "reachable"},
    {"name": "client-isolated-from-far", "from": "aws_instance.client", "to": "aws_instance.far", "protocol": "tcp", "port": 443, "expect": "unreachable"}
  ]})";

// client (subnet a, SG client: egress all) -> server (subnet b, SG server: no ingress);
// far in another VPC, routed to by a peering the state does not hold.
struct Estate {
  SnapshotBuilder b;
  model::VpcId vpc{};
  model::SubnetId a{};
  model::SecurityGroupId server_sg{};
  Estate() {
    vpc = b.vpc("main", "10.0.0.0/16");
    a = b.subnet(vpc, "a", "10.0.1.0/24");
    auto subnet_b = b.subnet(vpc, "b", "10.0.2.0/24");
    auto client_sg = b.sg(vpc, "client");
    b.sg_rule(client_sg, RuleDirection::egress, net::ProtocolSet::all(), net::PortSet::all(), "0.0.0.0/0");
    server_sg = b.sg(vpc, "server");
    b.instance("client", a, "10.0.1.10", {client_sg});
    b.instance("server", subnet_b, "10.0.2.10", {server_sg});
    auto other = b.vpc("other", "10.1.0.0/16");
    auto far_subnet = b.subnet(other, "far", "10.1.1.0/24");
    b.instance("far", far_subnet, "10.1.1.10", {b.open_sg(other, "far")});
    auto table = b.route_table(vpc, "a");
    b.associate(a, table);
    b.route_unresolved(table, "10.1.0.0/16", "pcx-0notinstate");
  }
  IntentResult check(const std::string& name) const {
    auto scenario = scenario::parse_scenario(scenario_text, "moat.json", ".");
    Environment environment(b.snapshot, scenario);
    for (const auto& intent : scenario_intents(scenario)) {
      if (intent.name == name) return check_intent(environment, intent);
    }
    throw std::invalid_argument("no intent " + name);
  }
};

std::string dump(const IntentResult& r) {
  std::string text = r.intent.name + " " + r.status + "\n";
  for (const auto& e : r.explanations) text += "  " + e.code + " " + e.resource + ": " + e.message + "\n";
  return text;
}

const Explanation* explained(const IntentResult& result, const std::string& code, const std::string& resource) {
  auto it = std::find_if(result.explanations.begin(), result.explanations.end(),
                         [&](const Explanation& e) { return e.code == code && e.resource == resource; });
  return it == result.explanations.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("a reachable intent whose only blocker rests on data absent from state is unknown (R0.1)", "[intent]") {
  Estate estate;
  auto result = estate.check("client-reaches-far");
  INFO(dump(result));
  CHECK(result.status == "unknown");
  CHECK_FALSE(result.holds);
  CHECK(explained(result, "UNKNOWN_TARGET", "aws_route.pcx-0notinstate") != nullptr);
  // The other direction: "must not reach" over the same unknown path is unknown as well.
  auto isolation = estate.check("client-isolated-from-far");
  INFO(dump(isolation));
  CHECK(isolation.status == "unknown");
}

TEST_CASE("a reachable intent with a certain blocker fails and lists the blockers behind it", "[intent]") {
  Estate estate;
  // A custom NACL on subnet b without entries admits nothing: its drop comes first, the
  // server's SG (no ingress rule) is found behind it.
  estate.b.nacl(estate.vpc, "b", {model::SubnetId{1}});
  auto result = estate.check("client-reaches-server");
  INFO(dump(result));
  CHECK(result.status == "fails");
  const auto* nacl = explained(result, "SUBNET_ACL_RESTRICTION", "aws_network_acl.b");
  REQUIRE(nacl != nullptr);
  CHECK_FALSE(nacl->message.starts_with("behind "));
  const auto* sg = explained(result, "ENI_SG_RULES_MISMATCH", "aws_security_group.server");
  REQUIRE(sg != nullptr);
  CHECK(sg->message.starts_with("behind SUBNET_ACL_RESTRICTION at aws_network_acl.b: "));
  // The witness path is the first blocker's, not one found behind it.
  REQUIRE_FALSE(result.path.empty());
  CHECK(result.path.back().decision.find("SUBNET_ACL_RESTRICTION") != std::string::npos);
}

}  // namespace moat::intent
