#pragma once
// NetworkAclEntry: one numbered, stateless allow/deny rule of a NACL (R3.7).

#include <cstdint>
#include <optional>
#include <string_view>

#include "moat/model/origin.hpp"
#include "moat/net/port_set.hpp"
#include "moat/net/prefix.hpp"
#include "moat/net/protocol_set.hpp"

namespace moat::model {

enum class NetworkAclAction : std::uint8_t { allow, deny };

std::string_view to_string(NetworkAclAction action);  // "allow" / "deny"

struct NetworkAclEntry {
  int rule_number = 0;  // 1..32766 (32767 = the implicit "*" rule, never stored)
  bool egress = false;
  NetworkAclAction action = NetworkAclAction::deny;
  net::ProtocolSet protocols;
  net::PortSet ports;  // TCP/UDP ports, ICMP type/code encoding, all for others
  std::optional<net::Prefix> cidr;  // IPv4 or IPv6; always set for a loaded entry
  Origin origin;  // the NACL (inline) or the aws_network_acl_rule
};

}  // namespace moat::model
