#include "moat/model/route_target.hpp"

namespace moat::model {

std::string_view to_string(RouteTargetKind kind) {
  switch (kind) {
    case RouteTargetKind::local: return "local";
    case RouteTargetKind::internet_gateway: return "internet_gateway";
    case RouteTargetKind::egress_only_internet_gateway: return "egress_only_internet_gateway";
    case RouteTargetKind::nat_gateway: return "nat_gateway";
    case RouteTargetKind::vpn_gateway: return "vpn_gateway";
    case RouteTargetKind::transit_gateway: return "transit_gateway";
    case RouteTargetKind::vpc_peering_connection: return "vpc_peering_connection";
    case RouteTargetKind::vpc_endpoint: return "vpc_endpoint";
    case RouteTargetKind::network_interface: return "network_interface";
    case RouteTargetKind::instance: return "instance";
    case RouteTargetKind::unsupported: return "unsupported";
    case RouteTargetKind::unknown: return "unknown";
  }
  return "unknown";
}

RouteTargetKind classify_route_target(std::string_view aws_id) {
  struct PrefixKind {
    std::string_view prefix;
    RouteTargetKind kind;
  };
  // Longer prefixes first where one is a prefix of another ("eigw-" before "i-" is not
  // needed, but "igw-" and "i-" differ at the second character).
  static constexpr PrefixKind table[] = {
      {"igw-", RouteTargetKind::internet_gateway},
      {"eigw-", RouteTargetKind::egress_only_internet_gateway},
      {"nat-", RouteTargetKind::nat_gateway},
      {"vgw-", RouteTargetKind::vpn_gateway},
      {"tgw-", RouteTargetKind::transit_gateway},
      {"pcx-", RouteTargetKind::vpc_peering_connection},
      {"vpce-", RouteTargetKind::vpc_endpoint},
      {"eni-", RouteTargetKind::network_interface},
      {"i-", RouteTargetKind::instance},
      {"cagw-", RouteTargetKind::unsupported},
      {"lgw-", RouteTargetKind::unsupported},
      {"arn:", RouteTargetKind::unsupported},  // core network (Cloud WAN) ARNs
  };
  if (aws_id == "local") return RouteTargetKind::local;
  for (const auto& entry : table) {
    if (aws_id.starts_with(entry.prefix)) return entry.kind;
  }
  return RouteTargetKind::unknown;
}

}  // namespace moat::model
