#pragma once
// InternetGateway: attached to at most one VPC (inline vpc_id or
// aws_internet_gateway_attachment).

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"

namespace moat::model {

struct InternetGateway {
  using Id = InternetGatewayId;
  static constexpr ObjectKind kind = ObjectKind::internet_gateway;

  Origin origin;
  Ref<VpcId> vpc;     // empty = detached
  Origin attachment;  // the _attachment resource when the attachment is separate
};

}  // namespace moat::model
