#include "resolved_destinations.hpp"

#include <algorithm>

#include "moat/dns/service_dns_names.hpp"

namespace moat::intent::detail {

std::string service_dns_name(const Environment& environment, const std::string& service) {
  const std::string& region = environment.region();
  for (const auto& name : dns::private_dns_names("com.amazonaws." + region + "." + service)) {
    if (!name.starts_with("*")) return name;
  }
  return service + "." + region + ".amazonaws.com";
}

std::optional<std::vector<fwd::Endpoint>> answer_endpoints(const Environment& environment, const dns::Resolution& resolution) {
  const auto& snapshot = environment.snapshot();
  std::vector<fwd::Endpoint> out;
  for (const auto& answer : resolution.answers) {
    switch (answer.kind) {
      case dns::AnswerKind::address:  // an owned address stands for its owner's interfaces:
                                      // unknown task addresses range over whole subnets
      case dns::AnswerKind::subnet_address:
      case dns::AnswerKind::public_load_balancer: {
        auto ref = snapshot.find_address(answer.owner.address);
        if (ref && !environment.network().graph().groups_of(*ref).empty()) {
          fwd::Endpoint e = fwd::Endpoint::of(*ref);
          if (std::none_of(out.begin(), out.end(), [&](const fwd::Endpoint& o) {
                return o.kind == e.kind && o.object == e.object;
              }))
            out.push_back(e);
        } else if (!answer.addresses.empty()) {
          out.push_back(fwd::Endpoint::address_set(answer.addresses));
        } else {
          return std::nullopt;
        }
        break;
      }
      case dns::AnswerKind::public_service: {
        // The service's public addresses: the forwarding engine takes them to the service's
        // gateway endpoint where a route leads there (S3, DynamoDB, R2.15), else over the
        // internet.
        fwd::Endpoint e = fwd::Endpoint::aws_service(answer.subject);
        if (std::none_of(out.begin(), out.end(), [&](const fwd::Endpoint& o) { return o.kind == e.kind && o.name == e.name; }))
          out.push_back(std::move(e));
        break;
      }
      case dns::AnswerKind::internet:
        if (std::none_of(out.begin(), out.end(), [](const fwd::Endpoint& o) { return o.kind == fwd::Endpoint::Kind::internet; }))
          out.push_back(fwd::Endpoint::internet());
        break;
      case dns::AnswerKind::outside_model:
      case dns::AnswerKind::canonical_name: return std::nullopt;
    }
  }
  if (out.empty()) return std::nullopt;
  return out;
}

}  // namespace moat::intent::detail
