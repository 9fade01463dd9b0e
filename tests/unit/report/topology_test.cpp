// topology_diagram: what goes in which cluster, which edges are drawn with which labels, and
// what --focus keeps — on the seed example and on a small estate built in code.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "diagram_test_support.hpp"
#include "moat/graph/forwarding_graph.hpp"
#include "moat/report/topology_diagram.hpp"
#include "unit/fwd/snapshot_builder.hpp"

namespace moat::report::test {

namespace {

const std::string vpc_cluster = "vpc:module.network.aws_vpc.main";
const std::string igw = "igw:module.network.aws_internet_gateway.main";
const std::string public_table = "rtb:module.network.aws_route_table.public";
const std::string private_table = "rtb:module.network.aws_route_table.private";
const std::string nat_1a = "group:module.network.aws_nat_gateway.main@subnet-0013de3b3e26cf9b4";

const DiagramEdge* find_edge(const Diagram& diagram, const std::string& from, const std::string& to) {
  for (const auto& e : diagram.edges) {
    if (e.from == from && e.to == to) return &e;
  }
  return nullptr;
}

std::size_t count_role(const Diagram& diagram, NodeRole role) {
  std::size_t n = 0;
  for (const auto& node : diagram.nodes) n += node.role == role ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("before: subnets sit in AZ clusters of the VPC, gateways in the VPC, the internet outside", "[report]") {
  auto diagram = topology_diagram(example("before").env());
  REQUIRE(diagram.find_cluster(vpc_cluster) != nullptr);
  CHECK(diagram.find_cluster(vpc_cluster)->parent == "region:ap-northeast-1");
  CHECK(diagram.find_cluster("region:ap-northeast-1")->parent == "aws");
  const auto* subnet = diagram.find_cluster("subnet:module.network.aws_subnet.public[\"1a\"]");
  REQUIRE(subnet != nullptr);
  CHECK(subnet->parent == "az:" + vpc_cluster + "/ap-northeast-1a");
  CHECK(diagram.find_cluster(subnet->parent)->parent == vpc_cluster);

  REQUIRE(diagram.find_node(igw) != nullptr);
  CHECK(diagram.find_node(igw)->cluster == vpc_cluster);
  CHECK(diagram.find_node(igw)->role == NodeRole::internet_gateway);
  CHECK(diagram.find_node(public_table)->cluster == vpc_cluster);
  REQUIRE(diagram.find_node("internet") != nullptr);
  CHECK(diagram.find_node("internet")->cluster.empty());
  REQUIRE(diagram.find_node(nat_1a) != nullptr);
  CHECK(diagram.find_node(nat_1a)->cluster == subnet->id);
  CHECK(diagram.find_node(nat_1a)->role == NodeRole::nat_gateway);
  const auto* alb = diagram.find_node("group:aws_lb.app@subnet-0013de3b3e26cf9b4");
  REQUIRE(alb != nullptr);
  CHECK(alb->label.find("ALB (internet-facing)") != std::string::npos);
  CHECK(count_role(diagram, NodeRole::ecs_service) == 2);
}

TEST_CASE("before: route edges carry their destinations and the IGW is linked to the internet both ways", "[report]") {
  auto diagram = topology_diagram(example("before").env());
  const auto* to_igw = find_edge(diagram, public_table, igw);
  REQUIRE(to_igw != nullptr);
  CHECK(to_igw->role == EdgeRole::route);
  CHECK(to_igw->label == "0.0.0.0/0");
  const auto* to_nat = find_edge(diagram, private_table, nat_1a);
  REQUIRE(to_nat != nullptr);
  CHECK(to_nat->label == "0.0.0.0/0");
  const auto* internet = find_edge(diagram, "internet", igw);
  REQUIRE(internet != nullptr);
  CHECK(internet->both_ways);
  CHECK(find_edge(diagram, igw, "internet") == nullptr);
  const auto* association = find_edge(diagram, "subnet:module.network.aws_subnet.private[\"1c\"]", private_table);
  REQUIRE(association != nullptr);
  CHECK(association->role == EdgeRole::association);
  // Placement is drawn as containment, not as edges out of the interface groups.
  CHECK(diagram.edges_from(nat_1a).empty());
}

TEST_CASE("after: on-prem outside, the DX gateway in the AWS Cloud, its association labelled with the allowed prefixes",
          "[report]") {
  auto diagram = topology_diagram(example("after").env());
  CHECK(diagram.find_node("internet") == nullptr);  // no gateway leads there
  const auto* onprem = diagram.find_node("network:onprem");
  REQUIRE(onprem != nullptr);
  CHECK(onprem->cluster.empty());
  CHECK(onprem->label.find("10.0.0.0/22") != std::string::npos);
  const std::string dxgw = "dxgw:module.network.aws_dx_gateway.example";
  const std::string vgw = "vgw:module.network.aws_vpn_gateway.vpn_gw";
  REQUIRE(diagram.find_node(dxgw) != nullptr);
  CHECK(diagram.find_node(dxgw)->cluster == "aws");
  CHECK(diagram.find_node(vgw)->cluster == vpc_cluster);
  const auto* association = find_edge(diagram, dxgw, vgw);
  REQUIRE(association != nullptr);
  CHECK(association->label == "allowed 10.1.0.0/16");
  CHECK(association->both_ways);
  const auto* declared = find_edge(diagram, "network:onprem", dxgw);
  REQUIRE(declared != nullptr);
  CHECK(declared->role == EdgeRole::declared);
  REQUIRE(find_edge(diagram, private_table, vgw) != nullptr);
  CHECK(find_edge(diagram, private_table, vgw)->label == "10.0.0.0/22");
  REQUIRE(find_edge(diagram, private_table, "vpce:aws_vpc_endpoint.s3") != nullptr);
  CHECK(find_edge(diagram, private_table, "vpce:aws_vpc_endpoint.s3")->label == "pl-61a54008");
  const auto* s3 = diagram.find_node("service:com.amazonaws.ap-northeast-1.s3");
  REQUIRE(s3 != nullptr);
  CHECK(s3->cluster == "region:ap-northeast-1");
  CHECK(find_edge(diagram, "vpce:aws_vpc_endpoint.s3", s3->id) != nullptr);
  CHECK(count_role(diagram, NodeRole::interface_endpoint) == 8);  // four services in two subnets
  const auto* resolver = diagram.find_node("group:aws_route53_resolver_endpoint.inbound@subnet-0f5cf596dc5e31aeb");
  REQUIRE(resolver != nullptr);
  CHECK(resolver->label.find("10.1.1.10/32") != std::string::npos);
  CHECK(resolver->cluster == "subnet:module.network.aws_subnet.private[\"1a\"]");
}

TEST_CASE("a focus on an ECS service keeps its egress chain and drops the rest", "[report]") {
  auto loaded = example("before");
  auto diagram = topology_diagram(loaded.env(), {"", "", "aws_ecs_service.app"});
  for (const auto& id : {std::string("group:aws_ecs_service.app@subnet-0f5cf596dc5e31aeb"), private_table, nat_1a, public_table, igw,
                         std::string("internet")}) {
    INFO(id);
    CHECK(diagram.find_node(id) != nullptr);
  }
  CHECK(diagram.find_node("group:aws_lb.app@subnet-0013de3b3e26cf9b4") == nullptr);
  CHECK(diagram.find_node("subnet:module.network.aws_subnet.public[\"1c\"]") == nullptr);
  CHECK(diagram.find_cluster("subnet:module.network.aws_subnet.public[\"1c\"]") == nullptr);
}

TEST_CASE("a focus names a VPC by AWS id, a security group, a declared network or the internet", "[report]") {
  auto loaded = example("before");
  auto vpc = topology_diagram(loaded.env(), {"", "", "vpc-038faba71b3a6cfc9"});
  CHECK(count_role(vpc, NodeRole::subnet) == 4);
  auto sg = topology_diagram(loaded.env(), {"", "", "aws_security_group.alb"});
  CHECK(sg.find_node("group:aws_lb.app@subnet-0013de3b3e26cf9b4") != nullptr);
  CHECK(sg.find_node("group:aws_ecs_service.app@subnet-0f5cf596dc5e31aeb") == nullptr);
  auto internet = topology_diagram(loaded.env(), {"", "", "internet"});
  CHECK(internet.find_node(igw) != nullptr);
  CHECK(internet.find_node(nat_1a) != nullptr);  // its packets reach the internet

  auto after = example("after");
  auto onprem = topology_diagram(after.env(), {"", "", "onprem"});
  CHECK(onprem.find_node("dxgw:module.network.aws_dx_gateway.example") != nullptr);
  CHECK(onprem.find_node("vgw:module.network.aws_vpn_gateway.vpn_gw") != nullptr);
}

TEST_CASE("a focus that matches nothing, or names what has no place in the picture, is a ParseError", "[report]") {
  auto loaded = example("after");
  auto unknown = error_of([&] { topology_diagram(loaded.env(), {"", "", "aws_vpc.nowhere"}); });
  CHECK(unknown.find("[moat.report] focus \"aws_vpc.nowhere\" matches no") != std::string::npos);
  auto zone = error_of([&] { topology_diagram(loaded.env(), {"", "", "aws_route53_zone.private"}); });
  CHECK(zone.find("has no place in the network picture") != std::string::npos);
  CHECK_THROWS_AS(topology_diagram(loaded.env(), {"", "", "aws_vpc.nowhere"}), ParseError);
}

TEST_CASE("TGWs, peerings and routes to targets missing from state are drawn in their places", "[report]") {
  fwd::test::SnapshotBuilder b;
  auto hub = b.vpc("hub", "10.0.0.0/16");
  auto spoke = b.vpc("spoke", "10.1.0.0/16");
  auto hub_subnet = b.subnet(hub, "private[\"1a\"]", "10.0.1.0/24");
  auto spoke_subnet = b.subnet(spoke, "app", "10.1.1.0/24", "eu-west-1b");
  auto hub_table = b.route_table(hub, "hub");
  b.associate(hub_subnet, hub_table);
  auto tgw = b.tgw("core");
  auto attachment = b.tgw_attach(tgw, spoke, {spoke_subnet}, "spoke");
  auto tgw_table = b.tgw_table(tgw, "main");
  b.tgw_associate(tgw_table, attachment);
  auto pcx = b.peering(hub, spoke, "hub_spoke");
  b.route(hub_table, "10.1.0.0/16", "pcx-hub_spoke", pcx);
  b.route(hub_table, "10.2.0.0/16", "tgw-core", tgw);
  b.route(hub_table, "10.3.0.0/16", "tgw-core", tgw);
  b.route_unresolved(hub_table, "0.0.0.0/0", "nat-gone");
  auto diagram = topology_diagram(b.snapshot);

  CHECK(diagram.find_cluster("region:eu-west-1") != nullptr);
  REQUIRE(diagram.find_node("tgw:aws_ec2_transit_gateway.core") != nullptr);
  CHECK(diagram.find_node("tgw:aws_ec2_transit_gateway.core")->cluster == "region:eu-west-1");
  CHECK(diagram.find_node("pcx:aws_vpc_peering_connection.hub_spoke")->cluster == "region:eu-west-1");
  CHECK(diagram.find_node("tgw-rtb:aws_ec2_transit_gateway_route_table.main") != nullptr);
  const auto* attach = find_edge(diagram, "subnet:aws_subnet.app", "tgw:aws_ec2_transit_gateway.core");
  REQUIRE(attach != nullptr);
  CHECK(attach->label == "TGW attachment");
  const auto* to_tgw = find_edge(diagram, "rtb:aws_route_table.hub", "tgw:aws_ec2_transit_gateway.core");
  REQUIRE(to_tgw != nullptr);
  CHECK(to_tgw->label == "10.2.0.0/16\n10.3.0.0/16");  // one edge per target, every destination listed
  const auto* missing = diagram.find_node("missing:nat-gone");
  REQUIRE(missing != nullptr);
  CHECK(missing->role == NodeRole::missing);
  CHECK(missing->label == "nat-gone\n(not in the loaded state)");
  CHECK(missing->cluster == "vpc:aws_vpc.hub");
  REQUIRE(find_edge(diagram, "rtb:aws_route_table.hub", "missing:nat-gone") != nullptr);
  CHECK(diagram.find_cluster("subnet:aws_subnet.private[\"1a\"]") != nullptr);
  CHECK(diagram.find_node("internet") == nullptr);
}

TEST_CASE("two states with the same Terraform addresses still give separate VPCs, subnets and ids", "[report]") {
  fwd::test::SnapshotBuilder b;
  auto first = b.vpc("one", "10.0.0.0/16");
  auto second = b.vpc("two", "10.1.0.0/16");
  auto a = b.subnet(first, "one", "10.0.1.0/24");
  auto c = b.subnet(second, "two", "10.1.1.0/24");
  // Two stacks written from the same module: every address repeats.
  b.snapshot.get(first).origin.address = b.snapshot.get(second).origin.address = "aws_vpc.main";
  b.snapshot.get(a).origin.address = b.snapshot.get(c).origin.address = "aws_subnet.app";
  b.snapshot.rebuild_index();
  auto diagram = topology_diagram(b.snapshot);
  REQUIRE(diagram.find_cluster("vpc:aws_vpc.main") != nullptr);
  REQUIRE(diagram.find_cluster("vpc:aws_vpc.main#2") != nullptr);
  const auto* one = diagram.find_node("subnet:aws_subnet.app");
  const auto* two = diagram.find_node("subnet:aws_subnet.app#2");
  REQUIRE(one != nullptr);
  REQUIRE(two != nullptr);
  CHECK(one->cluster == "subnet:aws_subnet.app");
  CHECK(two->cluster == "subnet:aws_subnet.app#2");
  CHECK(diagram.find_cluster(one->cluster)->parent != diagram.find_cluster(two->cluster)->parent);
  CHECK(one->label.find("10.0.1.0/24") != std::string::npos);
  CHECK(two->label.find("10.1.1.0/24") != std::string::npos);
}

TEST_CASE("a route edge lists at most eight lines of destinations", "[report]") {
  fwd::test::SnapshotBuilder b;
  auto vpc = b.vpc("hub", "10.0.0.0/16");
  auto table = b.route_table(vpc, "hub");
  auto tgw = b.tgw("core");
  const std::vector<std::string> destinations{"10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16", "10.4.0.0/16", "10.5.0.0/16",
                                              "10.6.0.0/16", "10.7.0.0/16", "10.8.0.0/16", "10.9.0.0/16", "10.10.0.0/16"};
  for (const auto& d : destinations) b.route(table, d.c_str(), "tgw-core", tgw, "to_" + d.substr(3, 2));
  auto diagram = topology_diagram(b.snapshot);
  const DiagramEdge* edge = nullptr;
  for (const auto& e : diagram.edges) {
    if (e.from == "rtb:aws_route_table.hub" && e.to == "tgw:aws_ec2_transit_gateway.core") edge = &e;
  }
  REQUIRE(edge != nullptr);
  CHECK(edge->label ==
        "10.1.0.0/16\n10.2.0.0/16\n10.3.0.0/16\n10.4.0.0/16\n10.5.0.0/16\n10.6.0.0/16\n10.7.0.0/16\n\u2026 and 3 more");
}

}  // namespace moat::report::test
