#pragma once
// Step: one decision of a resolution, with the Terraform resource that made it.
// A resolution's steps read top to bottom like a trace: the query, the resolver that
// took it, the rule/zone that matched, the record, the alias/CNAME target, the answer.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "moat/dns/outcome.hpp"
#include "moat/model/origin.hpp"

namespace moat::dns {

enum class StepKind : std::uint8_t {
  query,                  // a query for `name` starts (or restarts after a CNAME)
  amazon_resolver,        // the VPC's Amazon resolver takes the query (decided by the VPC)
  conditional_forwarder,  // an on-premises conditional forwarder matched
  inbound_endpoint,       // the query arrives at a Resolver inbound endpoint
  resolver_rule,          // a resolver rule associated with the VPC matched (the association)
  forward,                // the query leaves through an outbound endpoint to a target
  external_server,        // a declared external DNS server answers
  private_zone,           // a private hosted zone associated with the VPC matched (the association)
  endpoint_private_dns,   // an interface endpoint's private DNS name matched (the endpoint)
  public_zone,            // a public hosted zone of the snapshot answered
  public_dns,             // public DNS outside the model answers
  record,                 // a record set matched (exact or wildcard)
  alias,                  // an alias record points at a LB, endpoint or record
  cname,                  // a CNAME restarts resolution at its target
  load_balancer,          // a load balancer supplies the addresses
  finding,                // a fact that changed the path (see code)
};

std::string_view to_string(StepKind kind);  // "private_zone", ...

struct Step {
  StepKind kind = StepKind::query;
  std::string name;        // the name being resolved at this step
  std::string detail;      // human-readable: what matched and why
  model::Origin decided_by;  // Terraform address of the deciding resource (may be empty for external facts)
  std::optional<Outcome> code;  // set when the step explains or ends the outcome

  std::string to_string() const;
};

}  // namespace moat::dns
