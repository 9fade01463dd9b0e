#pragma once
// RequiredFlow: a packet flow a resolution depends on (R6.7, R6.11, §9 item 24).
//
// dns does not evaluate packet flows: it lists them. The composing layer (intent)
// checks them with the forwarding engine, either afterwards or during resolution
// through a FlowOracle. Queries to the Amazon resolver (VPC+2, 169.254.169.253) are
// never flows: no SG or NACL filters them (R0.3).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/net/address_set.hpp"
#include "moat/net/protocol_set.hpp"

namespace moat::dns {

// One end of a required flow: a declared external network, a resolver endpoint (with
// its subnets), or bare addresses (a forward target the model knows nothing about).
struct FlowEnd {
  std::string external_network;                             // declared network name, or empty
  std::optional<model::ResolverEndpointId> resolver_endpoint;
  std::vector<model::SubnetId> subnets;                     // the endpoint ENIs' subnets
  net::AddressSet addresses = net::AddressSet(net::IpFamily::v4);  // concrete IPs, or the subnet CIDRs when IPs are not in state
  model::Origin origin;                                     // the endpoint's Terraform resource, if any

  std::string to_string() const;
  friend bool operator==(const FlowEnd&, const FlowEnd&) = default;
};

enum class FlowStatus : std::uint8_t {
  unchecked,  // no FlowOracle was given: an assumption of the resolution
  works,      // the oracle proved it
  fails,      // the oracle proved it fails: resolution fails with RESOLVER_UNREACHABLE
  unknown,    // the oracle could not decide (R0.1): the resolution is conditional
};

std::string_view to_string(FlowStatus status);  // "unchecked", "works", ...

struct RequiredFlow {
  FlowEnd from;
  FlowEnd to;
  net::ProtocolSet protocols = net::ProtocolSet::of(net::protocol::udp) | net::ProtocolSet::of(net::protocol::tcp);
  std::uint16_t port = 53;
  std::string why;            // "on-prem conditional forwarder for example.com → inbound endpoint"
  model::Origin decided_by;   // the rule / endpoint that makes this flow necessary
  FlowStatus status = FlowStatus::unchecked;

  std::string to_string() const;
};

}  // namespace moat::dns
