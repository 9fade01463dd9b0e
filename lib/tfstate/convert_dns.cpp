// Converters for Route 53 zones and records and Route 53 Resolver endpoints and rules.

#include "builder.hpp"
#include "convert_common.hpp"
#include "converters.hpp"
#include "keys.hpp"

namespace moat::tfstate {

namespace a = keys::attr;
using namespace moat::model;

void convert_resolver_endpoint(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  ResolverEndpoint endpoint;
  endpoint.origin = r.origin(aws_id_of(at));
  endpoint.name = at.str(a::name);
  std::string direction = at.str(a::direction);
  if (direction == keys::value::outbound) {
    endpoint.direction = ResolverDirection::outbound;
  } else if (direction != keys::value::inbound) {
    builder.warn("resolver.direction", r, "direction \"" + direction + "\" is neither INBOUND nor OUTBOUND: treated as INBOUND");
  }
  endpoint.vpc = ref<VpcId>(at, a::host_vpc_id);
  endpoint.security_groups = refs<SecurityGroupId>(at, a::security_group_ids);
  for (const auto& address : at.objects(a::ip_address)) {
    endpoint.addresses.push_back({ref<SubnetId>(address, a::subnet_id), address.ip(a::ip), address.ip(a::ipv6)});
  }
  std::string type = at.str(a::resolver_endpoint_type);
  endpoint.ipv6 = type == keys::value::resolver_ipv6 || type == keys::value::resolver_dualstack;
  builder.add(std::move(endpoint), r);
}

void convert_hosted_zone(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  HostedZone zone;
  std::string zone_id = at.str(a::zone_id);
  zone.origin = r.origin(zone_id.empty() ? aws_id_of(at) : zone_id);
  zone.name = normalise_dns_name(at.str(a::name));
  for (const auto& vpc : at.objects(a::vpc)) {
    zone.vpcs.push_back({ref<VpcId>(vpc, a::vpc_id), vpc.str(a::vpc_region), zone.origin});
  }
  // The data source names one VPC at the top level, as the resource did before provider
  // v2.0.0 replaced vpc_id / vpc_region with vpc blocks.
  if (zone.vpcs.empty() && !at.str(a::vpc_id).empty()) {
    zone.vpcs.push_back({ref<VpcId>(at, a::vpc_id), at.str(a::vpc_region), zone.origin});
  }
  zone.private_zone = !zone.vpcs.empty() || at.boolean(a::private_zone, false);
  builder.add(std::move(zone), r);
}

void convert_zone_association(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  std::string id = at.str(a::zone_id);
  HostedZone* zone = builder.find<HostedZone>(id);
  if (zone == nullptr) return builder.missing_owner(r, "hosted zone", id, "association ignored");
  std::string vpc_id = at.str(a::vpc_id);
  auto origin = r.origin(aws_id_of(at));
  zone->private_zone = true;
  for (auto& existing : zone->vpcs) {
    if (existing.vpc.aws_id == vpc_id) {
      existing.origin = origin;
      return;
    }
  }
  zone->vpcs.push_back({ref_to<VpcId>(vpc_id), at.str(a::vpc_region), origin});
}

void convert_record(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  ResourceRecord record;
  record.origin = r.origin(aws_id_of(at));
  record.zone = ref<HostedZoneId>(at, a::zone_id);
  std::string fqdn = at.str(a::fqdn);
  record.name = normalise_dns_name(fqdn.empty() ? at.str(a::name) : fqdn);  // made absolute in pass C if relative
  record.type_name = at.str(a::type);
  record.type = record.type_name == keys::value::record_a       ? RecordType::a
                : record.type_name == keys::value::record_aaaa  ? RecordType::aaaa
                : record.type_name == keys::value::record_cname ? RecordType::cname
                                                                : RecordType::other;
  if (auto ttl = at.integer(a::ttl); ttl && *ttl >= 0) record.ttl = static_cast<std::uint32_t>(*ttl);
  record.values = at.strings(a::records);
  if (auto alias = at.object(a::alias)) {
    record.alias = RecordAlias{normalise_dns_name(alias->str(a::name)), alias->str(a::zone_id),
                               alias->boolean(a::evaluate_target_health, false)};
  }
  record.set_identifier = at.str(a::set_identifier);
  builder.add(std::move(record), r);
}

void convert_resolver_rule(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  ResolverRule rule;
  rule.origin = r.origin(aws_id_of(at));
  rule.name = at.str(a::name);
  rule.domain_name = normalise_dns_name(at.str(a::domain_name));
  std::string type = at.str(a::rule_type);
  rule.type = type == keys::value::system      ? ResolverRuleType::system
              : type == keys::value::recursive ? ResolverRuleType::recursive
                                               : ResolverRuleType::forward;
  for (const auto& target : at.objects(a::target_ip)) {
    auto ip = target.ip(a::ip);
    if (!ip) ip = target.ip(a::ipv6);  // IPv6 targets: added by provider PR #30167 (2023)
    if (!ip) {
      builder.warn("resolver.target", r, "a target_ip without ip or ipv6 (" + target.pointer() + "): ignored");
      continue;
    }
    rule.targets.push_back({*ip, target.port(a::port).value_or(53)});
  }
  rule.resolver_endpoint = ref<ResolverEndpointId>(at, a::resolver_endpoint_id);
  builder.add(std::move(rule), r);
}

void convert_resolver_rule_association(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  ResolverRuleAssociation association;
  association.origin = r.origin(aws_id_of(at));
  association.resolver_rule = ref<ResolverRuleId>(at, a::resolver_rule_id);
  association.vpc = ref<VpcId>(at, a::vpc_id);
  builder.add(std::move(association), r);
}

}  // namespace moat::tfstate
