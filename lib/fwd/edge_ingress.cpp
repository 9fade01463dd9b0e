#include "edge_ingress.hpp"

#include "moat/net/header_box.hpp"

namespace moat::fwd::detail {

namespace {

using model::ObjectKind;
using model::ObjectRef;

// Packets of both families with any addresses, of these protocols and ports.
net::PacketSet any_addresses(const net::ProtocolSet& protocols, const net::PortSet& ports) {
  net::PacketSet packets;
  for (auto family : {net::IpFamily::v4, net::IpFamily::v6}) {
    auto all = net::AddressSet::all(family);
    packets = packets | net::PacketSet::of(net::HeaderBox{all, all, protocols, ports});
  }
  return packets;
}

// The owners of the interfaces a target reference stands for.
std::vector<ObjectRef> owners(const model::Snapshot& s, const model::Ref<model::LoadBalancerId>& load_balancer,
                              const model::Ref<model::InstanceId>& instance,
                              const model::Ref<model::ElasticIpId>* elastic_ip) {
  std::vector<ObjectRef> found;
  if (load_balancer.id) found.push_back({ObjectKind::load_balancer, model::index(*load_balancer.id)});
  if (instance.id) found.push_back({ObjectKind::instance, model::index(*instance.id)});
  if (elastic_ip && elastic_ip->id) {
    const auto& eip = s.get(*elastic_ip->id);
    if (eip.instance.id) found.push_back({ObjectKind::instance, model::index(*eip.instance.id)});
    if (eip.network_interface.id)
      found.push_back({ObjectKind::network_interface, model::index(*eip.network_interface.id)});
  }
  return found;
}

std::vector<std::uint32_t> groups_of(const graph::ForwardingGraph& graph, const std::vector<ObjectRef>& targets) {
  std::vector<std::uint32_t> groups;
  for (const auto& target : targets) {
    for (auto g : graph.groups_of(target)) groups.push_back(g);
  }
  return groups;
}

}  // namespace

std::vector<EdgeIngress> build_edge_ingresses(const graph::ForwardingGraph& graph) {
  const auto& s = graph.snapshot();
  std::vector<EdgeIngress> found;
  auto tcp = net::ProtocolSet::of(net::protocol::tcp);
  auto udp = net::ProtocolSet::of(net::protocol::udp);
  for (const auto& group : s.global_accelerator_endpoint_groups) {
    for (const auto& endpoint : group.endpoints) {
      auto groups = groups_of(graph, owners(s, endpoint.load_balancer, endpoint.instance, &endpoint.elastic_ip));
      if (groups.empty()) continue;
      // The listener's port ranges and port overrides are not modelled: any TCP/UDP port.
      std::string seen = endpoint.client_ip_preservation
                             ? "with client IP preservation the target sees the clients' addresses and its subnet's "
                               "NACL inbound rules are not evaluated"
                             : "without client IP preservation the target sees the accelerator's addresses";
      found.push_back({group.origin.address, "Global Accelerator", endpoint.endpoint_id, std::move(groups),
                       any_addresses(tcp | udp, net::PortSet::all()),
                       "the internet reaches " + endpoint.endpoint_id + " through Global Accelerator (" +
                           group.origin.address + ", R2.13); " + seen +
                           ", which state does not hold: its security groups and NACL are not evaluated (R0.1)"});
    }
  }
  for (const auto& origin : s.cloudfront_vpc_origins) {
    auto groups = groups_of(graph, owners(s, origin.load_balancer, origin.instance, nullptr));
    if (groups.empty()) continue;
    auto ports = net::PortSet::of(origin.http_port) | net::PortSet::of(origin.https_port);
    found.push_back({origin.origin.address, "CloudFront", origin.endpoint_arn, std::move(groups), any_addresses(tcp, ports),
                     "the internet reaches " + origin.endpoint_arn + " through CloudFront (" + origin.origin.address +
                         ", R2.13) from CloudFront-managed ENIs and origin-facing ranges that state does not hold: "
                         "its security groups and NACL are not evaluated (R0.1)"});
  }
  return found;
}

}  // namespace moat::fwd::detail
