#pragma once
// flow_diagram: one flow drawn on the topology (see topology_diagram.hpp). Everything off
// the flow is dimmed; every delivered part's path is marked `delivered` (green) hop by hop —
// over the drawn edge where one links two consecutive hops, else over a `path` edge (and
// through the DX gateway a declared network's hop went over). Each dropped part's path is
// marked `dropped` (red) up to the node that dropped it, which is marked `dropped` and gets
// a drop marker node labelled with the explanation code and the deciding resource (one
// marker per node, code and resource). A step shared by delivered and dropped parts stays
// `delivered`.
//
// The Environment overload also draws the DNS queries the flow's resolutions depend on
// (dns: and service: destinations): a `dns` edge from the querying network to each resolver
// endpoint, `delivered` when the query flow was proven to work, `dropped` when it fails.
// With options.focus, the picture keeps the focus's neighbourhood and the flow's nodes.

#include "moat/fwd/flow_result.hpp"
#include "moat/graph/forwarding_graph.hpp"
#include "moat/intent/environment.hpp"
#include "moat/intent/trace.hpp"
#include "moat/report/diagram.hpp"
#include "moat/report/diagram_options.hpp"

namespace moat::report {

Diagram flow_diagram(const graph::ForwardingGraph& graph, const fwd::FlowResult& flow, const DiagramOptions& options = {});
Diagram flow_diagram(const intent::Environment& environment, const intent::TracedFlow& traced, DiagramOptions options = {});

}  // namespace moat::report
