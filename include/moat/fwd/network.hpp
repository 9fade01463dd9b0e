#pragma once
// Network: the forwarding engine over one Snapshot and the caller's declared external
// networks. Pushes exact PacketSets hop by hop in AWS order (R0.2): source SG egress ->
// same-subnet L2 delivery or source NACL outbound -> route table LPM with AWS
// tie-breaks -> gateways / attachments -> destination NACL inbound -> destination SG
// ingress -> delivered; never enumerates addresses, terminates on loops.
//
// Modelling choices worth knowing:
//   * IPv4 and IPv6 are forwarded side by side, each family by its own routes (R1.8),
//     SG/NACL rules (R3.5, R3.7) and, for the internet, its own gateway semantics. An
//     interface group has IPv6 addresses only when state lists them or its owner takes
//     them from a subnet with an IPv6 CIDR (dual-stack LBs and endpoints; ECS tasks in any
//     such subnet; instances/ENIs that state lists none for, when the subnet assigns IPv6
//     on creation); unknown ones range over the subnet's IPv6 CIDR. Where that rests on
//     what state does not hold (the ECS account setting dualStackIPv6; whether the
//     instance was created after the subnet setting), IPv6 delivered to or sent from the
//     group is uncertain (R0.1): a possible path, never a proof.
//   * A public IPv4 is abstracted by the private address it maps to: a flow from the
//     internet to an ECS service is written with the service's private addresses as
//     destination; the IGW forwards it only if those addresses carry a public IPv4, and
//     delivers it only to the interface group(s) owning that public IPv4 — never to a
//     neighbour whose possible addresses merely overlap (internal LBs, tasks without
//     assign_public_ip); groups whose unknown addresses may all own it all receive it.
//   * IPv6 is globally routable and never translated (R2.4): an IGW forwards it both
//     ways for any address of its VPC's IPv6 CIDRs; an egress-only IGW forwards it out
//     and lets only the replies back in. An internal dual-stack LB drops IPv6 from the
//     IGW (ipv6.deny_all_igw_traffic, R2.7). A TGW VPC attachment carries IPv6 only
//     with ipv6_support; a Site-to-Site VPN on a VGW carries IPv4 only.
//   * The internet as a source sends from public addresses only: public IPv4 (no
//     private, shared or reserved range) and global unicast IPv6, 2000::/3, less the
//     IPv6 CIDRs of the loaded VPCs (the model's own addresses, not the internet's); it
//     delivers to public IPv4 and 2000::/3, and a flow to it also tries 64:ff9b::/96
//     (the NAT64 names of IPv4). IPv6 sources outside 2000::/3 leaving by an IGW, and
//     IPv6 sent to a NAT gateway (NAT64, not modelled), are uncertain drops (R0.1).
//   * "Must reach" (reachable()) is proven over IPv4 when both ends have IPv4, over
//     IPv6 when only IPv6 joins them; "must not reach" (isolated()) checks both families.
//   * A flow to a load balancer ends at a listener; LB -> targets is a separate flow
//     with the LB as source.
// The Snapshot must outlive the Network.

#include <memory>
#include <vector>

#include "moat/fwd/endpoint.hpp"
#include "moat/fwd/flow_result.hpp"
#include "moat/fwd/verdict.hpp"
#include "moat/graph/external_network.hpp"
#include "moat/graph/forwarding_graph.hpp"
#include "moat/model/snapshot.hpp"
#include "moat/net/packet_set.hpp"
#include "moat/net/port_set.hpp"
#include "moat/net/protocol_set.hpp"

namespace moat::fwd {

class Network {
 public:
  explicit Network(const model::Snapshot& snapshot, std::vector<graph::ExternalNetwork> external_networks = {});
  ~Network();
  Network(Network&&) noexcept;
  Network& operator=(Network&&) noexcept;

  const graph::ForwardingGraph& graph() const;

  // Pushes header_space from every source (restricted to each source's addresses) and
  // reports what is delivered to the destinations (every forwarding point when
  // destinations is empty; header_space is then restricted to their addresses).
  FlowResult flow(const std::vector<Endpoint>& sources, const net::PacketSet& header_space,
                  const std::vector<Endpoint>& destinations = {}, const FlowOptions& options = {}) const;

  // The return direction of every delivered part: the replies (ephemeral ports
  // 1024-65535, R3.9) sent back from where the part was delivered, SGs passing them
  // (stateful), NACLs and routes evaluated again, translations undone.
  FlowResult replies(const DeliveredPart& part) const;

  // Every source location reaches every destination location on every protocol/port,
  // return path included: over IPv4 where both locations have IPv4, else over IPv6 (two
  // locations with no family in common fail). Three-valued: fails only when some drop is
  // certain (or nothing explains the loss); unknown when every blocker rests on data absent
  // from state (R0.1). A failed verdict lists every blocker: packets a security group or
  // NACL drops are followed on as if it had let them pass, and what stops them further on
  // (forward or on the return path) is listed too, marked `behind` the first blocker.
  Verdict reachable(const std::vector<Endpoint>& from, const std::vector<Endpoint>& to, const net::ProtocolSet& protocols,
                    const net::PortSet& ports) const;

  // No packet of header_space (IPv4 and IPv6 by default) from `from` gets to `to`
  // (over-approximating unknowns).
  Verdict isolated(const std::vector<Endpoint>& from, const std::vector<Endpoint>& to,
                   const net::PacketSet& header_space = net::PacketSet::all()) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace moat::fwd
