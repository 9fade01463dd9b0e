#include "moat/report/topology_diagram.hpp"

#include <utility>

#include "topology_builder.hpp"

namespace moat::report {

Diagram topology_diagram(const graph::ForwardingGraph& graph, const DiagramOptions& options) {
  return detail::draw_topology(graph, options).diagram;
}

Diagram topology_diagram(const model::Snapshot& snapshot, const DiagramOptions& options) {
  auto graph = graph::build_forwarding_graph(snapshot, {});
  return topology_diagram(graph, options);
}

Diagram topology_diagram(const intent::Environment& environment, DiagramOptions options) {
  if (options.region.empty()) options.region = environment.region();
  return topology_diagram(environment.network().graph(), options);
}

}  // namespace moat::report
