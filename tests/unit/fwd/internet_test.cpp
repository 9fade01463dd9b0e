// Internet reachability: IGW public-IP rule, NAT gateways, peering, TGW centralized egress.
#include <catch2/catch.hpp>

#include "fwd_test_support.hpp"
#include "moat/fwd/network.hpp"
#include "snapshot_builder.hpp"

namespace moat::fwd::test {

using model::ObjectKind;
using model::RuleDirection;

namespace {

// One VPC, one subnet routed 0.0.0.0/0 -> IGW, one ECS service with an open SG.
struct IgwSubnet {
  SnapshotBuilder b;
  model::EcsServiceId api{};
  IgwSubnet(bool assign_public_ip) {
    auto vpc = b.vpc("main", "10.0.0.0/16");
    auto subnet = b.subnet(vpc, "app", "10.0.1.0/24");
    auto table = b.route_table(vpc, "app");
    b.associate(subnet, table);
    auto igw = b.igw(vpc, "main");
    b.route(table, "0.0.0.0/0", "igw-main", igw, "default");
    api = b.ecs_service("api", {subnet}, {b.open_sg(vpc, "api")}, assign_public_ip);
  }
};

}  // namespace

TEST_CASE("a private subnet routed to an IGW without a public IP has no internet path but a latent exposure", "[fwd]") {
  IgwSubnet s(false);
  Network network(s.b.snapshot);
  auto verdict = network.isolated({service(s.api)}, {Endpoint::internet()});
  CHECK(verdict.status == VerdictStatus::holds);
  CHECK(has_finding(verdict.findings, ExplanationCode::LATENT_INTERNET_EXPOSURE, "aws_ecs_service.api"));
  auto result = network.flow({service(s.api)}, tcp_to("8.8.8.0/24", 443), {Endpoint::internet()});
  CHECK(result.delivered.empty());
  const auto* drop = find_drop(result.dropped, ExplanationCode::IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_internet_gateway.main");
  CHECK(path_names(drop->path, "aws_route.default"));
}

TEST_CASE("assign_public_ip on an ECS service in an IGW-routed subnet opens internet egress", "[fwd]") {
  IgwSubnet s(true);
  Network network(s.b.snapshot);
  auto verdict = network.isolated({service(s.api)}, {Endpoint::internet()});
  CHECK(verdict.status == VerdictStatus::fails);
  REQUIRE(!verdict.counterexamples.empty());
  CHECK(path_names(verdict.counterexamples.front().path, "aws_route.default"));
  CHECK(path_names(verdict.counterexamples.front().path, "aws_internet_gateway.main"));
  auto reach = network.reachable({service(s.api)}, {Endpoint::internet()}, tcp(), net::PortSet::of(443));
  CHECK(reach.status == VerdictStatus::holds);
}

namespace {

// A public subnet (0.0.0.0/0 -> IGW) with a NAT gateway and a private subnet
// (0.0.0.0/0 -> NAT) running the service.
struct NatVpc {
  SnapshotBuilder b;
  model::EcsServiceId api{};
  NatVpc(bool public_nat, bool nat_subnet_routes_to_igw = true) {
    auto vpc = b.vpc("main", "10.0.0.0/16");
    auto pub = b.subnet(vpc, "public", "10.0.0.0/24");
    auto app = b.subnet(vpc, "app", "10.0.1.0/24");
    auto pub_table = b.route_table(vpc, "public");
    auto app_table = b.route_table(vpc, "app");
    b.associate(pub, pub_table);
    b.associate(app, app_table);
    auto igw = b.igw(vpc, "main");
    auto nat = b.nat(pub, "main", public_nat, "10.0.0.5");
    if (nat_subnet_routes_to_igw) b.route(pub_table, "0.0.0.0/0", "igw-main", igw, "public_default");
    else b.route(pub_table, "0.0.0.0/0", "nat-main", nat, "public_default");
    b.route(app_table, "0.0.0.0/0", "nat-main", nat, "app_default");
    api = b.ecs_service("api", {app}, {b.open_sg(vpc, "api")});
  }
};

}  // namespace

TEST_CASE("a public NAT gateway behind an IGW gives a private service internet egress, replies included", "[fwd]") {
  NatVpc s(true);
  Network network(s.b.snapshot);
  auto reach = network.reachable({service(s.api)}, {Endpoint::internet()}, tcp(), net::PortSet::of(443));
  CHECK(reach.status == VerdictStatus::holds);
  auto result = network.flow({service(s.api)}, tcp_to("8.8.8.0/24", 443), {Endpoint::internet()});
  REQUIRE(result.delivered.size() == 1);
  CHECK(path_names(result.delivered.front().path, "aws_route.app_default"));
  CHECK(path_names(result.delivered.front().path, "aws_nat_gateway.main"));
  CHECK(path_names(result.delivered.front().path, "aws_route.public_default"));
  // Every packet the service sent is accounted for as delivered.
  CHECK(result.delivered.front().sent == tcp_to("8.8.8.0/24", 443).with_source_in(net::AddressSet::of(cidr("10.0.1.0/24"))));
}

TEST_CASE("a private NAT gateway never reaches the internet", "[fwd]") {
  NatVpc s(false);
  Network network(s.b.snapshot);
  auto verdict = network.isolated({service(s.api)}, {Endpoint::internet()});
  CHECK(verdict.status == VerdictStatus::holds);
  auto result = network.flow({service(s.api)}, tcp_to("8.8.8.0/24", 443), {Endpoint::internet()});
  const auto* drop = find_drop(result.dropped, ExplanationCode::PRIVATE_NAT_NO_INTERNET);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_nat_gateway.main");  // the private connectivity decides (R2.9)
  CHECK(drop->detail.find("R2.9") != std::string::npos);
}

TEST_CASE("a NAT gateway whose own subnet routes back to it is a loop that terminates and is reported", "[fwd]") {
  NatVpc s(true, false);
  Network network(s.b.snapshot);
  auto result = network.flow({service(s.api)}, tcp_to("8.8.8.0/24", 443), {Endpoint::internet()});
  CHECK(result.delivered.empty());
  const auto* loop = find_drop(result.dropped, ExplanationCode::ROUTING_LOOP);
  REQUIRE(loop != nullptr);
  CHECK(path_names(loop->path, "aws_route.public_default"));
}

TEST_CASE("the internet cannot open connections to a NAT gateway", "[fwd]") {
  NatVpc s(true);
  Network network(s.b.snapshot);
  auto nat = Endpoint::of({ObjectKind::nat_gateway, 0});
  auto verdict = network.isolated({Endpoint::internet()}, {nat});
  CHECK(verdict.status == VerdictStatus::holds);
  auto result = network.flow({Endpoint::internet()}, tcp_to("10.0.0.5/32", 443), {nat});
  const auto* drop = find_drop(result.dropped, ExplanationCode::NGW_NO_UNSOLICITED_INBOUND);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_nat_gateway.main");
}

TEST_CASE("peering to a VPC that has an IGW gives no internet path", "[fwd]") {
  SnapshotBuilder b;
  auto a = b.vpc("a", "10.1.0.0/16");
  auto egress = b.vpc("egress", "10.0.0.0/16");
  auto a_subnet = b.subnet(a, "a_app", "10.1.1.0/24");
  auto e_subnet = b.subnet(egress, "e_public", "10.0.0.0/24");
  auto a_table = b.route_table(a, "a_app");
  auto e_table = b.route_table(egress, "e_public");
  b.associate(a_subnet, a_table);
  b.associate(e_subnet, e_table);
  auto pcx = b.peering(a, egress, "a_egress");
  auto igw = b.igw(egress, "egress");
  b.route(a_table, "0.0.0.0/0", "pcx-a_egress", pcx, "a_default");
  b.route(e_table, "0.0.0.0/0", "igw-egress", igw, "e_default");
  b.route(e_table, "10.1.0.0/16", "pcx-a_egress", pcx, "e_to_a");
  auto api = b.ecs_service("api", {a_subnet}, {b.open_sg(a, "api")}, true);
  Network network(b.snapshot);
  auto verdict = network.isolated({service(api)}, {Endpoint::internet()});
  CHECK(verdict.status == VerdictStatus::holds);
  auto result = network.flow({service(api)}, tcp_to("8.8.8.0/24", 443), {Endpoint::internet()});
  const auto* drop = find_drop(result.dropped, ExplanationCode::PCX_REQUIRES_ADDRESS_IN_VPC_CIDR);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_vpc_peering_connection.a_egress");
}

namespace {

// Spoke VPC -> TGW -> egress VPC (attachment subnet -> NAT -> IGW), R2.12.
struct CentralEgress {
  SnapshotBuilder b;
  model::EcsServiceId api{};
  model::RouteTableId attach_table{};
  model::SubnetId spoke_subnet{}, spoke_b{};
  model::NatGatewayId nat{};
  model::InternetGatewayId igw{};
  model::TransitGatewayAttachmentId spoke_attachment{};
  CentralEgress() {
    auto spoke = b.vpc("spoke", "10.1.0.0/16");
    auto egress = b.vpc("egress", "10.0.0.0/16");
    spoke_subnet = b.subnet(spoke, "spoke_a", "10.1.1.0/24", "eu-west-1a");
    spoke_b = b.subnet(spoke, "spoke_b", "10.1.2.0/24", "eu-west-1b");
    auto attach = b.subnet(egress, "egress_attach", "10.0.2.0/24", "eu-west-1a");
    auto pub = b.subnet(egress, "egress_public", "10.0.0.0/24", "eu-west-1a");
    auto spoke_table = b.route_table(spoke, "spoke");
    attach_table = b.route_table(egress, "egress_attach");
    auto pub_table = b.route_table(egress, "egress_public");
    b.associate(spoke_subnet, spoke_table);
    b.associate(spoke_b, spoke_table);
    b.associate(attach, attach_table);
    b.associate(pub, pub_table);
    auto tgw = b.tgw("hub");
    igw = b.igw(egress, "egress");
    nat = b.nat(pub, "egress", true, "10.0.0.5");
    b.route(spoke_table, "0.0.0.0/0", "tgw-hub", tgw, "spoke_default");
    b.route(attach_table, "0.0.0.0/0", "nat-egress", nat, "attach_default");
    b.route(pub_table, "0.0.0.0/0", "igw-egress", igw, "public_default");
    b.route(pub_table, "10.1.0.0/16", "tgw-hub", tgw, "public_to_spoke");
    spoke_attachment = b.tgw_attach(tgw, spoke, {spoke_subnet}, "spoke");
    auto egress_attachment = b.tgw_attach(tgw, egress, {attach}, "egress");
    auto table = b.tgw_table(tgw, "hub");
    b.tgw_associate(table, spoke_attachment);
    b.tgw_associate(table, egress_attachment);
    b.tgw_propagate(table, spoke_attachment);
    b.tgw_route(table, "0.0.0.0/0", egress_attachment, "default_to_egress");
    api = b.ecs_service("api", {spoke_subnet}, {b.open_sg(spoke, "api")});
  }
};

}  // namespace

TEST_CASE("a TGW to an egress VPC with NAT and IGW gives a spoke internet egress, replies included", "[fwd]") {
  CentralEgress s;
  Network network(s.b.snapshot);
  auto reach = network.reachable({service(s.api)}, {Endpoint::internet()}, tcp(), net::PortSet::of(443));
  CHECK(reach.status == VerdictStatus::holds);
  auto result = network.flow({service(s.api)}, tcp_to("8.8.8.0/24", 443), {Endpoint::internet()});
  REQUIRE(!result.delivered.empty());
  const auto& path = result.delivered.front().path;
  CHECK(path_names(path, "aws_route.spoke_default"));
  CHECK(path_names(path, "aws_ec2_transit_gateway_route.default_to_egress"));
  CHECK(path_names(path, "aws_route.attach_default"));
  CHECK(path_names(path, "aws_nat_gateway.egress"));
}

TEST_CASE("sending TGW traffic straight from the attachment subnet to the IGW is no internet path", "[fwd]") {
  CentralEgress s;
  auto& routes = s.b.snapshot.get(s.attach_table).routes;
  routes.pop_back();
  s.b.route(s.attach_table, "0.0.0.0/0", "igw-egress", s.igw, "attach_default");
  Network network(s.b.snapshot);
  CHECK(network.isolated({service(s.api)}, {Endpoint::internet()}).status == VerdictStatus::holds);
  auto result = network.flow({service(s.api)}, tcp_to("8.8.8.0/24", 443), {Endpoint::internet()});
  const auto* drop = find_drop(result.dropped, ExplanationCode::IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_internet_gateway.egress");
}

TEST_CASE("a subnet in an AZ without a TGW attachment subnet cannot reach the TGW", "[fwd]") {
  CentralEgress s;
  auto api_b = s.b.ecs_service("api_b", {s.spoke_b}, {model::SecurityGroupId{0}});
  Network network(s.b.snapshot);
  auto result = network.flow({service(api_b)}, tcp_to("8.8.8.0/24", 443), {Endpoint::internet()});
  CHECK(result.delivered.empty());
  const auto* drop = find_drop(result.dropped, ExplanationCode::TGW_ATTACH_VPC_AZ_RESTRICTION);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_ec2_transit_gateway_vpc_attachment.spoke");
}

TEST_CASE("a TGW blackhole route drops the traffic it matches", "[fwd]") {
  CentralEgress s;
  s.b.tgw_route(model::TransitGatewayRouteTableId{0}, "8.8.8.0/24", std::nullopt, "blackhole_dns");
  Network network(s.b.snapshot);
  auto result = network.flow({service(s.api)}, tcp_to("8.8.0.0/16", 443), {Endpoint::internet()});
  const auto* drop = find_drop(result.dropped, ExplanationCode::TGW_RTB_BLACKHOLE);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_ec2_transit_gateway_route.blackhole_dns");
  CHECK(drop->packets.destinations(net::IpFamily::v4) == net::AddressSet::of(cidr("8.8.8.0/24")));
  CHECK(!result.delivered.empty());
}

}  // namespace moat::fwd::test

namespace moat::fwd::test {

TEST_CASE("the IGW maps only the sender's own public IPv4, not a neighbour's in the same subnet", "[fwd]") {
  IgwSubnet s(true);  // the ECS service has public IPs and ranges over the subnet
  auto& b = s.b;
  auto host = b.instance("private_host", model::SubnetId{0}, "10.0.1.200", {model::SecurityGroupId{0}});
  Network network(b.snapshot);
  auto from_host = Endpoint::of({ObjectKind::instance, model::index(host)});
  CHECK(network.isolated({from_host}, {Endpoint::internet()}).holds());
  CHECK(network.isolated({service(s.api)}, {Endpoint::internet()}).status == VerdictStatus::fails);
}

namespace {

struct WebLb {
  SnapshotBuilder b;
  model::LoadBalancerId lb{};
  WebLb(bool internal) {
    auto vpc = b.vpc("main", "10.0.0.0/16");
    auto a = b.subnet(vpc, "pub_a", "10.0.0.0/24", "eu-west-1a");
    auto c = b.subnet(vpc, "pub_b", "10.0.1.0/24", "eu-west-1b");
    auto table = b.route_table(vpc, "public");
    b.associate(a, table);
    b.associate(c, table);
    auto igw = b.igw(vpc, "main");
    b.route(table, "0.0.0.0/0", "igw-main", igw, "default");
    auto sg = b.sg(vpc, "alb");
    b.sg_rule(sg, RuleDirection::ingress, tcp(), net::PortSet::of(443), "0.0.0.0/0");
    lb = b.load_balancer("web", {a, c}, {sg}, internal);
    b.listener(lb, 443);
  }
  Endpoint endpoint() const { return Endpoint::of({ObjectKind::load_balancer, model::index(lb)}); }
};

}  // namespace

TEST_CASE("an internet-facing load balancer in IGW-routed subnets is reachable from the internet on its listener", "[fwd]") {
  WebLb s(false);
  Network network(s.b.snapshot);
  auto verdict = network.reachable({Endpoint::internet()}, {s.endpoint()}, tcp(), net::PortSet::of(443));
  CHECK(verdict.status == VerdictStatus::holds);
  auto ssh = network.flow({Endpoint::internet()}, tcp_to("10.0.0.0/23", 22), {s.endpoint()});
  CHECK(ssh.delivered.empty());
  const auto* drop = find_drop(ssh.dropped, ExplanationCode::ENI_SG_RULES_MISMATCH);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_security_group.alb");
}

TEST_CASE("an internal load balancer is isolated from the internet even in IGW-routed subnets", "[fwd]") {
  WebLb s(true);
  Network network(s.b.snapshot);
  CHECK(network.isolated({Endpoint::internet()}, {s.endpoint()}).holds());
  auto result = network.flow({Endpoint::internet()}, tcp_to("10.0.0.0/23", 443), {s.endpoint()});
  CHECK(result.delivered.empty());
  CHECK(find_drop(result.dropped, ExplanationCode::NO_ROUTE_TO_DESTINATION) != nullptr);
}

TEST_CASE("an internal ALB sharing subnets with an internet-facing ALB is isolated from the internet", "[fwd]") {
  // The node addresses of both range over the subnets (R4.1), but the IGW translates a
  // public IPv4 to the interface owning it alone (§1.4 IGW row, R2.6).
  WebLb s(false);
  auto admin = s.b.load_balancer("admin", {model::SubnetId{0}, model::SubnetId{1}}, {model::SecurityGroupId{0}}, true);
  s.b.listener(admin, 443);
  Network network(s.b.snapshot);
  auto admin_endpoint = Endpoint::of({ObjectKind::load_balancer, model::index(admin)});
  CHECK(network.isolated({Endpoint::internet()}, {admin_endpoint}).status == VerdictStatus::holds);
  auto result = network.flow({Endpoint::internet()}, tcp_to("10.0.0.0/23", 443), {admin_endpoint});
  CHECK(result.delivered.empty());
  const auto* drop = find_drop(result.dropped, ExplanationCode::NO_ROUTE_TO_DESTINATION);
  REQUIRE(drop != nullptr);
  CHECK(drop->address.empty());
  // The internet-facing one stays reachable on its listener, and to every forwarding point
  // what the IGW lets in arrives at it, never at the internal one.
  CHECK(network.reachable({Endpoint::internet()}, {s.endpoint()}, tcp(), net::PortSet::of(443)).status ==
        VerdictStatus::holds);
  auto everywhere = network.flow({Endpoint::internet()}, tcp_to("10.0.0.0/23", 443));
  CHECK(delivered_to(network, everywhere, {ObjectKind::load_balancer, model::index(s.lb)}));
  CHECK(!delivered_to(network, everywhere, {ObjectKind::load_balancer, model::index(admin)}));
}

TEST_CASE("a TGW attachment associated with no TGW route table drops its traffic", "[fwd]") {
  CentralEgress s;
  s.b.snapshot.get(model::TransitGatewayRouteTableId{0}).associations.erase(
      s.b.snapshot.get(model::TransitGatewayRouteTableId{0}).associations.begin());
  Network network(s.b.snapshot);
  auto result = network.flow({service(s.api)}, tcp_to("8.8.8.0/24", 443), {Endpoint::internet()});
  CHECK(result.delivered.empty());
  const auto* drop = find_drop(result.dropped, ExplanationCode::TGW_ATTACHMENT_NOT_ASSOCIATED);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_ec2_transit_gateway_vpc_attachment.spoke");
}

}  // namespace moat::fwd::test
