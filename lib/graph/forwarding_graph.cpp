#include "moat/graph/forwarding_graph.hpp"

#include <boost/graph/adjacency_list.hpp>

#include <map>
#include <string>
#include <utility>

#include "moat/core/assert.hpp"

namespace moat::graph {

std::string_view to_string(NodeKind kind) {
  switch (kind) {
    case NodeKind::interface_group: return "interface_group";
    case NodeKind::subnet: return "subnet";
    case NodeKind::route_table: return "route_table";
    case NodeKind::internet_gateway: return "internet_gateway";
    case NodeKind::egress_only_internet_gateway: return "egress_only_internet_gateway";
    case NodeKind::vpn_gateway: return "vpn_gateway";
    case NodeKind::dx_gateway: return "dx_gateway";
    case NodeKind::transit_gateway: return "transit_gateway";
    case NodeKind::transit_gateway_route_table: return "transit_gateway_route_table";
    case NodeKind::vpc_peering_connection: return "vpc_peering_connection";
    case NodeKind::gateway_endpoint: return "gateway_endpoint";
    case NodeKind::internet: return "internet";
    case NodeKind::external_network: return "external_network";
    case NodeKind::aws_service: return "aws_service";
  }
  return "unknown";
}

std::string_view to_string(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::placement: return "placement";
    case EdgeKind::association: return "association";
    case EdgeKind::route: return "route";
    case EdgeKind::attachment: return "attachment";
    case EdgeKind::propagation: return "propagation";
  }
  return "unknown";
}

std::string_view to_string(InterfaceRole role) {
  switch (role) {
    case InterfaceRole::ecs_service: return "ecs_service";
    case InterfaceRole::load_balancer: return "load_balancer";
    case InterfaceRole::interface_endpoint: return "interface_endpoint";
    case InterfaceRole::resolver_endpoint: return "resolver_endpoint";
    case InterfaceRole::instance: return "instance";
    case InterfaceRole::network_interface: return "network_interface";
    case InterfaceRole::nat_gateway: return "nat_gateway";
  }
  return "unknown";
}

namespace {

using Bgl = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node, Edge>;

struct ObjectRefLess {
  bool operator()(const model::ObjectRef& a, const model::ObjectRef& b) const {
    return std::pair(a.kind, a.index) < std::pair(b.kind, b.index);
  }
};

// How an owner without listed IPv6 addresses gets IPv6 in a subnet with an IPv6 CIDR.
struct Ipv6 {
  bool from_subnet = false;  // it takes an address of the subnet's IPv6 CIDR
  std::string assumption;    // ... only if this holds (empty: certainly)
};

template <class Id>
model::ObjectRef ref_of(Id id, model::ObjectKind kind) {
  return {kind, model::index(id)};
}

}  // namespace

struct ForwardingGraph::Impl {
  const model::Snapshot* snapshot = nullptr;
  Bgl graph;
  std::map<model::ObjectRef, NodeId, ObjectRefLess> by_object;
  std::vector<InterfaceGroup> groups;
  std::vector<NodeId> group_nodes;
  std::vector<std::vector<std::uint32_t>> groups_by_subnet;
  std::map<std::uint32_t, std::vector<std::uint32_t>> members_by_sg;
  std::map<model::ObjectRef, std::vector<std::uint32_t>, ObjectRefLess> groups_by_owner;
  std::vector<ExternalNetwork> externals;
  std::vector<NodeId> external_nodes;
  std::map<std::string, NodeId, std::less<>> services;
  NodeId internet{};

  NodeId add_node(Node node) {
    auto vertex = boost::add_vertex(std::move(node), graph);
    return static_cast<NodeId>(vertex);
  }
  NodeId add_object_node(NodeKind kind, model::ObjectRef object) {
    const model::Origin& origin = snapshot->origin(object);
    Node node{kind, object, 0, origin.aws_id.empty() ? origin.address : origin.aws_id, origin};
    NodeId id = add_node(std::move(node));
    by_object.emplace(object, id);
    return id;
  }
  std::optional<NodeId> find(model::ObjectRef object) const {
    auto it = by_object.find(object);
    if (it == by_object.end()) return std::nullopt;
    return it->second;
  }
  void add_edge(NodeId from, NodeId to, EdgeKind kind, std::string label, model::Origin origin) {
    boost::add_edge(index(from), index(to), Edge{from, to, kind, std::move(label), std::move(origin)}, graph);
  }
  NodeId service(const std::string& prefix_list_id, const std::string& name) {
    auto it = services.find(prefix_list_id);
    if (it != services.end()) return it->second;
    model::Origin origin;
    origin.aws_id = prefix_list_id;
    NodeId id = add_node(Node{NodeKind::aws_service, std::nullopt, 0, name.empty() ? prefix_list_id : name, origin});
    services.emplace(prefix_list_id, id);
    return id;
  }

  // An ENI attached to a loaded instance is the instance's group when it is its primary
  // ENI, or when state does not name the primary. A secondary ENI (the instance names
  // another primary) is a forwarding point of its own: its subnet, SGs and source/dest check.
  bool represented_by_instance(const model::NetworkInterface& eni) const {
    const auto& primary = snapshot->get(*eni.instance.id).primary_network_interface.aws_id;
    return primary.empty() || primary == eni.origin.aws_id;
  }

  std::uint32_t add_group(InterfaceGroup group) {
    auto group_index = static_cast<std::uint32_t>(groups.size());
    NodeId id = add_node(Node{NodeKind::interface_group, group.object, group_index, group.name, group.origin});
    if (auto subnet_node = find(ref_of(group.subnet, model::ObjectKind::subnet))) {
      add_edge(id, *subnet_node, EdgeKind::placement, "placement", group.origin);
    }
    groups_by_subnet[model::index(group.subnet)].push_back(group_index);
    groups_by_owner[group.object].push_back(group_index);
    for (auto sg : group.security_groups) members_by_sg[model::index(sg)].push_back(group_index);
    group_nodes.push_back(id);
    groups.push_back(std::move(group));
    return group_index;
  }

  // A group for `owner` in `subnet`: the listed addresses, else the subnet's CIDR. IPv6:
  // the listed IPv6 addresses, else the subnet's IPv6 CIDR when `ipv6` says the owner
  // takes IPv6 addresses there, else none.
  InterfaceGroup make_group(InterfaceRole role, model::ObjectRef owner, model::SubnetId subnet_id,
                            const std::vector<net::IpAddress>& known, bool public_ip,
                            std::vector<model::SecurityGroupId> security_groups, Ipv6 ipv6 = {}) {
    const model::Subnet& subnet = snapshot->get(subnet_id);
    const model::Origin& origin = snapshot->origin(owner);
    InterfaceGroup group;
    group.role = role;
    group.object = owner;
    group.subnet = subnet_id;
    group.vpc = subnet.vpc.id.value_or(model::VpcId{});
    group.origin = origin;
    group.name = (origin.address.empty() ? origin.aws_id : origin.address) + " in " +
                 (subnet.origin.aws_id.empty() ? subnet.origin.address : subnet.origin.aws_id);
    for (const auto& address : known) {
      auto& slot = address.is_v4() ? group.addresses : group.ipv6_addresses;
      slot = slot | net::AddressSet::of(address);
    }
    group.addresses_known = !group.addresses.empty();
    if (!group.addresses_known && subnet.ipv4_cidr) group.addresses = net::AddressSet::of(*subnet.ipv4_cidr);
    group.ipv6_addresses_known = !group.ipv6_addresses.empty();
    if (!group.ipv6_addresses_known && ipv6.from_subnet && subnet.ipv6_cidr) {
      group.ipv6_addresses = net::AddressSet::of(*subnet.ipv6_cidr);
      group.ipv6_assumption = std::move(ipv6.assumption);
    }
    if (public_ip) group.public_mapped = group.addresses;
    if (security_groups.empty() && role != InterfaceRole::nat_gateway && role != InterfaceRole::ecs_service &&
        subnet.vpc.id) {
      // Resources created without SGs get the VPC default SG (R3.2, R2.17).
      const auto& vpc = snapshot->get(*subnet.vpc.id);
      if (vpc.default_security_group.id) security_groups.push_back(*vpc.default_security_group.id);
    }
    group.security_groups = std::move(security_groups);
    return group;
  }

  // An instance or ENI that state lists no IPv6 address for, in a subnet that assigns
  // IPv6 on creation: it has one only if it was created after the setting was made.
  Ipv6 assigned_on_creation(model::SubnetId subnet_id, const model::Origin& owner) const {
    const auto& subnet = snapshot->get(subnet_id);
    if (!subnet.assign_ipv6_address_on_creation) return {};
    return {true, "state lists no IPv6 address for " + owner.address + ", but " + subnet.origin.address +
                      " assigns IPv6 on creation: it may have one"};
  }

  // The addresses of an interface endpoint's ENI in a subnet, as the DNS answers name them:
  // the ENI's own when state holds it, else the endpoint's subnet_configuration (provider
  // v5); empty when state holds neither, and the group then ranges over the subnet's CIDR
  // (addresses_known false, drawn without addresses).
  std::vector<net::IpAddress> endpoint_addresses(const model::VpcEndpoint& endpoint, model::SubnetId subnet) const {
    std::vector<net::IpAddress> known;
    for (const auto& ref : endpoint.network_interfaces) {
      if (!ref.id) continue;
      const auto& eni = snapshot->get(*ref.id);
      if (eni.subnet.id != subnet) continue;
      known.insert(known.end(), eni.private_ips.begin(), eni.private_ips.end());
      known.insert(known.end(), eni.ipv6_addresses.begin(), eni.ipv6_addresses.end());
    }
    if (!known.empty()) return known;
    for (const auto& address : endpoint.subnet_addresses) {
      if (address.subnet.id != subnet) continue;
      if (address.ipv4) known.push_back(*address.ipv4);
      if (address.ipv6) known.push_back(*address.ipv6);
    }
    return known;
  }

  static std::vector<model::SecurityGroupId> resolved(const std::vector<model::Ref<model::SecurityGroupId>>& refs) {
    std::vector<model::SecurityGroupId> ids;
    for (const auto& ref : refs) {
      if (ref.id) ids.push_back(*ref.id);
    }
    return ids;
  }

  void build_groups() {
    const auto& s = *snapshot;
    // Public IPs held by EIPs, per instance and per ENI.
    std::map<std::uint32_t, bool> eip_instance, eip_eni;
    for (const auto& eip : s.elastic_ips) {
      if (eip.domain == model::ElasticIpDomain::standard) continue;  // EC2-Classic: no VPC interface
      if (eip.instance.id) eip_instance[model::index(*eip.instance.id)] = true;
      if (eip.network_interface.id) eip_eni[model::index(*eip.network_interface.id)] = true;
    }
    std::map<std::uint32_t, bool> eni_taken;  // ENIs represented by their owner's group
    for (std::uint32_t i = 0; i < s.ecs_services.size(); ++i) {
      const auto& service = s.ecs_services[i];
      for (const auto& subnet : service.subnets) {
        if (!subnet.id) continue;
        // A task ENI in a subnet with an IPv6 CIDR receives an IPv6 address when the ECS
        // account setting dualStackIPv6 is on, which state does not hold (R0.1).
        add_group(make_group(InterfaceRole::ecs_service, {model::ObjectKind::ecs_service, i}, *subnet.id, {},
                             service.assign_public_ip, resolved(service.security_groups),
                             {true, "the ECS account setting dualStackIPv6 is on (not in state), so the tasks of " +
                                        s.ecs_services[i].origin.address + " have IPv6 addresses"}));
      }
    }
    for (std::uint32_t i = 0; i < s.load_balancers.size(); ++i) {
      const auto& lb = s.load_balancers[i];
      for (const auto& subnet : lb.subnets) {
        if (!subnet.id) continue;
        std::vector<net::IpAddress> known;
        for (const auto& mapping : lb.subnet_mappings) {
          if (mapping.subnet.id == subnet.id && mapping.private_ipv4_address) known.push_back(*mapping.private_ipv4_address);
        }
        add_group(make_group(InterfaceRole::load_balancer, {model::ObjectKind::load_balancer, i}, *subnet.id, known,
                             !lb.internal && !lb.dualstack_without_public_ipv4, resolved(lb.security_groups),
                             {lb.dualstack, {}}));
      }
    }
    for (std::uint32_t i = 0; i < s.vpc_endpoints.size(); ++i) {
      const auto& endpoint = s.vpc_endpoints[i];
      if (endpoint.type != model::VpcEndpointType::interface) continue;
      for (const auto& eni : endpoint.network_interfaces) {
        if (eni.id) eni_taken[model::index(*eni.id)] = true;
      }
      for (const auto& subnet : endpoint.subnets) {
        if (!subnet.id) continue;
        add_group(make_group(InterfaceRole::interface_endpoint, {model::ObjectKind::vpc_endpoint, i}, *subnet.id,
                             endpoint_addresses(endpoint, *subnet.id), false, resolved(endpoint.security_groups),
                             {endpoint.ipv6, {}}));
      }
    }
    for (std::uint32_t i = 0; i < s.resolver_endpoints.size(); ++i) {
      const auto& endpoint = s.resolver_endpoints[i];
      for (const auto& address : endpoint.addresses) {
        if (!address.subnet.id) continue;
        std::vector<net::IpAddress> known;
        if (address.ip) known.push_back(*address.ip);
        if (address.ipv6) known.push_back(*address.ipv6);
        add_group(make_group(InterfaceRole::resolver_endpoint, {model::ObjectKind::resolver_endpoint, i},
                             *address.subnet.id, known, false, resolved(endpoint.security_groups), {endpoint.ipv6, {}}));
      }
    }
    for (std::uint32_t i = 0; i < s.nat_gateways.size(); ++i) {
      const auto& nat = s.nat_gateways[i];
      if (!nat.subnet.id) continue;
      if (nat.network_interface.id) eni_taken[model::index(*nat.network_interface.id)] = true;
      std::vector<net::IpAddress> known;
      if (nat.private_ip) known.push_back(*nat.private_ip);
      bool is_public = nat.connectivity == model::NatConnectivity::public_connectivity;
      add_group(make_group(InterfaceRole::nat_gateway, {model::ObjectKind::nat_gateway, i}, *nat.subnet.id, known,
                           is_public, {}));
    }
    for (std::uint32_t i = 0; i < s.instances.size(); ++i) {
      const auto& instance = s.instances[i];
      if (!instance.subnet.id) continue;
      // Source/dest check is an attribute of the primary ENI: its own resource, when
      // loaded, decides (aws_instance.source_dest_check mirrors it).
      bool source_dest_check = instance.source_dest_check;
      if (auto eni = instance.primary_network_interface.id) {
        eni_taken[model::index(*eni)] = true;
        source_dest_check = s.get(*eni).source_dest_check;
      }
      std::vector<net::IpAddress> known = instance.ipv6_addresses;
      if (instance.private_ip) known.push_back(*instance.private_ip);
      bool is_public = instance.public_ip.has_value() || instance.associate_public_ip_address || eip_instance[i];
      auto group = make_group(InterfaceRole::instance, {model::ObjectKind::instance, i}, *instance.subnet.id, known,
                              is_public, resolved(instance.security_groups),
                              assigned_on_creation(*instance.subnet.id, instance.origin));
      group.forwards = !source_dest_check;
      auto group_index = add_group(std::move(group));
      // The primary ENI is the instance: a route or selector naming it reaches this group.
      if (auto eni = instance.primary_network_interface.id) {
        groups_by_owner[{model::ObjectKind::network_interface, model::index(*eni)}].push_back(group_index);
      }
    }
    for (std::uint32_t i = 0; i < s.network_interfaces.size(); ++i) {
      const auto& eni = s.network_interfaces[i];
      if (!eni.subnet.id || eni_taken[i]) continue;
      if (eni.instance.id && represented_by_instance(eni)) {
        for (auto group : groups_of_owner({model::ObjectKind::instance, model::index(*eni.instance.id)})) {
          groups_by_owner[{model::ObjectKind::network_interface, i}].push_back(group);
        }
        continue;
      }
      bool is_public = eni.public_ip.has_value() || eip_eni[i];
      std::vector<net::IpAddress> known = eni.private_ips;
      known.insert(known.end(), eni.ipv6_addresses.begin(), eni.ipv6_addresses.end());
      auto group = make_group(InterfaceRole::network_interface, {model::ObjectKind::network_interface, i},
                              *eni.subnet.id, known, is_public, resolved(eni.security_groups),
                              assigned_on_creation(*eni.subnet.id, eni.origin));
      group.forwards = !eni.source_dest_check;
      add_group(std::move(group));
    }
  }

  void build(const model::Snapshot& s, std::vector<ExternalNetwork> networks) {
    snapshot = &s;
    internet = add_node(Node{NodeKind::internet, std::nullopt, 0, "internet", {}});
    using K = model::ObjectKind;
    for (std::uint32_t i = 0; i < s.subnets.size(); ++i) add_object_node(NodeKind::subnet, {K::subnet, i});
    for (std::uint32_t i = 0; i < s.route_tables.size(); ++i) add_object_node(NodeKind::route_table, {K::route_table, i});
    for (std::uint32_t i = 0; i < s.internet_gateways.size(); ++i)
      add_object_node(NodeKind::internet_gateway, {K::internet_gateway, i});
    for (std::uint32_t i = 0; i < s.egress_only_internet_gateways.size(); ++i)
      add_object_node(NodeKind::egress_only_internet_gateway, {K::egress_only_internet_gateway, i});
    for (std::uint32_t i = 0; i < s.vpn_gateways.size(); ++i) add_object_node(NodeKind::vpn_gateway, {K::vpn_gateway, i});
    for (std::uint32_t i = 0; i < s.dx_gateways.size(); ++i) add_object_node(NodeKind::dx_gateway, {K::dx_gateway, i});
    for (std::uint32_t i = 0; i < s.transit_gateways.size(); ++i)
      add_object_node(NodeKind::transit_gateway, {K::transit_gateway, i});
    for (std::uint32_t i = 0; i < s.transit_gateway_route_tables.size(); ++i)
      add_object_node(NodeKind::transit_gateway_route_table, {K::transit_gateway_route_table, i});
    for (std::uint32_t i = 0; i < s.vpc_peering_connections.size(); ++i)
      add_object_node(NodeKind::vpc_peering_connection, {K::vpc_peering_connection, i});
    for (std::uint32_t i = 0; i < s.vpc_endpoints.size(); ++i) {
      if (s.vpc_endpoints[i].type == model::VpcEndpointType::gateway)
        add_object_node(NodeKind::gateway_endpoint, {K::vpc_endpoint, i});
    }
    groups_by_subnet.resize(s.subnets.size());
    build_groups();
    for (std::uint32_t i = 0; i < networks.size(); ++i) {
      external_nodes.push_back(add_node(Node{NodeKind::external_network, std::nullopt, i, networks[i].name, {}}));
    }
    externals = std::move(networks);
    build_edges();
  }

  void build_edges() {
    const auto& s = *snapshot;
    using K = model::ObjectKind;
    for (std::uint32_t i = 0; i < s.subnets.size(); ++i) {
      auto table = s.effective_route_table(model::SubnetId{i});
      if (!table) continue;
      const auto& subnet = s.subnets[i];
      model::Origin origin = subnet.route_table.empty() ? s.get(*subnet.vpc.id).main_route_table_association
                                                         : subnet.route_table_association;
      if (origin.empty()) origin = s.route_tables[model::index(*table)].origin;
      add_edge(*find({K::subnet, i}), *find({K::route_table, model::index(*table)}), EdgeKind::association,
               subnet.route_table.empty() ? "main route table" : "association", origin);
    }
    for (std::uint32_t i = 0; i < s.route_tables.size(); ++i) {
      NodeId from = *find({K::route_table, i});
      for (const auto& route : s.route_tables[i].routes) {
        if (route.blackhole) continue;  // leads nowhere (R1.13)
        std::optional<NodeId> to = route_target_node(route.target);
        std::string label = route.destination.to_string() + " -> " + route.target.aws_id;
        if (route.destination.is_prefix_list() && route.target.kind != model::RouteTargetKind::vpc_endpoint) {
          // AWS-managed lists become symbolic service nodes reachable through the route
          // (gateway endpoints link to their service below, known list or not).
          auto pl = s.find<model::ManagedPrefixList>(route.destination.prefix_list_id);
          if (!pl || !s.get(*pl).entries_known) {
            NodeId svc = service(route.destination.prefix_list_id, pl ? s.get(*pl).name : std::string{});
            if (to) add_edge(*to, svc, EdgeKind::route, label, route.origin);
          }
        }
        if (to) add_edge(from, *to, EdgeKind::route, label, route.origin);
      }
      for (const auto& edge : s.route_tables[i].edge_associations) {
        if (auto gw = route_target_node(edge.gateway)) add_edge(*gw, from, EdgeKind::association, "edge association", edge.origin);
      }
    }
    // A gateway endpoint delivers to its AWS service (S3, DynamoDB): one service node per
    // prefix list, named after the service (R2.16).
    for (std::uint32_t i = 0; i < s.vpc_endpoints.size(); ++i) {
      const auto& endpoint = s.vpc_endpoints[i];
      if (endpoint.type != model::VpcEndpointType::gateway || endpoint.prefix_list_id.empty()) continue;
      auto pl = s.find<model::ManagedPrefixList>(endpoint.prefix_list_id);
      std::string name = pl && !s.get(*pl).name.empty() ? s.get(*pl).name : endpoint.service_name;
      NodeId svc = service(endpoint.prefix_list_id, name);
      add_edge(*find({K::vpc_endpoint, i}), svc, EdgeKind::route, endpoint.prefix_list_id + " -> " + name, endpoint.origin);
    }
    for (std::uint32_t i = 0; i < s.internet_gateways.size(); ++i) {
      add_edge(*find({K::internet_gateway, i}), internet, EdgeKind::attachment, "internet", s.internet_gateways[i].origin);
      add_edge(internet, *find({K::internet_gateway, i}), EdgeKind::attachment, "internet", s.internet_gateways[i].origin);
    }
    for (const auto& assoc : s.dx_gateway_associations) {
      if (!assoc.dx_gateway.id) continue;
      NodeId dx = *find({K::dx_gateway, model::index(*assoc.dx_gateway.id)});
      std::optional<NodeId> gw;
      if (assoc.vpn_gateway.id) gw = find({K::vpn_gateway, model::index(*assoc.vpn_gateway.id)});
      if (assoc.transit_gateway.id) gw = find({K::transit_gateway, model::index(*assoc.transit_gateway.id)});
      if (!gw) continue;
      add_edge(dx, *gw, EdgeKind::attachment, "dx gateway association", assoc.origin);
      add_edge(*gw, dx, EdgeKind::attachment, "dx gateway association", assoc.origin);
    }
    for (std::uint32_t i = 0; i < s.transit_gateway_route_tables.size(); ++i) {
      const auto& table = s.transit_gateway_route_tables[i];
      NodeId from = *find({K::transit_gateway_route_table, i});
      if (table.transit_gateway.id)
        add_edge(*find({K::transit_gateway, model::index(*table.transit_gateway.id)}), from, EdgeKind::association,
                 "route table", table.origin);
      for (const auto& link : table.propagations) {
        if (auto tgw = attachment_vpc_node(link.attachment)) add_edge(*tgw, from, EdgeKind::propagation, "propagation", link.origin);
      }
    }
    for (std::uint32_t n = 0; n < externals.size(); ++n) {
      for (const auto& via : externals[n].via) {
        std::optional<NodeId> gw = std::visit(
            [&](auto id) -> std::optional<NodeId> {
              using Id = decltype(id);
              if constexpr (std::is_same_v<Id, model::DxGatewayId>) return find({K::dx_gateway, model::index(id)});
              if constexpr (std::is_same_v<Id, model::VpnGatewayId>) return find({K::vpn_gateway, model::index(id)});
              if constexpr (std::is_same_v<Id, model::TransitGatewayId>) return find({K::transit_gateway, model::index(id)});
              if constexpr (std::is_same_v<Id, model::VpnConnectionId>) {
                const auto& vpn = snapshot->get(id);
                if (vpn.vpn_gateway.id) return find({K::vpn_gateway, model::index(*vpn.vpn_gateway.id)});
                if (vpn.transit_gateway.id) return find({K::transit_gateway, model::index(*vpn.transit_gateway.id)});
              }
              return std::nullopt;
            },
            via.gateway);
        if (!gw) continue;
        add_edge(external_nodes[n], *gw, EdgeKind::attachment, "declared attachment", {});
        add_edge(*gw, external_nodes[n], EdgeKind::attachment, "declared attachment", {});
      }
    }
  }

  // The TGW node of a VPC attachment (propagation edges run TGW -> table).
  std::optional<NodeId> attachment_vpc_node(const model::Ref<model::TransitGatewayAttachmentId>& ref) const {
    if (!ref.id) return std::nullopt;
    const auto& attachment = snapshot->get(*ref.id);
    if (!attachment.transit_gateway.id) return std::nullopt;
    return find({model::ObjectKind::transit_gateway, model::index(*attachment.transit_gateway.id)});
  }

  std::optional<NodeId> route_target_node(const model::RouteTarget& target) const {
    using K = model::ObjectKind;
    return std::visit(
        [&](auto id) -> std::optional<NodeId> {
          using Id = decltype(id);
          if constexpr (std::is_same_v<Id, std::monostate>) {
            return std::nullopt;
          } else if constexpr (std::is_same_v<Id, model::NatGatewayId>) {
            auto owned = groups_of_owner({K::nat_gateway, model::index(id)});
            if (owned.empty()) return std::nullopt;
            return group_nodes[owned.front()];
          } else if constexpr (std::is_same_v<Id, model::InstanceId>) {
            auto owned = groups_of_owner({K::instance, model::index(id)});
            if (owned.empty()) return std::nullopt;
            return group_nodes[owned.front()];
          } else if constexpr (std::is_same_v<Id, model::NetworkInterfaceId>) {
            auto owned = groups_of_owner({K::network_interface, model::index(id)});
            if (owned.empty()) return std::nullopt;
            return group_nodes[owned.front()];
          } else if constexpr (std::is_same_v<Id, model::InternetGatewayId>) {
            return find({K::internet_gateway, model::index(id)});
          } else if constexpr (std::is_same_v<Id, model::EgressOnlyInternetGatewayId>) {
            return find({K::egress_only_internet_gateway, model::index(id)});
          } else if constexpr (std::is_same_v<Id, model::VpnGatewayId>) {
            return find({K::vpn_gateway, model::index(id)});
          } else if constexpr (std::is_same_v<Id, model::TransitGatewayId>) {
            return find({K::transit_gateway, model::index(id)});
          } else if constexpr (std::is_same_v<Id, model::VpcPeeringConnectionId>) {
            return find({K::vpc_peering_connection, model::index(id)});
          } else {
            return find({K::vpc_endpoint, model::index(id)});
          }
        },
        target.id);
  }

  std::vector<std::uint32_t> groups_of_owner(model::ObjectRef owner) const {
    auto it = groups_by_owner.find(owner);
    return it == groups_by_owner.end() ? std::vector<std::uint32_t>{} : it->second;
  }
};

ForwardingGraph::ForwardingGraph(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ForwardingGraph::~ForwardingGraph() = default;
ForwardingGraph::ForwardingGraph(ForwardingGraph&&) noexcept = default;
ForwardingGraph& ForwardingGraph::operator=(ForwardingGraph&&) noexcept = default;

const model::Snapshot& ForwardingGraph::snapshot() const { return *impl_->snapshot; }
std::size_t ForwardingGraph::node_count() const { return boost::num_vertices(impl_->graph); }
std::size_t ForwardingGraph::edge_count() const { return boost::num_edges(impl_->graph); }
const Node& ForwardingGraph::node(NodeId id) const {
  MOAT_ASSERT(index(id) < node_count(), "NodeId out of range");
  return impl_->graph[index(id)];
}
std::vector<Edge> ForwardingGraph::out_edges(NodeId id) const {
  std::vector<Edge> edges;
  for (auto [it, end] = boost::out_edges(index(id), impl_->graph); it != end; ++it) edges.push_back(impl_->graph[*it]);
  return edges;
}
std::vector<Edge> ForwardingGraph::in_edges(NodeId id) const {
  std::vector<Edge> edges;
  for (auto [it, end] = boost::in_edges(index(id), impl_->graph); it != end; ++it) edges.push_back(impl_->graph[*it]);
  return edges;
}
std::optional<NodeId> ForwardingGraph::node_of(model::ObjectRef object) const { return impl_->find(object); }
std::span<const InterfaceGroup> ForwardingGraph::groups() const { return impl_->groups; }
NodeId ForwardingGraph::group_node(std::uint32_t group) const { return impl_->group_nodes.at(group); }
std::span<const std::uint32_t> ForwardingGraph::groups_in_subnet(model::SubnetId subnet) const {
  return impl_->groups_by_subnet.at(model::index(subnet));
}
std::vector<std::uint32_t> ForwardingGraph::groups_of(model::ObjectRef owner) const { return impl_->groups_of_owner(owner); }
std::span<const std::uint32_t> ForwardingGraph::members_of(model::SecurityGroupId security_group) const {
  auto it = impl_->members_by_sg.find(model::index(security_group));
  if (it == impl_->members_by_sg.end()) return {};
  return it->second;
}
NodeId ForwardingGraph::internet() const { return impl_->internet; }
std::span<const ExternalNetwork> ForwardingGraph::external_networks() const { return impl_->externals; }
NodeId ForwardingGraph::external_node(std::uint32_t network) const { return impl_->external_nodes.at(network); }
std::optional<std::uint32_t> ForwardingGraph::find_external(std::string_view name) const {
  for (std::uint32_t i = 0; i < impl_->externals.size(); ++i) {
    if (impl_->externals[i].name == name) return i;
  }
  return std::nullopt;
}
std::optional<NodeId> ForwardingGraph::service_node(std::string_view prefix_list_id) const {
  auto it = impl_->services.find(prefix_list_id);
  if (it == impl_->services.end()) return std::nullopt;
  return it->second;
}

ForwardingGraph build_forwarding_graph(const model::Snapshot& snapshot, std::vector<ExternalNetwork> external_networks) {
  auto impl = std::make_unique<ForwardingGraph::Impl>();
  impl->build(snapshot, std::move(external_networks));
  return ForwardingGraph(std::move(impl));
}

}  // namespace moat::graph
