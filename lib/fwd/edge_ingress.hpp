#pragma once
// Edge ingress: ways the internet reaches a target that has no public IP and no IGW route
// (R2.13) — a Global Accelerator endpoint group's endpoints, a CloudFront VPC origin.
// The addresses the target sees (the accelerator's, CloudFront's managed ENIs, or with
// client IP preservation the clients') are not in state, so such paths are possible,
// never proven (R0.1): a "must not reach" over them can never hold.

#include <cstdint>
#include <string>
#include <vector>

#include "moat/graph/forwarding_graph.hpp"
#include "moat/net/packet_set.hpp"

namespace moat::fwd::detail {

struct EdgeIngress {
  std::string address;                // Terraform address of the endpoint group / VPC origin
  std::string service;                // "Global Accelerator", "CloudFront"
  std::string target;                 // the target as the resource names it
  std::vector<std::uint32_t> groups;  // the target's interface groups
  net::PacketSet accepted;            // protocols and ports the service forwards, any addresses
  std::string assumption;             // why the path is only possible
};

// Every edge ingress of the graph's snapshot whose target is loaded.
std::vector<EdgeIngress> build_edge_ingresses(const graph::ForwardingGraph& graph);

}  // namespace moat::fwd::detail
