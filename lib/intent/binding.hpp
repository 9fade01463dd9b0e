#pragma once
// Private to lib/intent: selectors bound to forwarding-engine endpoints, and the DNS
// vantage points of a source.

#include <string>
#include <vector>

#include "moat/dns/vantage.hpp"
#include "moat/fwd/endpoint.hpp"
#include "moat/intent/environment.hpp"
#include "moat/intent/selector.hpp"

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

// "aws_ecs_service.app", "internet", "onprem", "10.0.0.0/22" for messages.
std::string describe(const Environment& environment, const fwd::Endpoint& endpoint);

}  // namespace moat::intent::detail
