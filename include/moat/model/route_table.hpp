#pragma once
// RouteTable: a VPC route table with every route from every source (see route.hpp),
// de-duplicated by destination, plus propagation settings and edge associations (R1.2).
// Subnet associations are held by the Subnet (Subnet::route_table); which table a
// subnet uses is Snapshot::effective_route_table.

#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"
#include "moat/model/route.hpp"
#include "moat/model/route_target.hpp"

namespace moat::model {

// A gateway route table association (aws_route_table_association.gateway_id): the
// table routes traffic entering the VPC through that IGW or VGW.
struct EdgeAssociation {
  RouteTarget gateway;  // kind internet_gateway or vpn_gateway
  Origin origin;
};

// A VGW whose learned routes are propagated into the table (propagating_vgws or
// aws_vpn_gateway_route_propagation).
struct RoutePropagation {
  Ref<VpnGatewayId> vpn_gateway;
  Origin origin;
};

struct RouteTable {
  using Id = RouteTableId;
  static constexpr ObjectKind kind = ObjectKind::route_table;

  Origin origin;
  Ref<VpcId> vpc;
  std::vector<Route> routes;  // sorted: IPv4 prefixes, IPv6 prefixes, prefix lists
  std::vector<RoutePropagation> propagations;
  std::vector<EdgeAssociation> edge_associations;
};

}  // namespace moat::model
