#pragma once
// TransitGatewayRouteTable: static/blackhole routes plus which attachments are
// associated with it (lookup table of their traffic) and propagate into it (R8.2-R8.5).
// Associations/propagations implied by the TGW defaults are stored flagged implicit.

#include <optional>
#include <string>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"
#include "moat/net/prefix.hpp"

namespace moat::model {

struct TransitGatewayRoute {
  std::optional<net::Prefix> destination;  // one of destination / prefix_list_id
  std::string prefix_list_id;
  Ref<TransitGatewayAttachmentId> attachment;  // empty for blackhole routes
  bool blackhole = false;
  Origin origin;
};

// An association or a propagation between this table and an attachment.
struct TransitGatewayRouteTableLink {
  Ref<TransitGatewayAttachmentId> attachment;
  bool implicit = false;  // from default_route_table_association/propagation
  Origin origin;
};

struct TransitGatewayRouteTable {
  using Id = TransitGatewayRouteTableId;
  static constexpr ObjectKind kind = ObjectKind::transit_gateway_route_table;

  Origin origin;
  Ref<TransitGatewayId> transit_gateway;
  bool default_association_route_table = false;
  bool default_propagation_route_table = false;
  std::vector<TransitGatewayRoute> routes;
  std::vector<TransitGatewayRouteTableLink> associations;
  std::vector<TransitGatewayRouteTableLink> propagations;
};

}  // namespace moat::model
