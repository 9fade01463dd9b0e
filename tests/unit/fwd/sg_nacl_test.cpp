// Security group `self` references (R3.3, R3.4), an AWS-managed prefix list in an SG rule
// (R1.11, R0.1), and the NAT gateway subnet's own NACL on the path (R2.8, R3.10, §9.11).
#include <catch2/catch.hpp>

#include "fwd_test_support.hpp"
#include "moat/fwd/network.hpp"
#include "snapshot_builder.hpp"

namespace moat::fwd::test {

using model::ObjectKind;
using model::RuleDirection;

namespace {

// Two subnets of one VPC; SG app lets its members in on 8080 (self) and everything out.
struct SelfRule {
  SnapshotBuilder b;
  model::VpcId vpc{};
  model::SubnetId a{}, c{};
  model::SecurityGroupId app{};
  SelfRule() {
    vpc = b.vpc("main", "10.0.0.0/16");
    a = b.subnet(vpc, "a", "10.0.1.0/24", "eu-west-1a");
    c = b.subnet(vpc, "c", "10.0.2.0/24", "eu-west-1c");
    app = b.sg(vpc, "app");
    b.sg_rule_self(app, RuleDirection::ingress, tcp(), net::PortSet::of(8080));
    b.sg_rule(app, RuleDirection::egress, net::ProtocolSet::all(), net::PortSet::all(), "0.0.0.0/0");
  }
};

}  // namespace

TEST_CASE("an SG self rule lets two members reach each other on its port only (R3.3, R3.4)", "[fwd]") {
  SelfRule s;
  auto one = s.b.instance("one", s.a, "10.0.1.10", {s.app});
  auto two = s.b.instance("two", s.c, "10.0.2.10", {s.app});
  Network network(s.b.snapshot);
  CHECK(network.reachable({instance(one)}, {instance(two)}, tcp(), net::PortSet::of(8080)).holds());
  CHECK(network.reachable({instance(two)}, {instance(one)}, tcp(), net::PortSet::of(8080)).holds());
  auto other_port = network.reachable({instance(one)}, {instance(two)}, tcp(), net::PortSet::of(22));
  CHECK(other_port.status == VerdictStatus::fails);
  const auto* drop = find_drop(other_port.blockers, ExplanationCode::ENI_SG_RULES_MISMATCH);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_security_group.app");
}

TEST_CASE("an SG self rule does not admit an instance of another SG (R3.4)", "[fwd]") {
  SelfRule s;
  auto two = s.b.instance("two", s.c, "10.0.2.10", {s.app});
  auto outsider = s.b.instance("outsider", s.a, "10.0.1.20", {s.b.open_sg(s.vpc, "other")});
  Network network(s.b.snapshot);
  auto verdict = network.reachable({instance(outsider)}, {instance(two)}, tcp(), net::PortSet::of(8080));
  CHECK(verdict.status == VerdictStatus::fails);
  const auto* drop = find_drop(verdict.blockers, ExplanationCode::ENI_SG_RULES_MISMATCH);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_security_group.app");
  CHECK(network.isolated({instance(outsider)}, {instance(two)}).holds());
}

TEST_CASE("tasks of one ECS service reach each other over their SG's self rule (R3.4)", "[fwd]") {
  SelfRule s;
  auto api = s.b.ecs_service("api", {s.a, s.c}, {s.app});
  auto outsider = s.b.instance("outsider", s.a, "10.0.1.20", {s.b.open_sg(s.vpc, "other")});
  Network network(s.b.snapshot);
  auto verdict = network.reachable({service(api)}, {service(api)}, tcp(), net::PortSet::of(8080));
  CHECK(verdict.status == VerdictStatus::holds);
  auto blocked = network.reachable({instance(outsider)}, {service(api)}, tcp(), net::PortSet::of(8080));
  CHECK(blocked.status == VerdictStatus::fails);
  const auto* drop = find_drop(blocked.blockers, ExplanationCode::ENI_SG_RULES_MISMATCH);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_security_group.app");
}

namespace {

// An instance with a public IP in an IGW-routed subnet whose SG allows 443 only to and
// from an AWS-managed prefix list whose entries the state does not hold (R1.11).
struct ManagedListSg {
  SnapshotBuilder b;
  model::InstanceId web{};
  ManagedListSg() {
    auto vpc = b.vpc("main", "10.0.0.0/16");
    auto subnet = b.subnet(vpc, "public", "10.0.0.0/24");
    auto table = b.route_table(vpc, "public");
    b.associate(subnet, table);
    auto igw = b.igw(vpc, "main");
    b.route(table, "0.0.0.0/0", "igw-main", igw, "default");
    model::ManagedPrefixList list;
    list.origin = SnapshotBuilder::origin("data.aws_ec2_managed_prefix_list", "cloudfront", "pl-cloudfront");
    list.name = "com.amazonaws.global.cloudfront.origin-facing";
    list.aws_managed = true;
    list.entries_known = false;
    b.snapshot.add(std::move(list));
    auto sg = b.sg(vpc, "web");
    b.sg_rule_list(sg, RuleDirection::ingress, tcp(), net::PortSet::of(443), "pl-cloudfront");
    b.sg_rule_list(sg, RuleDirection::egress, tcp(), net::PortSet::of(443), "pl-cloudfront");
    web = b.instance("web", subnet, "10.0.0.10", {sg}, true);
  }
};

}  // namespace

TEST_CASE("an SG rule naming an AWS-managed prefix list of unknown contents proves neither reach nor isolation (R1.11, R0.1)",
          "[fwd]") {
  ManagedListSg s;
  Network network(s.b.snapshot);
  for (bool inbound : {true, false}) {
    INFO("from the internet: " << inbound);
    std::vector<Endpoint> from = {inbound ? Endpoint::internet() : instance(s.web)};
    std::vector<Endpoint> to = {inbound ? instance(s.web) : Endpoint::internet()};
    auto reach = network.reachable(from, to, tcp(), net::PortSet::of(443));
    CHECK(reach.status == VerdictStatus::unknown);
    auto isolation = network.isolated(from, to);
    CHECK(isolation.status == VerdictStatus::unknown);
    REQUIRE(!isolation.counterexamples.empty());
    const auto& possible = isolation.counterexamples.front();
    CHECK_FALSE(possible.certain);
    CHECK(path_names(possible.path, "aws_security_group.web"));
    bool named = false;
    for (const auto& assumption : possible.assumptions) named = named || assumption.find("aws_security_group.web") != std::string::npos;
    CHECK(named);
  }
  // Other ports are certainly closed.
  auto ssh = network.reachable({Endpoint::internet()}, {instance(s.web)}, tcp(), net::PortSet::of(22));
  CHECK(ssh.status == VerdictStatus::fails);
  const auto* drop = find_drop(ssh.blockers, ExplanationCode::ENI_SG_RULES_MISMATCH);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_security_group.web");
}

namespace {

// A public subnet with a NAT gateway behind an IGW and its own custom NACL; the service's
// subnet keeps the VPC's allow-all default NACL, so only the NAT subnet's NACL can decide.
struct NatSubnetAcl {
  SnapshotBuilder b;
  model::EcsServiceId api{};
  model::NetworkAclId acl{};
  NatSubnetAcl() {
    auto vpc = b.vpc("main", "10.0.0.0/16");
    auto pub = b.subnet(vpc, "public", "10.0.0.0/24");
    auto app = b.subnet(vpc, "app", "10.0.1.0/24");
    auto pub_table = b.route_table(vpc, "public");
    auto app_table = b.route_table(vpc, "app");
    b.associate(pub, pub_table);
    b.associate(app, app_table);
    auto igw = b.igw(vpc, "main");
    auto nat = b.nat(pub, "main", true, "10.0.0.5");
    b.route(pub_table, "0.0.0.0/0", "igw-main", igw, "public_default");
    b.route(app_table, "0.0.0.0/0", "nat-main", nat, "app_default");
    api = b.ecs_service("api", {app}, {b.open_sg(vpc, "api")});
    acl = b.nacl(vpc, "public", {pub});
    b.nacl_entry(acl, 100, true, true, net::ProtocolSet::all(), net::PortSet::all(), "0.0.0.0/0");
  }
};

}  // namespace

TEST_CASE("the NAT gateway subnet's NACL without the reply ports breaks internet egress (R2.8, R3.10, §9.11)", "[fwd]") {
  NatSubnetAcl s;
  // In: the clients' requests only (from the VPC), not the internet's replies.
  s.b.nacl_entry(s.acl, 100, false, true, net::ProtocolSet::all(), net::PortSet::all(), "10.0.0.0/16");
  Network network(s.b.snapshot);
  auto verdict = network.reachable({service(s.api)}, {Endpoint::internet()}, tcp(), net::PortSet::of(443));
  CHECK(verdict.status == VerdictStatus::fails);
  const auto* drop = find_drop(verdict.blockers, ExplanationCode::SUBNET_ACL_RESTRICTION);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_network_acl.public");
  CHECK(drop->detail.find("return path") != std::string::npos);
  // With the NAT's reply range (1024-65535) allowed in from anywhere, egress works.
  s.b.nacl_entry(s.acl, 110, false, true, tcp(), net::PortSet::range(1024, 65535), "0.0.0.0/0");
  Network fixed(s.b.snapshot);
  CHECK(fixed.reachable({service(s.api)}, {Endpoint::internet()}, tcp(), net::PortSet::of(443)).holds());
}

TEST_CASE("the NAT gateway subnet's NACL denying the clients' requests stops them at the NAT subnet (R3.10, §9.11)",
          "[fwd]") {
  NatSubnetAcl s;
  s.b.nacl_entry(s.acl, 90, false, false, net::ProtocolSet::all(), net::PortSet::all(), "10.0.1.0/24");
  s.b.nacl_entry(s.acl, 100, false, true, net::ProtocolSet::all(), net::PortSet::all(), "0.0.0.0/0");
  Network network(s.b.snapshot);
  auto verdict = network.reachable({service(s.api)}, {Endpoint::internet()}, tcp(), net::PortSet::of(443));
  CHECK(verdict.status == VerdictStatus::fails);
  const auto* drop = find_drop(verdict.blockers, ExplanationCode::SUBNET_ACL_RESTRICTION);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_network_acl.public");
  CHECK(path_names(drop->path, "aws_route.app_default"));
  CHECK(network.isolated({service(s.api)}, {Endpoint::internet()}).holds());
}

}  // namespace moat::fwd::test
