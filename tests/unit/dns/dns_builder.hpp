#pragma once
// Test-only helper: builds model::Snapshots for the dns tests in a few lines. Every
// object gets a Terraform address "<type>.<name>" and an AWS id "<prefix>-<name>", so
// tests can assert the deciding resource by address.

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "moat/dns/external_network.hpp"
#include "moat/model/snapshot.hpp"
#include "moat/net/ip_address.hpp"
#include "moat/net/prefix.hpp"

namespace moat::dns::test {

template <class Id>
model::Ref<Id> ref_to(const model::Snapshot& snapshot, Id id) {
  return model::Ref<Id>{snapshot.get(id).origin.aws_id, id};
}

// The on-premises network of the tests: 192.168.0.0/16 with one DNS server 192.168.10.10.
inline ExternalNetwork data_center() {
  ExternalNetwork dc;
  dc.name = "dc";
  dc.prefixes = {net::Prefix::parse("192.168.0.0/16")};
  dc.dns_servers = {net::IpAddress::parse("192.168.10.10")};
  return dc;
}

class DnsBuilder {
 public:
  model::Snapshot snapshot;

  static model::Origin origin(const std::string& type, const std::string& name, const std::string& id_prefix) {
    return model::Origin{type + "." + name, "test.tfstate", id_prefix + "-" + name};
  }

  model::VpcId vpc(const std::string& name, const std::string& cidr, bool dns_support = true, bool hostnames = true) {
    model::Vpc vpc;
    vpc.origin = origin("aws_vpc", name, "vpc");
    vpc.ipv4_cidrs = {net::Prefix::parse(cidr)};
    vpc.enable_dns_support = dns_support;
    vpc.enable_dns_hostnames = hostnames;
    return snapshot.add(std::move(vpc));
  }

  model::SubnetId subnet(const std::string& name, model::VpcId vpc, const std::string& cidr) {
    model::Subnet subnet;
    subnet.origin = origin("aws_subnet", name, "subnet");
    subnet.vpc = ref_to(snapshot, vpc);
    subnet.ipv4_cidr = net::Prefix::parse(cidr);
    return snapshot.add(std::move(subnet));
  }

  model::HostedZoneId private_zone(const std::string& name, const std::string& domain,
                                   std::initializer_list<model::VpcId> vpcs) {
    model::HostedZone zone;
    zone.origin = origin("aws_route53_zone", name, "Z" + name);
    zone.name = domain;
    zone.private_zone = true;
    for (auto vpc : vpcs) {
      model::HostedZoneVpcAssociation association;
      association.vpc = ref_to(snapshot, vpc);
      association.origin = origin("aws_route53_zone_association", name + "_" + snapshot.get(vpc).origin.aws_id, "assoc");
      zone.vpcs.push_back(std::move(association));
    }
    return snapshot.add(std::move(zone));
  }

  model::HostedZoneId public_zone(const std::string& name, const std::string& domain) {
    model::HostedZone zone;
    zone.origin = origin("aws_route53_zone", name, "Z" + name);
    zone.name = domain;
    return snapshot.add(std::move(zone));
  }

  model::ResourceRecordId record(const std::string& name, model::HostedZoneId zone, const std::string& fqdn,
                                 model::RecordType type, std::vector<std::string> values) {
    model::ResourceRecord record;
    record.origin = origin("aws_route53_record", name, "rr");
    record.zone = ref_to(snapshot, zone);
    record.name = fqdn;
    record.type = type;
    record.type_name = std::string(model::to_string(type));
    record.values = std::move(values);
    return snapshot.add(std::move(record));
  }

  model::ResourceRecordId a(const std::string& name, model::HostedZoneId zone, const std::string& fqdn,
                            std::vector<std::string> values) {
    return record(name, zone, fqdn, model::RecordType::a, std::move(values));
  }

  model::ResourceRecordId cname(const std::string& name, model::HostedZoneId zone, const std::string& fqdn,
                                const std::string& target) {
    return record(name, zone, fqdn, model::RecordType::cname, {target});
  }

  model::ResourceRecordId alias(const std::string& name, model::HostedZoneId zone, const std::string& fqdn,
                                const std::string& target, model::RecordType type = model::RecordType::a,
                                const std::string& target_zone_id = "ZELB") {
    auto id = record(name, zone, fqdn, type, {});
    snapshot.get(id).alias = model::RecordAlias{target, target_zone_id, false};
    return id;
  }

  model::LoadBalancerId load_balancer(const std::string& name, const std::string& dns_name, bool internal,
                                      std::initializer_list<model::SubnetId> subnets) {
    model::LoadBalancer lb;
    lb.origin = origin("aws_lb", name, "arn:aws:elasticloadbalancing:lb");
    lb.name = name;
    lb.internal = internal;
    lb.dns_name = dns_name;
    lb.zone_id = "ZELB";
    for (auto subnet : subnets) lb.subnets.push_back(ref_to(snapshot, subnet));
    return snapshot.add(std::move(lb));
  }

  model::ResolverEndpointId resolver_endpoint(
      const std::string& name, model::ResolverDirection direction, model::VpcId vpc,
      std::initializer_list<std::pair<model::SubnetId, std::optional<std::string>>> addresses) {
    model::ResolverEndpoint endpoint;
    endpoint.origin = origin("aws_route53_resolver_endpoint", name, "rslvr-end");
    endpoint.name = name;
    endpoint.direction = direction;
    endpoint.vpc = ref_to(snapshot, vpc);
    for (const auto& [subnet, ip] : addresses) {
      model::ResolverEndpointAddress address;
      address.subnet = ref_to(snapshot, subnet);
      if (ip) address.ip = net::IpAddress::parse(*ip);
      endpoint.addresses.push_back(std::move(address));
    }
    return snapshot.add(std::move(endpoint));
  }

  model::ResolverRuleId rule(const std::string& name, model::ResolverRuleType type, const std::string& domain,
                             std::initializer_list<std::string> targets = {},
                             std::optional<model::ResolverEndpointId> outbound = std::nullopt) {
    model::ResolverRule rule;
    rule.origin = origin("aws_route53_resolver_rule", name, "rslvr-rr");
    rule.name = name;
    rule.type = type;
    rule.domain_name = domain;
    for (const auto& target : targets) rule.targets.push_back(model::ResolverTarget{net::IpAddress::parse(target), 53});
    if (outbound) rule.resolver_endpoint = ref_to(snapshot, *outbound);
    return snapshot.add(std::move(rule));
  }

  model::ResolverRuleAssociationId associate(const std::string& name, model::ResolverRuleId rule, model::VpcId vpc) {
    model::ResolverRuleAssociation association;
    association.origin = origin("aws_route53_resolver_rule_association", name, "rslvr-rrassoc");
    association.resolver_rule = ref_to(snapshot, rule);
    association.vpc = ref_to(snapshot, vpc);
    return snapshot.add(std::move(association));
  }

  model::VpcEndpointId interface_endpoint(const std::string& name, model::VpcId vpc, const std::string& service,
                                          std::initializer_list<model::SubnetId> subnets, bool private_dns) {
    model::VpcEndpoint endpoint;
    endpoint.origin = origin("aws_vpc_endpoint", name, "vpce");
    endpoint.vpc = ref_to(snapshot, vpc);
    endpoint.type = model::VpcEndpointType::interface;
    endpoint.service_name = service;
    for (auto subnet : subnets) endpoint.subnets.push_back(ref_to(snapshot, subnet));
    endpoint.private_dns_enabled = private_dns;
    return snapshot.add(std::move(endpoint));
  }
};

}  // namespace moat::dns::test
