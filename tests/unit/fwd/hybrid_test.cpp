// Hybrid connectivity: DX gateway allowed prefixes, VGW propagation, return routes.
#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "fwd_test_support.hpp"
#include "moat/fwd/network.hpp"
#include "snapshot_builder.hpp"

namespace moat::fwd::test {

using model::ObjectKind;

namespace {

struct OnPrem {
  SnapshotBuilder b;
  model::VpcId vpc{};
  model::RouteTableId table{};
  model::VpnGatewayId vgw{};
  model::DxGatewayId dx{};
  model::InstanceId host{};
  OnPrem() {
    vpc = b.vpc("main", "10.0.0.0/16");
    auto subnet = b.subnet(vpc, "app", "10.0.1.0/24");
    table = b.route_table(vpc, "app");
    b.associate(subnet, table);
    vgw = b.vgw(vpc, "main");
    dx = b.dx_gateway("corp");
    host = b.instance("host", subnet, "10.0.1.10", {b.open_sg(vpc, "open")});
  }
  std::vector<graph::ExternalNetwork> via_dx() const {
    return {{"onprem", {cidr("192.168.0.0/16")}, {{graph::Attachment{dx}}}}};
  }
  Endpoint host_endpoint() const { return Endpoint::of({ObjectKind::instance, model::index(host)}); }
};

}  // namespace

TEST_CASE("DX gateway allowed prefixes narrower than the VPC CIDR hide the whole VPC from on-prem", "[fwd]") {
  OnPrem s;
  s.b.dx_associate_vgw(s.dx, s.vgw, {"10.0.1.0/24"}, "corp");
  s.b.propagate(s.table, s.vgw);
  Network network(s.b.snapshot, s.via_dx());
  auto verdict = network.reachable({Endpoint::external("onprem")}, {s.host_endpoint()}, tcp(), net::PortSet::of(443));
  CHECK(verdict.status == VerdictStatus::fails);
  const auto* drop = find_drop(verdict.blockers, ExplanationCode::DXGW_ALLOWED_PREFIXES_EXCLUDE_VPC);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_dx_gateway_association.corp");
  CHECK(network.isolated({Endpoint::external("onprem")}, {s.host_endpoint()}).holds());
}

TEST_CASE("DX gateway allowed prefixes covering the VPC CIDR let on-prem connect over the VGW", "[fwd]") {
  OnPrem s;
  s.b.dx_associate_vgw(s.dx, s.vgw, {"10.0.0.0/8"}, "corp");
  s.b.propagate(s.table, s.vgw);
  Network network(s.b.snapshot, s.via_dx());
  auto verdict = network.reachable({Endpoint::external("onprem")}, {s.host_endpoint()}, tcp(), net::PortSet::of(443));
  CHECK(verdict.status == VerdictStatus::holds);
  auto out = network.flow({s.host_endpoint()}, tcp_to("192.168.1.0/24", 443), {Endpoint::external("onprem")});
  REQUIRE(out.delivered.size() == 1);
  CHECK(path_names(out.delivered.front().path, "aws_vpn_gateway_route_propagation"));
  CHECK(path_names(out.delivered.front().path, "aws_dx_gateway_association.corp"));
}

TEST_CASE("a DX gateway association naming a VGW that is not in the state gives on-prem no known route and names the association", "[fwd]") {
  OnPrem s;
  auto assoc = s.b.dx_associate_vgw(s.dx, s.vgw, {"10.0.0.0/16"}, "corp");
  s.b.propagate(s.table, s.vgw);
  // The seed article's mistake: associated_gateway_id = aws_vpn_gateway.example.id, a VGW
  // that was never declared, so the reference does not resolve.
  auto& association = s.b.snapshot.dx_gateway_associations[model::index(assoc)];
  association.associated_gateway_id = "vgw-0notinstate";
  association.vpn_gateway = {"vgw-0notinstate", std::nullopt};
  Network network(s.b.snapshot, s.via_dx());
  auto verdict = network.reachable({Endpoint::external("onprem")}, {s.host_endpoint()}, tcp(), net::PortSet::of(443));
  CHECK(verdict.status != VerdictStatus::holds);
  const auto* drop = find_drop(verdict.blockers, ExplanationCode::UNKNOWN_TARGET);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_dx_gateway_association.corp");
  CHECK(drop->detail.find("vgw-0notinstate") != std::string::npos);
  CHECK_FALSE(drop->certain);  // what the missing VGW advertises is unknown (R0.1)
  CHECK(find_drop(verdict.blockers, ExplanationCode::EXTERNAL_NETWORK_NO_ROUTE) == nullptr);
}

TEST_CASE("a VPC table without a route back to on-prem breaks the connection although the request arrives", "[fwd]") {
  OnPrem s;
  s.b.dx_associate_vgw(s.dx, s.vgw, {}, "corp");  // default: the VPC CIDR is advertised
  Network network(s.b.snapshot, s.via_dx());
  auto forward = network.flow({Endpoint::external("onprem")}, tcp_to("10.0.1.10/32", 443), {s.host_endpoint()});
  CHECK(forward.delivered.size() == 1);
  auto verdict = network.reachable({Endpoint::external("onprem")}, {s.host_endpoint()}, tcp(), net::PortSet::of(443));
  CHECK(verdict.status == VerdictStatus::fails);
  const auto* drop = find_drop(verdict.blockers, ExplanationCode::NO_ROUTE_TO_DESTINATION);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_route_table.app");
  CHECK(drop->detail.find("return path") != std::string::npos);
  // A static route to the VGW restores the return path.
  s.b.route(s.table, "192.168.0.0/16", "vgw-main", s.vgw, "onprem");
  Network fixed(s.b.snapshot, s.via_dx());
  CHECK(fixed.reachable({Endpoint::external("onprem")}, {s.host_endpoint()}, tcp(), net::PortSet::of(443)).holds());
}

TEST_CASE("a propagated route never beats the local route, even when more specific", "[fwd]") {
  OnPrem s;
  s.b.dx_associate_vgw(s.dx, s.vgw, {}, "corp");
  s.b.propagate(s.table, s.vgw);
  // On-prem (wrongly) also announces a prefix inside the VPC.
  std::vector<graph::ExternalNetwork> networks = {
      {"onprem", {cidr("192.168.0.0/16"), cidr("10.0.1.0/24")}, {{graph::Attachment{s.dx}}}}};
  Network network(s.b.snapshot, networks);
  auto result = network.flow({s.host_endpoint()}, tcp_to("10.0.1.0/24", 443));
  for (const auto& part : result.delivered) CHECK(part.destination != network.graph().external_node(0));
}

TEST_CASE("a static route beats a propagated route of the same prefix", "[fwd]") {
  OnPrem s;
  s.b.dx_associate_vgw(s.dx, s.vgw, {}, "corp");
  s.b.propagate(s.table, s.vgw);
  auto igw = s.b.igw(s.vpc, "main");
  s.b.route(s.table, "192.168.0.0/16", "igw-main", igw, "hijack");
  Network network(s.b.snapshot, s.via_dx());
  auto result = network.flow({s.host_endpoint()}, tcp_to("192.168.1.0/24", 443));
  CHECK(result.delivered.empty());
  REQUIRE(!result.dropped.empty());
  CHECK(path_names(result.dropped.front().path, "aws_route.hijack"));
}

TEST_CASE("peering is not transitive: on-prem traffic cannot continue over a peering", "[fwd]") {
  OnPrem s;
  s.b.dx_associate_vgw(s.dx, s.vgw, {"10.0.0.0/8"}, "corp");
  auto other = s.b.vpc("other", "10.5.0.0/16");
  auto pcx = s.b.peering(s.vpc, other, "main_other");
  // An ingress route table on the VGW sends the VPC's traffic on to the peer... and the
  // subnet route covers the peer; on-prem only learns 10.0.0.0/16 anyway.
  s.b.route(s.table, "10.5.0.0/16", "pcx-main_other", pcx, "to_other");
  Network network(s.b.snapshot, s.via_dx());
  CHECK(network.isolated({Endpoint::external("onprem")}, {Endpoint::address_set(net::AddressSet::of(cidr("10.5.0.0/16")))})
            .holds());
}

}  // namespace moat::fwd::test

namespace moat::fwd::test {

namespace {

// On-prem over a transit VIF: DX gateway -> TGW -> VPC.
struct TransitVif {
  SnapshotBuilder b;
  model::InstanceId host{};
  TransitVif(const char* allowed) {
    auto vpc = b.vpc("main", "10.0.0.0/16");
    auto subnet = b.subnet(vpc, "app", "10.0.1.0/24");
    auto table = b.route_table(vpc, "app");
    b.associate(subnet, table);
    auto tgw = b.tgw("hub");
    b.route(table, "192.168.0.0/16", "tgw-hub", tgw, "onprem");
    auto vpc_attachment = b.tgw_attach(tgw, vpc, {subnet}, "main");
    auto dx = b.dx_gateway("corp");
    auto dx_attachment = b.dx_associate_tgw(dx, tgw, {allowed}, "corp");
    auto hub = b.tgw_table(tgw, "hub");
    for (auto a : {vpc_attachment, dx_attachment}) {
      b.tgw_associate(hub, a);
      b.tgw_propagate(hub, a);
    }
    host = b.instance("host", subnet, "10.0.1.10", {b.open_sg(vpc, "open")});
  }
  std::vector<graph::ExternalNetwork> networks() const {
    return {{"onprem", {cidr("192.168.0.0/16")}, {{graph::Attachment{model::DxGatewayId{0}}}}}};
  }
  Endpoint host_endpoint() const { return Endpoint::of({ObjectKind::instance, model::index(host)}); }
};

}  // namespace

TEST_CASE("over a transit VIF on-prem learns the DX-TGW allowed prefixes and connects through the TGW", "[fwd]") {
  TransitVif s("10.0.0.0/8");
  Network network(s.b.snapshot, s.networks());
  auto verdict = network.reachable({Endpoint::external("onprem")}, {s.host_endpoint()}, tcp(), net::PortSet::of(443));
  CHECK(verdict.status == VerdictStatus::holds);
  auto out = network.flow({s.host_endpoint()}, tcp_to("192.168.1.0/24", 443), {Endpoint::external("onprem")});
  REQUIRE(out.delivered.size() == 1);
  CHECK(path_names(out.delivered.front().path, "aws_route.onprem"));
  CHECK(path_names(out.delivered.front().path, "aws_dx_gateway_association.corp"));
}

TEST_CASE("over a transit VIF on-prem cannot reach what the allowed prefixes do not advertise", "[fwd]") {
  TransitVif s("10.9.0.0/16");
  Network network(s.b.snapshot, s.networks());
  auto verdict = network.reachable({Endpoint::external("onprem")}, {s.host_endpoint()}, tcp(), net::PortSet::of(443));
  CHECK(verdict.status == VerdictStatus::fails);
  CHECK(find_drop(verdict.blockers, ExplanationCode::EXTERNAL_NETWORK_NO_ROUTE) != nullptr);
  CHECK(network.isolated({Endpoint::external("onprem")}, {s.host_endpoint()}).holds());
}

}  // namespace moat::fwd::test
