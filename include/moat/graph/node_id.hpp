#pragma once
// NodeId: the strong id of a vertex of the ForwardingGraph (its position in the graph's
// vertex list). Public code never sees Boost.Graph descriptors, only these ids.

#include <cstdint>

namespace moat::graph {

enum class NodeId : std::uint32_t {};

constexpr std::uint32_t index(NodeId id) { return static_cast<std::uint32_t>(id); }

}  // namespace moat::graph
