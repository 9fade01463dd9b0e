// Edge to edge (R2.10, R2.11, R7.10, R8.8; SEMANTICS §9.8): traffic that entered a VPC
// over VPN/DX or a peering never leaves by the VPC's NAT gateway, and a peering never
// lends the peer's NAT gateway or VGW.
#include <catch2/catch.hpp>

#include <string>

#include "fwd_test_support.hpp"
#include "moat/fwd/network.hpp"
#include "snapshot_builder.hpp"

namespace moat::fwd::test {

using model::ObjectKind;

namespace {

// VPC main: a NAT gateway in subnet public (routed to the IGW), an appliance (source/dest
// check off) in subnet fw whose table sends the db subnet to the NAT gateway (a more
// specific route than local, R1.6), and a VGW whose gateway route table (R1.2) hands
// traffic for the db subnet to the appliance.
struct OnPremThroughAppliance {
  SnapshotBuilder b;
  model::VpcId vpc{};
  model::InstanceId db{};
  model::InstanceId fw{};
  model::RouteTableId fw_table{};
  model::NatGatewayId nat{};
  model::DxGatewayId corp{};
  OnPremThroughAppliance() {
    vpc = b.vpc("main", "10.0.0.0/16");
    auto pub = b.subnet(vpc, "public", "10.0.0.0/24");
    auto fw_subnet = b.subnet(vpc, "fw", "10.0.2.0/24");
    auto db_subnet = b.subnet(vpc, "db", "10.0.3.0/24");
    auto pub_table = b.route_table(vpc, "public");
    fw_table = b.route_table(vpc, "fw");
    auto db_table = b.route_table(vpc, "db");
    b.associate(pub, pub_table);
    b.associate(fw_subnet, fw_table);
    b.associate(db_subnet, db_table);
    auto igw = b.igw(vpc, "main");
    nat = b.nat(pub, "main", true, "10.0.0.5");
    b.route(pub_table, "0.0.0.0/0", "igw-main", igw, "public_default");
    auto open = b.open_sg(vpc, "open");
    fw = b.instance("fw", fw_subnet, "10.0.2.10", {open});
    b.snapshot.get(fw).source_dest_check = false;
    db = b.instance("db", db_subnet, "10.0.3.10", {open});
    auto vgw = b.vgw(vpc, "main");
    corp = b.dx_gateway("corp");
    b.dx_associate_vgw(corp, vgw, {}, "corp");
    for (auto table : {fw_table, db_table}) b.route(table, "192.168.0.0/16", "vgw-main", vgw, "onprem_" + std::to_string(model::index(table)));
    auto edge = b.route_table(vpc, "vgw_edge");
    b.route(edge, "10.0.3.0/24", "i-fw", fw, "edge_to_fw");
    b.snapshot.get(edge).edge_associations.push_back(
        {{model::RouteTargetKind::vpn_gateway, "vgw-main", vgw},
         SnapshotBuilder::origin("aws_route_table_association", "vgw_edge", "rtbassoc-edge")});
  }
  std::vector<graph::ExternalNetwork> networks() const {
    return {{"onprem", {cidr("192.168.0.0/16")}, {{graph::Attachment{corp}}}}};
  }
};

}  // namespace

TEST_CASE("on-prem traffic forwarded by an appliance never uses the VPC's NAT gateway (R2.10, R7.10)", "[fwd]") {
  OnPremThroughAppliance s;
  // Without the NAT detour the appliance delivers on-prem's packets to db.
  {
    Network network(s.b.snapshot, s.networks());
    auto out = network.flow({Endpoint::external("onprem")}, tcp_to("10.0.3.10/32", 443), {instance(s.db)});
    REQUIRE(out.delivered.size() == 1);
    CHECK(path_names(out.delivered.front().path, "aws_route.edge_to_fw"));
    CHECK(path_names(out.delivered.front().path, "aws_instance.fw"));
  }
  s.b.route(s.fw_table, "10.0.3.0/24", "nat-main", s.nat, "fw_to_nat");
  Network network(s.b.snapshot, s.networks());
  auto verdict = network.reachable({Endpoint::external("onprem")}, {instance(s.db)}, tcp(), net::PortSet::of(443));
  CHECK(verdict.status == VerdictStatus::fails);
  const auto* drop = find_drop(verdict.blockers, ExplanationCode::NGW_REQUIRES_SOURCE_IN_VPC);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_nat_gateway.main");
  CHECK(path_names(drop->path, "aws_route.fw_to_nat"));
}

namespace {

// VPC a peered with VPC hub; hub has a NAT gateway behind an IGW and a VGW to on-prem;
// a's table sends everything to the peering, hub's tables route back to a.
struct PeeredHub {
  SnapshotBuilder b;
  model::InstanceId client{};
  model::InstanceId hub_host{};
  model::DxGatewayId corp{};
  PeeredHub() {
    auto a = b.vpc("a", "10.1.0.0/16");
    auto hub = b.vpc("hub", "10.0.0.0/16");
    auto a_subnet = b.subnet(a, "a_app", "10.1.1.0/24");
    auto pub = b.subnet(hub, "hub_public", "10.0.0.0/24");
    auto app = b.subnet(hub, "hub_app", "10.0.1.0/24");
    auto a_table = b.route_table(a, "a_app");
    auto pub_table = b.route_table(hub, "hub_public");
    auto app_table = b.route_table(hub, "hub_app");
    b.associate(a_subnet, a_table);
    b.associate(pub, pub_table);
    b.associate(app, app_table);
    auto pcx = b.peering(a, hub, "a_hub");
    auto igw = b.igw(hub, "hub");
    auto nat = b.nat(pub, "hub", true, "10.0.0.5");
    auto vgw = b.vgw(hub, "hub");
    corp = b.dx_gateway("corp");
    b.dx_associate_vgw(corp, vgw, {}, "corp");
    b.route(a_table, "0.0.0.0/0", "pcx-a_hub", pcx, "a_default");
    b.route(pub_table, "0.0.0.0/0", "igw-hub", igw, "public_default");
    b.route(app_table, "0.0.0.0/0", "nat-hub", nat, "app_default");
    for (auto table : {pub_table, app_table}) {
      b.route(table, "10.1.0.0/16", "pcx-a_hub", pcx, "to_a_" + std::to_string(model::index(table)));
      b.propagate(table, vgw);
    }
    client = b.instance("client", a_subnet, "10.1.1.10", {b.open_sg(a, "client")});
    hub_host = b.instance("hub_host", app, "10.0.1.10", {b.open_sg(hub, "hub_open")});
  }
  std::vector<graph::ExternalNetwork> networks() const {
    return {{"onprem", {cidr("192.168.0.0/16")}, {{graph::Attachment{corp}}}}};
  }
};

}  // namespace

TEST_CASE("a peering never lends the peer's NAT gateway for the internet (R2.11, R8.8)", "[fwd]") {
  PeeredHub s;
  Network network(s.b.snapshot, s.networks());
  // The hub's own host does reach the internet through its NAT gateway.
  CHECK(network.reachable({instance(s.hub_host)}, {Endpoint::internet()}, tcp(), net::PortSet::of(443)).holds());
  auto verdict = network.isolated({instance(s.client)}, {Endpoint::internet()});
  CHECK(verdict.status == VerdictStatus::holds);
  auto out = network.flow({instance(s.client)}, tcp_to("8.8.8.0/24", 443), {Endpoint::internet()});
  CHECK(out.delivered.empty());
  const auto* drop = find_drop(out.dropped, ExplanationCode::PCX_REQUIRES_ADDRESS_IN_VPC_CIDR);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_vpc_peering_connection.a_hub");
}

TEST_CASE("a peering never lends the peer's VGW to on-prem (R7.10, R8.8)", "[fwd]") {
  PeeredHub s;
  Network network(s.b.snapshot, s.networks());
  // The hub's own host does reach on-prem over its VGW.
  CHECK(network.reachable({instance(s.hub_host)}, {Endpoint::external("onprem")}, tcp(), net::PortSet::of(443)).holds());
  auto verdict = network.isolated({instance(s.client)}, {Endpoint::external("onprem")});
  CHECK(verdict.status == VerdictStatus::holds);
  auto out = network.flow({instance(s.client)}, tcp_to("192.168.1.0/24", 443), {Endpoint::external("onprem")});
  CHECK(out.delivered.empty());
  const auto* drop = find_drop(out.dropped, ExplanationCode::PCX_REQUIRES_ADDRESS_IN_VPC_CIDR);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_vpc_peering_connection.a_hub");
}

}  // namespace moat::fwd::test
