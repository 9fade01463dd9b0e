// Gateway endpoints in the engine when the prefix list's entries are not in state (R1.11):
// the endpoint's route takes the service's packets, a more specific static route may take
// some (R1.10), without the route the service's public endpoint is reached over NAT and
// IGW, and a peered VPC never gets to the endpoint. (tests/unit/intent/
// gateway_endpoint_test.cpp covers check/trace on a fixture, and on-prem over a TGW.)
#include <algorithm>

#include <catch2/catch.hpp>

#include "fwd_test_support.hpp"
#include "moat/fwd/network.hpp"
#include "snapshot_builder.hpp"

namespace moat::fwd::test {

namespace {

const std::string s3 = "com.amazonaws.eu-west-1.s3";

// A private app subnet routing 0.0.0.0/0 to a public NAT gateway behind an IGW, and an S3
// gateway endpoint of the VPC whose prefix list state does not hold.
struct S3Vpc {
  SnapshotBuilder b;
  model::VpcId vpc{};
  model::RouteTableId app_table{};
  model::EcsServiceId api{};
  model::VpcEndpointId endpoint{};
  S3Vpc() {
    vpc = b.vpc("main", "10.0.0.0/16");
    auto pub = b.subnet(vpc, "public", "10.0.0.0/24");
    auto app = b.subnet(vpc, "app", "10.0.1.0/24");
    auto pub_table = b.route_table(vpc, "public");
    app_table = b.route_table(vpc, "app");
    b.associate(pub, pub_table);
    b.associate(app, app_table);
    auto igw = b.igw(vpc, "main");
    auto nat = b.nat(pub, "main", true, "10.0.0.5");
    b.route(pub_table, "0.0.0.0/0", "igw-main", igw, "public_default");
    b.route(app_table, "0.0.0.0/0", "nat-main", nat, "app_default");
    api = b.ecs_service("api", {app}, {b.open_sg(vpc, "api")});
    model::VpcEndpoint gateway;
    gateway.origin = SnapshotBuilder::origin("aws_vpc_endpoint", "s3", "vpce-s3");
    gateway.vpc = b.ref(vpc);
    gateway.type = model::VpcEndpointType::gateway;
    gateway.service_name = s3;
    gateway.prefix_list_id = "pl-6da54004";
    endpoint = b.snapshot.add(std::move(gateway));
  }
  // The route the endpoint adds to a table it is associated with (R1.16).
  void endpoint_route() {
    model::Route route;
    route.destination.prefix_list_id = "pl-6da54004";
    route.target = {model::RouteTargetKind::vpc_endpoint, "vpce-s3", endpoint};
    route.kind = model::RouteKind::prefix_list;
    route.source = model::RouteSource::gateway_endpoint;
    route.origin = b.snapshot.get(endpoint).origin;
    b.snapshot.get(app_table).routes.push_back(route);
  }
  Endpoint tasks() const { return Endpoint::of({model::ObjectKind::ecs_service, model::index(api)}); }
};

// The tasks' S3 must-reach is not proven: `route` may be more specific than an entry of
// the unknown list, an uncertain MORE_SPECIFIC_ROUTE drop naming it.
void check_may_take(const S3Vpc& s, const std::string& route) {
  Network network(s.b.snapshot);
  auto verdict = network.reachable({s.tasks()}, {Endpoint::aws_service(s3)}, tcp(), net::PortSet::of(443));
  CHECK_FALSE(verdict.holds());
  const auto* drop = find_drop(verdict.blockers, ExplanationCode::MORE_SPECIFIC_ROUTE);
  REQUIRE(drop != nullptr);
  CHECK_FALSE(drop->certain);
  CHECK(drop->address == route);
}

}  // namespace

TEST_CASE("without the endpoint's route a service's public endpoint is reached over NAT and IGW", "[fwd]") {
  S3Vpc s;
  Network network(s.b.snapshot);
  auto verdict = network.reachable({s.tasks()}, {Endpoint::aws_service(s3)}, tcp(), net::PortSet::of(443));
  CHECK(verdict.holds());
  auto result = network.flow({s.tasks()}, net::PacketSet::all(), {Endpoint::aws_service(s3)});
  REQUIRE_FALSE(result.delivered.empty());
  for (const auto& part : result.delivered) {
    CHECK(network.graph().node(part.destination).name == s3);
    CHECK(path_names(part.path, "aws_nat_gateway.main"));
    CHECK(path_names(part.path, "aws_internet_gateway.main"));
    CHECK_FALSE(path_names(part.path, "aws_vpc_endpoint.s3"));
  }
}

TEST_CASE("the endpoint's route takes a symbolic list's packets; a more specific static route may take some", "[fwd]") {
  S3Vpc s;
  s.endpoint_route();
  {
    Network network(s.b.snapshot);
    auto verdict = network.reachable({s.tasks()}, {Endpoint::aws_service(s3)}, tcp(), net::PortSet::of(443));
    CHECK(verdict.holds());
    CHECK(has_finding(verdict.findings, ExplanationCode::ENDPOINT_POLICY_NOT_EVALUATED, "aws_vpc_endpoint.s3"));
    auto result = network.flow({s.tasks()}, net::PacketSet::all(), {Endpoint::aws_service(s3)});
    REQUIRE(result.delivered.size() == 1);
    CHECK(path_names(result.delivered[0].path, "aws_vpc_endpoint.s3"));
    CHECK_FALSE(path_names(result.delivered[0].path, "aws_nat_gateway.main"));
  }
  // 52.0.0.0/8 may be more specific than an entry of the list: not proven, not excluded.
  s.b.route(s.app_table, "52.0.0.0/8", "nat-main", model::NatGatewayId{0}, "app_52");
  check_may_take(s, "aws_route.app_52");
}

TEST_CASE("a peered VPC's packets to the service never use the VPC's gateway endpoint", "[fwd]") {
  S3Vpc s;
  s.endpoint_route();
  auto peer = s.b.vpc("peer", "10.9.0.0/16");
  auto subnet = s.b.subnet(peer, "peer", "10.9.1.0/24");
  auto table = s.b.route_table(peer, "peer");
  s.b.associate(subnet, table);
  auto pcx = s.b.peering(peer, s.vpc, "main_peer");
  s.b.route(table, "0.0.0.0/0", "pcx-main_peer", pcx, "peer_default");
  auto client = s.b.instance("client", subnet, "10.9.1.10", {s.b.open_sg(peer, "client")});
  Network network(s.b.snapshot);
  Endpoint from = Endpoint::of({model::ObjectKind::instance, model::index(client)});
  auto result = network.flow({from}, net::PacketSet::all(net::IpFamily::v4), {Endpoint::aws_service(s3)});
  CHECK(result.delivered.empty());
  // Peering delivers only to the peer VPC's own addresses (R8.8): the packets never get to
  // a route table of the VPC, let alone its endpoint (R2.16, R7.10).
  const auto* drop = find_drop(result.dropped, ExplanationCode::PCX_REQUIRES_ADDRESS_IN_VPC_CIDR);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_vpc_peering_connection.main_peer");
  CHECK(network.isolated({from}, {Endpoint::aws_service(s3)}).holds());
  // The VPC's own tasks do use it.
  CHECK(network.reachable({s.tasks()}, {Endpoint::aws_service(s3)}, tcp(), net::PortSet::of(443)).holds());
}

TEST_CASE("any route more specific than the symbolic list's entries may take the packets, not only static ones",
          "[fwd]") {
  S3Vpc s;
  s.endpoint_route();
  // A customer prefix list's route (rank: prefix list, not static) to the NAT gateway for
  // 52.0.0.0/8: longer than a /0, so it may be longer than an S3 entry too (R1.9, R1.10).
  s.b.prefix_list("partners", {"52.0.0.0/8"});
  s.b.route_to_list(s.app_table, "partners", "nat-main", model::NatGatewayId{0}, "app_partners");
  check_may_take(s, "aws_route.app_partners");
}

TEST_CASE("a route to a gateway load balancer endpoint is no proof of isolation from the internet", "[fwd]") {
  S3Vpc s;
  // The app table's default route goes to an inspection appliance's GWLB endpoint instead
  // of the NAT gateway: the appliances (not in the model) may send the packets anywhere.
  auto& routes = s.b.snapshot.get(s.app_table).routes;
  routes.erase(std::remove_if(routes.begin(), routes.end(),
                              [](const model::Route& r) { return r.origin.address == "aws_route.app_default"; }),
               routes.end());
  model::VpcEndpoint inspection;
  inspection.origin = SnapshotBuilder::origin("aws_vpc_endpoint", "inspection", "vpce-gwlb");
  inspection.vpc = s.b.ref(s.vpc);
  inspection.type = model::VpcEndpointType::gateway_load_balancer;
  inspection.service_name = "com.amazonaws.vpce.eu-west-1.vpce-svc-0123";
  auto gwlb = s.b.snapshot.add(std::move(inspection));
  s.b.route(s.app_table, "0.0.0.0/0", "vpce-gwlb", gwlb, "app_inspection");
  Network network(s.b.snapshot);
  auto verdict = network.isolated({s.tasks()}, {Endpoint::internet()});
  CHECK(verdict.status == VerdictStatus::unknown);
  const auto* drop = find_drop(verdict.blockers, ExplanationCode::UNKNOWN_TARGET);
  REQUIRE(drop != nullptr);
  CHECK_FALSE(drop->certain);
  CHECK(drop->address == "aws_route.app_inspection");
}

}  // namespace moat::fwd::test
