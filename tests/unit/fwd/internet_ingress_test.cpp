// Internet ingress: the IGW translates a public IPv4 to the private address of the
// interface that owns it (§1.4 IGW row, R2.2), so only that interface receives — not a
// neighbour whose possible addresses overlap the owner's (tasks without assign_public_ip,
// R2.3). Internal LBs beside internet-facing ones: internet_test.cpp.
#include <catch2/catch.hpp>

#include "fwd_test_support.hpp"
#include "moat/fwd/network.hpp"
#include "snapshot_builder.hpp"

namespace moat::fwd::test {

namespace {

// One IGW-routed subnet 10.0.1.0/24 with an open SG.
struct PublicSubnet {
  SnapshotBuilder b;
  model::SubnetId subnet{};
  model::SecurityGroupId open{};
  PublicSubnet() {
    auto vpc = b.vpc("main", "10.0.0.0/16");
    subnet = b.igw_routed_subnet(vpc, b.igw(vpc, "main"), "app", "10.0.1.0/24");
    open = b.open_sg(vpc, "open");
  }
};

}  // namespace

TEST_CASE("a Fargate service without assign_public_ip beside a public instance is isolated from the internet", "[fwd]") {
  PublicSubnet s;
  auto web = s.b.instance("web", s.subnet, "10.0.1.10", {s.open}, true);
  auto worker = s.b.ecs_service("worker", {s.subnet}, {s.open}, false);  // tasks range over the subnet
  Network network(s.b.snapshot);
  CHECK(network.isolated({Endpoint::internet()}, {service(worker)}).status == VerdictStatus::holds);
  // The instance's private address (its public IP's) is not the tasks'.
  auto result = network.flow({Endpoint::internet()}, tcp_to("10.0.1.10/32", 8080), {service(worker)});
  CHECK(result.delivered.empty());
  CHECK(find_drop(result.dropped, ExplanationCode::NO_ROUTE_TO_DESTINATION) != nullptr);
  CHECK(network.reachable({Endpoint::internet()}, {instance(web)}, tcp(), net::PortSet::of(8080)).status ==
        VerdictStatus::holds);
}

TEST_CASE("an instance with an Elastic IP is reachable from the internet, its neighbour without one is not", "[fwd]") {
  PublicSubnet s;
  auto eip_host = s.b.instance("eip_host", s.subnet, "10.0.1.20", {s.open});
  auto plain = s.b.instance("plain", s.subnet, "10.0.1.30", {s.open});
  model::ElasticIp eip;
  eip.origin = SnapshotBuilder::origin("aws_eip", "eip_host", "eipalloc-eip_host");
  eip.public_ip = net::IpAddress::parse("203.0.113.20");
  eip.instance = {s.b.snapshot.get(eip_host).origin.aws_id, eip_host};
  s.b.snapshot.add(std::move(eip));
  Network network(s.b.snapshot);
  CHECK(network.reachable({Endpoint::internet()}, {instance(eip_host)}, tcp(), net::PortSet::of(443)).status ==
        VerdictStatus::holds);
  CHECK(network.isolated({Endpoint::internet()}, {instance(plain)}).status == VerdictStatus::holds);
}

TEST_CASE("two groups that may both own the subnet's public IPv4s both receive internet traffic (R0.1)", "[fwd]") {
  // Neither service's task addresses are in state: each public address of the subnet may
  // belong to either, so both stay reachable — an over-approximation, not a proof.
  PublicSubnet s;
  auto api = s.b.ecs_service("api", {s.subnet}, {s.open}, true);
  auto web = s.b.ecs_service("web", {s.subnet}, {s.open}, true);
  Network network(s.b.snapshot);
  for (auto id : {api, web}) {
    CHECK(network.reachable({Endpoint::internet()}, {service(id)}, tcp(), net::PortSet::of(443)).status ==
          VerdictStatus::holds);
  }
}

TEST_CASE("the internet reaches public interfaces of two VPCs that use the same private CIDR", "[fwd]") {
  // A private address stands for the public IPv4 mapped to it: here two public IPv4s, one
  // behind each IGW, so each VPC's instance is reached.
  SnapshotBuilder b;
  std::vector<model::InstanceId> hosts;
  for (std::string name : {"blue", "green"}) {
    auto vpc = b.vpc(name, "10.0.0.0/16");
    auto subnet = b.igw_routed_subnet(vpc, b.igw(vpc, name), name + "_app", "10.0.1.0/24");
    hosts.push_back(b.instance(name, subnet, "10.0.1.10", {b.open_sg(vpc, name)}, true));
  }
  Network network(b.snapshot);
  for (auto host : hosts) {
    CHECK(network.reachable({Endpoint::internet()}, {instance(host)}, tcp(), net::PortSet::of(443)).status ==
          VerdictStatus::holds);
  }
}

}  // namespace moat::fwd::test
