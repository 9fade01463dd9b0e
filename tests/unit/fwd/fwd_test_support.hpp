#pragma once
// Test-only helpers to look into FlowResults and Verdicts.

#include <algorithm>
#include <string>

#include "moat/fwd/endpoint.hpp"
#include "moat/fwd/flow_result.hpp"
#include "moat/fwd/network.hpp"
#include "moat/fwd/verdict.hpp"
#include "moat/model/ids.hpp"
#include "moat/model/object_kind.hpp"
#include "moat/net/packet_set.hpp"

namespace moat::fwd::test {

// The interfaces of one instance / of one ECS service's tasks, as a flow endpoint.
inline Endpoint instance(model::InstanceId id) { return Endpoint::of({model::ObjectKind::instance, model::index(id)}); }
inline Endpoint service(model::EcsServiceId id) {
  return Endpoint::of({model::ObjectKind::ecs_service, model::index(id)});
}

inline const DroppedPart* find_drop(const std::vector<DroppedPart>& drops, ExplanationCode code) {
  auto it = std::find_if(drops.begin(), drops.end(), [&](const DroppedPart& d) { return d.code == code; });
  return it == drops.end() ? nullptr : &*it;
}

inline bool has_finding(const std::vector<Finding>& findings, ExplanationCode code, const std::string& address) {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const Finding& f) { return f.code == code && f.address == address; });
}

inline bool path_names(const std::vector<Hop>& path, const std::string& address) {
  return std::any_of(path.begin(), path.end(), [&](const Hop& h) { return h.address.find(address) != std::string::npos; });
}

// Whether any delivered part of `result` ends at one of `owner`'s interface groups.
inline bool delivered_to(const Network& network, const FlowResult& result, model::ObjectRef owner) {
  auto groups = network.graph().groups_of(owner);
  return std::any_of(result.delivered.begin(), result.delivered.end(), [&](const DeliveredPart& part) {
    return std::any_of(groups.begin(), groups.end(),
                       [&](std::uint32_t g) { return network.graph().group_node(g) == part.destination; });
  });
}

// TCP to `destination` on `port` from any source of the destination's family.
inline net::PacketSet tcp_to(const char* destination, std::uint16_t port) {
  auto prefix = net::Prefix::parse(destination);
  auto all = net::AddressSet::all(prefix.family());
  return net::PacketSet::of(
      net::HeaderBox{all, net::AddressSet::of(prefix), net::ProtocolSet::of(net::protocol::tcp), net::PortSet::of(port)});
}

// Every packet of one family.
inline net::PacketSet all_of(net::IpFamily family) { return net::PacketSet::all(family); }

inline net::ProtocolSet tcp() { return net::ProtocolSet::of(net::protocol::tcp); }

}  // namespace moat::fwd::test
