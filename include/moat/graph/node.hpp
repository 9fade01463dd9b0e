#pragma once
// Node: a vertex of the ForwardingGraph, a plain value naming the model object it stands
// for and where it came from.

#include <cstdint>
#include <optional>
#include <string>

#include "moat/graph/node_kind.hpp"
#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"

namespace moat::graph {

struct Node {
  NodeKind kind = NodeKind::internet;
  std::optional<model::ObjectRef> object;  // the model object, when there is one
  // interface_group: index into ForwardingGraph::groups(); external_network: index into
  // the declared networks; aws_service: 0 (origin.aws_id names the prefix list).
  std::uint32_t detail = 0;
  std::string name;      // AWS id or a readable label ("internet", "onprem")
  model::Origin origin;  // empty for the internet and declared networks
};

}  // namespace moat::graph
