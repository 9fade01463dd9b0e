#pragma once
// Outcome: the closed set of named results of a DNS resolution (and of the steps that
// changed its path). Every code has a stable upper-case spelling (to_string) and a
// one-line meaning (meaning). A Resolution carries one outcome; its steps may carry
// further codes that explain the path (e.g. PRIVATE_DNS_DISABLED on the endpoint whose
// name then RESOLVES_TO_PUBLIC).

#include <cstdint>
#include <string_view>

namespace moat::dns {

enum class Outcome : std::uint8_t {
  answered,                     // ANSWERED: resolved to addresses inside the model (concrete or "some address of subnet S")
  resolves_to_public,           // RESOLVES_TO_PUBLIC: resolved by public DNS to public addresses (of an AWS service, an internet-facing LB or the internet)
  nxdomain_in_private_zone,     // NXDOMAIN_IN_PRIVATE_ZONE: the most specific private zone (or endpoint zone) has no record for this name and type; no fall-back (R6.6)
  nxdomain_in_public_zone,      // NXDOMAIN_IN_PUBLIC_ZONE: a public zone of the snapshot is authoritative for the name and has no record for it and this type
  no_data,                      // NO_DATA: the name exists but has no address of the queried family (e.g. AAAA alias to an IPv4-only LB)
  zone_not_associated,          // ZONE_NOT_ASSOCIATED: a private zone for the name exists but is not associated with the querying VPC, so public DNS answers (R6.9)
  private_dns_disabled,         // PRIVATE_DNS_DISABLED: the VPC has an interface endpoint for the service but private_dns_enabled is false, so public DNS answers (R2.15)
  dns_hostnames_disabled,       // DNS_HOSTNAMES_DISABLED: endpoint private DNS (and, per R6.3, PHZs) need enable_dns_hostnames, which is false on the VPC
  dns_support_disabled,         // DNS_SUPPORT_DISABLED: enable_dns_support is false: the Amazon resolver of the VPC does not answer (R6.1)
  resolver_unreachable,         // RESOLVER_UNREACHABLE: a packet flow the resolution depends on (to an inbound endpoint, from an outbound endpoint) fails (R6.7, R6.11)
  target_not_inbound_endpoint,  // TARGET_NOT_INBOUND_ENDPOINT: a forwarder from outside the VPC targets an address that is no inbound endpoint (e.g. VPC+2, R6.13)
  no_forwarder,                 // NO_FORWARDER: on-premises, no conditional forwarder covers the name: the query never reaches Route 53 Resolver
  forward_rule_incomplete,      // FORWARD_RULE_INCOMPLETE: a FORWARD rule has no targets or no outbound endpoint in the model
  unknown_outside_model,        // UNKNOWN_OUTSIDE_MODEL: the answer comes from a DNS server or service the model does not describe
  cname_loop,                   // CNAME_LOOP: a CNAME/alias chain returns to a name it already visited
  chain_too_long,               // CHAIN_TOO_LONG: a CNAME/alias/forwarding chain exceeds the depth limit
  forwarding_loop,              // FORWARDING_LOOP: forwarders and forward rules send the query back to where it already was (R53-LOOP)
  unsupported_query_type,       // UNSUPPORTED_QUERY_TYPE: only A, AAAA and CNAME queries are modelled
};

// The stable spelling: "NXDOMAIN_IN_PRIVATE_ZONE".
std::string_view to_string(Outcome outcome);
// The one-line meaning, as in the comments above.
std::string_view meaning(Outcome outcome);
// True for the outcomes that come with answers: ANSWERED and RESOLVES_TO_PUBLIC.
// ZONE_NOT_ASSOCIATED, PRIVATE_DNS_DISABLED and DNS_HOSTNAMES_DISABLED are reasons on
// steps (the resolution then goes public); every other code ends a resolution.
bool is_answer(Outcome outcome);

}  // namespace moat::dns
