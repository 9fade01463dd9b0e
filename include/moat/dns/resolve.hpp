#pragma once
// resolve: what `name` resolves to for a query of type `type` starting at `vantage`,
// following AWS semantics §6 (R6.1–R6.13):
//   VPC vantage: enable_dns_support gates everything; resolver rules and private zones
//   associated with the VPC compete by most specific domain (a FORWARD rule wins a tie
//   with a zone); a matching private zone is final (NXDOMAIN without fall-back); then
//   interface-endpoint private DNS (needs private_dns_enabled and both VPC DNS
//   attributes); then public DNS. CNAMEs restart at the same vantage; aliases answer LB,
//   endpoint or record addresses.
//   On-premises vantage: the declared conditional forwarders send the query (a
//   RequiredFlow on UDP/TCP 53) to inbound endpoints, which resolve as their VPC does.
// Network flows are never evaluated here: they are listed, and checked through
// context.flow_oracle when one is given. Outcomes are values; nothing throws for
// analysis results. Names are compared case-insensitively, trailing dots ignored.

#include <string_view>

#include "moat/dns/dns_context.hpp"
#include "moat/dns/resolution.hpp"
#include "moat/dns/vantage.hpp"
#include "moat/model/resource_record.hpp"
#include "moat/model/snapshot.hpp"

namespace moat::dns {

Resolution resolve(const model::Snapshot& snapshot, std::string_view name, model::RecordType type,
                   const Vantage& vantage, const DnsContext& context = {});

}  // namespace moat::dns
