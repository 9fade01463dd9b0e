// dualstack.tfstate: IPv6 in real provider shapes — VPC/subnet IPv6 CIDRs, an aws_route
// with destination_ipv6_cidr_block and egress_only_gateway_id, inline ::/0 routes, SG
// ipv6_cidr_blocks, default NACL IPv6 entries, instance ipv6_addresses, dual-stack LBs,
// TGW ipv6_support, a dual-stack resolver endpoint and interface endpoint.
#include <algorithm>

#include <catch2/catch.hpp>

#include "fixture_paths.hpp"
#include "moat/tfstate/load_states.hpp"
#include "snapshot_lookup.hpp"

using namespace moat;
using namespace moat::model;

namespace {

const Snapshot& dualstack() {
  static const Snapshot snapshot = tfstate::load_states({tfstate_fixture("dualstack.tfstate")});
  return snapshot;
}

net::Prefix cidr(const char* text) { return net::Prefix::parse(text); }
net::IpAddress ip(const char* text) { return net::IpAddress::parse(text); }

}  // namespace

TEST_CASE("IPv6 CIDRs of the VPC and subnets load, with an implicit IPv6 local route in every table", "[tfstate]") {
  const auto& s = dualstack();
  const auto& vpc = by_address<Vpc>(s, "aws_vpc.main");
  REQUIRE(vpc.ipv6_cidrs.size() == 1);
  CHECK(vpc.ipv6_cidrs[0] == cidr("2600:1f18:1234:5600::/56"));
  const auto& subnet = by_address<Subnet>(s, "aws_subnet.private");
  CHECK(subnet.ipv6_cidr == cidr("2600:1f18:1234:5601::/64"));
  CHECK(subnet.assign_ipv6_address_on_creation);
  for (const char* table : {"aws_route_table.public", "aws_route_table.private"}) {
    INFO(table);
    const auto* local = route_to(by_address<RouteTable>(s, table), "2600:1f18:1234:5600::/56");
    REQUIRE(local != nullptr);
    CHECK(local->target.kind == RouteTargetKind::local);
    CHECK(local->source == RouteSource::implicit_local);
  }
}

TEST_CASE("IPv6 routes load from aws_route and inline blocks, egress-only gateways included", "[tfstate]") {
  const auto& s = dualstack();
  const auto* eigw = route_to(by_address<RouteTable>(s, "aws_route_table.private"), "::/0");
  REQUIRE(eigw != nullptr);
  CHECK(eigw->target.kind == RouteTargetKind::egress_only_internet_gateway);
  CHECK(eigw->target.resolved());
  CHECK(eigw->source == RouteSource::route_resource);
  CHECK(eigw->origin.address == "aws_route.private_v6");
  const auto& public_table = by_address<RouteTable>(s, "aws_route_table.public");
  const auto* igw = route_to(public_table, "::/0");
  REQUIRE(igw != nullptr);
  CHECK(igw->target.kind == RouteTargetKind::internet_gateway);
  CHECK(igw->source == RouteSource::inline_block);
  // 0.0.0.0/0 and ::/0 are two routes (R1.8).
  CHECK(route_to(public_table, "0.0.0.0/0") != nullptr);
}

TEST_CASE("IPv6 security group and network ACL rules load as IPv6 peers", "[tfstate]") {
  const auto& s = dualstack();
  const auto& web = by_address<SecurityGroup>(s, "aws_security_group.web");
  std::vector<const SecurityGroupRule*> ingress;
  for (const auto& rule : web.rules) {
    if (rule.direction == RuleDirection::ingress) ingress.push_back(&rule);
  }
  REQUIRE(ingress.size() == 1);
  CHECK(ingress[0]->peer.prefix == cidr("::/0"));
  CHECK(ingress[0]->ports == net::PortSet::of(443));
  auto egress_families = std::count_if(web.rules.begin(), web.rules.end(), [](const SecurityGroupRule& r) {
    return r.direction == RuleDirection::egress && r.peer.prefix && r.peer.prefix->family() == net::IpFamily::v6;
  });
  CHECK(egress_families == 1);
  const auto& acl = by_address<NetworkAcl>(s, "aws_default_network_acl.main");
  auto ipv6_entries = std::count_if(acl.entries.begin(), acl.entries.end(),
                                    [](const NetworkAclEntry& e) { return e.cidr == cidr("::/0") && e.rule_number == 101; });
  CHECK(ipv6_entries == 2);
}

TEST_CASE("IPv6 addressing of instances, load balancers, endpoints and the TGW attachment loads", "[tfstate]") {
  const auto& s = dualstack();
  const auto& web = by_address<Instance>(s, "aws_instance.web");
  REQUIRE(web.ipv6_addresses.size() == 1);
  CHECK(web.ipv6_addresses[0] == ip("2600:1f18:1234:5601::10"));
  const auto& internal = by_address<LoadBalancer>(s, "aws_lb.internal");
  CHECK(internal.dualstack);
  CHECK_FALSE(internal.dualstack_without_public_ipv4);
  const auto& pub = by_address<LoadBalancer>(s, "aws_lb.public");
  CHECK(pub.dualstack);
  CHECK(pub.dualstack_without_public_ipv4);
  CHECK(by_address<TransitGatewayAttachment>(s, "aws_ec2_transit_gateway_vpc_attachment.main").ipv6_support);
  const auto& resolver = by_address<ResolverEndpoint>(s, "aws_route53_resolver_endpoint.inbound");
  CHECK(resolver.ipv6);
  REQUIRE(resolver.addresses.size() == 2);
  CHECK(resolver.addresses[0].ipv6 == ip("2600:1f18:1234:5601::53"));
  CHECK_FALSE(resolver.addresses[1].ipv6.has_value());
  const auto& ssm = by_address<VpcEndpoint>(s, "aws_vpc_endpoint.ssm");
  CHECK(ssm.ipv6);
  REQUIRE(ssm.subnet_addresses.size() == 1);
  CHECK(ssm.subnet_addresses[0].ipv6 == ip("2600:1f18:1234:5601::20"));
}

TEST_CASE("IPv4-only defaults: no ipv6_support on TGW attachments, no IPv6 on plain LBs and endpoints", "[tfstate]") {
  auto s = tfstate::load_states({tfstate_fixture("hybrid.tfstate")});
  for (const auto& attachment : s.transit_gateway_attachments) CHECK_FALSE(attachment.ipv6_support);
  auto network = tfstate::load_states({tfstate_fixture("network.tfstate")});
  for (const auto& endpoint : network.vpc_endpoints) CHECK_FALSE(endpoint.ipv6);
  for (const auto& endpoint : network.resolver_endpoints) CHECK_FALSE(endpoint.ipv6);
}
