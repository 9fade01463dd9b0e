// Environment: binds the scenario's declared networks to the Snapshot and wires the
// forwarding engine in as the DNS resolution's FlowOracle.

#include "moat/intent/environment.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "moat/core/error.hpp"
#include "moat/model/region.hpp"
#include "moat/net/ip_address.hpp"
#include "required_flow_oracle.hpp"

namespace moat::intent {

namespace {

using model::ObjectKind;

// An object of `kind` named by Terraform address, AWS id or name.
template <class T>
std::optional<typename T::Id> find_named(const model::Snapshot& snapshot, const std::string& name) {
  if (auto ref = snapshot.find_address(name); ref && ref->kind == T::kind) return typename T::Id{ref->index};
  if (auto id = snapshot.find<T>(name)) return id;
  const auto& objects = snapshot.all<T>();
  for (std::uint32_t i = 0; i < objects.size(); ++i) {
    if constexpr (requires { objects[i].name; }) {
      if (objects[i].name == name) return typename T::Id{i};
    }
  }
  return std::nullopt;
}

[[noreturn]] void no_match(const std::string& key, const std::string& target, std::string_view what) {
  throw ParseError("[moat.scenario] " + key + ": \"" + target + "\" matches no " + std::string(what) +
                   " in the loaded state (give its Terraform address, AWS id or name)");
}

graph::Attachment bind_attachment(const model::Snapshot& snapshot, const scenario::Attachment& via) {
  using Kind = scenario::Attachment::Kind;
  switch (via.kind) {
    case Kind::dx_gateway:
      if (auto id = find_named<model::DxGateway>(snapshot, via.target)) return {*id};
      no_match(via.key, via.target, "DX gateway");
    case Kind::vpn_gateway:
      if (auto id = find_named<model::VpnGateway>(snapshot, via.target)) return {*id};
      no_match(via.key, via.target, "VPN gateway");
    case Kind::transit_gateway:
      if (auto id = find_named<model::TransitGateway>(snapshot, via.target)) return {*id};
      no_match(via.key, via.target, "transit gateway");
    case Kind::vpn_connection:
      if (auto id = find_named<model::VpnConnection>(snapshot, via.target)) return {*id};
      no_match(via.key, via.target, "VPN connection");
  }
  no_match(via.key, via.target, "gateway");
}

dns::ConditionalForwarder bind_forwarder(const model::Snapshot& snapshot, const scenario::DnsForwarder& forwarder) {
  dns::ConditionalForwarder bound;
  bound.domain = forwarder.domain;
  if (!forwarder.resolver_endpoint.empty()) {
    auto id = find_named<model::ResolverEndpoint>(snapshot, forwarder.resolver_endpoint);
    if (!id) no_match(forwarder.key + ".to", forwarder.resolver_endpoint, "Route 53 Resolver endpoint");
    bound.resolver_endpoint = *id;
  }
  for (const auto& address : forwarder.addresses) bound.targets.push_back(net::IpAddress::parse(address));
  return bound;
}

std::string infer_region(const model::Snapshot& snapshot, const std::string& declared) {
  if (!declared.empty()) return declared;
  constexpr std::string_view prefix = "com.amazonaws.";
  for (const auto& endpoint : snapshot.vpc_endpoints) {
    std::string_view name = endpoint.service_name;
    if (!name.starts_with(prefix)) continue;
    name.remove_prefix(prefix.size());
    if (auto dot = name.find('.'); dot != std::string_view::npos) return std::string(name.substr(0, dot));
  }
  // Else the region every subnet's availability zone lies in, when they agree.
  std::string from_zones;
  for (const auto& subnet : snapshot.subnets) {
    std::string region = model::region_of_zone(subnet.availability_zone);
    if (region.empty()) continue;
    if (!from_zones.empty() && region != from_zones) return {};
    from_zones = std::move(region);
  }
  return from_zones;
}

std::vector<graph::ExternalNetwork> graph_networks(const model::Snapshot& snapshot, const scenario::Scenario& scenario) {
  std::vector<graph::ExternalNetwork> out;
  for (const auto& declared : scenario.networks) {
    graph::ExternalNetwork network{declared.name, declared.cidrs, {}};
    for (const auto& via : declared.via) network.via.push_back(bind_attachment(snapshot, via));
    out.push_back(std::move(network));
  }
  return out;
}

}  // namespace

struct Environment::Impl {
  const model::Snapshot& snapshot;
  scenario::Scenario scenario;
  fwd::Network network;
  RequiredFlowOracle oracle;
  dns::DnsContext dns;
  std::string region;

  Impl(const model::Snapshot& s, const scenario::Scenario& sc)
      : snapshot(s), scenario(sc), network(s, graph_networks(s, sc)), oracle(network), region(infer_region(s, sc.region)) {
    for (const auto& declared : sc.networks) {
      dns::ExternalNetwork external;
      external.name = declared.name;
      external.prefixes = declared.cidrs;
      for (const auto& forwarder : declared.dns_forwarders) external.forwarders.push_back(bind_forwarder(s, forwarder));
      external.dns_servers = declared.dns_servers;
      external.zones = declared.dns_zones;
      for (const auto& record : declared.dns_records) {
        auto type = record.type == "AAAA"    ? model::RecordType::aaaa
                    : record.type == "CNAME" ? model::RecordType::cname
                                             : model::RecordType::a;
        external.records.push_back(dns::ExternalRecord{record.name, type, record.values});
      }
      dns.external_networks.push_back(std::move(external));
    }
    dns.flow_oracle = &oracle;
  }
};

Environment::Environment(const model::Snapshot& snapshot, const scenario::Scenario& scenario)
    : impl_(std::make_unique<Impl>(snapshot, scenario)) {}
Environment::~Environment() = default;

const model::Snapshot& Environment::snapshot() const { return impl_->snapshot; }
const scenario::Scenario& Environment::scenario() const { return impl_->scenario; }
const fwd::Network& Environment::network() const { return impl_->network; }
const dns::DnsContext& Environment::dns_context() const { return impl_->dns; }
const std::string& Environment::region() const { return impl_->region; }

}  // namespace moat::intent
