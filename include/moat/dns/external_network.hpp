#pragma once
// ExternalNetwork: a network outside the Terraform state (on-premises, a partner) that
// the user declares for DNS: its address ranges, its DNS servers, the zones those
// servers answer for (with the records the user knows), and its conditional forwarders
// (`example.com → inbound endpoint IPs`).
//
// The same declaration serves both directions: queries that start on-premises
// (Vantage::on_premises) and queries that a FORWARD rule sends to one of `dns_servers`.

#include <optional>
#include <string>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/resource_record.hpp"
#include "moat/net/ip_address.hpp"
#include "moat/net/prefix.hpp"

namespace moat::dns {

// A record one of the network's DNS servers answers with (A/AAAA: addresses, CNAME: a name).
struct ExternalRecord {
  std::string name;  // lower case, no trailing dot; "*.corp.example.com" allowed
  model::RecordType type = model::RecordType::a;
  std::vector<std::string> values;
};

// Queries for `domain` (and below) are forwarded to `targets`, or to every address of
// `resolver_endpoint` when targets is empty.
struct ConditionalForwarder {
  std::string domain;  // lower case, no trailing dot
  std::vector<net::IpAddress> targets;
  std::optional<model::ResolverEndpointId> resolver_endpoint;
};

struct ExternalNetwork {
  std::string name;                          // "onprem"
  std::vector<net::Prefix> prefixes;         // the network's address ranges
  std::vector<net::IpAddress> dns_servers;   // its resolvers: sources of forwarded queries, targets of FORWARD rules
  std::vector<std::string> zones;            // zones the DNS servers are authoritative for
  std::vector<ExternalRecord> records;       // records of those zones the user declares
  std::vector<ConditionalForwarder> forwarders;
};

}  // namespace moat::dns
