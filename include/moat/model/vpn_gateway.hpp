#pragma once
// VpnGateway (VGW): attached to at most one VPC (inline vpc_id or
// aws_vpn_gateway_attachment); target of DX gateway associations and VPN connections.

#include <cstdint>
#include <optional>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"

namespace moat::model {

struct VpnGateway {
  using Id = VpnGatewayId;
  static constexpr ObjectKind kind = ObjectKind::vpn_gateway;

  Origin origin;
  Ref<VpcId> vpc;  // empty = detached
  Origin attachment;
  std::optional<std::uint32_t> amazon_side_asn;
};

}  // namespace moat::model
