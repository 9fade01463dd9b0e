#pragma once
// RouteTarget: the next hop of a VPC route, classified by the AWS id prefix (R1.15: the
// provider may store a NAT id in gateway_id, so the attribute name is not trusted).

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "moat/model/ids.hpp"

namespace moat::model {

enum class RouteTargetKind : std::uint8_t {
  local,                         // the VPC's own address space
  internet_gateway,              // igw-
  egress_only_internet_gateway,  // eigw-
  nat_gateway,                   // nat-
  vpn_gateway,                   // vgw-
  transit_gateway,               // tgw-
  vpc_peering_connection,        // pcx-
  vpc_endpoint,                  // vpce- (gateway endpoint, GWLB endpoint)
  network_interface,             // eni-
  instance,                      // i-
  unsupported,                   // carrier gateway, local gateway, core network: opaque (R0.1)
  unknown,                       // an id moat cannot classify
};

std::string_view to_string(RouteTargetKind kind);  // "nat_gateway", ...

// Classifies an AWS id by its prefix: "nat-0ab" -> nat_gateway, "local" -> local,
// "cagw-"/"lgw-"/core network ARNs -> unsupported, anything else -> unknown.
RouteTargetKind classify_route_target(std::string_view aws_id);

// The resolved target object, when it is in the Snapshot (monostate otherwise, and
// always for local/unsupported/unknown). An eni- target that is not a loaded ENI but the
// primary ENI of a loaded instance resolves to that InstanceId.
using RouteTargetId =
    std::variant<std::monostate, InternetGatewayId, EgressOnlyInternetGatewayId, NatGatewayId, VpnGatewayId,
                 TransitGatewayId, VpcPeeringConnectionId, VpcEndpointId, NetworkInterfaceId, InstanceId>;

struct RouteTarget {
  RouteTargetKind kind = RouteTargetKind::unknown;
  std::string aws_id;  // "igw-0abc"; "local" for local routes
  RouteTargetId id;    // resolved object, if loaded

  bool resolved() const { return !std::holds_alternative<std::monostate>(id); }
  friend bool operator==(const RouteTarget&, const RouteTarget&) = default;
};

}  // namespace moat::model
