#pragma once
// NodeKind: what a forwarding point of the ForwardingGraph is.

#include <cstdint>
#include <string_view>

namespace moat::graph {

enum class NodeKind : std::uint8_t {
  interface_group,               // ENIs of one owner in one subnet (see interface_group.hpp)
  subnet,
  route_table,                   // a VPC route table
  internet_gateway,
  egress_only_internet_gateway,
  vpn_gateway,
  dx_gateway,
  transit_gateway,
  transit_gateway_route_table,
  vpc_peering_connection,
  gateway_endpoint,              // a Gateway VPC endpoint (S3, DynamoDB)
  internet,                      // every public address outside AWS's estate
  external_network,              // a declared on-premises network (ExternalNetwork)
  aws_service,                   // AWS public service ranges behind a prefix list (symbolic)
};

std::string_view to_string(NodeKind kind);

}  // namespace moat::graph
