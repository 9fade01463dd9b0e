#include "moat/dns/outcome.hpp"

namespace moat::dns {

namespace {

struct OutcomeText {
  std::string_view name;
  std::string_view meaning;
};

OutcomeText text(Outcome outcome) {
  switch (outcome) {
    case Outcome::answered:
      return {"ANSWERED", "resolved to addresses inside the model (concrete or some address of a subnet)"};
    case Outcome::resolves_to_public:
      return {"RESOLVES_TO_PUBLIC", "resolved by public DNS to public addresses (AWS service, internet-facing LB, internet)"};
    case Outcome::nxdomain_in_private_zone:
      return {"NXDOMAIN_IN_PRIVATE_ZONE", "the most specific private zone has no record for this name and type; no fall-back"};
    case Outcome::nxdomain_in_public_zone:
      return {"NXDOMAIN_IN_PUBLIC_ZONE", "a public zone of the snapshot is authoritative and has no record for this name and type"};
    case Outcome::no_data:
      return {"NO_DATA", "the name exists but has no address of the queried family"};
    case Outcome::zone_not_associated:
      return {"ZONE_NOT_ASSOCIATED", "a private zone for the name exists but is not associated with the querying VPC"};
    case Outcome::private_dns_disabled:
      return {"PRIVATE_DNS_DISABLED", "the VPC's interface endpoint for the service has private DNS disabled"};
    case Outcome::dns_hostnames_disabled:
      return {"DNS_HOSTNAMES_DISABLED", "enable_dns_hostnames is false, which private zones and endpoint private DNS need"};
    case Outcome::dns_support_disabled:
      return {"DNS_SUPPORT_DISABLED", "enable_dns_support is false: the VPC's Amazon resolver does not answer"};
    case Outcome::resolver_unreachable:
      return {"RESOLVER_UNREACHABLE", "a packet flow the resolution depends on (to an inbound or from an outbound endpoint) fails"};
    case Outcome::target_not_inbound_endpoint:
      return {"TARGET_NOT_INBOUND_ENDPOINT", "a forwarder from outside the VPC targets an address that is no inbound endpoint"};
    case Outcome::no_forwarder:
      return {"NO_FORWARDER", "no conditional forwarder covers the name: the query never reaches Route 53 Resolver"};
    case Outcome::forward_rule_incomplete:
      return {"FORWARD_RULE_INCOMPLETE", "a FORWARD rule has no targets or no outbound endpoint in the model"};
    case Outcome::unknown_outside_model:
      return {"UNKNOWN_OUTSIDE_MODEL", "the answer comes from a DNS server or service the model does not describe"};
    case Outcome::cname_loop:
      return {"CNAME_LOOP", "a CNAME or alias chain returns to a name it already visited"};
    case Outcome::chain_too_long:
      return {"CHAIN_TOO_LONG", "a CNAME, alias or forwarding chain exceeds the depth limit"};
    case Outcome::forwarding_loop:
      return {"FORWARDING_LOOP", "forwarders and forward rules send the query back to where it already was"};
    case Outcome::unsupported_query_type:
      return {"UNSUPPORTED_QUERY_TYPE", "only A, AAAA and CNAME queries are modelled"};
  }
  return {"UNKNOWN", "unknown outcome"};
}

}  // namespace

std::string_view to_string(Outcome outcome) { return text(outcome).name; }
std::string_view meaning(Outcome outcome) { return text(outcome).meaning; }

bool is_answer(Outcome outcome) {
  return outcome == Outcome::answered || outcome == Outcome::resolves_to_public;
}

}  // namespace moat::dns
