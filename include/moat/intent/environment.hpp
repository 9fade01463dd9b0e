#pragma once
// Environment: what intents are evaluated against — one Snapshot, the scenario's
// declared networks bound to the model (for the forwarding engine and for DNS), the
// forwarding engine over both, and a DNS context whose FlowOracle asks that engine.
//
// Binding a declared network throws ParseError naming the scenario key when a `via`
// gateway or a forwarder's resolver endpoint matches nothing in the state.
// The Snapshot must outlive the Environment.

#include <memory>
#include <string>

#include "moat/dns/dns_context.hpp"
#include "moat/fwd/network.hpp"
#include "moat/model/snapshot.hpp"
#include "moat/scenario/scenario.hpp"

namespace moat::intent {

class Environment {
 public:
  Environment(const model::Snapshot& snapshot, const scenario::Scenario& scenario);
  ~Environment();
  Environment(const Environment&) = delete;
  Environment& operator=(const Environment&) = delete;

  const model::Snapshot& snapshot() const;
  const scenario::Scenario& scenario() const;
  const fwd::Network& network() const;
  // With a FlowOracle backed by network(): required DNS flows are checked, not assumed.
  const dns::DnsContext& dns_context() const;
  // The scenario's region, else the region of the first "com.amazonaws.<region>.*"
  // endpoint service in state, else the region of the subnets' availability zones when
  // they all lie in one; empty when none of these says.
  const std::string& region() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace moat::intent
