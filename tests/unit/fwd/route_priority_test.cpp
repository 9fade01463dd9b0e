// Same-prefix tie-breaks (R1.9, R1.10, R1.12, R7.6, R8.4; SEMANTICS §9.3 and §9.28):
// in a subnet table static > prefix list > propagated; at a VGW DX > VPN static > VPN BGP;
// at a TGW any static route (a VPN's included) > VPC- > DXGW- > VPN-propagated.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "fwd_test_support.hpp"
#include "moat/fwd/network.hpp"
#include "snapshot_builder.hpp"

namespace moat::fwd::test {

using model::ObjectKind;

namespace {

// Subnet a of VPC main (10.0.0.0/16) peered with VPC other (10.7.0.0/16), which routes back.
struct Peered {
  SnapshotBuilder b;
  model::VpcId vpc{};
  model::RouteTableId table{};
  model::InstanceId host{};
  model::InstanceId remote{};
  model::VpcPeeringConnectionId pcx{};
  model::InternetGatewayId igw{};
  Peered() {
    vpc = b.vpc("main", "10.0.0.0/16");
    auto subnet = b.subnet(vpc, "a", "10.0.1.0/24");
    table = b.route_table(vpc, "a");
    b.associate(subnet, table);
    host = b.instance("host", subnet, "10.0.1.10", {b.open_sg(vpc, "open")});
    igw = b.igw(vpc, "main");
    auto other = b.vpc("other", "10.7.0.0/16");
    auto other_subnet = b.subnet(other, "o", "10.7.1.0/24");
    remote = b.instance("remote", other_subnet, "10.7.1.10", {b.open_sg(other, "remote_open")});
    pcx = b.peering(vpc, other, "main_other");
    auto back = b.route_table(other, "o");
    b.associate(other_subnet, back);
    b.route(back, "10.0.0.0/16", "pcx-main_other", pcx, "back");
    b.prefix_list("partners", {"10.7.1.0/24"});
  }
};

}  // namespace

TEST_CASE("a static route beats a prefix-list route for the same addresses (R1.9, R1.10)", "[fwd]") {
  Peered s;
  s.b.route_to_list(s.table, "partners", "igw-main", s.igw, "partners_hijack");
  s.b.route(s.table, "10.7.1.0/24", "pcx-main_other", s.pcx, "to_other");
  Network network(s.b.snapshot);
  auto verdict = network.reachable({instance(s.host)}, {instance(s.remote)}, tcp(), net::PortSet::of(443));
  CHECK(verdict.status == VerdictStatus::holds);
  auto out = network.flow({instance(s.host)}, tcp_to("10.7.1.10/32", 443), {instance(s.remote)});
  REQUIRE(out.delivered.size() == 1);
  CHECK(path_names(out.delivered.front().path, "aws_route.to_other"));
  CHECK_FALSE(path_names(out.delivered.front().path, "aws_route.partners_hijack"));
}

TEST_CASE("without the static route the prefix-list route of the same addresses decides (R1.10)", "[fwd]") {
  Peered s;
  s.b.route_to_list(s.table, "partners", "igw-main", s.igw, "partners_hijack");
  Network network(s.b.snapshot);
  auto verdict = network.reachable({instance(s.host)}, {instance(s.remote)}, tcp(), net::PortSet::of(443));
  CHECK(verdict.status == VerdictStatus::fails);
  REQUIRE(!verdict.blockers.empty());
  CHECK(path_names(verdict.blockers.front().path, "aws_route.partners_hijack"));
}

namespace {

// VPC main behind a VGW; the same on-prem prefix 192.168.0.0/16 is declared reachable
// over a DX gateway, a static VPN and a BGP VPN, each its own external network so the
// verdict shows which one the VGW chose.
struct ThreeWays {
  SnapshotBuilder b;
  model::RouteTableId table{};
  model::VpnGatewayId vgw{};
  model::InstanceId host{};
  std::vector<graph::ExternalNetwork> networks;
  ThreeWays(bool dx, bool vpn_static, bool vpn_bgp) {
    auto vpc = b.vpc("main", "10.0.0.0/16");
    auto subnet = b.subnet(vpc, "app", "10.0.1.0/24");
    table = b.route_table(vpc, "app");
    b.associate(subnet, table);
    vgw = b.vgw(vpc, "main");
    host = b.instance("host", subnet, "10.0.1.10", {b.open_sg(vpc, "open")});
    auto corp = b.dx_gateway("corp");
    b.dx_associate_vgw(corp, vgw, {}, "corp");
    auto by_static = b.vpn_on_vgw(vgw, "static", true);
    auto by_bgp = b.vpn_on_vgw(vgw, "bgp", false);
    // Least preferred first, so that picking the first candidate would be caught.
    if (vpn_bgp) networks.push_back({"dc_vpn_bgp", {cidr("192.168.0.0/16")}, {{graph::Attachment{by_bgp}}}});
    if (vpn_static) networks.push_back({"dc_vpn_static", {cidr("192.168.0.0/16")}, {{graph::Attachment{by_static}}}});
    if (dx) networks.push_back({"dc_dx", {cidr("192.168.0.0/16")}, {{graph::Attachment{corp}}}});
  }
  // Either propagation (R7.5) or a static route to the VGW (R1.12: the VGW chooses).
  void route(bool propagated) {
    if (propagated) b.propagate(table, vgw);
    else b.route(table, "192.168.0.0/16", "vgw-main", vgw, "onprem");
  }
};

void check_vgw_choice(ThreeWays& s, const std::string& chosen, const std::string& deciding, const std::string& loser) {
  for (bool propagated : {true, false}) {
    INFO("propagated: " << propagated);
    ThreeWays copy = s;
    copy.route(propagated);
    Network network(copy.b.snapshot, copy.networks);
    CHECK(network.reachable({instance(copy.host)}, {Endpoint::external(chosen)}, tcp(), net::PortSet::of(443)).holds());
    CHECK(network.reachable({instance(copy.host)}, {Endpoint::external(loser)}, tcp(), net::PortSet::of(443)).status ==
          VerdictStatus::fails);
    auto out = network.flow({instance(copy.host)}, tcp_to("192.168.1.0/24", 443));
    REQUIRE(out.delivered.size() == 1);
    CHECK(path_names(out.delivered.front().path, deciding));
  }
}

}  // namespace

TEST_CASE("at a VGW a Direct Connect route beats a static VPN route for the same prefix (R1.12, R7.6)", "[fwd]") {
  ThreeWays s(true, true, false);
  check_vgw_choice(s, "dc_dx", "aws_dx_gateway_association.corp", "dc_vpn_static");
}

TEST_CASE("at a VGW a static VPN route beats a BGP VPN route for the same prefix (R1.12, R7.6)", "[fwd]") {
  ThreeWays s(false, true, true);
  check_vgw_choice(s, "dc_vpn_static", "aws_vpn_connection.static", "dc_vpn_bgp");
}

TEST_CASE("at a VGW a Direct Connect route beats a BGP VPN route for the same prefix (R1.12, R7.6)", "[fwd]") {
  ThreeWays s(true, false, true);
  check_vgw_choice(s, "dc_dx", "aws_dx_gateway_association.corp", "dc_vpn_bgp");
}

TEST_CASE("a prefix-list route beats a propagated route for the same addresses (R1.9, R1.10)", "[fwd]") {
  ThreeWays s(true, false, false);
  s.route(true);
  auto igw = s.b.igw(model::VpcId{0}, "main");
  s.b.prefix_list("corp", {"192.168.0.0/16"});
  s.b.route_to_list(s.table, "corp", "igw-main", igw, "corp_hijack");
  Network network(s.b.snapshot, s.networks);
  auto verdict = network.reachable({instance(s.host)}, {Endpoint::external("dc_dx")}, tcp(), net::PortSet::of(443));
  CHECK(verdict.status == VerdictStatus::fails);
  REQUIRE(!verdict.blockers.empty());
  CHECK(path_names(verdict.blockers.front().path, "aws_route.corp_hijack"));
  CHECK_FALSE(path_names(verdict.blockers.front().path, "aws_dx_gateway_association.corp"));
}

namespace {

// A failed verdict whose blocker `code` names the route that won a same-prefix tie
// (`winner`) and, in its detail, the one that lost it (`loser`); a drop for another reason
// than the tie itself also leaves a HIGHER_PRIORITY_ROUTE finding on the winner.
void check_tie_blocker(const Verdict& verdict, ExplanationCode code, const std::string& winner, const std::string& loser) {
  CHECK(verdict.status == VerdictStatus::fails);
  const auto* drop = find_drop(verdict.blockers, code);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == winner);
  CHECK(drop->detail.find("HIGHER_PRIORITY_ROUTE") != std::string::npos);
  CHECK(drop->detail.find(loser) != std::string::npos);
  if (code != ExplanationCode::HIGHER_PRIORITY_ROUTE)
    CHECK(has_finding(verdict.findings, ExplanationCode::HIGHER_PRIORITY_ROUTE, winner));
}

}  // namespace

TEST_CASE("a static blackhole route beating the propagated VGW route of the same prefix is named with the route it beat (HIGHER_PRIORITY_ROUTE)",
          "[fwd]") {
  ThreeWays s(true, false, false);
  s.route(true);  // 192.168.0.0/16 propagated from the VGW
  auto stale = s.b.instance("stale", model::SubnetId{0}, "10.0.1.20", {});
  s.b.snapshot.get(stale).state = "stopped";  // the static route to it is a blackhole (R1.13)
  s.b.route(s.table, "192.168.0.0/16", "i-stale", stale, "stale");
  Network network(s.b.snapshot, s.networks);
  for (bool outbound : {true, false}) {
    INFO("from the VPC: " << outbound);
    std::vector<Endpoint> host = {instance(s.host)}, onprem = {Endpoint::external("dc_dx")};
    auto verdict = outbound ? network.reachable(host, onprem, tcp(), net::PortSet::of(443))
                            : network.reachable(onprem, host, tcp(), net::PortSet::of(443));
    check_tie_blocker(verdict, ExplanationCode::BAD_STATE_ROUTE, "aws_route.stale",
                      "aws_vpn_gateway_route_propagation.rtb-app");
  }
}

TEST_CASE("a static and a propagated route of the same prefix to the same VGW are no priority conflict",
          "[fwd]") {
  ThreeWays s(true, false, false);
  s.route(true);
  s.route(false);  // a static route to the same VGW: no tie between different targets
  Network same(s.b.snapshot, s.networks);
  auto out = same.flow({instance(s.host)}, tcp_to("192.168.1.0/24", 443));
  REQUIRE(out.delivered.size() == 1);
  for (const auto& hop : out.delivered.front().path) CHECK(hop.rule.find("higher priority") == std::string::npos);
  CHECK(same.reachable({instance(s.host)}, {Endpoint::external("dc_dx")}, tcp(), net::PortSet::of(443)).holds());
}

namespace {

// VPC main -> TGW hub; on-prem 192.168.0.0/16 is learned over a transit VIF (DX gateway
// attachment) and over a VPN attachment, each its own external network.
struct TgwTwoWays {
  SnapshotBuilder b;
  model::TransitGatewayRouteTableId hub{};
  model::TransitGatewayAttachmentId vpn_attachment{};
  model::InstanceId host{};
  std::vector<graph::ExternalNetwork> networks;
  TgwTwoWays() {
    auto vpc = b.vpc("main", "10.0.0.0/16");
    auto subnet = b.subnet(vpc, "app", "10.0.1.0/24");
    auto table = b.route_table(vpc, "app");
    b.associate(subnet, table);
    auto tgw = b.tgw("hub");
    b.route(table, "192.168.0.0/16", "tgw-hub", tgw, "onprem");
    auto vpc_attachment = b.tgw_attach(tgw, vpc, {subnet}, "main");
    auto corp = b.dx_gateway("corp");
    auto dx_attachment = b.dx_associate_tgw(corp, tgw, {"10.0.0.0/8"}, "corp");
    model::VpnConnectionId vpn{};
    vpn_attachment = b.vpn_on_tgw(tgw, "site", &vpn);
    hub = b.tgw_table(tgw, "hub");
    for (auto a : {vpc_attachment, vpn_attachment, dx_attachment}) {  // the VPN's routes first
      b.tgw_associate(hub, a);
      b.tgw_propagate(hub, a);
    }
    host = b.instance("host", subnet, "10.0.1.10", {b.open_sg(vpc, "open")});
    // The VPN first, so that picking the first candidate would be caught.
    networks = {{"dc_vpn", {cidr("192.168.0.0/16")}, {{graph::Attachment{vpn}}}},
                {"dc_dx", {cidr("192.168.0.0/16")}, {{graph::Attachment{corp}}}}};
  }
};

}  // namespace

TEST_CASE("at a TGW a DX-propagated route beats a VPN-propagated route for the same prefix (R7.6, R8.4)", "[fwd]") {
  TgwTwoWays s;
  Network network(s.b.snapshot, s.networks);
  CHECK(network.reachable({instance(s.host)}, {Endpoint::external("dc_dx")}, tcp(), net::PortSet::of(443)).holds());
  CHECK(network.reachable({instance(s.host)}, {Endpoint::external("dc_vpn")}, tcp(), net::PortSet::of(443)).status ==
        VerdictStatus::fails);
  auto out = network.flow({instance(s.host)}, tcp_to("192.168.1.0/24", 443));
  REQUIRE(out.delivered.size() == 1);
  CHECK(path_names(out.delivered.front().path, "aws_dx_gateway_association.corp"));
}

TEST_CASE("at a TGW, unlike a VGW, a static VPN route beats a DX-learned route for the same prefix (§9.28, R7.6)", "[fwd]") {
  TgwTwoWays s;
  s.b.tgw_route(s.hub, "192.168.0.0/16", s.vpn_attachment, "vpn_static");
  Network network(s.b.snapshot, s.networks);
  CHECK(network.reachable({instance(s.host)}, {Endpoint::external("dc_vpn")}, tcp(), net::PortSet::of(443)).holds());
  CHECK(network.reachable({instance(s.host)}, {Endpoint::external("dc_dx")}, tcp(), net::PortSet::of(443)).status ==
        VerdictStatus::fails);
  auto out = network.flow({instance(s.host)}, tcp_to("192.168.1.0/24", 443));
  REQUIRE(out.delivered.size() == 1);
  CHECK(path_names(out.delivered.front().path, "aws_ec2_transit_gateway_route.vpn_static"));
  CHECK(path_names(out.delivered.front().path, "aws_vpn_connection.site"));
}

TEST_CASE("at a TGW a static route to another attachment that beats the propagated one sends the packets elsewhere: HIGHER_PRIORITY_ROUTE",
          "[fwd]") {
  TgwTwoWays s;
  s.b.tgw_route(s.hub, "192.168.0.0/16", s.vpn_attachment, "vpn_static");
  Network network(s.b.snapshot, s.networks);
  auto verdict = network.reachable({instance(s.host)}, {Endpoint::external("dc_dx")}, tcp(), net::PortSet::of(443));
  check_tie_blocker(verdict, ExplanationCode::HIGHER_PRIORITY_ROUTE, "aws_ec2_transit_gateway_route.vpn_static",
                    "route 192.168.0.0/16 -> tgw-attach-dx-corp (propagated from dc_dx) of "
                    "aws_ec2_transit_gateway_route_table_propagation.x");
  CHECK(find_drop(verdict.blockers, ExplanationCode::HIGHER_PRIORITY_ROUTE)->detail.find("delivered to dc_vpn") !=
        std::string::npos);
  // The flow that goes where the winner sends it holds, its route step naming the loser.
  CHECK(network.reachable({instance(s.host)}, {Endpoint::external("dc_vpn")}, tcp(), net::PortSet::of(443)).holds());
  auto out = network.flow({instance(s.host)}, tcp_to("192.168.1.0/24", 443));
  REQUIRE(out.delivered.size() == 1);
  CHECK(out.dropped.empty());
  bool named = false;
  for (const auto& hop : out.delivered.front().path)
    named = named || (hop.address == "aws_ec2_transit_gateway_route.vpn_static" &&
                      hop.rule.find("higher priority than the same-prefix route") != std::string::npos);
  CHECK(named);
}

TEST_CASE("at a TGW a static blackhole beating a propagated route of the same prefix is named with the route it beat",
          "[fwd]") {
  TgwTwoWays s;
  s.b.tgw_route(s.hub, "192.168.0.0/16", std::nullopt, "drop_onprem");
  Network network(s.b.snapshot, s.networks);
  auto verdict = network.reachable({instance(s.host)}, {Endpoint::external("dc_dx")}, tcp(), net::PortSet::of(443));
  check_tie_blocker(verdict, ExplanationCode::TGW_RTB_BLACKHOLE, "aws_ec2_transit_gateway_route.drop_onprem",
                    "tgw-attach-dx-corp");
}

TEST_CASE("at a VGW the Direct Connect route chosen over a VPN route of the same prefix names it when the VPN is the destination",
          "[fwd]") {
  ThreeWays s(true, true, false);
  s.route(true);
  Network network(s.b.snapshot, s.networks);
  auto verdict = network.reachable({instance(s.host)}, {Endpoint::external("dc_vpn_static")}, tcp(), net::PortSet::of(443));
  check_tie_blocker(verdict, ExplanationCode::HIGHER_PRIORITY_ROUTE, "aws_dx_gateway_association.corp",
                    "aws_vpn_connection.static");
}

}  // namespace moat::fwd::test
