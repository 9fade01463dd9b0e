#pragma once
// Evidence: the parts of a forwarding result and DNS resolutions spelled the way an
// IntentResult reports them — path steps {node, resource, decision} and explanations
// {code, resource, message} — so a trace reads like a check and both share one spelling.
//   delivered_path          the hops up to the destination (a "delivered" step is added
//                           when the last hop is elsewhere), then the reply hops
//   dropped_path            the hops, then where the packets stopped ("dropped: CODE: why")
//   resolution_path         one step per resolution step ("private_zone NAME", "… [CODE]")
//   delivered_explanations  PATH_EXISTS (PATH_MAY_EXIST when !certain) for each resource
//                           on the path and the reply path, ASSUMPTION for each assumption
//   dropped_explanation     the drop's code and deciding resource, its detail (else the
//                           code's meaning), prefixed "assumption (R0.1): " when !certain
// The Environment names the graph nodes (sources, destinations, drop points).

#include <vector>

#include "moat/dns/resolution.hpp"
#include "moat/fwd/flow_result.hpp"
#include "moat/intent/environment.hpp"
#include "moat/intent/explanation.hpp"
#include "moat/intent/intent_result.hpp"

namespace moat::intent {

std::vector<PathStep> delivered_path(const Environment& environment, const fwd::DeliveredPart& part);
std::vector<PathStep> dropped_path(const Environment& environment, const fwd::DroppedPart& part);
std::vector<PathStep> resolution_path(const dns::Resolution& resolution);

std::vector<Explanation> delivered_explanations(const Environment& environment, const fwd::DeliveredPart& part);
Explanation dropped_explanation(const fwd::DroppedPart& part);

}  // namespace moat::intent
