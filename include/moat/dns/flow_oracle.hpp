#pragma once
// FlowOracle: the callback through which a resolution asks whether a RequiredFlow gets
// through the network. dns never implements it against the network model itself; the
// intent layer does, with the forwarding engine. Tests implement it with tables.

#include "moat/dns/required_flow.hpp"

namespace moat::dns {

class FlowOracle {
 public:
  virtual ~FlowOracle() = default;
  // works, fails or unknown (never unchecked).
  virtual FlowStatus check(const RequiredFlow& flow) = 0;
};

}  // namespace moat::dns
