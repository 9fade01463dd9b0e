#include <algorithm>

#include <catch2/catch.hpp>

#include "fixture_paths.hpp"
#include "moat/tfstate/load_states.hpp"

using namespace moat;
using namespace moat::model;

namespace {

const Snapshot& hybrid() {
  static const Snapshot snapshot = tfstate::load_states({tfstate_fixture("hybrid.tfstate")});
  return snapshot;
}

template <class T>
const T& by_id(const Snapshot& s, const std::string& aws_id) {
  auto id = s.find<T>(aws_id);
  INFO(aws_id);
  REQUIRE(id.has_value());
  return s.get(*id);
}

}  // namespace

TEST_CASE("transit gateway route tables get explicit and default associations and propagations", "[tfstate]") {
  const auto& s = hybrid();
  const auto& tgw = by_id<TransitGateway>(s, "tgw-0123456789abcdef0");
  CHECK(tgw.default_route_table_association);
  CHECK_FALSE(tgw.security_group_referencing_support);
  CHECK(tgw.amazon_side_asn == 64520u);
  CHECK(tgw.association_default_route_table.resolved());

  const auto& defaults = by_id<TransitGatewayRouteTable>(s, "tgw-rtb-0default00000001");
  // The VPC attachment and the VPN attachment (implied by aws_vpn_connection) associate by
  // default, except the VPN one, which is explicitly associated with the on-prem table.
  REQUIRE(defaults.associations.size() == 1);
  CHECK(defaults.associations[0].attachment.aws_id == "tgw-attach-0vpc0000000001");
  CHECK(defaults.associations[0].implicit);
  CHECK(defaults.propagations.size() == 2);
  REQUIRE(defaults.routes.size() == 2);
  auto blackhole = std::find_if(defaults.routes.begin(), defaults.routes.end(),
                                [](const TransitGatewayRoute& r) { return r.blackhole; });
  REQUIRE(blackhole != defaults.routes.end());
  CHECK(blackhole->destination == net::Prefix::parse("10.99.0.0/16"));
  CHECK(blackhole->attachment.empty());

  const auto& onprem = by_id<TransitGatewayRouteTable>(s, "tgw-rtb-0onprem000000001");
  REQUIRE(onprem.associations.size() == 1);
  CHECK_FALSE(onprem.associations[0].implicit);
  CHECK(onprem.associations[0].attachment.resolved());

  const auto& vpn_attachment = by_id<TransitGatewayAttachment>(s, "tgw-attach-0vpn0000000001");
  CHECK(vpn_attachment.attachment_kind == TransitGatewayAttachmentKind::vpn);
  CHECK(vpn_attachment.resource_id == "vpn-0123456789abcdef0");
  const auto& vpc_attachment = by_id<TransitGatewayAttachment>(s, "tgw-attach-0vpc0000000001");
  CHECK(vpc_attachment.subnets.at(0).resolved());
  CHECK_FALSE(vpc_attachment.appliance_mode_support);
}

TEST_CASE("VPN connections keep their gateways and static routes from both sources", "[tfstate]") {
  const auto& s = hybrid();
  const auto& legacy = by_id<VpnConnection>(s, "vpn-0vgw000000000001");
  CHECK(legacy.vpn_gateway.resolved());
  CHECK(legacy.customer_gateway.resolved());
  CHECK(legacy.static_routes_only);
  REQUIRE(legacy.static_routes.size() == 2);
  CHECK(legacy.static_routes[1].destination == net::Prefix::parse("192.168.20.0/24"));
  CHECK(legacy.static_routes[1].origin.address == "aws_vpn_connection_route.legacy");
  const auto& cgw = by_id<CustomerGateway>(s, "cgw-0123456789abcdef0");
  CHECK(cgw.bgp_asn == 65010u);
  CHECK(cgw.ip_address == net::IpAddress::parse("203.0.113.10"));
  const auto& vgw = by_id<VpnGateway>(s, "vgw-0hub0000000000001");
  CHECK(vgw.vpc.resolved());  // aws_vpn_gateway_attachment
  CHECK(vgw.attachment.address == "aws_vpn_gateway_attachment.legacy");
}

TEST_CASE("default route table routes: TGW, IPv6 egress-only, unsupported core network, edge association", "[tfstate]") {
  const auto& s = hybrid();
  const auto& table = by_id<RouteTable>(s, "rtb-0hub0000000000001");
  auto find = [&](const std::string& destination) {
    return std::find_if(table.routes.begin(), table.routes.end(),
                        [&](const Route& r) { return r.destination.to_string() == destination; });
  };
  REQUIRE(find("192.168.0.0/16") != table.routes.end());
  CHECK(find("192.168.0.0/16")->target.kind == RouteTargetKind::transit_gateway);
  REQUIRE(find("::/0") != table.routes.end());
  CHECK(find("::/0")->target.kind == RouteTargetKind::egress_only_internet_gateway);
  CHECK(find("::/0")->target.resolved());
  REQUIRE(find("10.60.0.0/16") != table.routes.end());
  CHECK(find("10.60.0.0/16")->target.kind == RouteTargetKind::unsupported);
  REQUIRE(find("2001:db8:50::/56") != table.routes.end());  // IPv6 local route
  CHECK(find("2001:db8:50::/56")->target.kind == RouteTargetKind::local);
  REQUIRE(table.edge_associations.size() == 1);
  CHECK(table.edge_associations[0].gateway.kind == RouteTargetKind::vpn_gateway);
  CHECK(table.edge_associations[0].gateway.resolved());
  // The default route table is the VPC's main table.
  const auto& vpc = by_id<Vpc>(s, "vpc-0hub0000000000001");
  CHECK(vpc.main_route_table.resolved());
  CHECK(s.effective_route_table(*s.find<Subnet>("subnet-0hub000000000001")) == s.find<RouteTable>("rtb-0hub0000000000001"));
}

TEST_CASE("a VPC's DHCP options association sets its DNS servers", "[tfstate]") {
  const auto& vpc = by_id<Vpc>(hybrid(), "vpc-0hub0000000000001");
  CHECK(vpc.dhcp_options_id == "dopt-0custom000000001");
  REQUIRE(vpc.domain_name_servers.has_value());
  CHECK(*vpc.domain_name_servers == std::vector<std::string>{"192.168.1.53", "AmazonProvidedDNS"});
  CHECK_FALSE(vpc.enable_dns_hostnames);
  CHECK(vpc.ipv6_cidrs == std::vector<net::Prefix>{net::Prefix::parse("2001:db8:50::/56")});
}
