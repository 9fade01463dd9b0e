#pragma once
// Private to lib/report: the topology picture of a forwarding graph, and which diagram node
// stands for which graph node — flow_diagram marks the flow's hops on it.

#include <map>
#include <string>
#include <vector>

#include "moat/graph/forwarding_graph.hpp"
#include "moat/report/diagram.hpp"
#include "moat/report/diagram_options.hpp"

namespace moat::report::detail {

struct Topology {
  Diagram diagram;
  std::map<std::uint32_t, std::string> ids;  // graph node index -> diagram node id, for drawn nodes

  // The diagram id of a graph node; "" when it is not drawn.
  std::string id_of(graph::NodeId node) const;
};

// Draws the graph (see topology_diagram.hpp). With options.focus, only the focus's
// neighbourhood (see diagram_options.hpp) plus the nodes in `also`.
Topology draw_topology(const graph::ForwardingGraph& graph, const DiagramOptions& options,
                       const std::vector<graph::NodeId>& also = {});

}  // namespace moat::report::detail
