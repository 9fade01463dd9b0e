#include "moat/report/diagram.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "diagram_order.hpp"

namespace moat::report {

std::string_view to_string(ClusterRole role) {
  switch (role) {
    case ClusterRole::cloud: return "cloud";
    case ClusterRole::region: return "region";
    case ClusterRole::vpc: return "vpc";
    case ClusterRole::availability_zone: return "availability_zone";
    case ClusterRole::subnet: return "subnet";
  }
  return "unknown";
}

std::string_view to_string(NodeRole role) {
  switch (role) {
    case NodeRole::subnet: return "subnet";
    case NodeRole::route_table: return "route_table";
    case NodeRole::internet_gateway: return "internet_gateway";
    case NodeRole::egress_only_internet_gateway: return "egress_only_internet_gateway";
    case NodeRole::nat_gateway: return "nat_gateway";
    case NodeRole::vpn_gateway: return "vpn_gateway";
    case NodeRole::dx_gateway: return "dx_gateway";
    case NodeRole::transit_gateway: return "transit_gateway";
    case NodeRole::transit_gateway_route_table: return "transit_gateway_route_table";
    case NodeRole::vpc_peering_connection: return "vpc_peering_connection";
    case NodeRole::gateway_endpoint: return "gateway_endpoint";
    case NodeRole::interface_endpoint: return "interface_endpoint";
    case NodeRole::load_balancer: return "load_balancer";
    case NodeRole::ecs_service: return "ecs_service";
    case NodeRole::resolver_endpoint: return "resolver_endpoint";
    case NodeRole::instance: return "instance";
    case NodeRole::network_interface: return "network_interface";
    case NodeRole::internet: return "internet";
    case NodeRole::external_network: return "external_network";
    case NodeRole::aws_service: return "aws_service";
    case NodeRole::missing: return "missing";
    case NodeRole::drop: return "drop";
  }
  return "unknown";
}

std::string_view to_string(EdgeRole role) {
  switch (role) {
    case EdgeRole::association: return "association";
    case EdgeRole::route: return "route";
    case EdgeRole::attachment: return "attachment";
    case EdgeRole::propagation: return "propagation";
    case EdgeRole::declared: return "declared";
    case EdgeRole::path: return "path";
    case EdgeRole::dns: return "dns";
    case EdgeRole::drop: return "drop";
  }
  return "unknown";
}

std::string_view to_string(Emphasis emphasis) {
  switch (emphasis) {
    case Emphasis::normal: return "normal";
    case Emphasis::dimmed: return "dimmed";
    case Emphasis::delivered: return "delivered";
    case Emphasis::dropped: return "dropped";
  }
  return "unknown";
}

const DiagramNode* Diagram::find_node(std::string_view id) const {
  auto it = std::find_if(nodes.begin(), nodes.end(), [&](const DiagramNode& n) { return n.id == id; });
  return it == nodes.end() ? nullptr : &*it;
}

const DiagramCluster* Diagram::find_cluster(std::string_view id) const {
  auto it = std::find_if(clusters.begin(), clusters.end(), [&](const DiagramCluster& c) { return c.id == id; });
  return it == clusters.end() ? nullptr : &*it;
}

std::vector<const DiagramEdge*> Diagram::edges_from(std::string_view id) const {
  std::vector<const DiagramEdge*> out;
  for (const auto& e : edges) {
    if (e.from == id) out.push_back(&e);
  }
  return out;
}

std::vector<const DiagramEdge*> Diagram::edges_to(std::string_view id) const {
  std::vector<const DiagramEdge*> out;
  for (const auto& e : edges) {
    if (e.to == id) out.push_back(&e);
  }
  return out;
}

namespace detail {

OrderedDiagram order(const Diagram& diagram) {
  OrderedDiagram out;
  for (const auto& c : diagram.clusters) out.clusters.push_back(&c);
  for (const auto& n : diagram.nodes) out.nodes.push_back(&n);
  for (const auto& e : diagram.edges) out.edges.push_back(&e);
  std::stable_sort(out.clusters.begin(), out.clusters.end(), [](auto* a, auto* b) { return a->id < b->id; });
  std::stable_sort(out.nodes.begin(), out.nodes.end(), [](auto* a, auto* b) { return a->id < b->id; });
  std::stable_sort(out.edges.begin(), out.edges.end(), [](auto* a, auto* b) {
    return std::tie(a->from, a->to, a->role, a->label) < std::tie(b->from, b->to, b->role, b->label);
  });

  std::map<std::string, const DiagramCluster*> by_id;
  for (auto* c : out.clusters) by_id.emplace(c->id, c);  // the first of duplicate ids wins
  // A cluster hangs under its parent when the parent chain reaches the top without a cycle.
  auto reaches_top = [&](const DiagramCluster* c) {
    std::set<std::string> seen{c->id};
    for (std::string parent = c->parent; !parent.empty();) {
      auto it = by_id.find(parent);
      if (it == by_id.end() || !seen.insert(parent).second) return false;
      parent = it->second->parent;
    }
    return true;
  };
  std::set<std::string> placed;
  for (auto* c : out.clusters) {
    if (by_id.at(c->id) != c) continue;  // a duplicate id: drawn once
    out.children[reaches_top(c) ? c->parent : std::string()].push_back(c);
    placed.insert(c->id);
  }
  for (auto* n : out.nodes) out.members[placed.count(n->cluster) != 0 ? n->cluster : std::string()].push_back(n);
  for (auto& [cluster, members] : out.members) {
    std::stable_sort(members.begin(), members.end(), [](auto* a, auto* b) { return std::tie(a->role, a->id) < std::tie(b->role, b->id); });
  }
  return out;
}

}  // namespace detail

}  // namespace moat::report
