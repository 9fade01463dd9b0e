#include "binding.hpp"

#include <algorithm>
#include <set>

#include "moat/core/error.hpp"
#include "moat/net/header_box.hpp"

namespace moat::intent::detail {

namespace {

bool owns_interfaces(model::ObjectKind kind) {
  using K = model::ObjectKind;
  switch (kind) {
    case K::ecs_service:
    case K::load_balancer:
    case K::instance:
    case K::vpc_endpoint:
    case K::resolver_endpoint:
    case K::nat_gateway:
    case K::network_interface: return true;
    default: return false;
  }
}

// Every object whose Terraform address is `name` or an instance of it (`name[...]`).
std::vector<model::ObjectRef> objects_named(const model::Snapshot& snapshot, const std::string& name) {
  if (auto ref = snapshot.find_address(name)) return {*ref};
  std::vector<model::ObjectRef> found;
  for (std::size_t k = 0; k < model::object_kind_count; ++k) {
    auto kind = static_cast<model::ObjectKind>(k);
    for (std::uint32_t i = 0; i < snapshot.count(kind); ++i) {
      const auto& address = snapshot.origin({kind, i}).address;
      if (address.size() > name.size() && address.starts_with(name) && address[name.size()] == '[') found.push_back({kind, i});
    }
  }
  return found;
}

}  // namespace

std::vector<fwd::Endpoint> bind_plain(const Environment& environment, const Selector& selector, const std::string& where) {
  const auto& graph = environment.network().graph();
  const auto& snapshot = environment.snapshot();
  auto nothing = [&](const std::string& why) -> ParseError {
    return ParseError("[moat.scenario] " + where + ": \"" + selector.text + "\" matches nothing: " + why);
  };
  switch (selector.kind) {
    case SelectorKind::internet: return {fwd::Endpoint::internet()};
    case SelectorKind::everything: {
      std::vector<fwd::Endpoint> out;
      std::vector<model::ObjectRef> seen;
      for (const auto& group : graph.groups()) {
        if (std::find(seen.begin(), seen.end(), group.object) != seen.end()) continue;
        seen.push_back(group.object);
        out.push_back(fwd::Endpoint::of(group.object));
      }
      if (out.empty()) throw nothing("the loaded state has no resource with network interfaces");
      return out;
    }
    case SelectorKind::addresses: return {fwd::Endpoint::address_set(selector.addresses)};
    case SelectorKind::dns:
    case SelectorKind::service:
      throw ParseError("[moat.scenario] " + where + ": \"" + selector.text +
                       "\": dns: and service: selectors can only be destinations (`to`)");
    case SelectorKind::name: break;
  }
  for (const auto& network : environment.scenario().networks) {
    if (network.name == selector.value) return {fwd::Endpoint::external(network.name)};
  }
  auto objects = objects_named(snapshot, selector.value);
  if (objects.empty())
    throw nothing("no declared network and no resource in the loaded state has this Terraform address");
  std::vector<fwd::Endpoint> out;
  for (const auto& ref : objects) {
    if (ref.kind == model::ObjectKind::subnet) {
      out.push_back(fwd::Endpoint::subnet(model::SubnetId{ref.index}));
    } else if (ref.kind == model::ObjectKind::vpc) {
      for (std::uint32_t s = 0; s < snapshot.subnets.size(); ++s) {
        if (snapshot.subnets[s].vpc.id == model::VpcId{ref.index}) out.push_back(fwd::Endpoint::subnet(model::SubnetId{s}));
      }
    } else if (owns_interfaces(ref.kind)) {
      if (graph.groups_of(ref).empty())
        throw nothing(std::string(model::to_string(ref.kind)) + " " + selector.value +
                      " has no network interface in the model (its subnets are not in the loaded state?)");
      out.push_back(fwd::Endpoint::of(ref));
    } else {
      throw nothing("a " + std::string(model::to_string(ref.kind)) +
                    " owns no network interfaces (use an ECS service, LB, instance, endpoint, NAT, ENI or subnet)");
    }
  }
  if (out.empty()) throw nothing("it has no subnets in the loaded state");
  return out;
}

std::vector<std::uint32_t> groups_of(const Environment& environment, const fwd::Endpoint& endpoint) {
  const auto& graph = environment.network().graph();
  switch (endpoint.kind) {
    case fwd::Endpoint::Kind::object: return graph.groups_of(endpoint.object);
    case fwd::Endpoint::Kind::subnet: {
      auto span = graph.groups_in_subnet(model::SubnetId{endpoint.object.index});
      return {span.begin(), span.end()};
    }
    default: return {};
  }
}

std::vector<dns::Vantage> vantages_of(const Environment& environment, const fwd::Endpoint& endpoint) {
  const auto& snapshot = environment.snapshot();
  const auto& graph = environment.network().graph();
  switch (endpoint.kind) {
    case fwd::Endpoint::Kind::external_network: return {dns::Vantage::on_premises(endpoint.name)};
    case fwd::Endpoint::Kind::subnet: {
      model::SubnetId subnet{endpoint.object.index};
      if (!snapshot.get(subnet).vpc.id) return {};
      return {dns::Vantage::in_subnet(snapshot, subnet)};
    }
    case fwd::Endpoint::Kind::object: {
      std::vector<dns::Vantage> out;
      std::set<std::uint32_t> vpcs;
      for (auto g : graph.groups_of(endpoint.object)) {
        const auto& group = graph.groups()[g];
        if (!vpcs.insert(model::index(group.vpc)).second) continue;
        if (!snapshot.get(group.subnet).vpc.id) continue;
        out.push_back(dns::Vantage::in_subnet(snapshot, group.subnet));
      }
      return out;
    }
    default: return {};
  }
}

std::string describe(const Environment& environment, const fwd::Endpoint& endpoint) {
  const auto& snapshot = environment.snapshot();
  switch (endpoint.kind) {
    case fwd::Endpoint::Kind::object:
    case fwd::Endpoint::Kind::subnet: {
      const auto& origin = snapshot.origin(endpoint.object);
      return origin.address.empty() ? origin.aws_id : origin.address;
    }
    case fwd::Endpoint::Kind::external_network: return endpoint.name;
    case fwd::Endpoint::Kind::internet: return "internet";
    case fwd::Endpoint::Kind::addresses: return endpoint.addresses.to_string();
    case fwd::Endpoint::Kind::aws_service: return endpoint.name;
  }
  return "?";
}

net::PacketSet header_space(const net::ProtocolSet& protocols, const net::PortSet& ports) {
  net::PacketSet space;
  for (auto family : {net::IpFamily::v4, net::IpFamily::v6}) {
    auto all = net::AddressSet::all(family);
    space = space | net::PacketSet::of(net::HeaderBox{all, all, protocols, ports});
  }
  return space;
}

}  // namespace moat::intent::detail
