#pragma once
// Network: the forwarding engine over one Snapshot and the caller's declared external
// networks. Pushes exact PacketSets hop by hop in AWS order (R0.2): source SG egress ->
// same-subnet L2 delivery or source NACL outbound -> route table LPM with AWS
// tie-breaks -> gateways / attachments -> destination NACL inbound -> destination SG
// ingress -> delivered; never enumerates addresses, terminates on loops.
//
// Modelling choices worth knowing:
//   * Addresses are IPv4; IPv6 packets are not forwarded (dropped NO_ROUTE) for now.
//   * A public IPv4 is abstracted by the private address it maps to: a flow from the
//     internet to an ECS service is written with the service's private addresses as
//     destination; the IGW forwards it only if those addresses carry a public IPv4.
//   * The internet as a source sends from public addresses only.
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
                  const std::vector<Endpoint>& destinations = {}) const;

  // The return direction of every delivered part: the replies (ephemeral ports
  // 1024-65535, R3.9) sent back from where the part was delivered, SGs passing them
  // (stateful), NACLs and routes evaluated again, translations undone.
  FlowResult replies(const DeliveredPart& part) const;

  // Every source location reaches every destination location on every protocol/port,
  // return path included.
  Verdict reachable(const std::vector<Endpoint>& from, const std::vector<Endpoint>& to, const net::ProtocolSet& protocols,
                    const net::PortSet& ports) const;

  // No packet of header_space from `from` gets to `to` (over-approximating unknowns).
  Verdict isolated(const std::vector<Endpoint>& from, const std::vector<Endpoint>& to,
                   const net::PacketSet& header_space = net::PacketSet::all(net::IpFamily::v4)) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace moat::fwd
