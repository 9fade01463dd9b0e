// IPv6 forwarding: IGW (no translation, both ways), egress-only IGW (out + replies),
// IPv6 SG and NACL rules, internal dual-stack LBs (deny_all_igw_traffic), TGW
// attachments without ipv6_support, peering, NAT64 as an uncertain drop, IPv6 addresses
// that rest on an assumption (ECS dualStackIPv6), and subnets or interfaces without
// IPv6 (no IPv6 paths at all).
#include <catch2/catch.hpp>

#include <algorithm>

#include "fwd_test_support.hpp"
#include "moat/fwd/network.hpp"
#include "snapshot_builder.hpp"

namespace moat::fwd::test {

using model::ObjectKind;
using model::RuleDirection;
using net::IpFamily;

namespace {

Endpoint load_balancer(model::LoadBalancerId id) { return Endpoint::of({ObjectKind::load_balancer, model::index(id)}); }
Endpoint addresses(const char* cidr_text) { return Endpoint::address_set(net::AddressSet::of(cidr(cidr_text))); }

bool only_family(const net::PacketSet& packets, IpFamily family) {
  auto other = family == IpFamily::v4 ? IpFamily::v6 : IpFamily::v4;
  return !packets.empty() && packets.destinations(other).empty();
}

const DeliveredPart* find_part(const std::vector<DeliveredPart>& parts, IpFamily family) {
  auto it = std::find_if(parts.begin(), parts.end(), [&](const DeliveredPart& p) { return p.witness.family() == family; });
  return it == parts.end() ? nullptr : &*it;
}

// One dual-stack VPC and subnet (2600:1f18:aa00:1::/64) with an instance whose IPv6
// address state lists (2600:1f18:aa00:1::10) and an ECS service (IPv6 only under the
// dualStackIPv6 assumption), SGs allowing everything in both families. The subnet's
// table sends 0.0.0.0/0 to the IGW (nothing has a public IPv4, so IPv4 never gets out)
// and ::/0 to the IGW or, with egress_only, to an egress-only IGW (then the VPC has no
// IGW at all).
struct DualStackSubnet {
  SnapshotBuilder b;
  model::VpcId vpc{};
  model::SubnetId subnet{};
  model::RouteTableId table{};
  model::InstanceId vm{};
  model::EcsServiceId api{};
  explicit DualStackSubnet(bool egress_only = false) {
    vpc = b.vpc("main", "10.0.0.0/16");
    b.vpc_ipv6(vpc, "2600:1f18:aa00::/56");
    subnet = b.subnet(vpc, "app", "10.0.1.0/24");
    b.subnet_ipv6(subnet, "2600:1f18:aa00:1::/64");
    table = b.route_table(vpc, "app");
    b.associate(subnet, table);
    if (egress_only) {
      auto eigw = b.eigw(vpc, "main");
      b.route(table, "::/0", "eigw-main", eigw, "default6");
    } else {
      auto igw = b.igw(vpc, "main");
      b.route(table, "0.0.0.0/0", "igw-main", igw, "default");
      b.route(table, "::/0", "igw-main", igw, "default6");
    }
    auto sg = b.dual_open_sg(vpc, "app");
    vm = b.instance("vm", subnet, "10.0.1.10", {sg});
    b.instance_ipv6(vm, "2600:1f18:aa00:1::10");
    api = b.ecs_service("api", {subnet}, {sg});
  }
};

}  // namespace

TEST_CASE("a dual-stack subnet whose table sends ::/0 to an IGW is not isolated from the internet either way", "[fwd]") {
  DualStackSubnet s;
  Network network(s.b.snapshot);
  auto egress = network.isolated({instance(s.vm)}, {Endpoint::internet()});
  CHECK(egress.status == VerdictStatus::fails);
  const auto* out = find_part(egress.counterexamples, IpFamily::v6);
  REQUIRE(out != nullptr);
  CHECK(out->certain);
  CHECK(path_names(out->path, "aws_route.default6"));
  CHECK(path_names(out->path, "aws_internet_gateway.main"));
  CHECK(out->witness.source == net::IpAddress::parse("2600:1f18:aa00:1::10"));
  CHECK_FALSE(out->witness.destination.is_v4());
  // No IPv4 counterexample: the instance has no public IPv4 (a latent exposure only).
  CHECK(find_part(egress.counterexamples, IpFamily::v4) == nullptr);
  CHECK(has_finding(egress.findings, ExplanationCode::LATENT_INTERNET_EXPOSURE, "aws_instance.vm"));

  auto ingress = network.isolated({Endpoint::internet()}, {instance(s.vm)});
  CHECK(ingress.status == VerdictStatus::fails);
  const auto* in = find_part(ingress.counterexamples, IpFamily::v6);
  REQUIRE(in != nullptr);
  CHECK(path_names(in->path, "aws_internet_gateway.main"));
  CHECK(net::AddressSet::of(cidr("2000::/3")).contains(in->witness.source));
  // The reply goes back by the subnet's ::/0 route to the IGW.
  CHECK(path_names(in->reply_path, "aws_route.default6"));

  // A "must reach" to an IPv6-only destination on the internet is proven over IPv6.
  auto reach = network.reachable({instance(s.vm)}, {addresses("2a00:1450::/32")}, tcp(), net::PortSet::of(443));
  CHECK(reach.status == VerdictStatus::holds);
}

TEST_CASE("ECS tasks in a dual-stack subnet have IPv6 only under the dualStackIPv6 assumption: paths are possible, never proven",
          "[fwd]") {
  DualStackSubnet s;
  Network network(s.b.snapshot);
  // The tasks range over the subnet's IPv6 CIDR, under a stated assumption.
  auto groups = network.graph().groups_of({ObjectKind::ecs_service, model::index(s.api)});
  REQUIRE(groups.size() == 1);
  const auto& group = network.graph().groups()[groups.front()];
  CHECK(group.ipv6_addresses == net::AddressSet::of(cidr("2600:1f18:aa00:1::/64")));
  CHECK(group.ipv6_assumption.find("dualStackIPv6") != std::string::npos);

  for (auto verdict : {network.isolated({service(s.api)}, {Endpoint::internet()}),
                       network.isolated({Endpoint::internet()}, {service(s.api)})}) {
    CHECK(verdict.status == VerdictStatus::unknown);
    const auto* part = find_part(verdict.counterexamples, IpFamily::v6);
    REQUIRE(part != nullptr);
    CHECK_FALSE(part->certain);
    REQUIRE(part->assumptions.size() == 1);
    CHECK(part->assumptions.front().find("dualStackIPv6") != std::string::npos);
  }
  auto reach = network.reachable({service(s.api)}, {addresses("2a00:1450::/32")}, tcp(), net::PortSet::of(443));
  CHECK(reach.status == VerdictStatus::unknown);

  // An instance that state lists no IPv6 for, in a subnet assigning IPv6 on creation.
  auto bare = s.b.instance("bare", s.subnet, "10.0.1.11", {s.b.dual_open_sg(s.vpc, "bare")});
  Network with_bare(s.b.snapshot);
  auto verdict = with_bare.isolated({Endpoint::internet()}, {instance(bare)}, all_of(IpFamily::v6));
  CHECK(verdict.status == VerdictStatus::unknown);
  REQUIRE(!verdict.counterexamples.empty());
  CHECK(verdict.counterexamples.front().assumptions.front().find("assigns IPv6 on creation") != std::string::npos);
}

TEST_CASE("IPv6 leaves by the IGW untranslated, and only for internet destinations", "[fwd]") {
  DualStackSubnet s;
  Network network(s.b.snapshot);
  auto result = network.flow({instance(s.vm)}, tcp_to("2a00:1450::/32", 443) | tcp_to("fd00::/8", 443), {});
  const auto* delivered = find_part(result.delivered, IpFamily::v6);
  REQUIRE(delivered != nullptr);
  // Sent and delivered are the same packets: no NAT for IPv6.
  CHECK(delivered->packets == delivered->sent);
  CHECK(delivered->translations.empty());
  CHECK(delivered->packets.sources(IpFamily::v6) == net::AddressSet::of(net::IpAddress::parse("2600:1f18:aa00:1::10")));
  const auto* unique_local = find_drop(result.dropped, ExplanationCode::NOT_PUBLIC_DESTINATION);
  REQUIRE(unique_local != nullptr);
  CHECK(unique_local->packets.destinations(IpFamily::v6) == net::AddressSet::of(cidr("fd00::/8")));
}

TEST_CASE("an egress-only IGW lets IPv6 out with its replies but keeps the internet from connecting in", "[fwd]") {
  DualStackSubnet s(true);
  Network network(s.b.snapshot);
  auto egress = network.isolated({instance(s.vm)}, {Endpoint::internet()});
  CHECK(egress.status == VerdictStatus::fails);
  REQUIRE(!egress.counterexamples.empty());
  CHECK(path_names(egress.counterexamples.front().path, "aws_route.default6"));
  CHECK(path_names(egress.counterexamples.front().path, "aws_egress_only_internet_gateway.main"));

  // Replies come back through the egress-only IGW.
  auto reach = network.reachable({instance(s.vm)}, {addresses("2a00:1450::/32")}, tcp(), net::PortSet::of(443));
  CHECK(reach.status == VerdictStatus::holds);
  auto result = network.flow({instance(s.vm)}, tcp_to("2a00:1450::/32", 443), {Endpoint::internet()});
  REQUIRE(result.delivered.size() == 1);
  auto replies = network.replies(result.delivered.front());
  REQUIRE(replies.delivered.size() == 1);
  CHECK(replies.dropped.empty());
  CHECK(path_names(replies.delivered.front().path, "aws_egress_only_internet_gateway.main"));

  // Nothing initiated from the internet gets in, whatever the SG says (the tasks'
  // assumed IPv6 addresses included: a certain drop of possible packets is no path).
  CHECK(network.isolated({Endpoint::internet()}, {service(s.api)}).status == VerdictStatus::holds);
  auto ingress = network.isolated({Endpoint::internet()}, {instance(s.vm)});
  CHECK(ingress.status == VerdictStatus::holds);
  auto inbound = network.flow({Endpoint::internet()}, all_of(IpFamily::v6), {instance(s.vm)});
  CHECK(inbound.delivered.empty());
  const auto* drop = find_drop(inbound.dropped, ExplanationCode::EIGW_NO_UNSOLICITED_INBOUND);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_egress_only_internet_gateway.main");
  CHECK(drop->certain);
}

TEST_CASE("an IGW elsewhere in the VPC lets the internet reach an EIGW-routed subnet over IPv6", "[fwd]") {
  // IPv6 is globally routable: the IGW delivers inbound IPv6 to any address of its VPC
  // (the subnet tables only steer what leaves), and the replies leave by the EIGW.
  DualStackSubnet s(true);
  auto pub = s.b.subnet(s.vpc, "public", "10.0.0.0/24");
  s.b.subnet_ipv6(pub, "2600:1f18:aa00::/64");
  auto pub_table = s.b.route_table(s.vpc, "public");
  s.b.associate(pub, pub_table);
  auto igw = s.b.igw(s.vpc, "main");
  s.b.route(pub_table, "::/0", "igw-main", igw, "public6");
  Network network(s.b.snapshot);
  auto ingress = network.isolated({Endpoint::internet()}, {instance(s.vm)});
  CHECK(ingress.status == VerdictStatus::fails);
  REQUIRE(!ingress.counterexamples.empty());
  const auto& part = ingress.counterexamples.front();
  CHECK(path_names(part.path, "aws_internet_gateway.main"));
  CHECK(path_names(part.reply_path, "aws_route.default6"));
  CHECK(path_names(part.reply_path, "aws_egress_only_internet_gateway.main"));
}

TEST_CASE("a subnet without an IPv6 CIDR has no IPv6 paths even when its table routes ::/0 to an IGW", "[fwd]") {
  SnapshotBuilder b;
  auto vpc = b.vpc("main", "10.0.0.0/16");
  b.vpc_ipv6(vpc, "2600:1f18:aa00::/56");
  auto subnet = b.subnet(vpc, "app", "10.0.1.0/24");
  auto table = b.route_table(vpc, "app");
  b.associate(subnet, table);
  auto igw = b.igw(vpc, "main");
  b.route(table, "::/0", "igw-main", igw, "default6");
  auto sg = b.dual_open_sg(vpc, "api");
  auto api = b.ecs_service("api", {subnet}, {sg});
  // A dual-stack subnet that does not assign IPv6, with an instance that lists none.
  auto dual = b.subnet(vpc, "dual", "10.0.2.0/24");
  b.subnet_ipv6(dual, "2600:1f18:aa00:2::/64", false);
  b.associate(dual, table);
  auto vm = b.instance("vm", dual, "10.0.2.10", {sg});
  Network network(b.snapshot);
  for (const auto& endpoint : {service(api), instance(vm)}) {
    for (auto group : network.graph().groups_of(endpoint.object)) CHECK(network.graph().groups()[group].ipv6_addresses.empty());
    CHECK(network.isolated({endpoint}, {Endpoint::internet()}).status == VerdictStatus::holds);
    CHECK(network.isolated({Endpoint::internet()}, {endpoint}).status == VerdictStatus::holds);
    CHECK(network.flow({endpoint}, all_of(IpFamily::v6), {}).delivered.empty());
  }
}

TEST_CASE("an instance with a listed IPv6 address is reachable at that address only", "[fwd]") {
  SnapshotBuilder b;
  auto vpc = b.vpc("main", "10.0.0.0/16");
  b.vpc_ipv6(vpc, "2600:1f18:aa00::/56");
  auto subnet = b.subnet(vpc, "app", "10.0.1.0/24");
  b.subnet_ipv6(subnet, "2600:1f18:aa00:1::/64", false);
  auto table = b.route_table(vpc, "app");
  b.associate(subnet, table);
  auto igw = b.igw(vpc, "main");
  b.route(table, "::/0", "igw-main", igw, "default6");
  auto vm = b.instance("vm", subnet, "10.0.1.10", {b.dual_open_sg(vpc, "vm")});
  b.snapshot.get(vm).ipv6_addresses.push_back(net::IpAddress::parse("2600:1f18:aa00:1::10"));
  Network network(b.snapshot);
  auto result = network.flow({Endpoint::internet()}, tcp_to("2600:1f18:aa00:1::/64", 22), {});
  REQUIRE(result.delivered.size() == 1);
  CHECK(result.delivered.front().packets.destinations(IpFamily::v6) == net::AddressSet::of(net::IpAddress::parse("2600:1f18:aa00:1::10")));
  const auto* unused = find_drop(result.dropped, ExplanationCode::NO_INTERFACE_AT_ADDRESS);
  REQUIRE(unused != nullptr);
  CHECK(unused->address == "aws_subnet.app");
}

TEST_CASE("a security group rule for ::/0 admits IPv6 but not IPv4, and one for 0.0.0.0/0 the reverse", "[fwd]") {
  for (const char* peer : {"::/0", "0.0.0.0/0"}) {
    INFO(peer);
    SnapshotBuilder b;
    auto vpc = b.vpc("main", "10.0.0.0/16");
    b.vpc_ipv6(vpc, "2600:1f18:aa00::/56");
    auto subnet = b.subnet(vpc, "web", "10.0.1.0/24");
    b.subnet_ipv6(subnet, "2600:1f18:aa00:1::/64");
    auto table = b.route_table(vpc, "web");
    b.associate(subnet, table);
    auto igw = b.igw(vpc, "main");
    b.route(table, "0.0.0.0/0", "igw-main", igw, "default");
    b.route(table, "::/0", "igw-main", igw, "default6");
    auto sg = b.sg(vpc, "web");
    b.sg_rule(sg, RuleDirection::ingress, tcp(), net::PortSet::of(443), peer);
    auto vm = b.instance("web", subnet, "10.0.1.10", {sg}, true);
    Network network(b.snapshot);
    auto space = tcp_to("0.0.0.0/0", 443) | tcp_to("::/0", 443);
    auto result = network.flow({Endpoint::internet()}, space, {instance(vm)});
    auto admitted = std::string(peer) == "::/0" ? IpFamily::v6 : IpFamily::v4;
    auto refused = admitted == IpFamily::v6 ? IpFamily::v4 : IpFamily::v6;
    REQUIRE(result.delivered.size() == 1);
    CHECK(only_family(result.delivered.front().packets, admitted));
    const auto* drop = find_drop(result.dropped, ExplanationCode::ENI_SG_RULES_MISMATCH);
    REQUIRE(drop != nullptr);
    CHECK(only_family(drop->packets, refused));
    CHECK(drop->address == "aws_security_group.web");
  }
}

TEST_CASE("a network ACL without IPv6 rules drops IPv6, in and out, and its IPv6 return rule decides replies", "[fwd]") {
  DualStackSubnet s;
  auto acl = s.b.nacl(s.vpc, "app", {s.subnet});
  s.b.nacl_entry(acl, 100, false, true, net::ProtocolSet::all(), net::PortSet::all(), "0.0.0.0/0");
  s.b.nacl_entry(acl, 100, true, true, net::ProtocolSet::all(), net::PortSet::all(), "0.0.0.0/0");
  {
    Network network(s.b.snapshot);
    for (const auto& endpoint : {instance(s.vm), service(s.api)}) {
      CHECK(network.isolated({Endpoint::internet()}, {endpoint}).status == VerdictStatus::holds);
      CHECK(network.isolated({endpoint}, {Endpoint::internet()}).status == VerdictStatus::holds);
    }
    auto result = network.flow({Endpoint::internet()}, all_of(IpFamily::v6), {instance(s.vm)});
    const auto* drop = find_drop(result.dropped, ExplanationCode::SUBNET_ACL_RESTRICTION);
    REQUIRE(drop != nullptr);
    CHECK(drop->address == "aws_network_acl.app");
    CHECK(drop->detail.find("final rule * deny") != std::string::npos);
  }
  // IPv6 in on 443 only; the replies need an outbound IPv6 rule for the ephemeral ports.
  s.b.nacl_entry(acl, 110, false, true, tcp(), net::PortSet::of(443), "::/0");
  auto client = addresses("2a00:1450::/32");
  {
    Network network(s.b.snapshot);
    CHECK(network.isolated({Endpoint::internet()}, {instance(s.vm)}).status == VerdictStatus::fails);
    auto reach = network.reachable({client}, {instance(s.vm)}, tcp(), net::PortSet::of(443));
    CHECK(reach.status == VerdictStatus::fails);
    const auto* back = find_drop(reach.blockers, ExplanationCode::SUBNET_ACL_RESTRICTION);
    REQUIRE(back != nullptr);
    CHECK(back->detail.find("return path") != std::string::npos);
    CHECK(only_family(back->packets, IpFamily::v6));
  }
  s.b.nacl_entry(acl, 110, true, true, tcp(), net::PortSet::range(1024, 65535), "::/0");
  Network network(s.b.snapshot);
  CHECK(network.reachable({client}, {instance(s.vm)}, tcp(), net::PortSet::of(443)).status == VerdictStatus::holds);
}

namespace {

// A dual-stack ALB (listener 443, open SGs) in two dual-stack subnets routed ::/0 to an IGW.
struct DualStackLb {
  SnapshotBuilder b;
  model::LoadBalancerId lb{};
  explicit DualStackLb(bool internal) {
    auto vpc = b.vpc("main", "10.0.0.0/16");
    b.vpc_ipv6(vpc, "2600:1f18:aa00::/56");
    auto a = b.subnet(vpc, "a", "10.0.1.0/24", "eu-west-1a");
    auto c = b.subnet(vpc, "c", "10.0.2.0/24", "eu-west-1c");
    b.subnet_ipv6(a, "2600:1f18:aa00:1::/64");
    b.subnet_ipv6(c, "2600:1f18:aa00:2::/64");
    auto table = b.route_table(vpc, "lb");
    b.associate(a, table);
    b.associate(c, table);
    auto igw = b.igw(vpc, "main");
    b.route(table, "0.0.0.0/0", "igw-main", igw, "default");
    b.route(table, "::/0", "igw-main", igw, "default6");
    lb = b.load_balancer(internal ? "internal" : "public", {a, c}, {b.dual_open_sg(vpc, "lb")}, internal);
    b.snapshot.get(lb).dualstack = true;
    b.listener(lb, 443);
  }
};

}  // namespace

TEST_CASE("an internal dual-stack ALB is not reachable from the internet over IPv6", "[fwd]") {
  DualStackLb s(true);
  Network network(s.b.snapshot);
  auto verdict = network.isolated({Endpoint::internet()}, {load_balancer(s.lb)});
  CHECK(verdict.status == VerdictStatus::holds);
  auto result = network.flow({Endpoint::internet()}, tcp_to("::/0", 443), {load_balancer(s.lb)});
  CHECK(result.delivered.empty());
  const auto* drop = find_drop(result.dropped, ExplanationCode::LB_DENY_ALL_IGW_TRAFFIC);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_lb.internal");
  CHECK(drop->certain);
  // From inside the VPC the same nodes are reachable over IPv6 (deny_all_igw_traffic is
  // about the IGW only).
  auto inside = network.reachable({addresses("2600:1f18:aa00:1::/64")}, {addresses("2600:1f18:aa00:2::/64")}, tcp(),
                                  net::PortSet::of(443));
  CHECK(inside.status == VerdictStatus::holds);
}

TEST_CASE("an internet-facing dual-stack ALB is reachable from the internet over IPv6 on its listener", "[fwd]") {
  DualStackLb s(false);
  Network network(s.b.snapshot);
  auto verdict = network.isolated({Endpoint::internet()}, {load_balancer(s.lb)});
  CHECK(verdict.status == VerdictStatus::fails);
  CHECK(find_part(verdict.counterexamples, IpFamily::v6) != nullptr);
  auto reach = network.reachable({addresses("2a00:1450::/32")}, {load_balancer(s.lb)}, tcp(), net::PortSet::of(443));
  CHECK(reach.status == VerdictStatus::holds);
  // Without public IPv4 (dualstack-without-public-ipv4) only IPv6 gets in.
  s.b.snapshot.get(s.lb).dualstack_without_public_ipv4 = true;
  Network v6_only(s.b.snapshot);
  auto result = v6_only.flow({Endpoint::internet()}, tcp_to("0.0.0.0/0", 443) | tcp_to("::/0", 443), {load_balancer(s.lb)});
  REQUIRE(!result.delivered.empty());
  for (const auto& part : result.delivered) CHECK(only_family(part.packets, IpFamily::v6));
}

namespace {

// Two dual-stack VPCs behind one TGW (default route table, both attachments associated
// and propagating); a routes the other VPC's IPv6 CIDR to the TGW.
struct DualStackTgw {
  SnapshotBuilder b;
  model::InstanceId app{};
  model::InstanceId db{};
  model::TransitGatewayAttachmentId attach_a{};
  model::TransitGatewayAttachmentId attach_b{};
  DualStackTgw() {
    auto tgw = b.tgw("hub");
    auto a = b.vpc("a", "10.1.0.0/16");
    auto z = b.vpc("b", "10.2.0.0/16");
    b.vpc_ipv6(a, "2600:1f18:a::/56");
    b.vpc_ipv6(z, "2600:1f18:b::/56");
    auto sa = b.subnet(a, "a", "10.1.1.0/24");
    auto sb = b.subnet(z, "b", "10.2.1.0/24");
    b.subnet_ipv6(sa, "2600:1f18:a:1::/64");
    b.subnet_ipv6(sb, "2600:1f18:b:1::/64");
    auto ta = b.route_table(a, "a");
    auto tb = b.route_table(z, "b");
    b.associate(sa, ta);
    b.associate(sb, tb);
    b.route(ta, "2600:1f18:b::/56", "tgw-hub", tgw, "a_to_b6");
    b.route(tb, "2600:1f18:a::/56", "tgw-hub", tgw, "b_to_a6");
    attach_a = b.tgw_attach(tgw, a, {sa}, "a");
    attach_b = b.tgw_attach(tgw, z, {sb}, "b");
    auto rt = b.tgw_table(tgw, "main");
    for (auto attachment : {attach_a, attach_b}) {
      b.tgw_associate(rt, attachment);
      b.tgw_propagate(rt, attachment);
    }
    app = b.instance("app", sa, "10.1.1.10", {b.dual_open_sg(a, "app")});
    db = b.instance("db", sb, "10.2.1.10", {b.dual_open_sg(z, "db")});
    b.instance_ipv6(app, "2600:1f18:a:1::10");
    b.instance_ipv6(db, "2600:1f18:b:1::10");
  }
};

}  // namespace

TEST_CASE("a TGW VPC attachment carries IPv6 only with ipv6_support", "[fwd]") {
  DualStackTgw s;
  {
    Network network(s.b.snapshot);
    auto result = network.flow({instance(s.app)}, tcp_to("2600:1f18:b:1::/64", 5432), {instance(s.db)});
    CHECK(result.delivered.empty());
    const auto* drop = find_drop(result.dropped, ExplanationCode::TGW_ATTACHMENT_NO_IPV6);
    REQUIRE(drop != nullptr);
    CHECK(drop->address == "aws_ec2_transit_gateway_vpc_attachment.a");
  }
  for (auto attachment : {s.attach_a, s.attach_b}) s.b.snapshot.get(attachment).ipv6_support = true;
  Network network(s.b.snapshot);
  auto reach = network.reachable({instance(s.app)}, {addresses("2600:1f18:b:1::/64")}, tcp(), net::PortSet::of(5432));
  CHECK(reach.status == VerdictStatus::holds);
  auto result = network.flow({instance(s.app)}, tcp_to("2600:1f18:b:1::/64", 5432), {instance(s.db)});
  REQUIRE(result.delivered.size() == 1);
  CHECK(path_names(result.delivered.front().path, "aws_route.a_to_b6"));
  CHECK(path_names(result.delivered.front().path, "aws_ec2_transit_gateway_vpc_attachment.b"));
}

TEST_CASE("IPv6 over a peering reaches only the peer's IPv6 CIDR, and a pending peering is a blackhole", "[fwd]") {
  SnapshotBuilder b;
  auto a = b.vpc("a", "10.1.0.0/16");
  auto z = b.vpc("b", "10.2.0.0/16");
  b.vpc_ipv6(a, "2600:1f18:a::/56");
  b.vpc_ipv6(z, "2600:1f18:b::/56");
  auto sa = b.subnet(a, "a", "10.1.1.0/24");
  auto sb = b.subnet(z, "b", "10.2.1.0/24");
  b.subnet_ipv6(sa, "2600:1f18:a:1::/64");
  b.subnet_ipv6(sb, "2600:1f18:b:1::/64");
  auto ta = b.route_table(a, "a");
  auto tb = b.route_table(z, "b");
  b.associate(sa, ta);
  b.associate(sb, tb);
  auto pcx = b.peering(a, z, "ab");
  b.route(ta, "2600:1f18::/32", "pcx-ab", pcx, "a_to_peer6");
  b.route(tb, "2600:1f18:a::/56", "pcx-ab", pcx, "b_to_a6");
  auto app = b.instance("app", sa, "10.1.1.10", {b.dual_open_sg(a, "app")});
  auto db = b.instance("db", sb, "10.2.1.10", {b.dual_open_sg(z, "db")});
  b.instance_ipv6(app, "2600:1f18:a:1::10");
  b.instance_ipv6(db, "2600:1f18:b:1::10");
  {
    Network network(b.snapshot);
    CHECK(network.reachable({instance(app)}, {addresses("2600:1f18:b:1::/64")}, tcp(), net::PortSet::of(5432)).holds());
    auto result = network.flow({instance(app)}, tcp_to("2600:1f18:b:1::/64", 5432) | tcp_to("2600:1f18:c::/64", 5432), {});
    const auto* delivered = find_part(result.delivered, IpFamily::v6);
    REQUIRE(delivered != nullptr);
    CHECK(delivered->destination == network.graph().group_node(network.graph().groups_of({ObjectKind::instance, model::index(db)}).front()));
    CHECK(path_names(delivered->path, "aws_route.a_to_peer6"));
    CHECK(path_names(delivered->path, "aws_vpc_peering_connection.ab"));
    const auto* outside = find_drop(result.dropped, ExplanationCode::PCX_REQUIRES_ADDRESS_IN_VPC_CIDR);
    REQUIRE(outside != nullptr);
    CHECK(outside->packets.destinations(IpFamily::v6) == net::AddressSet::of(cidr("2600:1f18:c::/64")));
  }
  b.snapshot.get(pcx).accept_status = "pending-acceptance";
  Network network(b.snapshot);
  auto result = network.flow({instance(app)}, tcp_to("2600:1f18:b:1::/64", 5432), {});
  CHECK(result.delivered.empty());
  const auto* blackhole = find_drop(result.dropped, ExplanationCode::BAD_STATE_ROUTE);
  REQUIRE(blackhole != nullptr);
  CHECK(blackhole->address == "aws_route.a_to_peer6");
}

TEST_CASE("IPv6 sent to a NAT gateway (NAT64) is an uncertain drop, so internet isolation is unknown", "[fwd]") {
  DualStackSubnet s(true);
  auto pub = s.b.subnet(s.vpc, "public", "10.0.0.0/24");
  auto pub_table = s.b.route_table(s.vpc, "public");
  s.b.associate(pub, pub_table);
  auto igw = s.b.igw(s.vpc, "main");
  s.b.route(pub_table, "0.0.0.0/0", "igw-main", igw, "public_default");
  auto nat = s.b.nat(pub, "main", true, "10.0.0.5");
  s.b.route(s.table, "64:ff9b::/96", "nat-main", nat, "nat64");
  Network network(s.b.snapshot);
  auto result = network.flow({instance(s.vm)}, tcp_to("64:ff9b::/96", 443), {});
  const auto* drop = find_drop(result.dropped, ExplanationCode::NAT64_NOT_MODELLED);
  REQUIRE(drop != nullptr);
  CHECK_FALSE(drop->certain);
  CHECK(drop->address == "aws_nat_gateway.main");
  CHECK(path_names(drop->path, "aws_route.nat64"));
  // The EIGW path for the rest of ::/0 is a certain counterexample; with no ::/0 route
  // only the NAT64 doubt is left and the verdict is unknown, never "isolated"; without
  // the NAT64 route too, the instance is isolated.
  auto& routes = s.b.snapshot.get(s.table).routes;
  auto remove_route = [&](const char* address) {
    routes.erase(std::remove_if(routes.begin(), routes.end(), [&](const model::Route& r) { return r.origin.address == address; }),
                 routes.end());
  };
  remove_route("aws_route.default6");
  CHECK(Network(s.b.snapshot).isolated({instance(s.vm)}, {Endpoint::internet()}).status == VerdictStatus::unknown);
  remove_route("aws_route.nat64");
  CHECK(Network(s.b.snapshot).isolated({instance(s.vm)}, {Endpoint::internet()}).status == VerdictStatus::holds);
}

TEST_CASE("an IPv4-only estate keeps its IPv4 verdicts when both families are checked", "[fwd]") {
  SnapshotBuilder b;
  auto vpc = b.vpc("main", "10.0.0.0/16");
  auto subnet = b.subnet(vpc, "app", "10.0.1.0/24");
  auto table = b.route_table(vpc, "app");
  b.associate(subnet, table);
  auto igw = b.igw(vpc, "main");
  b.route(table, "0.0.0.0/0", "igw-main", igw, "default");
  auto api = b.ecs_service("api", {subnet}, {b.dual_open_sg(vpc, "api")}, true);
  Network network(b.snapshot);
  auto both = network.isolated({service(api)}, {Endpoint::internet()});
  auto v4 = network.isolated({service(api)}, {Endpoint::internet()}, all_of(IpFamily::v4));
  CHECK(both.status == VerdictStatus::fails);
  CHECK(v4.status == VerdictStatus::fails);
  REQUIRE(both.counterexamples.size() == v4.counterexamples.size());
  for (const auto& part : both.counterexamples) CHECK(only_family(part.packets, IpFamily::v4));
  // The internet's IPv6 finds no VPC to enter.
  auto inbound = network.flow({Endpoint::internet()}, all_of(IpFamily::v6), {});
  CHECK(inbound.delivered.empty());
  CHECK(find_drop(inbound.dropped, ExplanationCode::NO_ROUTE_TO_DESTINATION) != nullptr);
}

}  // namespace moat::fwd::test
