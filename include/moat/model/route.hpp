#pragma once
// Route: one entry of a VPC route table, whatever Terraform resource produced it.
//
// Sources: inline route blocks of aws_route_table / aws_default_route_table (and the
// routes list of data.aws_route_table), standalone aws_route, gateway-endpoint routes
// implied by aws_vpc_endpoint.route_table_ids / aws_vpc_endpoint_route_table_association,
// and the implicit local routes (one per VPC CIDR, R1.4), which the loader STORES in the
// table flagged RouteSource::implicit_local so consumers see the whole table.
// VGW-propagated routes are not materialised (they depend on what the VGW learns, an
// input outside state): see RouteTable::propagating_vgws.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "moat/model/origin.hpp"
#include "moat/model/route_target.hpp"
#include "moat/net/prefix.hpp"

namespace moat::model {

// Exactly one of prefix / prefix_list_id is set.
struct RouteDestination {
  std::optional<net::Prefix> prefix;  // IPv4 or IPv6 CIDR
  std::string prefix_list_id;         // "pl-0abc" (gateway endpoints, customer lists)

  bool is_prefix_list() const { return !prefix_list_id.empty(); }
  std::string to_string() const;  // "10.0.0.0/16" or "pl-0abc"
  friend bool operator==(const RouteDestination&, const RouteDestination&) = default;
};

// Which kind of route this is, for tie-breaks on equal prefixes (R1.9).
enum class RouteKind : std::uint8_t { static_route, prefix_list, propagated };

// Which state construct produced the route.
enum class RouteSource : std::uint8_t {
  implicit_local,    // synthesised from the VPC CIDRs (never in state)
  inline_block,      // route / routes list of the route table resource or data source
  route_resource,    // standalone aws_route
  gateway_endpoint,  // aws_vpc_endpoint route_table_ids or its route table association
};

std::string_view to_string(RouteKind kind);
std::string_view to_string(RouteSource source);

struct Route {
  RouteDestination destination;
  RouteTarget target;
  RouteKind kind = RouteKind::static_route;
  RouteSource source = RouteSource::inline_block;
  Origin origin;  // the resource that produced it (the table, the aws_route, the endpoint)
  // AWS reports the route's state as blackhole: its target no longer works (a deleted NAT
  // gateway or ENI, ...). It still wins longest-prefix match and drops what it matches,
  // whatever the target (R1.13). Only a standalone aws_route records a state.
  bool blackhole = false;
};

}  // namespace moat::model
