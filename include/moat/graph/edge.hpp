#pragma once
// Edge: a decision that links two forwarding points — a route, an association, an
// attachment, a placement (a group in its subnet) — with the resource that made it.

#include <cstdint>
#include <string>
#include <string_view>

#include "moat/graph/node_id.hpp"
#include "moat/model/origin.hpp"

namespace moat::graph {

enum class EdgeKind : std::uint8_t {
  placement,    // interface group -> its subnet
  association,  // subnet -> route table, TGW attachment -> TGW route table
  route,        // route table -> target
  attachment,   // gateway <-> VPC / DX gateway / external network
  propagation,  // TGW attachment routes propagated into a TGW route table
};

std::string_view to_string(EdgeKind kind);

struct Edge {
  NodeId from{};
  NodeId to{};
  EdgeKind kind = EdgeKind::route;
  std::string label;     // "10.0.0.0/22 -> vgw-0abc", "association"
  model::Origin origin;  // the resource deciding it
};

}  // namespace moat::graph
