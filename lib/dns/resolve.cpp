#include "moat/dns/resolve.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "moat/core/assert.hpp"
#include "moat/core/error.hpp"
#include "moat/dns/domain_name.hpp"
#include "moat/dns/service_dns_names.hpp"

namespace moat::dns {

namespace {

using model::RecordType;

// Where the recursion currently happens: the Amazon resolver of a VPC (reached from
// inside it or through an inbound endpoint) or the DNS servers of an external network.
// CNAMEs restart at the same place (R6.8).
struct Place {
  const ExternalNetwork* network = nullptr;  // set: external network
  model::VpcId vpc{};                          // otherwise: this VPC's resolver
};

// The end of one branch of a resolution; steps, flows and assumptions are appended to
// the Resolution as the walk goes.
struct Result {
  Outcome outcome = Outcome::unknown_outside_model;
  std::vector<Answer> answers;
  model::Origin decided_by;
};

Result ending(Outcome outcome, model::Origin decided_by) {
  return Result{outcome, {}, std::move(decided_by)};
}

model::Origin external_origin(const ExternalNetwork& network) {
  return model::Origin{"external_network." + network.name, "", ""};
}

std::optional<net::Prefix> subnet_cidr(const model::Subnet& subnet, RecordType type) {
  return type == RecordType::aaaa ? subnet.ipv6_cidr : subnet.ipv4_cidr;
}

net::IpFamily family_of(RecordType type) {
  return type == RecordType::aaaa ? net::IpFamily::v6 : net::IpFamily::v4;
}

Answer address_answer(const net::IpAddress& address, model::Origin owner) {
  Answer answer;
  answer.kind = AnswerKind::address;
  answer.address = address;
  answer.addresses = net::AddressSet::of(address);
  answer.owner = std::move(owner);
  return answer;
}

class Walk {
 public:
  Walk(const model::Snapshot& snapshot, const DnsContext& context, Resolution& out)
      : snapshot_(snapshot), context_(context), out_(out) {}

  Result in_vpc(model::VpcId vpc_id, const std::string& name, RecordType type, int depth);
  Result at_external(const ExternalNetwork& network, const std::string& name, RecordType type, int depth);

 private:
  // ---- steps, flows, assumptions ----
  void step(StepKind kind, const std::string& name, std::string detail, model::Origin decided_by,
            std::optional<Outcome> code = std::nullopt) {
    out_.steps.push_back(Step{kind, name, std::move(detail), std::move(decided_by), code});
  }
  void assume(std::string text) {
    if (std::find(out_.assumptions.begin(), out_.assumptions.end(), text) == out_.assumptions.end())
      out_.assumptions.push_back(std::move(text));
  }
  FlowStatus require(RequiredFlow flow) {
    if (context_.flow_oracle != nullptr) {
      flow.status = context_.flow_oracle->check(flow);
      if (flow.status == FlowStatus::unchecked) flow.status = FlowStatus::unknown;
    }
    FlowStatus status = flow.status;
    out_.required_flows.push_back(std::move(flow));
    return status;
  }
  // False (after recording the ending in `result`) when the chain is too deep or the
  // query returns to a place it already visited.
  bool enter(const std::string& key, const std::string& name, int depth, const model::Origin& origin, Result& result);

  // ---- Amazon resolver ----
  Result forward(const model::ResolverRule& rule, const std::string& name, RecordType type, int depth);
  Result locally(model::VpcId vpc_id, const std::string& name, RecordType type, int depth);
  Result publicly(Place place, const std::string& name, RecordType type, int depth);
  void note_invisible_private_names(Place place, const std::string& name);

  // ---- zones and records ----
  Result from_zone(const model::HostedZone& zone, model::HostedZoneId zone_id, const std::string& name,
                   RecordType type, int depth, Place place);
  Result from_records(const std::vector<const model::ResourceRecord*>& records, const std::string& name,
                      RecordType type, int depth, Place place, Outcome missing, const model::Origin& zone_origin);
  Result follow_cname(const std::string& name, const std::string& target, const model::Origin& origin,
                      RecordType type, int depth, Place place);
  Result alias(const model::ResourceRecord& record, RecordType type, int depth, Place place);
  Result from_load_balancer(const model::LoadBalancer& lb, RecordType type);
  Result from_endpoint(const model::VpcEndpoint& endpoint, RecordType type);
  Result from_external_records(const ExternalNetwork& network, const std::string& name, RecordType type, int depth);

  // ---- forwarding targets ----
  Result at_target(const net::IpAddress& target, const model::Origin& why_origin, const std::string& name,
                   RecordType type, int depth, bool from_outside);
  Result at_inbound_endpoint(model::ResolverEndpointId endpoint_id, const std::string& name, RecordType type,
                             int depth);
  std::optional<model::ResolverEndpointId> inbound_endpoint_at(const net::IpAddress& ip, bool& exact) const;
  FlowEnd endpoint_end(const model::ResolverEndpoint& endpoint, model::ResolverEndpointId id) const;
  FlowEnd network_end(const ExternalNetwork& network) const;
  const ExternalNetwork* network_serving(const net::IpAddress& ip) const;
  // Where a query sent to ip is answered: the VPC of an inbound endpoint, an external
  // network, or the bare address. Targets with equal keys answer alike.
  std::string destination_key(const net::IpAddress& ip) const;

  const model::Snapshot& snapshot_;
  const DnsContext& context_;
  Resolution& out_;
  std::set<std::string> visited_;  // "place|name" already resolved on this path
};

bool Walk::enter(const std::string& key, const std::string& name, int depth, const model::Origin& origin,
                 Result& result) {
  if (depth > context_.max_chain) {
    step(StepKind::finding, name, "chain longer than " + std::to_string(context_.max_chain), origin,
         Outcome::chain_too_long);
    result = ending(Outcome::chain_too_long, origin);
    return false;
  }
  if (!visited_.insert(key + "|" + name).second) {
    step(StepKind::finding, name, "the query for " + name + " returns to " + key, origin, Outcome::forwarding_loop);
    result = ending(Outcome::forwarding_loop, origin);
    return false;
  }
  return true;
}

// ---- Amazon resolver of a VPC (R6.1, R6.4-R6.6) ----------------------------------------

Result Walk::in_vpc(model::VpcId vpc_id, const std::string& name, RecordType type, int depth) {
  const model::Vpc& vpc = snapshot_.get(vpc_id);
  Result result;
  if (!enter("vpc " + vpc.origin.address, name, depth, vpc.origin, result)) return result;
  if (!vpc.enable_dns_support) {
    step(StepKind::amazon_resolver, name, "enable_dns_support is false: the Amazon resolver does not answer",
         vpc.origin, Outcome::dns_support_disabled);
    return ending(Outcome::dns_support_disabled, vpc.origin);
  }
  std::string resolver_address = "169.254.169.253";
  if (!vpc.ipv4_cidrs.empty() && vpc.ipv4_cidrs.front().network().is_v4())
    resolver_address =
        net::IpAddress(net::Ipv4Address(vpc.ipv4_cidrs.front().network().v4().value() + 2)).to_string() + " / " +
        resolver_address;
  step(StepKind::amazon_resolver, name,
       "Amazon resolver of the VPC at " + resolver_address + " (never filtered by SG/NACL, R0.3)", vpc.origin);

  // Most specific resolver rule associated with the VPC (R6.5).
  const model::ResolverRule* best_rule = nullptr;
  const model::ResolverRuleAssociation* best_association = nullptr;
  for (const auto& association : snapshot_.resolver_rule_associations) {
    if (association.vpc.id != vpc_id || !association.resolver_rule.id) continue;
    const auto& rule = snapshot_.get(*association.resolver_rule.id);
    if (!in_domain(name, rule.domain_name)) continue;
    bool better = best_rule == nullptr || label_count(rule.domain_name) > label_count(best_rule->domain_name) ||
                  (label_count(rule.domain_name) == label_count(best_rule->domain_name) &&
                   rule.type == model::ResolverRuleType::forward &&
                   best_rule->type != model::ResolverRuleType::forward);
    if (better) {
      best_rule = &rule;
      best_association = &association;
    }
  }
  if (best_rule != nullptr && best_rule->type == model::ResolverRuleType::forward) {
    // A forward rule wins unless a zone of the VPC is strictly more specific (R6.5).
    int zone_labels = -1;
    for (const auto& zone : snapshot_.hosted_zones)
      if (zone.private_zone && in_domain(name, zone.name))
        for (const auto& association : zone.vpcs)
          if (association.vpc.id == vpc_id) zone_labels = std::max(zone_labels, label_count(zone.name));
    if (vpc.enable_dns_hostnames)
      for (const auto& endpoint : snapshot_.vpc_endpoints)
        if (endpoint.vpc.id == vpc_id && endpoint.private_dns_enabled &&
            endpoint.type == model::VpcEndpointType::interface)
          for (const auto& pattern : private_dns_names(endpoint.service_name)) {
            std::string_view domain = pattern;
            if (domain.starts_with("*.")) domain.remove_prefix(2);
            if (in_domain(name, domain)) zone_labels = std::max(zone_labels, label_count(domain));
          }
    if (zone_labels <= label_count(best_rule->domain_name)) {
      step(StepKind::resolver_rule, name,
           "FORWARD rule " + best_rule->origin.address + " for \"" + best_rule->domain_name + "\"",
           best_association->origin);
      return forward(*best_rule, name, type, depth);
    }
  } else if (best_rule != nullptr) {
    step(StepKind::resolver_rule, name,
         std::string(model::to_string(best_rule->type)) + " rule " + best_rule->origin.address + " for \"" +
             best_rule->domain_name + "\": Resolver answers locally",
         best_association->origin);
  }
  return locally(vpc_id, name, type, depth);
}

// Private zones and endpoint private DNS of the VPC, then public DNS (R6.6, R6.10).
Result Walk::locally(model::VpcId vpc_id, const std::string& name, RecordType type, int depth) {
  const model::Vpc& vpc = snapshot_.get(vpc_id);
  const model::HostedZone* best_zone = nullptr;
  model::HostedZoneId best_zone_id{};
  const model::HostedZoneVpcAssociation* best_association = nullptr;
  for (std::size_t i = 0; i < snapshot_.hosted_zones.size(); ++i) {
    const auto& zone = snapshot_.hosted_zones[i];
    if (!zone.private_zone || !in_domain(name, zone.name)) continue;
    for (const auto& association : zone.vpcs) {
      if (association.vpc.id != vpc_id) continue;
      if (best_zone == nullptr || label_count(zone.name) > label_count(best_zone->name)) {
        best_zone = &zone;
        best_zone_id = static_cast<model::HostedZoneId>(i);
        best_association = &association;
      }
    }
  }
  const model::VpcEndpoint* best_endpoint = nullptr;
  int endpoint_labels = -1;
  for (const auto& endpoint : snapshot_.vpc_endpoints) {
    if (endpoint.vpc.id != vpc_id || endpoint.type != model::VpcEndpointType::interface ||
        !endpoint.private_dns_enabled || !vpc.enable_dns_hostnames)
      continue;
    for (const auto& pattern : private_dns_names(endpoint.service_name)) {
      bool wildcard = pattern.starts_with("*.");
      std::string_view domain(pattern);
      if (wildcard) domain.remove_prefix(2);
      if (!in_domain(name, domain) || label_count(domain) <= endpoint_labels) continue;
      best_endpoint = &endpoint;
      endpoint_labels = label_count(domain);
    }
  }
  if (best_zone != nullptr && label_count(best_zone->name) >= endpoint_labels) {
    step(StepKind::private_zone, name, "private hosted zone " + best_zone->origin.address + " (\"" +
                                           best_zone->name + "\") associated with the VPC",
         best_association->origin.empty() ? best_zone->origin : best_association->origin);
    if (!vpc.enable_dns_hostnames) {
      step(StepKind::finding, name, "enable_dns_hostnames is false; private zones are documented to need it (R6.3)",
           vpc.origin, Outcome::dns_hostnames_disabled);
      assume("private zone " + best_zone->origin.address + " answers although enable_dns_hostnames is false on " +
             vpc.origin.address + " (R6.3)");
    }
    return from_zone(*best_zone, best_zone_id, name, type, depth, Place{nullptr, vpc_id});
  }
  if (best_endpoint != nullptr) {
    step(StepKind::endpoint_private_dns, name,
         "private DNS of interface endpoint " + best_endpoint->origin.address + " (" + best_endpoint->service_name +
             ")",
         best_endpoint->origin);
    // The hidden zone holds the apex and/or the wildcard; other names in it do not exist.
    for (const auto& pattern : private_dns_names(best_endpoint->service_name))
      if ((pattern.starts_with("*.") && name.size() > pattern.size() - 2 && in_domain(name, pattern.substr(2))) ||
          pattern == name)
        return from_endpoint(*best_endpoint, type);
    return ending(Outcome::nxdomain_in_private_zone, best_endpoint->origin);
  }
  return publicly(Place{nullptr, vpc_id}, name, type, depth);
}

// Why a name that has private answers somewhere resolves publicly from here (R6.9, R6.10).
void Walk::note_invisible_private_names(Place place, const std::string& name) {
  const model::HostedZone* unassociated = nullptr;
  for (const auto& zone : snapshot_.hosted_zones)
    if (zone.private_zone && in_domain(name, zone.name) &&
        (unassociated == nullptr || label_count(zone.name) > label_count(unassociated->name)))
      unassociated = &zone;
  if (unassociated != nullptr)
    step(StepKind::finding, name,
         "private zone " + unassociated->origin.address + " (\"" + unassociated->name + "\") is not associated with " +
             (place.network ? "an inbound endpoint's VPC on this path" : snapshot_.get(place.vpc).origin.address),
         unassociated->origin, Outcome::zone_not_associated);
  if (place.network != nullptr) return;
  auto service = service_for_dns_name(name);
  if (!service) return;
  const model::Vpc& vpc = snapshot_.get(place.vpc);
  for (const auto& endpoint : snapshot_.vpc_endpoints) {
    if (endpoint.vpc.id != place.vpc || endpoint.type != model::VpcEndpointType::interface ||
        canonical_name(endpoint.service_name) != *service)
      continue;
    if (!endpoint.private_dns_enabled)
      step(StepKind::finding, name,
           "interface endpoint " + endpoint.origin.address + " for " + *service + " has private_dns_enabled = false",
           endpoint.origin, Outcome::private_dns_disabled);
    else if (!vpc.enable_dns_hostnames)
      step(StepKind::finding, name,
           "interface endpoint " + endpoint.origin.address + " has private DNS, but enable_dns_hostnames is false",
           vpc.origin, Outcome::dns_hostnames_disabled);
  }
}

// Public DNS: LB names, endpoint-specific names, public zones of the snapshot, AWS
// service names, else the internet.
Result Walk::publicly(Place place, const std::string& name, RecordType type, int depth) {
  note_invisible_private_names(place, name);
  for (const auto& lb : snapshot_.load_balancers) {
    std::string dns_name = canonical_name(lb.dns_name);
    if (dns_name.empty() || (name != dns_name && name != "dualstack." + dns_name)) continue;
    step(StepKind::public_dns, name, "public DNS name of load balancer " + lb.origin.address, lb.origin);
    return from_load_balancer(lb, type);
  }
  for (const auto& endpoint : snapshot_.vpc_endpoints)
    for (const auto& entry : endpoint.dns_entries) {
      std::string dns_name = canonical_name(entry.dns_name);
      if (dns_name != name || !dns_name.ends_with(".vpce.amazonaws.com")) continue;
      step(StepKind::public_dns, name, "endpoint-specific DNS name of " + endpoint.origin.address + " (R6.10)",
           endpoint.origin);
      return from_endpoint(endpoint, type);
    }
  const model::HostedZone* best_zone = nullptr;
  model::HostedZoneId best_zone_id{};
  for (std::size_t i = 0; i < snapshot_.hosted_zones.size(); ++i) {
    const auto& zone = snapshot_.hosted_zones[i];
    if (zone.private_zone || !in_domain(name, zone.name)) continue;
    if (best_zone == nullptr || label_count(zone.name) > label_count(best_zone->name)) {
      best_zone = &zone;
      best_zone_id = static_cast<model::HostedZoneId>(i);
    }
  }
  if (best_zone != nullptr) {
    step(StepKind::public_zone, name, "public hosted zone " + best_zone->origin.address, best_zone->origin);
    return from_zone(*best_zone, best_zone_id, name, type, depth, place);
  }
  Answer answer;
  if (auto service = service_for_dns_name(name)) {
    answer.kind = AnswerKind::public_service;
    answer.subject = *service;
    answer.addresses = net::AddressSet(family_of(type));
    step(StepKind::public_dns, name, "public DNS: public addresses of " + *service, {});
  } else {
    answer.kind = AnswerKind::internet;
    answer.subject = name;
    answer.addresses = net::AddressSet(family_of(type));
    step(StepKind::public_dns, name, "public DNS outside the model", {});
  }
  if (type == RecordType::cname) return ending(Outcome::unknown_outside_model, {});
  return Result{Outcome::answered, {answer}, {}};
}

// ---- zones and records ------------------------------------------------------------------

Result Walk::from_zone(const model::HostedZone& zone, model::HostedZoneId zone_id, const std::string& name,
                       RecordType type, int depth, Place place) {
  Outcome missing = zone.private_zone ? Outcome::nxdomain_in_private_zone : Outcome::nxdomain_in_public_zone;
  std::vector<const model::ResourceRecord*> in_zone;
  for (const auto& record : snapshot_.resource_records)
    if (record.zone.id == zone_id) in_zone.push_back(&record);
  auto named = [&](std::string_view wanted) {
    std::vector<const model::ResourceRecord*> found;
    for (const auto* record : in_zone)
      if (canonical_name(record->name) == wanted) found.push_back(record);
    return found;
  };
  auto exists = [&](std::string_view node) {
    return std::any_of(in_zone.begin(), in_zone.end(),
                       [&](const auto* record) { return in_domain(canonical_name(record->name), node); });
  };
  auto records = named(name);
  if (records.empty() && !exists(name)) {
    // Wildcard at the closest encloser (RFC 4592): the longest existing ancestor.
    std::string_view encloser = parent_name(name);
    while (label_count(encloser) > label_count(zone.name) && !exists(encloser)) encloser = parent_name(encloser);
    records = named("*." + std::string(encloser));
  }
  return from_records(records, name, type, depth, place, missing, zone.origin);
}

Result Walk::from_records(const std::vector<const model::ResourceRecord*>& records, const std::string& name,
                          RecordType type, int depth, Place place, Outcome missing,
                          const model::Origin& zone_origin) {
  for (const auto* record : records) {
    if (record->type != RecordType::cname) continue;
    std::string target = canonical_name(record->alias ? record->alias->name
                                                      : (record->values.empty() ? "" : record->values.front()));
    step(StepKind::record, name, "CNAME record " + record->name + " -> " + target, record->origin);
    if (type == RecordType::cname) {
      Answer answer;
      answer.kind = AnswerKind::canonical_name;
      answer.subject = target;
      answer.owner = record->origin;
      return Result{Outcome::answered, {answer}, record->origin};
    }
    return follow_cname(name, target, record->origin, type, depth, place);
  }
  Result result{missing, {}, zone_origin};
  bool matched = false;
  for (const auto* record : records) {
    if (record->type != type) continue;
    if (!matched) result = Result{Outcome::answered, {}, record->origin};
    matched = true;
    step(StepKind::record, name,
         std::string(model::to_string(record->type)) + " record " + record->name +
             (record->set_identifier.empty() ? "" : " (set " + record->set_identifier + ")"),
         record->origin);
    if (!record->set_identifier.empty())
      assume("the routing policy of " + record->origin.address + " may return any of its record sets");
    if (record->alias) {
      Result target = alias(*record, type, depth, place);
      if (!is_answer(target.outcome)) return target;
      result.answers.insert(result.answers.end(), target.answers.begin(), target.answers.end());
      continue;
    }
    for (const auto& value : record->values) {
      if (auto address = net::IpAddress::try_parse(value))
        result.answers.push_back(address_answer(*address, record->origin));
      else
        assume("record " + record->origin.address + " value \"" + value + "\" is not an address; ignored");
    }
  }
  if (!matched)
    step(StepKind::finding, name,
         "no " + std::string(model::to_string(type)) + " record for " + name + " in the zone; no fall-back", zone_origin,
         missing);
  return result;
}

Result Walk::follow_cname(const std::string& name, const std::string& target, const model::Origin& origin,
                          RecordType type, int depth, Place place) {
  if (target.empty()) return ending(Outcome::unknown_outside_model, origin);
  std::string key = "cname " + target;
  if (target == name || visited_.count(key) != 0) {
    step(StepKind::cname, name, "CNAME chain returns to " + target, origin, Outcome::cname_loop);
    return ending(Outcome::cname_loop, origin);
  }
  visited_.insert("cname " + name);
  visited_.insert(key);
  if (depth + 1 > context_.max_chain) {
    step(StepKind::cname, name, "CNAME chain longer than " + std::to_string(context_.max_chain), origin,
         Outcome::chain_too_long);
    return ending(Outcome::chain_too_long, origin);
  }
  step(StepKind::cname, target, "resolution restarts at " + target + " (R6.8)", origin);
  step(StepKind::query, target, std::string(model::to_string(type)) + " query", {});
  return place.network ? at_external(*place.network, target, type, depth + 1)
                       : in_vpc(place.vpc, target, type, depth + 1);
}

// Alias records (R6.8): to a load balancer, an interface endpoint, or a record of a zone.
Result Walk::alias(const model::ResourceRecord& record, RecordType type, int depth, Place place) {
  const auto& target = *record.alias;
  std::string target_name = canonical_name(target.name);
  std::string lb_name = target_name.starts_with("dualstack.") ? target_name.substr(10) : target_name;
  for (const auto& lb : snapshot_.load_balancers) {
    if (canonical_name(lb.dns_name) != lb_name) continue;
    step(StepKind::alias, record.name, "alias to load balancer " + lb.origin.address, record.origin);
    return from_load_balancer(lb, type);
  }
  for (const auto& endpoint : snapshot_.vpc_endpoints)
    for (const auto& entry : endpoint.dns_entries) {
      std::string entry_name = canonical_name(entry.dns_name);
      if (entry_name.starts_with("*.")) entry_name.erase(0, 2);
      if (entry_name != target_name) continue;
      step(StepKind::alias, record.name, "alias to interface endpoint " + endpoint.origin.address, record.origin);
      return from_endpoint(endpoint, type);
    }
  std::string key = "alias " + target_name;
  if (target_name == canonical_name(record.name) || visited_.count(key) != 0) {
    step(StepKind::alias, record.name, "alias chain returns to " + target_name, record.origin, Outcome::cname_loop);
    return ending(Outcome::cname_loop, record.origin);
  }
  visited_.insert("alias " + canonical_name(record.name));
  visited_.insert(key);
  if (depth + 1 > context_.max_chain) {
    step(StepKind::alias, record.name, "alias chain too long", record.origin, Outcome::chain_too_long);
    return ending(Outcome::chain_too_long, record.origin);
  }
  for (std::size_t i = 0; i < snapshot_.hosted_zones.size(); ++i) {
    const auto& zone = snapshot_.hosted_zones[i];
    bool same_zone = record.zone.id && index(*record.zone.id) == i;
    bool named_zone = !target.zone_id.empty() && zone.origin.aws_id == target.zone_id;
    if (!(named_zone || (target.zone_id.empty() && same_zone)) || !in_domain(target_name, zone.name)) continue;
    step(StepKind::alias, record.name, "alias to record " + target_name + " of zone " + zone.origin.address,
         record.origin);
    return from_zone(zone, static_cast<model::HostedZoneId>(i), target_name, type, depth + 1, place);
  }
  step(StepKind::alias, record.name, "alias to " + target_name + ", which the model does not describe",
       record.origin);
  Answer answer;
  answer.kind = AnswerKind::internet;
  answer.subject = target_name;
  answer.addresses = net::AddressSet(family_of(type));
  answer.owner = record.origin;
  return Result{Outcome::answered, {answer}, record.origin};
}

// LB node addresses: never in state unless pinned; internal LBs answer private
// addresses of their subnets, internet-facing ones public addresses (R2.6, §9 item 17).
Result Walk::from_load_balancer(const model::LoadBalancer& lb, RecordType type) {
  step(StepKind::load_balancer, lb.dns_name,
       std::string(lb.internal ? "internal" : "internet-facing") + " load balancer " + lb.origin.address, lb.origin);
  if (type == RecordType::aaaa && !lb.dualstack) {
    step(StepKind::finding, lb.dns_name, "the load balancer is not dualstack: no AAAA", lb.origin, Outcome::no_data);
    return ending(Outcome::no_data, lb.origin);
  }
  Result result{Outcome::answered, {}, lb.origin};
  if (!lb.internal) {
    Answer answer;
    answer.kind = AnswerKind::public_load_balancer;
    answer.subject = lb.dns_name;
    answer.addresses = net::AddressSet(family_of(type));
    answer.owner = lb.origin;
    result.answers.push_back(std::move(answer));
    return result;
  }
  for (const auto& subnet_ref : lb.subnets) {
    std::optional<net::IpAddress> pinned;
    for (const auto& mapping : lb.subnet_mappings)
      if (mapping.subnet.aws_id == subnet_ref.aws_id && type == RecordType::a) pinned = mapping.private_ipv4_address;
    if (pinned) {
      result.answers.push_back(address_answer(*pinned, lb.origin));
      continue;
    }
    Answer answer;
    answer.kind = AnswerKind::subnet_address;
    answer.subnet = subnet_ref.id;
    answer.subject = subnet_ref.aws_id;
    answer.owner = lb.origin;
    answer.addresses = net::AddressSet(family_of(type));
    if (subnet_ref.id) {
      if (auto cidr = subnet_cidr(snapshot_.get(*subnet_ref.id), type)) answer.addresses = net::AddressSet::of(*cidr);
    } else {
      assume("subnet " + subnet_ref.aws_id + " of " + lb.origin.address + " is not in the loaded state");
    }
    result.answers.push_back(std::move(answer));
  }
  if (result.answers.empty()) return ending(Outcome::no_data, lb.origin);
  return result;
}

// Interface endpoint ENI addresses: concrete when the ENIs (or the endpoint's
// subnet_configuration) are in state, else "some address of each endpoint subnet".
Result Walk::from_endpoint(const model::VpcEndpoint& endpoint, RecordType type) {
  Result result{Outcome::answered, {}, endpoint.origin};
  for (const auto& eni_ref : endpoint.network_interfaces) {
    if (!eni_ref.id) continue;
    const auto& eni = snapshot_.get(*eni_ref.id);
    for (const auto& ip : type == RecordType::aaaa ? eni.ipv6_addresses : eni.private_ips)
      result.answers.push_back(address_answer(ip, endpoint.origin));
  }
  if (result.answers.empty())
    for (const auto& address : endpoint.subnet_addresses) {
      const auto& ip = type == RecordType::aaaa ? address.ipv6 : address.ipv4;
      if (ip) result.answers.push_back(address_answer(*ip, endpoint.origin));
    }
  if (!result.answers.empty()) return result;
  if (type == RecordType::aaaa) {
    assume("the IPv6 addresses of " + endpoint.origin.address + " are not in the model");
    step(StepKind::finding, endpoint.origin.address, "no IPv6 address of the endpoint is known", endpoint.origin,
         Outcome::no_data);
    return ending(Outcome::no_data, endpoint.origin);
  }
  for (const auto& subnet_ref : endpoint.subnets) {
    Answer answer;
    answer.kind = AnswerKind::subnet_address;
    answer.subnet = subnet_ref.id;
    answer.subject = subnet_ref.aws_id;
    answer.owner = endpoint.origin;
    answer.addresses = net::AddressSet(net::IpFamily::v4);
    if (subnet_ref.id && snapshot_.get(*subnet_ref.id).ipv4_cidr)
      answer.addresses = net::AddressSet::of(*snapshot_.get(*subnet_ref.id).ipv4_cidr);
    result.answers.push_back(std::move(answer));
  }
  if (result.answers.empty()) return ending(Outcome::no_data, endpoint.origin);
  return result;
}

// ---- forwarding (R6.7, R6.11-R6.13) -------------------------------------------------------

FlowEnd Walk::endpoint_end(const model::ResolverEndpoint& endpoint, model::ResolverEndpointId id) const {
  FlowEnd end;
  end.resolver_endpoint = id;
  end.origin = endpoint.origin;
  net::AddressSet addresses(net::IpFamily::v4);
  for (const auto& address : endpoint.addresses) {
    if (address.subnet.id) end.subnets.push_back(*address.subnet.id);
    if (address.ip && address.ip->is_v4()) {
      addresses = addresses | net::AddressSet::of(*address.ip);
    } else if (address.subnet.id) {
      if (auto cidr = snapshot_.get(*address.subnet.id).ipv4_cidr) addresses = addresses | net::AddressSet::of(*cidr);
    }
  }
  end.addresses = addresses;
  return end;
}

FlowEnd Walk::network_end(const ExternalNetwork& network) const {
  FlowEnd end;
  end.external_network = network.name;
  end.origin = external_origin(network);
  net::AddressSet addresses(net::IpFamily::v4);
  if (!network.dns_servers.empty()) {
    for (const auto& ip : network.dns_servers)
      if (ip.is_v4()) addresses = addresses | net::AddressSet::of(ip);
  } else {
    for (const auto& prefix : network.prefixes)
      if (prefix.family() == net::IpFamily::v4) addresses = addresses | net::AddressSet::of(prefix);
  }
  end.addresses = addresses;
  return end;
}

const ExternalNetwork* Walk::network_serving(const net::IpAddress& ip) const {
  for (const auto& network : context_.external_networks)
    if (std::find(network.dns_servers.begin(), network.dns_servers.end(), ip) != network.dns_servers.end())
      return &network;
  return nullptr;
}

std::string Walk::destination_key(const net::IpAddress& ip) const {
  bool exact = false;
  if (auto inbound = inbound_endpoint_at(ip, exact)) return "vpc " + snapshot_.get(*inbound).vpc.aws_id;
  if (const auto* network = network_serving(ip)) return "network " + network->name;
  return "address " + ip.to_string();
}

// The inbound endpoint listening on ip: exactly (its IP is in state) or possibly (one of
// its addresses has no IP in state but its subnet holds ip).
std::optional<model::ResolverEndpointId> Walk::inbound_endpoint_at(const net::IpAddress& ip, bool& exact) const {
  std::optional<model::ResolverEndpointId> possible;
  for (std::size_t i = 0; i < snapshot_.resolver_endpoints.size(); ++i) {
    const auto& endpoint = snapshot_.resolver_endpoints[i];
    if (endpoint.direction != model::ResolverDirection::inbound) continue;
    for (const auto& address : endpoint.addresses) {
      if (address.ip && *address.ip == ip) {
        exact = true;
        return static_cast<model::ResolverEndpointId>(i);
      }
      if (!address.ip && address.subnet.id && !possible) {
        auto cidr = snapshot_.get(*address.subnet.id).ipv4_cidr;
        if (cidr && cidr->contains(ip)) possible = static_cast<model::ResolverEndpointId>(i);
      }
    }
  }
  exact = false;
  return possible;
}

Result Walk::forward(const model::ResolverRule& rule, const std::string& name, RecordType type, int depth) {
  if (rule.targets.empty() || rule.resolver_endpoint.empty()) {
    step(StepKind::forward, name, "FORWARD rule without targets or outbound endpoint", rule.origin,
         Outcome::forward_rule_incomplete);
    return ending(Outcome::forward_rule_incomplete, rule.origin);
  }
  FlowEnd from;
  if (rule.resolver_endpoint.id) {
    from = endpoint_end(snapshot_.get(*rule.resolver_endpoint.id), *rule.resolver_endpoint.id);
  } else {
    from.origin.aws_id = rule.resolver_endpoint.aws_id;
    assume("outbound endpoint " + rule.resolver_endpoint.aws_id + " of " + rule.origin.address +
           " is not in the loaded state");
  }
  std::optional<net::IpAddress> chosen;
  std::set<std::string> destinations;
  for (const auto& target : rule.targets) {
    RequiredFlow flow;
    flow.from = from;
    flow.to.addresses = net::AddressSet::of(target.ip);
    if (const auto* network = network_serving(target.ip)) {
      flow.to.external_network = network->name;
      flow.to.origin = external_origin(*network);
    }
    bool exact = false;
    if (auto inbound = inbound_endpoint_at(target.ip, exact)) {
      flow.to.resolver_endpoint = inbound;
      flow.to.origin = snapshot_.get(*inbound).origin;
    }
    flow.port = target.port;
    flow.why = "FORWARD rule for \"" + rule.domain_name + "\" sends the query from its outbound endpoint to " +
               target.ip.to_string();
    flow.decided_by = rule.origin;
    step(StepKind::forward, name, "via outbound endpoint to " + target.ip.to_string() + ":" +
                                      std::to_string(target.port),
         rule.resolver_endpoint.id ? snapshot_.get(*rule.resolver_endpoint.id).origin : rule.origin);
    if (require(std::move(flow)) == FlowStatus::fails) continue;
    destinations.insert(destination_key(target.ip));
    if (!chosen) chosen = target.ip;
  }
  if (!chosen) {
    step(StepKind::finding, name, "no forward target is reachable", rule.origin, Outcome::resolver_unreachable);
    return ending(Outcome::resolver_unreachable, rule.origin);
  }
  if (destinations.size() > 1) assume("the targets of " + rule.origin.address + " answer alike");
  return at_target(*chosen, rule.origin, name, type, depth + 1, false);
}

// A query sent to `target` by a forward rule (from_outside false) or an external
// forwarder (from_outside true).
Result Walk::at_target(const net::IpAddress& target, const model::Origin& why_origin, const std::string& name,
                       RecordType type, int depth, bool from_outside) {
  bool exact = false;
  if (auto inbound = inbound_endpoint_at(target, exact)) {
    if (!exact)
      assume(target.to_string() + " is the address of " + snapshot_.get(*inbound).origin.address +
             " in its subnet (the address is not in state)");
    return at_inbound_endpoint(*inbound, name, type, depth);
  }
  if (const auto* network = network_serving(target)) return at_external(*network, name, type, depth);
  if (from_outside) {
    for (const auto& vpc : snapshot_.vpcs) {
      if (vpc.ipv4_cidrs.empty()) continue;
      auto base = vpc.ipv4_cidrs.front().network();
      bool base_plus_two = base.is_v4() && target == net::IpAddress(net::Ipv4Address(base.v4().value() + 2));
      if (base_plus_two || target == net::IpAddress::parse("169.254.169.253")) {
        step(StepKind::finding, name,
             target.to_string() + " is an Amazon resolver address, not an inbound endpoint (R6.13)",
             base_plus_two ? vpc.origin : why_origin, Outcome::target_not_inbound_endpoint);
        return ending(Outcome::target_not_inbound_endpoint, base_plus_two ? vpc.origin : why_origin);
      }
    }
  }
  step(StepKind::finding, name, target.to_string() + " is a DNS server the model does not describe", why_origin,
       Outcome::unknown_outside_model);
  Answer answer;
  answer.kind = AnswerKind::outside_model;
  answer.subject = target.to_string();
  answer.addresses = net::AddressSet(family_of(type));
  return Result{Outcome::unknown_outside_model, {answer}, why_origin};
}

// R6.11: a query at an inbound endpoint resolves exactly as in the endpoint's VPC.
Result Walk::at_inbound_endpoint(model::ResolverEndpointId endpoint_id, const std::string& name, RecordType type,
                                 int depth) {
  const auto& endpoint = snapshot_.get(endpoint_id);
  step(StepKind::inbound_endpoint, name, "Resolver inbound endpoint " + endpoint.origin.address, endpoint.origin);
  if (!endpoint.vpc.id) {
    assume("the VPC " + endpoint.vpc.aws_id + " of " + endpoint.origin.address + " is not in the loaded state");
    return ending(Outcome::unknown_outside_model, endpoint.origin);
  }
  return in_vpc(*endpoint.vpc.id, name, type, depth);
}

// ---- external networks -----------------------------------------------------------------

Result Walk::from_external_records(const ExternalNetwork& network, const std::string& name, RecordType type,
                                   int depth) {
  model::Origin origin = external_origin(network);
  std::vector<const ExternalRecord*> records;
  for (const auto& record : network.records)
    if (canonical_name(record.name) == name) records.push_back(&record);
  if (records.empty())
    for (std::string_view node = parent_name(name); !node.empty() && records.empty(); node = parent_name(node))
      for (const auto& record : network.records)
        if (canonical_name(record.name) == "*." + std::string(node)) records.push_back(&record);
  Result result{Outcome::answered, {}, origin};
  for (const auto* record : records) {
    if (record->type == RecordType::cname && type != RecordType::cname && !record->values.empty()) {
      step(StepKind::external_server, name, "declared CNAME -> " + record->values.front(), origin);
      Place place{&network, {}};
      return follow_cname(name, canonical_name(record->values.front()), origin, type, depth, place);
    }
    if (record->type != type) continue;
    step(StepKind::external_server, name, "declared " + std::string(model::to_string(type)) + " record", origin);
    for (const auto& value : record->values) {
      if (type == RecordType::cname) {
        Answer answer;
        answer.kind = AnswerKind::canonical_name;
        answer.subject = canonical_name(value);
        answer.owner = origin;
        result.answers.push_back(std::move(answer));
      } else if (auto address = net::IpAddress::try_parse(value)) {
        result.answers.push_back(address_answer(*address, origin));
      }
    }
  }
  if (!result.answers.empty()) return result;
  step(StepKind::external_server, name, "no declared record: the answer of " + network.name + " is unknown", origin,
       Outcome::unknown_outside_model);
  Answer answer;
  answer.kind = AnswerKind::outside_model;
  answer.subject = network.name;
  answer.addresses = net::AddressSet(family_of(type));
  return Result{Outcome::unknown_outside_model, {answer}, origin};
}

Result Walk::at_external(const ExternalNetwork& network, const std::string& name, RecordType type, int depth) {
  model::Origin origin = external_origin(network);
  Result result;
  if (!enter("network " + network.name, name, depth, origin, result)) return result;
  // Zones the network's servers answer for.
  const std::string* zone = nullptr;
  for (const auto& candidate : network.zones)
    if (in_domain(name, canonical_name(candidate)) &&
        (zone == nullptr || label_count(canonical_name(candidate)) > label_count(canonical_name(*zone))))
      zone = &candidate;
  // Conditional forwarders: the most specific domain wins.
  const ConditionalForwarder* forwarder = nullptr;
  for (const auto& candidate : network.forwarders)
    if (in_domain(name, canonical_name(candidate.domain)) &&
        (forwarder == nullptr ||
         label_count(canonical_name(candidate.domain)) > label_count(canonical_name(forwarder->domain))))
      forwarder = &candidate;
  if (zone != nullptr &&
      (forwarder == nullptr || label_count(canonical_name(*zone)) >= label_count(canonical_name(forwarder->domain)))) {
    step(StepKind::external_server, name, "DNS servers of " + network.name + " answer for zone \"" + *zone + "\"",
         origin);
    return from_external_records(network, name, type, depth);
  }
  if (forwarder == nullptr) {
    step(StepKind::finding, name, "no conditional forwarder of " + network.name + " covers " + name, origin,
         Outcome::no_forwarder);
    return publicly(Place{&network, {}}, name, type, depth);
  }
  step(StepKind::conditional_forwarder, name, "conditional forwarder \"" + forwarder->domain + "\" of " + network.name,
       origin);
  // Targets: the declared IPs, else every address of the named resolver endpoint.
  struct Target {
    std::optional<net::IpAddress> ip;
    FlowEnd end;
  };
  std::vector<Target> targets;
  for (const auto& ip : forwarder->targets) {
    Target target{ip, FlowEnd{}};
    target.end.addresses = net::AddressSet::of(ip);
    bool exact = false;
    if (auto inbound = inbound_endpoint_at(ip, exact)) {
      const auto& endpoint = snapshot_.get(*inbound);
      target.end.resolver_endpoint = inbound;
      target.end.origin = endpoint.origin;
      for (const auto& address : endpoint.addresses)
        if (address.subnet.id && (!address.ip || *address.ip == ip)) target.end.subnets.push_back(*address.subnet.id);
    }
    targets.push_back(std::move(target));
  }
  if (forwarder->targets.empty() && forwarder->resolver_endpoint) {
    const auto& endpoint = snapshot_.get(*forwarder->resolver_endpoint);
    targets.push_back(Target{std::nullopt, endpoint_end(endpoint, *forwarder->resolver_endpoint)});
  }
  if (targets.empty()) {
    step(StepKind::finding, name, "the conditional forwarder has no targets", origin, Outcome::no_forwarder);
    return ending(Outcome::no_forwarder, origin);
  }
  const Target* chosen = nullptr;
  std::set<std::string> destinations;
  for (const auto& target : targets) {
    RequiredFlow flow;
    flow.from = network_end(network);
    flow.to = target.end;
    flow.why = "conditional forwarder \"" + forwarder->domain + "\" of " + network.name + " sends the query to " +
               (target.ip ? target.ip->to_string() : target.end.origin.address);
    flow.decided_by = target.end.origin.empty() ? origin : target.end.origin;
    if (require(std::move(flow)) == FlowStatus::fails) continue;
    destinations.insert(target.ip ? destination_key(*target.ip) : "vpc " + target.end.origin.aws_id);
    if (chosen == nullptr) chosen = &target;
  }
  if (chosen == nullptr) {
    const model::Origin& decided = targets.front().end.origin.empty() ? origin : targets.front().end.origin;
    step(StepKind::finding, name, "no target of the conditional forwarder is reachable on port 53", decided,
         Outcome::resolver_unreachable);
    return ending(Outcome::resolver_unreachable, decided);
  }
  if (destinations.size() > 1)
    assume("the targets of the conditional forwarder \"" + forwarder->domain + "\" answer alike");
  if (!chosen->ip) return at_inbound_endpoint(*chosen->end.resolver_endpoint, name, type, depth + 1);
  return at_target(*chosen->ip, origin, name, type, depth + 1, true);
}

}  // namespace

Resolution resolve(const model::Snapshot& snapshot, std::string_view name_text, model::RecordType type,
                   const Vantage& vantage, const DnsContext& context) {
  Resolution resolution;
  resolution.name = canonical_name(name_text);
  resolution.type = type;
  if (type != RecordType::a && type != RecordType::aaaa && type != RecordType::cname) {
    resolution.outcome = Outcome::unsupported_query_type;
    return resolution;
  }
  Walk walk(snapshot, context, resolution);
  Result result;
  resolution.steps.push_back(Step{StepKind::query, resolution.name,
                                  std::string(model::to_string(type)) + " query from " + vantage.to_string(snapshot),
                                  {}, std::nullopt});
  if (vantage.kind == VantageKind::vpc) {
    MOAT_ASSERT(vantage.vpc.has_value(), "a VPC vantage names its VPC");
    result = walk.in_vpc(*vantage.vpc, resolution.name, type, 0);
  } else {
    const ExternalNetwork* network = context.find_network(vantage.network);
    if (network == nullptr)
      throw ParseError("[moat.dns] vantage names external network \"" + vantage.network +
                       "\", which the DnsContext does not declare");
    result = walk.at_external(*network, resolution.name, type, 0);
  }
  resolution.outcome = result.outcome;
  resolution.answers = std::move(result.answers);
  resolution.decided_by = std::move(result.decided_by);
  if (resolution.outcome == Outcome::answered && !resolution.answers.empty() &&
      std::all_of(resolution.answers.begin(), resolution.answers.end(), [](const Answer& a) { return a.is_public(); }))
    resolution.outcome = Outcome::resolves_to_public;
  return resolution;
}

}  // namespace moat::dns
