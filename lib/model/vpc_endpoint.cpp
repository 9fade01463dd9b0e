#include "moat/model/vpc_endpoint.hpp"

namespace moat::model {

std::string_view to_string(VpcEndpointType type) {
  switch (type) {
    case VpcEndpointType::interface: return "Interface";
    case VpcEndpointType::gateway: return "Gateway";
    case VpcEndpointType::gateway_load_balancer: return "GatewayLoadBalancer";
    case VpcEndpointType::unknown: return "unknown";
  }
  return "unknown";
}

}  // namespace moat::model
