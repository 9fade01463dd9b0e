#pragma once
// trace / resolve_from: the one-off questions behind `moat trace` and `moat resolve`.
//   trace        every delivered and dropped part of one flow, with paths; `to` may be a
//                dns: or service: selector (resolved from each source's vantage)
//   resolve_from the DNS resolution of `name` from the vantage of a selector (a declared
//                network, an interface owner or a subnet), required flows checked
// Selectors that match nothing throw ParseError, as in check_scenario.

#include <string>
#include <vector>

#include "moat/dns/resolution.hpp"
#include "moat/fwd/flow_result.hpp"
#include "moat/intent/environment.hpp"
#include "moat/net/port_set.hpp"
#include "moat/net/protocol_set.hpp"

namespace moat::intent {

struct TracedFlow {
  // The question, as asked.
  std::string from;
  std::string to;
  net::ProtocolSet protocols = net::ProtocolSet::all();
  net::PortSet ports = net::PortSet::all();

  std::vector<dns::Resolution> resolutions;  // for dns:/service: destinations
  fwd::FlowResult result;

  // Some part of the flow is delivered for certain (`moat trace` exits 0, else 1).
  bool delivered() const;
};

TracedFlow trace(const Environment& environment, const std::string& from, const std::string& to,
                 const net::ProtocolSet& protocols, const net::PortSet& ports);

std::vector<dns::Resolution> resolve_from(const Environment& environment, const std::string& from, const std::string& name);
// Every resolution answered (`moat resolve` exits 0, else 1).
bool all_resolved(const std::vector<dns::Resolution>& resolutions);

}  // namespace moat::intent
