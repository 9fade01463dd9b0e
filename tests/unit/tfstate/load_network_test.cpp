#include <algorithm>

#include <catch2/catch.hpp>

#include "fixture_paths.hpp"
#include "snapshot_lookup.hpp"
#include "moat/tfstate/load_states.hpp"

using namespace moat;
using namespace moat::model;

namespace {

const Snapshot& network() {
  static const Snapshot snapshot = tfstate::load_states({tfstate_fixture("network.tfstate")});
  return snapshot;
}

bool has_diagnostic(const Snapshot& snapshot, const std::string& code, const std::string& address) {
  return std::any_of(snapshot.diagnostics.begin(), snapshot.diagnostics.end(),
                     [&](const Diagnostic& d) { return d.code == code && d.address == address; });
}

}  // namespace

TEST_CASE("addresses carry the module path and count or for_each index keys", "[tfstate]") {
  const auto& s = network();
  CHECK(by_address<Subnet>(s, "module.network.aws_subnet.private[\"a\"]").origin.aws_id == "subnet-0aaaa00000000001");
  CHECK(by_address<Subnet>(s, "module.network.aws_subnet.public[0]").ipv4_cidr == net::Prefix::parse("10.20.101.0/24"));
  CHECK(by_address<VpcEndpoint>(s, "aws_vpc_endpoint.interface[\"ecr.dkr\"]").type == VpcEndpointType::interface);
  const auto& subnet = by_address<Subnet>(s, "module.network.aws_subnet.private[\"a\"]");
  CHECK(subnet.origin.file == tfstate_fixture("network.tfstate").string());
  CHECK(subnet.availability_zone == "eu-west-1a");
  CHECK(by_address<Subnet>(s, "module.network.aws_subnet.public[0]").map_public_ip_on_launch);  // "true" as a string
}

TEST_CASE("a data source with the id of a managed resource is not loaded twice", "[tfstate]") {
  const auto& s = network();
  REQUIRE(s.vpcs.size() == 1);
  CHECK(s.vpcs[0].origin.address == "module.network.aws_vpc.main");
  CHECK(s.modelled.at("data.aws_vpc") == 1);
}

TEST_CASE("VPC CIDRs include secondary associations and DNS attributes", "[tfstate]") {
  const auto& vpc = network().vpcs.at(0);
  REQUIRE(vpc.ipv4_cidrs.size() == 2);
  CHECK(vpc.ipv4_cidrs[0] == net::Prefix::parse("10.20.0.0/16"));
  CHECK(vpc.ipv4_cidrs[1] == net::Prefix::parse("100.64.0.0/16"));
  CHECK(vpc.enable_dns_support);
  CHECK(vpc.enable_dns_hostnames);
  CHECK(vpc.main_route_table.aws_id == "rtb-0main00000000001");
  CHECK_FALSE(vpc.main_route_table.resolved());
}

TEST_CASE("inline routes and aws_route resources are merged by destination", "[tfstate]") {
  const auto& s = network();
  const auto& table = by_address<RouteTable>(s, "module.network.aws_route_table.private");
  // 2 local + 0.0.0.0/0 (inline and aws_route) + pcx + VGW + S3 prefix list
  CHECK(table.routes.size() == 6);

  const Route* nat = route_to(table, "0.0.0.0/0");
  REQUIRE(nat != nullptr);
  CHECK(nat->target.kind == RouteTargetKind::nat_gateway);  // the inline copy had it in gateway_id
  CHECK(nat->target.aws_id == "nat-0123456789abcdef0");
  CHECK(std::holds_alternative<NatGatewayId>(nat->target.id));
  CHECK(nat->source == RouteSource::route_resource);
  CHECK(nat->origin.address == "module.network.aws_route.private_default");

  const Route* onprem = route_to(table, "192.168.0.0/16");
  REQUIRE(onprem != nullptr);
  CHECK(onprem->target.kind == RouteTargetKind::vpn_gateway);
  CHECK(onprem->target.resolved());

  const Route* peer = route_to(table, "172.16.0.0/16");
  REQUIRE(peer != nullptr);
  CHECK(peer->target.kind == RouteTargetKind::vpc_peering_connection);
  CHECK(peer->source == RouteSource::inline_block);
  CHECK(peer->origin.address == "module.network.aws_route_table.private");
}

TEST_CASE("local routes are synthesised from every VPC CIDR and come first", "[tfstate]") {
  const auto& table = by_address<RouteTable>(network(), "module.network.aws_route_table.private");
  const Route* local = route_to(table, "10.20.0.0/16");
  REQUIRE(local != nullptr);
  CHECK(local->target.kind == RouteTargetKind::local);
  CHECK(local->source == RouteSource::implicit_local);
  CHECK(local->origin.address == "module.network.aws_vpc.main");
  REQUIRE(route_to(table, "100.64.0.0/16") != nullptr);
  // Sorted: IPv4 prefixes in address order, then prefix lists.
  CHECK(table.routes.front().destination.to_string() == "0.0.0.0/0");
  CHECK(table.routes.back().destination.is_prefix_list());
}

TEST_CASE("gateway endpoints add a prefix-list route to each associated table", "[tfstate]") {
  const auto& s = network();
  for (const char* address : {"module.network.aws_route_table.private", "module.network.aws_route_table.public"}) {
    INFO(address);
    const auto& table = by_address<RouteTable>(s, address);
    const Route* s3 = route_to(table, "pl-6da54004");
    REQUIRE(s3 != nullptr);
    CHECK(s3->kind == RouteKind::prefix_list);
    CHECK(s3->source == RouteSource::gateway_endpoint);
    CHECK(s3->target.kind == RouteTargetKind::vpc_endpoint);
    CHECK(s3->target.aws_id == "vpce-0s3000000000001");
    CHECK(s3->origin.address == "aws_vpc_endpoint.s3");
  }
  auto list = s.find<ManagedPrefixList>("pl-6da54004");
  REQUIRE(list.has_value());
  const auto& pl = s.get(*list);
  CHECK(pl.aws_managed);
  CHECK(pl.entries_known);
  CHECK(pl.entries.size() == 2);
  CHECK(pl.name == "com.amazonaws.eu-west-1.s3");
}

TEST_CASE("subnets resolve explicit route table and NACL associations", "[tfstate]") {
  const auto& s = network();
  auto a = *s.find<Subnet>("subnet-0aaaa00000000001");
  auto b = *s.find<Subnet>("subnet-0bbbb00000000001");
  auto pub = *s.find<Subnet>("subnet-0pub000000000001");
  auto private_table = *s.find<RouteTable>("rtb-0private000000001");
  auto public_table = *s.find<RouteTable>("rtb-0public0000000001");
  auto acl = *s.find<NetworkAcl>("acl-0custom000000001");
  CHECK(s.effective_route_table(a) == private_table);
  CHECK(s.effective_route_table(b) == private_table);
  CHECK(s.effective_route_table(pub) == public_table);
  CHECK(s.get(a).route_table_association.address == "module.network.aws_route_table_association.private[\"a\"]");
  CHECK(s.effective_network_acl(a) == acl);  // inline subnet_ids
  CHECK(s.effective_network_acl(b) == acl);  // aws_network_acl_association
  CHECK(s.get(b).network_acl_association.address == "module.network.aws_network_acl_association.b");
  CHECK_FALSE(s.effective_network_acl(pub).has_value());  // default NACL not in state
  CHECK(has_diagnostic(s, "subnet.default_network_acl", "module.network.aws_subnet.public[0]"));
}

TEST_CASE("route propagation from propagating_vgws and the propagation resource is recorded once", "[tfstate]") {
  const auto& table = by_address<RouteTable>(network(), "module.network.aws_route_table.private");
  REQUIRE(table.propagations.size() == 1);
  CHECK(table.propagations[0].vpn_gateway.aws_id == "vgw-0123456789abcdef0");
  CHECK(table.propagations[0].vpn_gateway.resolved());
}

TEST_CASE("security group rules from all sources are normalised and de-duplicated", "[tfstate]") {
  const auto& s = network();
  const auto& app = by_address<SecurityGroup>(s, "module.network.aws_security_group.app");
  // ingress 443 from 10.20/16 (inline + rule resource), 443 from 192.168/16, 8080 self; egress all
  REQUIRE(app.rules.size() == 4);
  auto https_vpc = std::find_if(app.rules.begin(), app.rules.end(), [](const SecurityGroupRule& r) {
    return r.peer.prefix == net::Prefix::parse("10.20.0.0/16");
  });
  REQUIRE(https_vpc != app.rules.end());
  CHECK(https_vpc->direction == RuleDirection::ingress);
  CHECK(https_vpc->protocols == net::ProtocolSet::of(net::protocol::tcp));
  CHECK(https_vpc->ports == net::PortSet::of(443));
  CHECK(https_vpc->origin.address == "module.network.aws_security_group_rule.app_https");
  auto self = std::find_if(app.rules.begin(), app.rules.end(),
                           [](const SecurityGroupRule& r) { return r.peer.kind == SecurityGroupPeerKind::self; });
  REQUIRE(self != app.rules.end());
  CHECK(self->ports == net::PortSet::of(8080));
  CHECK(self->peer.security_group.resolved());
  auto egress = std::find_if(app.rules.begin(), app.rules.end(),
                             [](const SecurityGroupRule& r) { return r.direction == RuleDirection::egress; });
  REQUIRE(egress != app.rules.end());
  CHECK(egress->protocols.is_all());
  CHECK(egress->ports.is_all());
  CHECK(egress->peer.prefix == net::Prefix::parse("0.0.0.0/0"));
}

TEST_CASE("an aws_security_group without egress blocks gets no allow-all egress", "[tfstate]") {
  const auto& db = by_address<SecurityGroup>(network(), "module.network.aws_security_group.db");
  std::vector<const SecurityGroupRule*> egress;
  for (const auto& rule : db.rules) {
    if (rule.direction == RuleDirection::egress) egress.push_back(&rule);
  }
  REQUIRE(egress.size() == 1);  // only the aws_vpc_security_group_egress_rule
  CHECK(egress[0]->peer.kind == SecurityGroupPeerKind::prefix_list);
  CHECK(egress[0]->peer.prefix_list_id == "pl-6da54004");
  CHECK(egress[0]->ports == net::PortSet::of(443));

  auto from_app = std::find_if(db.rules.begin(), db.rules.end(), [](const SecurityGroupRule& r) {
    return r.peer.kind == SecurityGroupPeerKind::security_group;
  });
  REQUIRE(from_app != db.rules.end());
  CHECK(from_app->protocols == net::ProtocolSet::of(net::protocol::tcp));  // protocol "6"
  CHECK(from_app->ports == net::PortSet::of(5432));
  CHECK(from_app->peer.security_group.aws_id == "sg-0app0000000000001");
  CHECK(from_app->peer.security_group.resolved());

  auto icmp = std::find_if(db.rules.begin(), db.rules.end(), [](const SecurityGroupRule& r) {
    return r.protocols == net::ProtocolSet::of(net::protocol::icmp);
  });
  REQUIRE(icmp != db.rules.end());
  CHECK(icmp->ports == net::PortSet::icmp(8, -1));
  CHECK(icmp->origin.address == "module.network.aws_vpc_security_group_ingress_rule.db_icmp");
}

TEST_CASE("custom NACL holds exactly its listed entries in rule order", "[tfstate]") {
  const auto& acl = by_address<NetworkAcl>(network(), "module.network.aws_network_acl.private");
  CHECK_FALSE(acl.is_default);
  REQUIRE(acl.entries.size() == 5);
  std::vector<int> ingress_numbers;
  for (const auto& entry : acl.entries) {
    if (!entry.egress) ingress_numbers.push_back(entry.rule_number);
  }
  CHECK(ingress_numbers == std::vector<int>{100, 110, 120, 200});
  const auto& icmp = acl.entries[1];
  CHECK(icmp.protocols == net::ProtocolSet::of(net::protocol::icmp));
  CHECK(icmp.ports == net::PortSet::icmp(3, -1));
  const auto& ephemeral = acl.entries[2];
  CHECK(ephemeral.ports == net::PortSet::range(1024, 65535));
  CHECK(ephemeral.origin.address == "module.network.aws_network_acl_rule.ephemeral");
  const auto& ssh = acl.entries[3];
  CHECK(ssh.action == NetworkAclAction::deny);
  CHECK(acl.entries.back().egress);
  CHECK(acl.entries.back().protocols.is_all());
}

TEST_CASE("gateways: NAT with its EIP, IGW attachment, VGW, DX gateway association", "[tfstate]") {
  const auto& s = network();
  const auto& nat = by_address<NatGateway>(s, "module.network.aws_nat_gateway.nat");
  CHECK(nat.connectivity == NatConnectivity::public_connectivity);
  CHECK(nat.public_ip == net::IpAddress::parse("54.1.2.3"));
  CHECK(nat.subnet.resolved());
  REQUIRE(nat.allocation.resolved());
  const auto& eip = s.get(*nat.allocation.id);
  CHECK(eip.nat_gateway.aws_id == "nat-0123456789abcdef0");
  CHECK(eip.nat_gateway.resolved());

  CHECK(by_address<InternetGateway>(s, "module.network.aws_internet_gateway.igw").vpc.resolved());
  const auto& vgw = by_address<VpnGateway>(s, "module.network.aws_vpn_gateway.vgw");
  CHECK(vgw.amazon_side_asn == 64512u);
  CHECK(vgw.vpc.resolved());

  const auto& dx = by_address<DxGatewayAssociation>(s, "module.network.aws_dx_gateway_association.dx");
  CHECK(dx.gateway_kind == DxAssociatedGatewayKind::vpn_gateway);
  CHECK(dx.vpn_gateway.aws_id == "vgw-0123456789abcdef0");
  CHECK(dx.vpn_gateway.resolved());
  CHECK(dx.dx_gateway.resolved());
  CHECK(dx.allowed_prefixes == std::vector<net::Prefix>{net::Prefix::parse("10.20.0.0/16")});
  CHECK(by_address<DxGateway>(s, "module.network.aws_dx_gateway.dx").amazon_side_asn == 64513u);

  const auto& pcx = by_address<VpcPeeringConnection>(s, "aws_vpc_peering_connection.peer");
  CHECK(pcx.active());
  CHECK(pcx.requester_vpc.resolved());
  CHECK_FALSE(pcx.accepter_vpc.resolved());
  CHECK(pcx.requester_allow_remote_vpc_dns_resolution);
}

TEST_CASE("interface endpoint keeps subnets, private DNS and the ENI addresses state holds", "[tfstate]") {
  const auto& endpoint = by_address<VpcEndpoint>(network(), "aws_vpc_endpoint.interface[\"ecr.dkr\"]");
  CHECK(endpoint.service_name == "com.amazonaws.eu-west-1.ecr.dkr");
  CHECK(endpoint.private_dns_enabled);
  CHECK(endpoint.security_groups.empty());  // the VPC default SG applies (R3.2)
  REQUIRE(endpoint.subnets.size() == 2);
  CHECK(endpoint.subnets[0].resolved());
  REQUIRE(endpoint.subnet_addresses.size() == 2);
  CHECK(endpoint.subnet_addresses[0].ipv4 == net::IpAddress::parse("10.20.1.50"));
  CHECK_FALSE(endpoint.subnet_addresses[0].ipv6.has_value());
  CHECK(endpoint.dns_entries.size() == 2);
}

TEST_CASE("resolver endpoints, forward rule and rule association", "[tfstate]") {
  const auto& s = network();
  const auto& inbound = by_address<ResolverEndpoint>(s, "aws_route53_resolver_endpoint.inbound");
  CHECK(inbound.direction == ResolverDirection::inbound);
  REQUIRE(inbound.addresses.size() == 2);
  CHECK(inbound.addresses[0].ip == net::IpAddress::parse("10.20.1.10"));
  CHECK(inbound.addresses[1].subnet.resolved());
  CHECK(inbound.security_groups.at(0).resolved());
  const auto& outbound = by_address<ResolverEndpoint>(s, "aws_route53_resolver_endpoint.outbound");
  CHECK(outbound.direction == ResolverDirection::outbound);
  CHECK_FALSE(outbound.addresses.at(0).ip.has_value());  // not in state: never invented

  const auto& rule = by_address<ResolverRule>(s, "aws_route53_resolver_rule.corp");
  CHECK(rule.type == ResolverRuleType::forward);
  CHECK(rule.domain_name == "corp.example");
  REQUIRE(rule.targets.size() == 2);
  CHECK(rule.targets[1].ip == net::IpAddress::parse("192.168.2.53"));
  CHECK(rule.targets[1].port == 5353);
  CHECK(rule.resolver_endpoint.resolved());
  const auto& association = by_address<ResolverRuleAssociation>(s, "aws_route53_resolver_rule_association.corp");
  CHECK(association.resolver_rule.resolved());
  CHECK(association.vpc.resolved());
}

TEST_CASE("private hosted zone with inline and standalone VPC associations and its records", "[tfstate]") {
  const auto& s = network();
  const auto& zone = by_address<HostedZone>(s, "aws_route53_zone.private");
  CHECK(zone.name == "example.com");
  CHECK(zone.private_zone);
  REQUIRE(zone.vpcs.size() == 2);
  CHECK(zone.vpcs[0].vpc.resolved());
  CHECK(zone.vpcs[1].vpc.aws_id == "vpc-0fedcba987654321f");
  CHECK(zone.vpcs[1].origin.address == "aws_route53_zone_association.peer");
  CHECK(has_diagnostic(s, "ref.unresolved", "aws_route53_zone_association.peer"));

  const auto& app = by_address<ResourceRecord>(s, "aws_route53_record.app");
  CHECK(app.name == "app.example.com");
  CHECK(app.type == RecordType::a);
  REQUIRE(app.alias.has_value());
  CHECK(app.alias->name == "internal-app-123.eu-west-1.elb.amazonaws.com");
  CHECK(app.alias->evaluate_target_health);
  CHECK(app.zone.resolved());
  const auto& db = by_address<ResourceRecord>(s, "aws_route53_record.db");
  CHECK(db.name == "db.example.com");  // relative name made absolute
  CHECK(db.type == RecordType::cname);
  CHECK(db.ttl == 300u);  // "300" as a string
  CHECK(db.values == std::vector<std::string>{"db.internal.example.net"});
}

TEST_CASE("resource types moat does not model are counted, not dropped", "[tfstate]") {
  const auto& s = network();
  CHECK(s.unmodelled.at("random_string") == 1);
  CHECK(s.unmodelled.at("aws_iam_role") == 1);
  CHECK(s.modelled.at("aws_route") == 2);
  CHECK(s.files == std::vector<std::string>{tfstate_fixture("network.tfstate").string()});
}
