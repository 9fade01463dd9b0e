#pragma once
// DnsContext: what a resolution needs besides the Snapshot: the declared external
// networks, an optional FlowOracle and the chain depth limit.

#include <string_view>
#include <vector>

#include "moat/dns/external_network.hpp"
#include "moat/dns/flow_oracle.hpp"

namespace moat::dns {

struct DnsContext {
  std::vector<ExternalNetwork> external_networks;
  // Not owned. Null: required flows are reported as unchecked assumptions.
  FlowOracle* flow_oracle = nullptr;
  // Longest CNAME/alias/forwarding chain followed before CHAIN_TOO_LONG.
  int max_chain = 16;

  const ExternalNetwork* find_network(std::string_view name) const;
};

}  // namespace moat::dns
