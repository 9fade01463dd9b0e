#pragma once
// topology_diagram: the network of a state drawn as people draw AWS networks — AWS Cloud,
// region, VPC, availability zone and subnet clusters; route tables, internet/VPN/egress-only
// gateways and gateway endpoints in their VPC (on its edge); TGWs, TGW route tables, peerings
// and AWS service prefix lists in the region; DX gateways in the AWS Cloud; the internet and
// declared networks outside. Interface endpoints, load balancers, ECS services, resolver
// endpoints, NAT gateways, instances and ENIs sit in their subnets (one node per owner and
// subnet); the internet only when some gateway leads there.
//
// Edges: subnet -> route table associations; route table -> target routes labelled with
// their destinations (eight lines at most: seven and "… and N more"), a target with no place
// in the picture drawn as a dashed "missing" node saying why (not in the loaded state, not
// modelled); gateway attachments (DX gateway associations labelled with their allowed
// prefixes); VGW route propagation; TGW associations, propagations and VPC attachments;
// the scenario's declared attachments.
//
// The topology comes from the forwarding graph (graph::ForwardingGraph) and the model; this
// module only draws it. The Snapshot overload builds a graph without declared networks; the
// Environment overload draws the scenario's networks too and defaults the region to the
// environment's.

#include "moat/graph/forwarding_graph.hpp"
#include "moat/intent/environment.hpp"
#include "moat/model/snapshot.hpp"
#include "moat/report/diagram.hpp"
#include "moat/report/diagram_options.hpp"

namespace moat::report {

Diagram topology_diagram(const graph::ForwardingGraph& graph, const DiagramOptions& options = {});
Diagram topology_diagram(const model::Snapshot& snapshot, const DiagramOptions& options = {});
Diagram topology_diagram(const intent::Environment& environment, DiagramOptions options = {});

}  // namespace moat::report
