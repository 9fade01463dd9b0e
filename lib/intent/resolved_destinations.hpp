#pragma once
// Private to lib/intent: what dns:/service: destinations stand for once resolved.

#include <optional>
#include <string>
#include <vector>

#include "moat/dns/resolution.hpp"
#include "moat/fwd/endpoint.hpp"
#include "moat/intent/environment.hpp"

namespace moat::intent::detail {

// The DNS name a task resolves for an AWS service short name ("ecr.dkr" ->
// "dkr.ecr.<region>.amazonaws.com"), in the environment's region.
std::string service_dns_name(const Environment& environment, const std::string& service);

// Destination endpoints for the answers of a resolution: the LB / endpoint owning a
// subnet address, a concrete address, the AWS service for its public addresses (its
// gateway endpoint or the internet, as the routes decide), the internet for other public
// answers. nullopt when an
// answer leaves the model in a way no endpoint stands for.
std::optional<std::vector<fwd::Endpoint>> answer_endpoints(const Environment& environment, const dns::Resolution& resolution);

}  // namespace moat::intent::detail
