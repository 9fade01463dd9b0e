#pragma once
// EgressOnlyInternetGateway: IPv6 outbound-only gateway of one VPC.

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"

namespace moat::model {

struct EgressOnlyInternetGateway {
  using Id = EgressOnlyInternetGatewayId;
  static constexpr ObjectKind kind = ObjectKind::egress_only_internet_gateway;

  Origin origin;
  Ref<VpcId> vpc;
};

}  // namespace moat::model
