#pragma once
// Private to lib/fwd: evaluation of security groups (stateful allow-lists, R3.1-R3.5)
// and network ACLs (stateless, first match, final deny, R3.7-R3.8) over PacketSets,
// plus the address facts the traversal shares (public IPv4 and IPv6 space). Rules of one
// family never match packets of the other (R3.5, R3.7): every peer is a family's set.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "moat/graph/forwarding_graph.hpp"
#include "moat/model/network_acl.hpp"
#include "moat/model/security_group_rule.hpp"
#include "moat/net/packet_set.hpp"

namespace moat::fwd::detail {

// Every IPv4 address that is neither private (RFC 1918), shared (RFC 6598), loopback,
// link-local, "this network", multicast nor reserved.
const net::AddressSet& public_ipv4();

// The IPv6 addresses the internet routes: global unicast, 2000::/3 (RFC 4291 §2.4). The
// internet as a source sends from these; unique-local (fc00::/7, e.g. IPAM private
// IPv6), link-local and the rest are not internet addresses.
const net::AddressSet& public_ipv6();

// The well-known NAT64 prefix 64:ff9b::/96 (RFC 6052): IPv6 names of IPv4 addresses that a
// NAT gateway translates (DNS64/NAT64). Sending there is a way to the IPv4 internet.
const net::AddressSet& nat64_prefix();

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
// service_list: the AWS-managed prefix list (entries not in state) whose service the
// packets are addressed to, if any: a rule naming it matches them all (their addresses
// stand for the list's, R1.11).
SgOutcome evaluate_security_groups(const graph::ForwardingGraph& graph,
                                   const std::vector<model::SecurityGroupId>& security_groups,
                                   model::RuleDirection direction, const net::PacketSet& packets,
                                   std::optional<std::uint32_t> source_group, std::string_view service_list = {});

}  // namespace moat::fwd::detail
