// Every blocker of a failed "must reach": packets a security group or NACL drops are
// followed on as if it had let them pass, so what stops them further on (a missing route,
// the destination's SG or NACL, the return path) is reported in the same run, marked as
// found behind the first blocker. And the three values of reachable(): fails only on a
// certain drop, unknown when every blocker rests on data absent from state (R0.1).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "fwd_test_support.hpp"
#include "moat/fwd/network.hpp"
#include "snapshot_builder.hpp"

namespace moat::fwd::test {

using model::ObjectKind;
using model::RuleDirection;

namespace {

const DroppedPart* find_behind(const std::vector<DroppedPart>& drops, ExplanationCode code, const std::string& address) {
  auto it = std::find_if(drops.begin(), drops.end(), [&](const DroppedPart& d) {
    return d.code == code && d.address == address && !d.behind.empty();
  });
  return it == drops.end() ? nullptr : &*it;
}

std::size_t count_behind(const std::vector<DroppedPart>& drops) {
  return static_cast<std::size_t>(std::count_if(drops.begin(), drops.end(), [](const DroppedPart& d) { return !d.behind.empty(); }));
}

// One VPC with a host in subnet "app" behind SG "host" (egress all; ingress added by the
// tests), a VGW on a DX gateway that advertises `allowed` to on-prem 192.168.0.0/16.
struct OnPrem {
  SnapshotBuilder b;
  model::VpcId vpc{};
  model::RouteTableId table{};
  model::VpnGatewayId vgw{};
  model::SecurityGroupId sg{};
  model::InstanceId host{};
  OnPrem(std::vector<const char*> allowed) {
    vpc = b.vpc("main", "10.0.0.0/16");
    auto subnet = b.subnet(vpc, "app", "10.0.1.0/24");
    table = b.route_table(vpc, "app");
    b.associate(subnet, table);
    vgw = b.vgw(vpc, "main");
    auto dx = b.dx_gateway("corp");
    b.dx_associate_vgw(dx, vgw, std::move(allowed), "corp");
    sg = b.sg(vpc, "host");
    host = b.instance("host", subnet, "10.0.1.10", {sg});
  }
  std::vector<graph::ExternalNetwork> networks() const {
    return {{"onprem", {cidr("192.168.0.0/16")}, {{graph::Attachment{model::DxGatewayId{0}}}}}};
  }
};

// Two instances in two subnets of one VPC: client (subnet "a", SG "client") and server
// (subnet "b", SG "server"); both subnets start on the allow-all default NACL.
struct TwoSubnets {
  SnapshotBuilder b;
  model::VpcId vpc{};
  model::SubnetId a{}, b_subnet{};
  model::SecurityGroupId client_sg{}, server_sg{};
  model::InstanceId client{}, server{};
  TwoSubnets() {
    vpc = b.vpc("main", "10.0.0.0/16");
    a = b.subnet(vpc, "a", "10.0.1.0/24");
    b_subnet = b.subnet(vpc, "b", "10.0.2.0/24");
    client_sg = b.sg(vpc, "client");
    b.sg_rule(client_sg, RuleDirection::egress, net::ProtocolSet::all(), net::PortSet::all(), "0.0.0.0/0");
    server_sg = b.sg(vpc, "server");
    client = b.instance("client", a, "10.0.1.10", {client_sg});
    server = b.instance("server", b_subnet, "10.0.2.10", {server_sg});
  }
  Verdict https(const Network& network) const {
    return network.reachable({instance(client)}, {instance(server)}, tcp(), net::PortSet::of(443));
  }
};

}  // namespace

TEST_CASE("an SG drop and a missing return route to on-prem are both reported, the second behind the first", "[fwd]") {
  OnPrem s({});  // the VPC CIDR is advertised; no route back to on-prem in the VPC table
  Network network(s.b.snapshot, s.networks());
  auto verdict = network.reachable({Endpoint::external("onprem")}, {instance(s.host)}, tcp(), net::PortSet::of(443));
  CHECK(verdict.status == VerdictStatus::fails);
  // The first blocker: the host's SG has no ingress rule.
  const auto* sg = find_drop(verdict.blockers, ExplanationCode::ENI_SG_RULES_MISMATCH);
  REQUIRE(sg != nullptr);
  CHECK(sg->address == "aws_security_group.host");
  CHECK(sg->behind.empty());
  // Behind it: the replies find no route back to on-prem in the host's table.
  const auto* route = find_behind(verdict.blockers, ExplanationCode::NO_ROUTE_TO_DESTINATION, "aws_route_table.app");
  REQUIRE(route != nullptr);
  CHECK(route->behind.find("ENI_SG_RULES_MISMATCH at aws_security_group.host") != std::string::npos);
  CHECK(route->detail.starts_with("behind ENI_SG_RULES_MISMATCH at aws_security_group.host: return path: "));
  // The blockers behind come after the first ones.
  CHECK(verdict.blockers.front().behind.empty());
  CHECK_FALSE(verdict.blockers.back().behind.empty());

  // Opening the SG leaves exactly the return route to fix.
  s.b.sg_rule(s.sg, RuleDirection::ingress, tcp(), net::PortSet::of(443), "192.168.0.0/16");
  Network opened(s.b.snapshot, s.networks());
  auto next = opened.reachable({Endpoint::external("onprem")}, {instance(s.host)}, tcp(), net::PortSet::of(443));
  CHECK(next.status == VerdictStatus::fails);
  CHECK(count_behind(next.blockers) == 0);
  const auto* now = find_drop(next.blockers, ExplanationCode::NO_ROUTE_TO_DESTINATION);
  REQUIRE(now != nullptr);
  CHECK(now->address == "aws_route_table.app");
}

TEST_CASE("an SG egress drop at the source and a return path on-prem never learned are both reported", "[fwd]") {
  OnPrem s({"10.0.9.0/24"});  // narrower than the VPC CIDR: on-prem learns no route back (R7.2)
  s.b.route(s.table, "192.168.0.0/16", "vgw-main", s.vgw, "onprem");
  Network network(s.b.snapshot, s.networks());  // the SG has no egress rule
  auto verdict = network.reachable({instance(s.host)}, {Endpoint::external("onprem")}, tcp(), net::PortSet::of(443));
  CHECK(verdict.status == VerdictStatus::fails);
  const auto* sg = find_drop(verdict.blockers, ExplanationCode::ENI_SG_RULES_MISMATCH);
  REQUIRE(sg != nullptr);
  CHECK(sg->address == "aws_security_group.host");
  CHECK(sg->behind.empty());
  const auto* back =
      find_behind(verdict.blockers, ExplanationCode::DXGW_ALLOWED_PREFIXES_EXCLUDE_VPC, "aws_dx_gateway_association.corp");
  REQUIRE(back != nullptr);
  CHECK(back->detail.find("return path") != std::string::npos);
}

TEST_CASE("a NACL outbound drop and the destination SG drop are both reported", "[fwd]") {
  TwoSubnets s;
  auto acl = s.b.nacl(s.vpc, "a", {s.a});
  s.b.nacl_entry(acl, 100, false, true, net::ProtocolSet::all(), net::PortSet::all(), "0.0.0.0/0");  // inbound only
  Network network(s.b.snapshot);  // and the server's SG admits nothing
  auto verdict = s.https(network);
  CHECK(verdict.status == VerdictStatus::fails);
  const auto* nacl = find_drop(verdict.blockers, ExplanationCode::SUBNET_ACL_RESTRICTION);
  REQUIRE(nacl != nullptr);
  CHECK(nacl->address == "aws_network_acl.a");
  CHECK(nacl->behind.empty());
  const auto* sg = find_behind(verdict.blockers, ExplanationCode::ENI_SG_RULES_MISMATCH, "aws_security_group.server");
  REQUIRE(sg != nullptr);
  CHECK(sg->behind == "SUBNET_ACL_RESTRICTION at aws_network_acl.a");
  CHECK(sg->detail.starts_with("behind SUBNET_ACL_RESTRICTION at aws_network_acl.a: "));
  // The replies leave subnet b by its default NACL and enter subnet a, whose NACL allows
  // inbound: nothing else is wrong, so nothing else is reported.
  CHECK(count_behind(verdict.blockers) == 1);
}

TEST_CASE("blockers behind a filter never deliver: flow() keeps them apart and only when asked", "[fwd]") {
  TwoSubnets s;  // the server's SG admits nothing
  Network network(s.b.snapshot);
  auto request = tcp_to("10.0.2.10/32", 443);
  auto plain = network.flow({instance(s.client)}, request, {instance(s.server)});
  CHECK(plain.delivered.empty());
  CHECK(plain.dropped.size() == 1);
  CHECK(plain.dropped_behind.empty());
  CHECK(plain.delivered_behind.empty());

  auto asked = network.flow({instance(s.client)}, request, {instance(s.server)}, FlowOptions{true});
  CHECK(asked.delivered.empty());  // never a delivery
  REQUIRE(asked.dropped.size() == 1);
  CHECK(asked.dropped.front().code == plain.dropped.front().code);
  CHECK(asked.dropped.front().packets == plain.dropped.front().packets);
  REQUIRE(asked.delivered_behind.size() == 1);  // where the packets would arrive
  CHECK(asked.delivered_behind.front().behind == "ENI_SG_RULES_MISMATCH at aws_security_group.server");
  CHECK(path_names(asked.delivered_behind.front().path, "aws_instance.server"));
}

TEST_CASE("a flow that passes reports no blocker, behind a filter or otherwise", "[fwd]") {
  TwoSubnets s;
  s.b.sg_rule(s.server_sg, RuleDirection::ingress, tcp(), net::PortSet::of(443), "10.0.1.0/24");
  Network network(s.b.snapshot);
  auto verdict = s.https(network);
  CHECK(verdict.status == VerdictStatus::holds);
  CHECK(verdict.blockers.empty());
  // Other ports of the same pair are dropped by the server's SG: nothing behind it is
  // wrong, and the verdict for them fails on that SG alone.
  auto ssh = network.reachable({instance(s.client)}, {instance(s.server)}, tcp(), net::PortSet::of(22));
  CHECK(ssh.status == VerdictStatus::fails);
  CHECK(ssh.blockers.size() == 1);
  CHECK(count_behind(ssh.blockers) == 0);
}

TEST_CASE("a must-reach whose only blocker rests on data absent from state is unknown, not failed (R0.1)", "[fwd]") {
  TwoSubnets s;
  s.b.sg_rule(s.server_sg, RuleDirection::ingress, tcp(), net::PortSet::of(443), "0.0.0.0/0");
  auto other = s.b.vpc("other", "10.1.0.0/16");
  auto far_subnet = s.b.subnet(other, "far", "10.1.1.0/24");
  auto far_sg = s.b.open_sg(other, "far");
  auto far = s.b.instance("far", far_subnet, "10.1.1.10", {far_sg});
  auto table = s.b.route_table(s.vpc, "a");
  s.b.associate(s.a, table);
  s.b.route_unresolved(table, "10.1.0.0/16", "pcx-0notinstate");  // a peering the state does not hold
  Network network(s.b.snapshot);
  auto verdict = network.reachable({instance(s.client)}, {instance(far)}, tcp(), net::PortSet::of(443));
  CHECK(verdict.status == VerdictStatus::unknown);
  REQUIRE(verdict.blockers.size() == 1);
  CHECK_FALSE(verdict.blockers.front().certain);
  CHECK(verdict.blockers.front().code == ExplanationCode::UNKNOWN_TARGET);
  CHECK(verdict.summary.find("absent from state") != std::string::npos);

  // With a certain blocker as well (the server's SG closed to 22 and the far side unknown),
  // the verdict fails.
  auto both = network.reachable({instance(s.client)}, {instance(far), instance(s.server)}, tcp(), net::PortSet::of(22));
  CHECK(both.status == VerdictStatus::fails);
  CHECK(find_drop(both.blockers, ExplanationCode::UNKNOWN_TARGET) != nullptr);
  CHECK(find_drop(both.blockers, ExplanationCode::ENI_SG_RULES_MISMATCH) != nullptr);
}

}  // namespace moat::fwd::test
