#include "moat/model/transit_gateway_attachment.hpp"

namespace moat::model {

std::string_view to_string(TransitGatewayAttachmentKind kind) {
  switch (kind) {
    case TransitGatewayAttachmentKind::vpc: return "vpc";
    case TransitGatewayAttachmentKind::vpn: return "vpn";
    case TransitGatewayAttachmentKind::direct_connect_gateway: return "direct-connect-gateway";
    case TransitGatewayAttachmentKind::peering: return "peering";
    case TransitGatewayAttachmentKind::connect: return "connect";
    case TransitGatewayAttachmentKind::unknown: return "unknown";
  }
  return "unknown";
}

}  // namespace moat::model
