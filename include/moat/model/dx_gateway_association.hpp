#pragma once
// DxGatewayAssociation: a DX gateway associated with a VGW or a TGW, with the
// allowed prefixes (VGW: filter on advertised VPC CIDRs, R7.2; TGW: advertised
// verbatim, R7.3).

#include <cstdint>
#include <string>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"
#include "moat/net/prefix.hpp"

namespace moat::model {

enum class DxAssociatedGatewayKind : std::uint8_t { vpn_gateway, transit_gateway, unknown };

struct DxGatewayAssociation {
  using Id = DxGatewayAssociationId;
  static constexpr ObjectKind kind = ObjectKind::dx_gateway_association;

  Origin origin;
  Ref<DxGatewayId> dx_gateway;
  DxAssociatedGatewayKind gateway_kind = DxAssociatedGatewayKind::unknown;
  std::string associated_gateway_id;      // "vgw-…" or "tgw-…" as state holds it
  Ref<VpnGatewayId> vpn_gateway;          // set when gateway_kind == vpn_gateway
  Ref<TransitGatewayId> transit_gateway;  // set when gateway_kind == transit_gateway
  std::vector<net::Prefix> allowed_prefixes;
  Ref<TransitGatewayAttachmentId> transit_gateway_attachment;  // TGW associations
};

}  // namespace moat::model
