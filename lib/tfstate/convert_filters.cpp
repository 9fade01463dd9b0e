// Converters for security groups, their rules, network ACLs and managed prefix lists.

#include <algorithm>

#include "builder.hpp"
#include "convert_common.hpp"
#include "converters.hpp"
#include "keys.hpp"

namespace moat::tfstate {

namespace a = keys::attr;
using namespace moat::model;

namespace {

bool same_rule(const SecurityGroupRule& x, const SecurityGroupRule& y) {
  return x.direction == y.direction && x.protocols == y.protocols && x.ports == y.ports && x.peer == y.peer;
}

// Adds a rule unless an identical one (direction, protocols, ports, peer) is there (R3.6);
// a rule resource's origin replaces the SG's inline origin.
void add_rule(SecurityGroup& group, SecurityGroupRule rule, bool standalone) {
  if (rule.peer.kind == SecurityGroupPeerKind::security_group && rule.peer.security_group.aws_id == group.origin.aws_id) {
    rule.peer.kind = SecurityGroupPeerKind::self;
  }
  for (auto& existing : group.rules) {
    if (!same_rule(existing, rule)) continue;
    if (standalone) existing.origin = std::move(rule.origin);
    return;
  }
  group.rules.push_back(std::move(rule));
}

// Expands one rule block (several peers) into one rule per peer.
struct RuleTemplate {
  RuleDirection direction;
  ProtocolPorts protocol;
  std::string description;
  Origin origin;
};

void add_peer_rules(const Attributes& block, SecurityGroup& group, const RuleTemplate& base, bool standalone,
                    std::string_view cidr_key, std::string_view ipv6_key, std::string_view prefix_lists_key,
                    std::string_view groups_key) {
  auto make = [&](SecurityGroupPeer peer) {
    SecurityGroupRule rule;
    rule.direction = base.direction;
    rule.protocols = base.protocol.protocols;
    rule.ports = base.protocol.ports;
    rule.peer = std::move(peer);
    rule.description = base.description;
    rule.origin = base.origin;
    add_rule(group, std::move(rule), standalone);
  };
  for (auto key : {cidr_key, ipv6_key}) {
    for (const auto& text : block.strings(key)) {
      SecurityGroupPeer peer;
      peer.prefix = block.prefix_text(text, key);
      make(std::move(peer));
    }
  }
  for (auto& id : block.strings(prefix_lists_key)) {
    SecurityGroupPeer peer;
    peer.kind = SecurityGroupPeerKind::prefix_list;
    peer.prefix_list_id = std::move(id);
    make(std::move(peer));
  }
  for (auto& id : block.strings(groups_key)) {
    SecurityGroupPeer peer;
    peer.kind = SecurityGroupPeerKind::security_group;
    peer.security_group = ref_to<SecurityGroupId>(std::move(id));
    make(std::move(peer));
  }
  if (block.boolean(a::self, false)) {
    SecurityGroupPeer peer;
    peer.kind = SecurityGroupPeerKind::self;
    peer.security_group = ref_to<SecurityGroupId>(group.origin.aws_id);
    make(std::move(peer));
  }
}

RuleDirection direction_of(const Resource& r, const std::string& type) {
  if (type == keys::value::egress) return RuleDirection::egress;
  if (type != keys::value::ingress) {
    r.attributes.fail(a::type, "type \"" + type + "\" should be \"ingress\" or \"egress\"");
  }
  return RuleDirection::ingress;
}

NetworkAclEntry nacl_entry(const Attributes& block, bool egress, std::string_view number_key, std::string_view action_key,
                           Origin origin) {
  NetworkAclEntry entry;
  entry.egress = egress;
  entry.rule_number = static_cast<int>(block.integer(number_key).value_or(0));
  entry.action = block.str(action_key) == keys::value::allow ? NetworkAclAction::allow : NetworkAclAction::deny;
  auto protocol = protocol_ports(block, a::protocol, a::from_port, a::to_port, a::icmp_type, a::icmp_code);
  entry.protocols = protocol.protocols;
  entry.ports = protocol.ports;
  entry.cidr = block.prefix(a::cidr_block);
  if (!entry.cidr) entry.cidr = block.prefix(a::ipv6_cidr_block);
  entry.origin = std::move(origin);
  return entry;
}

void add_entry(Builder& builder, const Resource& r, NetworkAcl& acl, NetworkAclEntry entry) {
  if (!entry.cidr) {
    builder.warn("nacl.no_cidr", r, "NACL rule " + std::to_string(entry.rule_number) + " has no CIDR: ignored");
    return;
  }
  for (auto& existing : acl.entries) {
    if (existing.egress == entry.egress && existing.rule_number == entry.rule_number) {
      if (entry.origin.address != acl.origin.address) existing.origin = std::move(entry.origin);
      return;
    }
  }
  acl.entries.push_back(std::move(entry));
}

}  // namespace

void convert_security_group(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  SecurityGroup group;
  group.origin = r.origin(aws_id_of(at));
  group.name = at.str(a::name);
  group.vpc = ref<VpcId>(at, a::vpc_id);
  group.is_default = r.raw.type == keys::resource::default_security_group || group.name == keys::value::default_group_name;
  group.rules_known = !r.raw.data;
  for (auto direction : {RuleDirection::ingress, RuleDirection::egress}) {
    for (const auto& block : at.objects(direction == RuleDirection::ingress ? a::ingress : a::egress)) {
      RuleTemplate base{direction, protocol_ports(block, a::protocol, a::from_port, a::to_port), block.str(a::description),
                        group.origin};
      add_peer_rules(block, group, base, false, a::cidr_blocks, a::ipv6_cidr_blocks, a::prefix_list_ids, a::security_groups);
    }
  }
  builder.add(std::move(group), r);
}

void convert_security_group_rule(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  std::string id = at.str(a::security_group_id);
  SecurityGroup* group = builder.find<SecurityGroup>(id);
  if (group == nullptr) return builder.missing_owner(r, "security group", id, "rule ignored");
  RuleTemplate base{direction_of(r, at.str(a::type)), protocol_ports(at, a::protocol, a::from_port, a::to_port),
                    at.str(a::description), r.origin(aws_id_of(at))};
  add_peer_rules(at, *group, base, true, a::cidr_blocks, a::ipv6_cidr_blocks, a::prefix_list_ids, a::source_security_group_id);
}

void convert_vpc_security_group_rule(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  std::string id = at.str(a::security_group_id);
  SecurityGroup* group = builder.find<SecurityGroup>(id);
  if (group == nullptr) return builder.missing_owner(r, "security group", id, "rule ignored");
  auto direction = r.raw.type == keys::resource::vpc_security_group_egress_rule ? RuleDirection::egress : RuleDirection::ingress;
  RuleTemplate base{direction, protocol_ports(at, a::ip_protocol, a::from_port, a::to_port), at.str(a::description),
                    r.origin(aws_id_of(at))};
  add_peer_rules(at, *group, base, true, a::cidr_ipv4, a::cidr_ipv6, a::prefix_list_id, a::referenced_security_group_id);
}

void convert_network_acl(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  NetworkAcl acl;
  acl.origin = r.origin(aws_id_of(at));
  acl.vpc = ref<VpcId>(at, a::vpc_id);
  acl.is_default = r.raw.type == keys::resource::default_network_acl || at.boolean(a::default_, false);
  for (bool egress : {false, true}) {
    for (const auto& block : at.objects(egress ? a::egress : a::ingress)) {
      add_entry(builder, r, acl, nacl_entry(block, egress, a::rule_no, a::action, acl.origin));
    }
  }
  std::string acl_id = acl.origin.aws_id;
  bool added = builder.add(std::move(acl), r).has_value();
  if (!added && r.raw.data) return;
  auto subnets = at.strings(a::subnet_ids);
  if (subnets.empty()) subnets = at.strings(a::subnet_id);  // provider < v2 (removed in v2.0.0)
  for (auto& subnet : subnets) {
    builder.subnet_network_acls.push_back({std::move(subnet), acl_id, r.origin(acl_id), r.raw.data});
  }
}

void convert_network_acl_rule(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  std::string id = at.str(a::network_acl_id);
  NetworkAcl* acl = builder.find<NetworkAcl>(id);
  if (acl == nullptr) return builder.missing_owner(r, "network ACL", id, "rule ignored");
  add_entry(builder, r, *acl, nacl_entry(at, at.boolean(a::egress, false), a::rule_number, a::rule_action, r.origin(aws_id_of(at))));
}

void convert_network_acl_association(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  builder.subnet_network_acls.push_back({at.str(a::subnet_id), at.str(a::network_acl_id), r.origin(aws_id_of(at)), r.raw.data});
}

void convert_managed_prefix_list(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  ManagedPrefixList list;
  list.origin = r.origin(aws_id_of(at));
  list.name = at.str(a::name);
  list.aws_managed = at.str(a::owner_id) == keys::value::aws_owner || r.raw.type == keys::resource::prefix_list;
  for (auto key : {a::entry, a::entries}) {
    for (const auto& entry : at.objects(key)) {
      if (auto prefix = entry.prefix(a::cidr)) list.entries.push_back(*prefix);
      list.entries_known = true;
    }
  }
  for (const auto& text : at.strings(a::cidr_blocks)) {
    list.entries.push_back(at.prefix_text(text, a::cidr_blocks));
    list.entries_known = true;
  }
  // A customer list from state holds all its entries even when empty.
  if (!list.aws_managed && !r.raw.data) list.entries_known = true;
  builder.add(std::move(list), r);
}

void convert_managed_prefix_list_entry(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  std::string id = at.str(a::prefix_list_id);
  ManagedPrefixList* list = builder.find<ManagedPrefixList>(id);
  if (list == nullptr) return builder.missing_owner(r, "prefix list", id, "entry ignored");
  if (auto prefix = at.prefix(a::cidr)) {
    if (std::find(list->entries.begin(), list->entries.end(), *prefix) == list->entries.end()) list->entries.push_back(*prefix);
  }
}

}  // namespace moat::tfstate
