#pragma once
// ForwardingGraph: the forwarding points of one Snapshot (interface groups, subnets,
// route tables, gateways, TGW route tables, peerings, gateway endpoints) plus the
// outside (the internet, each declared external network, AWS service ranges), linked by
// the decisions between them (placements, associations, routes, attachments,
// propagations), each edge naming the resource that made it.
//
// Construction (build_forwarding_graph) is separate from any traversal, so pictures and
// all-pairs analyses can reuse the graph. The Boost.Graph adjacency list lives in the
// implementation; this interface speaks NodeId, Node, Edge and InterfaceGroup only.
// The graph keeps a reference to the Snapshot: the Snapshot must outlive it.

#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "moat/graph/edge.hpp"
#include "moat/graph/external_network.hpp"
#include "moat/graph/interface_group.hpp"
#include "moat/graph/node.hpp"
#include "moat/graph/node_id.hpp"
#include "moat/model/snapshot.hpp"

namespace moat::graph {

class ForwardingGraph {
 public:
  ~ForwardingGraph();
  ForwardingGraph(ForwardingGraph&&) noexcept;
  ForwardingGraph& operator=(ForwardingGraph&&) noexcept;

  const model::Snapshot& snapshot() const;

  std::size_t node_count() const;
  const Node& node(NodeId id) const;
  std::vector<Edge> out_edges(NodeId id) const;
  std::vector<Edge> in_edges(NodeId id) const;
  std::size_t edge_count() const;

  // The vertex standing for a model object (subnet, route table, gateway, TGW route
  // table, peering, gateway endpoint); empty when the object has no vertex.
  std::optional<NodeId> node_of(model::ObjectRef object) const;

  std::span<const InterfaceGroup> groups() const;
  NodeId group_node(std::uint32_t group) const;
  // Groups placed in a subnet, in build order.
  std::span<const std::uint32_t> groups_in_subnet(model::SubnetId subnet) const;
  // Groups owned by a model object (an ECS service has one per subnet).
  std::vector<std::uint32_t> groups_of(model::ObjectRef owner) const;
  // Groups whose ENIs carry a security group (for SG-reference rules, R3.4).
  std::span<const std::uint32_t> members_of(model::SecurityGroupId security_group) const;

  NodeId internet() const;
  std::span<const ExternalNetwork> external_networks() const;
  NodeId external_node(std::uint32_t network) const;
  std::optional<std::uint32_t> find_external(std::string_view name) const;
  // The AWS service behind a prefix list ("pl-…"): the service of a gateway endpoint
  // (S3, DynamoDB; its list known or not), or the symbolic service behind an AWS-managed
  // list a route mentions. The node's origin.aws_id is the list's id.
  std::optional<NodeId> service_node(std::string_view prefix_list_id) const;

 private:
  friend ForwardingGraph build_forwarding_graph(const model::Snapshot&, std::vector<ExternalNetwork>);
  struct Impl;
  explicit ForwardingGraph(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Builds the graph of a snapshot and the caller's declared external networks.
ForwardingGraph build_forwarding_graph(const model::Snapshot& snapshot, std::vector<ExternalNetwork> external_networks);

}  // namespace moat::graph
