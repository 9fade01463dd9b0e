#pragma once
// RequiredFlowOracle: dns::FlowOracle answered by the forwarding engine — a required
// DNS flow (on-prem -> inbound endpoint, outbound endpoint -> target) works when every
// source location reaches every destination location on its protocols and port,
// replies included.

#include "moat/dns/flow_oracle.hpp"
#include "moat/fwd/endpoint.hpp"
#include "moat/fwd/network.hpp"

namespace moat::intent {

class RequiredFlowOracle final : public dns::FlowOracle {
 public:
  explicit RequiredFlowOracle(const fwd::Network& network) : network_(network) {}
  dns::FlowStatus check(const dns::RequiredFlow& flow) override;

  static fwd::Endpoint endpoint(const dns::FlowEnd& end);

 private:
  const fwd::Network& network_;
};

}  // namespace moat::intent
