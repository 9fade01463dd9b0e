#pragma once
// Diagram: a picture described once, apart from any drawing language — nested clusters
// (AWS Cloud > region > VPC > availability zone > subnet), nodes placed in them and edges
// between nodes, each with a label, a role (what it is, which decides shape and colour)
// and an emphasis (how a flow picture marks it). to_dot, to_mermaid and to_json write the
// same Diagram, so the three formats cannot drift apart.
//
// Ids are stable strings made from AWS ids and Terraform addresses ("subnet:subnet-0abc"),
// never from pointers or graph positions. The writers emit clusters sorted by id, each
// cluster's nodes by (role, id) and edges by (from, to, role, label), whatever order the
// vectors are in, so the same state always gives byte-identical output. Labels are plain text: "\n" breaks a line,
// and each writer escapes the rest for its language.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace moat::report {

enum class ClusterRole : std::uint8_t { cloud, region, vpc, availability_zone, subnet };

enum class NodeRole : std::uint8_t {
  subnet,                        // the subnet itself (its CIDR), inside its subnet cluster
  route_table,
  internet_gateway,
  egress_only_internet_gateway,
  nat_gateway,
  vpn_gateway,
  dx_gateway,
  transit_gateway,
  transit_gateway_route_table,
  vpc_peering_connection,
  gateway_endpoint,
  interface_endpoint,
  load_balancer,
  ecs_service,
  resolver_endpoint,
  instance,
  network_interface,
  internet,
  external_network,              // a network declared in the scenario (on premises)
  aws_service,                   // AWS public service ranges behind a prefix list
  missing,                       // a route target that is not in the loaded state
  drop,                          // where part of a flow stopped, and why (flow pictures)
};

enum class EdgeRole : std::uint8_t {
  association,  // subnet -> its route table, gateway -> edge-associated table, TGW -> its tables
  route,        // route table -> target, labelled with the destinations
  attachment,   // gateway <-> internet / DX gateway, subnet -> TGW (VPC attachment)
  propagation,  // TGW attachment routes propagated into a TGW route table
  declared,     // a declared network <-> the gateway the scenario attaches it to
  path,         // a step of a flow that follows no drawn edge
  dns,          // a DNS query a resolution depends on (required flow)
  drop,         // the node that dropped part of a flow -> its drop marker
};

enum class Emphasis : std::uint8_t {
  normal,     // topology pictures
  dimmed,     // flow pictures: not on the flow
  delivered,  // on a delivered path
  dropped,    // on the way to a drop, or the drop itself
};

std::string_view to_string(ClusterRole role);  // "vpc", "availability_zone", ...
std::string_view to_string(NodeRole role);     // "route_table", "ecs_service", ...
std::string_view to_string(EdgeRole role);     // "route", "dns", ...
std::string_view to_string(Emphasis emphasis);  // "normal", "dimmed", "delivered", "dropped"

struct DiagramCluster {
  std::string id;
  std::string parent;  // the enclosing cluster's id; "" at the top
  ClusterRole role = ClusterRole::vpc;
  std::string label;
};

struct DiagramNode {
  std::string id;
  std::string cluster;  // the cluster it is drawn in; "" outside every cluster
  NodeRole role = NodeRole::subnet;
  std::string label;
  std::string address;  // Terraform address of the resource ("" when none)
  std::string aws_id;   // AWS id ("" when none)
  Emphasis emphasis = Emphasis::normal;
};

struct DiagramEdge {
  std::string from;
  std::string to;
  EdgeRole role = EdgeRole::route;
  std::string label;
  bool both_ways = false;  // drawn with arrowheads at both ends
  Emphasis emphasis = Emphasis::normal;
};

struct Diagram {
  std::string title;
  std::vector<DiagramCluster> clusters;
  std::vector<DiagramNode> nodes;
  std::vector<DiagramEdge> edges;

  // Lookups for tests and callers (null when absent).
  const DiagramNode* find_node(std::string_view id) const;
  const DiagramCluster* find_cluster(std::string_view id) const;
  // Every edge leaving (or entering) the node with this id.
  std::vector<const DiagramEdge*> edges_from(std::string_view id) const;
  std::vector<const DiagramEdge*> edges_to(std::string_view id) const;
};

}  // namespace moat::report
