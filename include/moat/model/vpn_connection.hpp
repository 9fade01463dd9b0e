#pragma once
// VpnConnection: Site-to-Site VPN between a customer gateway and a VGW or a TGW.
// static_routes holds aws_vpn_connection_route destinations (what a static VPN's VGW
// knows, R7.8).

#include <string>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"
#include "moat/net/prefix.hpp"

namespace moat::model {

struct VpnStaticRoute {
  net::Prefix destination;
  Origin origin;
};

struct VpnConnection {
  using Id = VpnConnectionId;
  static constexpr ObjectKind kind = ObjectKind::vpn_connection;

  Origin origin;
  Ref<CustomerGatewayId> customer_gateway;
  Ref<VpnGatewayId> vpn_gateway;          // one of vpn_gateway / transit_gateway
  Ref<TransitGatewayId> transit_gateway;
  Ref<TransitGatewayAttachmentId> transit_gateway_attachment;
  bool static_routes_only = false;
  std::vector<VpnStaticRoute> static_routes;
};

}  // namespace moat::model
