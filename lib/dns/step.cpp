#include "moat/dns/step.hpp"

namespace moat::dns {

std::string_view to_string(StepKind kind) {
  switch (kind) {
    case StepKind::query: return "query";
    case StepKind::amazon_resolver: return "amazon_resolver";
    case StepKind::conditional_forwarder: return "conditional_forwarder";
    case StepKind::inbound_endpoint: return "inbound_endpoint";
    case StepKind::resolver_rule: return "resolver_rule";
    case StepKind::forward: return "forward";
    case StepKind::external_server: return "external_server";
    case StepKind::private_zone: return "private_zone";
    case StepKind::endpoint_private_dns: return "endpoint_private_dns";
    case StepKind::public_zone: return "public_zone";
    case StepKind::public_dns: return "public_dns";
    case StepKind::record: return "record";
    case StepKind::alias: return "alias";
    case StepKind::cname: return "cname";
    case StepKind::load_balancer: return "load_balancer";
    case StepKind::finding: return "finding";
  }
  return "unknown";
}

std::string Step::to_string() const {
  std::string text = std::string(dns::to_string(kind)) + " " + name + ": " + detail;
  if (!decided_by.address.empty()) text += " [" + decided_by.address + "]";
  if (code) text += " {" + std::string(dns::to_string(*code)) + "}";
  return text;
}

}  // namespace moat::dns
