#pragma once
// TransitGatewayAttachment: a VPC, VPN, DX gateway, peering or Connect attachment.
// VPC attachments come from aws_ec2_transit_gateway_vpc_attachment; VPN and DX ones are
// implied by aws_vpn_connection / aws_dx_gateway_association (their attachment ids).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"

namespace moat::model {

enum class TransitGatewayAttachmentKind : std::uint8_t { vpc, vpn, direct_connect_gateway, peering, connect, unknown };

std::string_view to_string(TransitGatewayAttachmentKind kind);

struct TransitGatewayAttachment {
  using Id = TransitGatewayAttachmentId;
  static constexpr ObjectKind kind = ObjectKind::transit_gateway_attachment;

  Origin origin;
  TransitGatewayAttachmentKind attachment_kind = TransitGatewayAttachmentKind::unknown;
  Ref<TransitGatewayId> transit_gateway;
  Ref<VpcId> vpc;                       // VPC attachments
  std::vector<Ref<SubnetId>> subnets;   // VPC attachments: one subnet per AZ
  std::string resource_id;              // vpn-…, dx gateway id, peer tgw id
  bool appliance_mode_support = false;
  bool ipv6_support = false;  // VPC attachments: carries IPv6 (Terraform default "disable")
  bool dns_support = true;
  bool default_route_table_association = true;  // transit_gateway_default_route_table_*
  bool default_route_table_propagation = true;
};

}  // namespace moat::model
