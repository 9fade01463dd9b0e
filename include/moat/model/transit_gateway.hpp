#pragma once
// TransitGateway: the hub; defaults decide which route table new attachments are
// associated with and propagate to (R8.2).

#include <cstdint>
#include <optional>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"

namespace moat::model {

struct TransitGateway {
  using Id = TransitGatewayId;
  static constexpr ObjectKind kind = ObjectKind::transit_gateway;

  Origin origin;
  std::optional<std::uint32_t> amazon_side_asn;
  bool default_route_table_association = true;  // "enable" / "disable" in state
  bool default_route_table_propagation = true;
  Ref<TransitGatewayRouteTableId> association_default_route_table;
  Ref<TransitGatewayRouteTableId> propagation_default_route_table;
  bool dns_support = true;
  bool vpn_ecmp_support = true;
  bool security_group_referencing_support = false;
};

}  // namespace moat::model
