#include "required_flow_oracle.hpp"

#include "moat/model/ids.hpp"
#include "moat/net/port_set.hpp"

namespace moat::intent {

fwd::Endpoint RequiredFlowOracle::endpoint(const dns::FlowEnd& end) {
  if (!end.external_network.empty()) return fwd::Endpoint::external(end.external_network);
  if (end.resolver_endpoint)
    return fwd::Endpoint::of({model::ObjectKind::resolver_endpoint, model::index(*end.resolver_endpoint)});
  return fwd::Endpoint::address_set(end.addresses);
}

dns::FlowStatus RequiredFlowOracle::check(const dns::RequiredFlow& flow) {
  auto verdict = network_.reachable({endpoint(flow.from)}, {endpoint(flow.to)}, flow.protocols, net::PortSet::of(flow.port));
  switch (verdict.status) {
    case fwd::VerdictStatus::holds: return dns::FlowStatus::works;
    case fwd::VerdictStatus::fails: return dns::FlowStatus::fails;
    case fwd::VerdictStatus::unknown: return dns::FlowStatus::unknown;
  }
  return dns::FlowStatus::unknown;
}

}  // namespace moat::intent
