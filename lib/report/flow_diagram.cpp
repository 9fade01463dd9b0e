#include "moat/report/flow_diagram.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "topology_builder.hpp"

namespace moat::report {

namespace {

using graph::NodeId;

// Which marking wins where parts meet: delivered over dropped over plain over dimmed.
int strength(Emphasis emphasis) {
  switch (emphasis) {
    case Emphasis::dimmed: return 0;
    case Emphasis::normal: return 1;
    case Emphasis::dropped: return 2;
    case Emphasis::delivered: return 3;
  }
  return 0;
}

void raise(Emphasis& current, Emphasis to) {
  if (strength(to) > strength(current)) current = to;
}

// The forwarding points of a path in order, a point passed by several hops in a row once.
std::vector<NodeId> points(const std::vector<fwd::Hop>& path) {
  std::vector<NodeId> out;
  for (const auto& hop : path) {
    if (out.empty() || out.back() != hop.node) out.push_back(hop.node);
  }
  return out;
}

// A node a part passes: a delivered part's nodes are delivered; a dropped part's are only
// undimmed (the node that dropped it is marked by drop()).
Emphasis on_path(Emphasis part) { return part == Emphasis::dropped ? Emphasis::normal : part; }

class Marker {
 public:
  explicit Marker(detail::Topology& topology) : topology_(topology), diagram_(topology.diagram) {
    for (std::size_t i = 0; i < diagram_.nodes.size(); ++i) nodes_[diagram_.nodes[i].id].push_back(i);
  }

  void dim_everything() {
    for (auto& node : diagram_.nodes) node.emphasis = Emphasis::dimmed;
    for (auto& edge : diagram_.edges) edge.emphasis = Emphasis::dimmed;
  }

  void node(const std::string& id, Emphasis emphasis) {
    if (auto it = nodes_.find(id); it != nodes_.end()) {
      for (auto i : it->second) raise(diagram_.nodes[i].emphasis, emphasis);
    }
  }

  // Marks the step a -> b: the drawn edge that carries it, else (for a declared network's
  // hop straight to a gateway) the two drawn edges through the DX gateway between them,
  // else a new path edge.
  void step(const std::string& a, const std::string& b, Emphasis emphasis) {
    if (auto* edge = drawn(a, b)) {
      raise(edge->emphasis, emphasis);
      return;
    }
    for (const auto& via : diagram_.nodes) {
      if (via.role != NodeRole::dx_gateway) continue;
      auto* first = drawn(a, via.id);
      auto* second = drawn(via.id, b);
      if (first && second) {
        raise(first->emphasis, emphasis);
        raise(second->emphasis, emphasis);
        node(via.id, on_path(emphasis));
        return;
      }
    }
    for (auto& edge : diagram_.edges) {
      if (edge.role == EdgeRole::path && edge.from == a && edge.to == b) {
        raise(edge.emphasis, emphasis);
        return;
      }
    }
    diagram_.edges.push_back({a, b, EdgeRole::path, "", false, emphasis});
  }

  void path(const std::vector<fwd::Hop>& hops, Emphasis emphasis) {
    std::string previous;
    for (auto point : points(hops)) {
      std::string id = topology_.id_of(point);
      if (id.empty()) continue;
      node(id, on_path(emphasis));
      if (!previous.empty()) step(previous, id, emphasis);
      previous = id;
    }
  }

  void drop(const fwd::DroppedPart& part) {
    std::string at = topology_.id_of(part.at);
    if (at.empty()) return;
    node(at, Emphasis::dropped);
    std::string code(fwd::to_string(part.code));
    std::string id = "drop:" + at + ":" + code + (part.address.empty() ? "" : ":" + part.address);
    if (nodes_.count(id) == 0) {
      const auto* where = diagram_.find_node(at);
      std::string label = "\u2717 " + code + (part.address.empty() ? "" : "\n" + part.address);
      if (!part.certain) label += "\n(assumed)";
      nodes_[id].push_back(diagram_.nodes.size());
      diagram_.nodes.push_back({id, where ? where->cluster : std::string(), NodeRole::drop, label, part.address, "", Emphasis::dropped});
      diagram_.edges.push_back({at, id, EdgeRole::drop, "", false, Emphasis::dropped});
    }
  }

 private:
  DiagramEdge* drawn(const std::string& a, const std::string& b) {
    for (auto& edge : diagram_.edges) {
      if (edge.role == EdgeRole::drop || edge.role == EdgeRole::path || edge.role == EdgeRole::dns) continue;
      if ((edge.from == a && edge.to == b) || (edge.both_ways && edge.from == b && edge.to == a)) return &edge;
    }
    return nullptr;
  }

  detail::Topology& topology_;
  Diagram& diagram_;
  std::map<std::string, std::vector<std::size_t>> nodes_;  // id -> positions in diagram_.nodes
};

std::vector<NodeId> flow_nodes(const fwd::FlowResult& flow) {
  std::vector<NodeId> out;
  for (const auto& part : flow.delivered) {
    for (const auto& hop : part.path) out.push_back(hop.node);
    out.push_back(part.source);
    out.push_back(part.destination);
  }
  for (const auto& part : flow.dropped) {
    for (const auto& hop : part.path) out.push_back(hop.node);
    out.push_back(part.at);
  }
  return out;
}

detail::Topology draw_flow(const graph::ForwardingGraph& graph, const fwd::FlowResult& flow, const DiagramOptions& options,
                           std::vector<NodeId> also) {
  auto on_flow = flow_nodes(flow);
  also.insert(also.end(), on_flow.begin(), on_flow.end());
  auto topology = detail::draw_topology(graph, options, also);
  Marker marker(topology);
  marker.dim_everything();
  for (const auto& part : flow.delivered) marker.path(part.path, Emphasis::delivered);
  for (const auto& part : flow.dropped) {
    marker.path(part.path, Emphasis::dropped);
    marker.drop(part);
  }
  return topology;
}

// The graph nodes standing for one end of a DNS query flow.
std::vector<NodeId> query_end_nodes(const graph::ForwardingGraph& graph, const dns::FlowEnd& end) {
  std::vector<NodeId> out;
  if (!end.external_network.empty()) {
    if (auto network = graph.find_external(end.external_network)) out.push_back(graph.external_node(*network));
  }
  if (end.resolver_endpoint) {
    for (auto group : graph.groups_of({model::ObjectKind::resolver_endpoint, model::index(*end.resolver_endpoint)})) {
      const auto& subnet = graph.groups()[group].subnet;
      if (end.subnets.empty() || std::find(end.subnets.begin(), end.subnets.end(), subnet) != end.subnets.end())
        out.push_back(graph.group_node(group));
    }
  }
  return out;
}

}  // namespace

Diagram flow_diagram(const graph::ForwardingGraph& graph, const fwd::FlowResult& flow, const DiagramOptions& options) {
  return draw_flow(graph, flow, options, {}).diagram;
}

Diagram flow_diagram(const intent::Environment& environment, const intent::TracedFlow& traced, DiagramOptions options) {
  if (options.region.empty()) options.region = environment.region();
  const auto& graph = environment.network().graph();
  struct Query {
    std::vector<NodeId> from, to;
    const dns::RequiredFlow* flow;
  };
  std::vector<Query> queries;
  std::vector<NodeId> also;
  for (const auto& resolution : traced.resolutions) {
    for (const auto& required : resolution.required_flows) {
      Query query{query_end_nodes(graph, required.from), query_end_nodes(graph, required.to), &required};
      also.insert(also.end(), query.from.begin(), query.from.end());
      also.insert(also.end(), query.to.begin(), query.to.end());
      queries.push_back(std::move(query));
    }
  }
  auto topology = draw_flow(graph, traced.result, options, also);
  auto& diagram = topology.diagram;
  for (const auto& query : queries) {
    Emphasis emphasis = query.flow->status == dns::FlowStatus::works   ? Emphasis::delivered
                        : query.flow->status == dns::FlowStatus::fails ? Emphasis::dropped
                                                                       : Emphasis::normal;
    std::string label = "DNS " + query.flow->protocols.to_string() + " " + std::to_string(query.flow->port) + " (" +
                        std::string(dns::to_string(query.flow->status)) + ")";
    for (auto from : query.from) {
      for (auto to : query.to) {
        std::string a = topology.id_of(from), b = topology.id_of(to);
        if (a.empty() || b.empty()) continue;
        bool seen = std::any_of(diagram.edges.begin(), diagram.edges.end(), [&](const DiagramEdge& e) {
          return e.role == EdgeRole::dns && e.from == a && e.to == b && e.label == label;
        });
        if (!seen) diagram.edges.push_back({a, b, EdgeRole::dns, label, false, emphasis});
        for (auto& node : diagram.nodes) {
          if ((node.id == a || node.id == b) && node.emphasis == Emphasis::dimmed) node.emphasis = Emphasis::normal;
        }
      }
    }
  }
  return diagram;
}

}  // namespace moat::report
