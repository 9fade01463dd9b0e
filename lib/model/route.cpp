#include "moat/model/route.hpp"

namespace moat::model {

std::string RouteDestination::to_string() const {
  if (prefix) return prefix->to_string();
  return prefix_list_id;
}

std::string_view to_string(RouteKind kind) {
  switch (kind) {
    case RouteKind::static_route: return "static";
    case RouteKind::prefix_list: return "prefix_list";
    case RouteKind::propagated: return "propagated";
  }
  return "unknown";
}

std::string_view to_string(RouteSource source) {
  switch (source) {
    case RouteSource::implicit_local: return "implicit_local";
    case RouteSource::inline_block: return "inline_block";
    case RouteSource::route_resource: return "route_resource";
    case RouteSource::gateway_endpoint: return "gateway_endpoint";
  }
  return "unknown";
}

}  // namespace moat::model
