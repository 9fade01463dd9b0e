#include "packet_filters.hpp"

#include <algorithm>

#include "dual_stack.hpp"

namespace moat::fwd::detail {

namespace {

net::HeaderBox box_of(const net::AddressSet& source, const net::AddressSet& destination, const net::ProtocolSet& protocols,
                      const net::PortSet& ports) {
  return net::HeaderBox{source, destination, protocols, ports};
}

net::PacketSet matching(bool peer_is_destination, const net::AddressSet& peer, const net::ProtocolSet& protocols,
                        const net::PortSet& ports) {
  if (peer.empty()) return {};
  auto all = net::AddressSet::all(peer.family());
  return peer_is_destination ? net::PacketSet::of(box_of(all, peer, protocols, ports))
                             : net::PacketSet::of(box_of(peer, all, protocols, ports));
}

std::string join(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty() || a.find(b) != std::string::npos) return a;
  return a + ", " + b;
}

std::string rule_text(const model::SecurityGroupRule& rule) {
  std::string text = "sg rule " + rule.protocols.to_string();
  if (!rule.ports.is_all()) text += " " + rule.ports.to_string();
  text += rule.direction == model::RuleDirection::ingress ? " from " : " to ";
  text += rule.peer.to_string();
  return text;
}

}  // namespace

const net::AddressSet& public_ipv4() {
  static const net::AddressSet set = [] {
    auto all = net::AddressSet::all(net::IpFamily::v4);
    for (const char* text : {"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
                             "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4"}) {
      all = all - net::AddressSet::of(net::Prefix::parse(text));
    }
    return all;
  }();
  return set;
}

const net::AddressSet& public_ipv6() {
  static const net::AddressSet set = net::AddressSet::of(net::Prefix::parse("2000::/3"));
  return set;
}

const net::AddressSet& nat64_prefix() {
  static const net::AddressSet set = net::AddressSet::of(net::Prefix::parse("64:ff9b::/96"));
  return set;
}

net::PacketSet with_destination_rewritten(const net::PacketSet& packets, const net::AddressSet& destinations) {
  net::PacketSet result;
  for (const auto& box : packets.boxes()) {
    if (box.family() != destinations.family()) continue;
    net::HeaderBox rewritten = box;
    rewritten.destination = destinations;
    result = result | net::PacketSet::of(rewritten);
  }
  return result;
}

NaclOutcome evaluate_nacl(const model::NetworkAcl& acl, bool egress, const net::PacketSet& packets) {
  NaclOutcome outcome;
  net::PacketSet remaining = packets;
  std::vector<const model::NetworkAclEntry*> entries;
  for (const auto& entry : acl.entries) {
    if (entry.egress == egress && entry.cidr) entries.push_back(&entry);
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto* a, const auto* b) { return a->rule_number < b->rule_number; });
  for (const auto* entry : entries) {
    if (remaining.empty()) break;
    auto matched = remaining & matching(egress, net::AddressSet::of(*entry->cidr), entry->protocols, entry->ports);
    if (matched.empty()) continue;
    remaining = remaining - matched;
    std::string text = "nacl " + std::string(egress ? "outbound" : "inbound") + " rule " +
                       std::to_string(entry->rule_number) + " " + std::string(model::to_string(entry->action)) + " " +
                       entry->protocols.to_string() + " " + entry->ports.to_string() + " " + entry->cidr->to_string();
    std::string address = entry->origin.address.empty() ? acl.origin.address : entry->origin.address;
    if (entry->action == model::NetworkAclAction::allow) {
      outcome.allowed = outcome.allowed | matched;
      outcome.rules = join(outcome.rules, text);
    } else {
      outcome.denied.push_back({std::move(matched), address, text});
    }
  }
  if (!remaining.empty()) {
    outcome.denied.push_back({std::move(remaining), acl.origin.address,
                              std::string("nacl ") + (egress ? "outbound" : "inbound") + " final rule * deny"});
  }
  return outcome;
}

SgOutcome evaluate_security_groups(const graph::ForwardingGraph& graph,
                                   const std::vector<model::SecurityGroupId>& security_groups,
                                   model::RuleDirection direction, const net::PacketSet& packets,
                                   std::optional<std::uint32_t> source_group, std::string_view service_list) {
  const auto& snapshot = graph.snapshot();
  const bool egress = direction == model::RuleDirection::egress;
  SgOutcome outcome;
  for (auto sg_id : security_groups) {
    const auto& sg = snapshot.get(sg_id);
    outcome.addresses = join(outcome.addresses, sg.origin.address);
    for (const auto& rule : sg.rules) {
      if (rule.direction != direction) continue;
      const auto& peer = rule.peer;
      switch (peer.kind) {
        case model::SecurityGroupPeerKind::prefix: {
          if (!peer.prefix) break;
          auto matched = packets & matching(egress, net::AddressSet::of(*peer.prefix), rule.protocols, rule.ports);
          if (matched.empty()) break;
          outcome.allowed = outcome.allowed | matched;
          outcome.rules = join(outcome.rules, rule_text(rule));
          break;
        }
        case model::SecurityGroupPeerKind::prefix_list: {
          auto list = snapshot.find<model::ManagedPrefixList>(peer.prefix_list_id);
          if (!service_list.empty() && peer.prefix_list_id == service_list) {
            auto matched = packets & (matching(egress, net::AddressSet::all(net::IpFamily::v4), rule.protocols, rule.ports) |
                                      matching(egress, net::AddressSet::all(net::IpFamily::v6), rule.protocols, rule.ports));
            if (matched.empty()) break;
            outcome.allowed = outcome.allowed | matched;
            outcome.rules = join(outcome.rules, rule_text(rule));
          } else if (list && snapshot.get(*list).entries_known) {
            auto set = DualAddressSet::of(std::span<const net::Prefix>(snapshot.get(*list).entries));
            auto matched = (packets & matching(egress, set.v4, rule.protocols, rule.ports)) |
                           (packets & matching(egress, set.v6, rule.protocols, rule.ports));
            if (matched.empty()) break;
            outcome.allowed = outcome.allowed | matched;
            outcome.rules = join(outcome.rules, rule_text(rule));
          } else {
            // An AWS-managed list: some public addresses we cannot name (R1.11).
            outcome.maybe = outcome.maybe | (packets & matching(egress, public_ipv4(), rule.protocols, rule.ports)) |
                            (packets & matching(egress, public_ipv6(), rule.protocols, rule.ports));
          }
          break;
        }
        case model::SecurityGroupPeerKind::security_group:
        case model::SecurityGroupPeerKind::self: {
          auto referenced = peer.kind == model::SecurityGroupPeerKind::self ? std::optional(sg_id) : peer.security_group.id;
          if (!referenced) break;
          if (!egress) {
            // Ingress: matches only packets an ENI carrying the SG sent itself (R3.4).
            if (!source_group) break;
            const auto& sender = graph.groups()[*source_group];
            if (std::find(sender.security_groups.begin(), sender.security_groups.end(), *referenced) ==
                sender.security_groups.end())
              break;
            // Both families: a referenced SG matches the members' IPv6 addresses too.
            auto matched = (packets & matching(false, sender.addresses, rule.protocols, rule.ports)) |
                           (packets & matching(false, sender.ipv6_addresses, rule.protocols, rule.ports));
            if (matched.empty()) break;
            outcome.allowed = outcome.allowed | matched;
            outcome.rules = join(outcome.rules, rule_text(rule));
            break;
          }
          DualAddressSet known, unknown;
          for (auto member : graph.members_of(*referenced)) {
            const auto& group = graph.groups()[member];
            auto& v4 = group.addresses_known ? known.v4 : unknown.v4;
            v4 = v4 | group.addresses;
            auto& v6 = group.ipv6_addresses_known ? known.v6 : unknown.v6;
            v6 = v6 | group.ipv6_addresses;
          }
          auto certain = (packets & matching(true, known.v4, rule.protocols, rule.ports)) |
                         (packets & matching(true, known.v6, rule.protocols, rule.ports));
          if (!certain.empty()) {
            outcome.allowed = outcome.allowed | certain;
            outcome.rules = join(outcome.rules, rule_text(rule));
          }
          auto conditional = ((packets & matching(true, unknown.v4, rule.protocols, rule.ports)) |
                              (packets & matching(true, unknown.v6, rule.protocols, rule.ports))) -
                             certain;
          if (!conditional.empty()) {
            outcome.conditional.emplace_back(std::move(conditional), *referenced);
            outcome.rules = join(outcome.rules, rule_text(rule));
          }
          break;
        }
      }
    }
  }
  outcome.maybe = outcome.maybe - outcome.allowed;
  for (auto& [set, sg] : outcome.conditional) set = set - outcome.allowed - outcome.maybe;
  std::erase_if(outcome.conditional, [](const auto& entry) { return entry.first.empty(); });
  return outcome;
}

}  // namespace moat::fwd::detail
