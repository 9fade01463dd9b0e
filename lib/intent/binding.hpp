#pragma once
// Private to lib/intent: selectors bound to forwarding-engine endpoints, and the DNS
// vantage points of a source.

#include <string>
#include <vector>

#include "moat/dns/vantage.hpp"
#include "moat/fwd/endpoint.hpp"
#include "moat/intent/environment.hpp"
#include "moat/intent/selector.hpp"
#include "moat/net/packet_set.hpp"

namespace moat::intent::detail {

// The endpoints a plain selector (name, internet, *, addresses) stands for. Throws
// ParseError "<where>: \"SEL\" matches nothing ..." when it stands for nothing, and for
// dns:/service: selectors (`where` is e.g. "intent \"x\": from").
std::vector<fwd::Endpoint> bind_plain(const Environment& environment, const Selector& selector, const std::string& where);

// Where a DNS query from this endpoint starts: one vantage per VPC of its interfaces,
// the declared network itself, or none (the internet, bare addresses).
std::vector<dns::Vantage> vantages_of(const Environment& environment, const fwd::Endpoint& endpoint);

// The interface groups (graph indexes) of an endpoint of kind object or subnet.
std::vector<std::uint32_t> groups_of(const Environment& environment, const fwd::Endpoint& endpoint);

// Every packet of an intent's protocols and ports, IPv4 and IPv6: what "unreachable" and
// a trace look at (the closed profile's no-internet intents cover both families).
net::PacketSet header_space(const net::ProtocolSet& protocols, const net::PortSet& ports);

// "aws_ecs_service.app", "internet", "onprem", "10.0.0.0/22" for messages.
std::string describe(const Environment& environment, const fwd::Endpoint& endpoint);

}  // namespace moat::intent::detail
