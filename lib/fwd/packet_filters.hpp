#pragma once
// Private to lib/fwd: evaluation of security groups (stateful allow-lists, R3.1-R3.5)
// and network ACLs (stateless, first match, final deny, R3.7-R3.8) over PacketSets,
// plus the address facts the traversal shares (public IPv4 space).

#include <optional>
#include <string>
#include <vector>

#include "moat/graph/forwarding_graph.hpp"
#include "moat/model/network_acl.hpp"
#include "moat/model/security_group_rule.hpp"
#include "moat/net/packet_set.hpp"

namespace moat::fwd::detail {

// Every IPv4 address that is neither private (RFC 1918), shared (RFC 6598), loopback,
// link-local, "this network", multicast nor reserved.
const net::AddressSet& public_ipv4();

// Packets of `packets` with the destination replaced by any address of `destinations`.
net::PacketSet with_destination_rewritten(const net::PacketSet& packets, const net::AddressSet& destinations);

struct Denied {
  net::PacketSet packets;
  std::string address;  // the deciding resource
  std::string detail;
};

struct NaclOutcome {
  net::PacketSet allowed;
  std::vector<Denied> denied;
  std::string rules;  // the allow rules that matched ("rule 100 allow")
};

// egress: the outbound direction (the rule CIDR matches the destination).
NaclOutcome evaluate_nacl(const model::NetworkAcl& acl, bool egress, const net::PacketSet& packets);

struct SgOutcome {
  net::PacketSet allowed;  // certainly allowed
  net::PacketSet maybe;    // allowed only if an AWS-managed prefix list holds the peer (R1.11)
  // Egress to members of an SG whose addresses state lacks: allowed only if the packet
  // is in the end delivered to an ENI carrying that SG.
  std::vector<std::pair<net::PacketSet, model::SecurityGroupId>> conditional;
  std::string rules;      // the rules that matched
  std::string addresses;  // Terraform addresses of the SGs (for drops)
};

// source_group: the group that sent the packets when they are still the ENI's own
// (untranslated, no middlebox): SG references match only its private addresses (R3.4).
SgOutcome evaluate_security_groups(const graph::ForwardingGraph& graph,
                                   const std::vector<model::SecurityGroupId>& security_groups,
                                   model::RuleDirection direction, const net::PacketSet& packets,
                                   std::optional<std::uint32_t> source_group);

}  // namespace moat::fwd::detail
