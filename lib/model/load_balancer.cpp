#include "moat/model/load_balancer.hpp"

namespace moat::model {

std::string_view to_string(LoadBalancerType type) {
  switch (type) {
    case LoadBalancerType::application: return "application";
    case LoadBalancerType::network: return "network";
    case LoadBalancerType::gateway: return "gateway";
    case LoadBalancerType::classic: return "classic";
  }
  return "unknown";
}

}  // namespace moat::model
