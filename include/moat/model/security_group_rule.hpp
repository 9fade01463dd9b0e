#pragma once
// SecurityGroupRule: one allow rule, normalised from any of the four Terraform sources
// (inline ingress/egress, aws_security_group_rule, aws_vpc_security_group_ingress_rule /
// _egress_rule). One rule has exactly one peer; a source block listing several CIDRs
// becomes several rules. Ports follow net::PortSet: TCP/UDP destination ports, ICMP
// (type << 8 | code), all ports for every other protocol (R3.5).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"
#include "moat/net/port_set.hpp"
#include "moat/net/prefix.hpp"
#include "moat/net/protocol_set.hpp"

namespace moat::model {

enum class RuleDirection : std::uint8_t { ingress, egress };

std::string_view to_string(RuleDirection direction);  // "ingress" / "egress"

enum class SecurityGroupPeerKind : std::uint8_t {
  prefix,          // IPv4 or IPv6 CIDR
  prefix_list,     // pl-…
  security_group,  // another SG (or this one, written by id)
  self,            // the rule's own SG (security_group holds it too)
};

struct SecurityGroupPeer {
  SecurityGroupPeerKind kind = SecurityGroupPeerKind::prefix;
  std::optional<net::Prefix> prefix;    // kind == prefix
  std::string prefix_list_id;           // kind == prefix_list
  Ref<SecurityGroupId> security_group;  // kind == security_group or self; aws_id may carry
                                        // an "account/sg-…" form across accounts
  std::string to_string() const;  // "10.0.0.0/8", "pl-…", "sg-…", "self"
  friend bool operator==(const SecurityGroupPeer&, const SecurityGroupPeer&) = default;
};

struct SecurityGroupRule {
  RuleDirection direction = RuleDirection::ingress;
  net::ProtocolSet protocols;
  net::PortSet ports;
  SecurityGroupPeer peer;
  std::string description;
  Origin origin;  // the SG (inline) or the rule resource
};

}  // namespace moat::model
