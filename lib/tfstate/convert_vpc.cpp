// Converters for VPCs, subnets, route tables, routes and their associations.

#include <algorithm>
#include <span>

#include "builder.hpp"
#include "convert_common.hpp"
#include "converters.hpp"
#include "keys.hpp"

namespace moat::tfstate {

namespace a = keys::attr;
using namespace moat::model;

namespace {

void add_cidr(std::vector<net::Prefix>& cidrs, const net::Prefix& prefix) {
  for (const auto& existing : cidrs) {
    if (existing == prefix) return;
  }
  cidrs.push_back(prefix);
}

// Route block attributes that name a next hop, in the order they are tried. ENI before
// instance: a route to an instance also records the instance's ENI (and one to an
// attached ENI its instance); provider v5 dropped instance_id, which v3/v4 state still has.
constexpr std::string_view target_keys[] = {
    a::gateway_id,         a::nat_gateway_id,         a::transit_gateway_id, a::vpc_peering_connection_id,
    a::vpc_endpoint_id,    a::egress_only_gateway_id, a::carrier_gateway_id, a::local_gateway_id,
    a::core_network_arn,   a::network_interface_id,   a::instance_id,
};
// Id-like route attributes that are not next hops.
constexpr std::string_view non_target_keys[] = {a::destination_prefix_list_id, a::route_table_id, a::instance_owner_id};

bool listed(std::string_view key, std::span<const std::string_view> keys) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

RouteTarget make_target(std::string id) {
  RouteTarget target;
  target.kind = classify_route_target(id);
  target.aws_id = std::move(id);
  return target;
}

// The target of a route block: the first non-empty target attribute, classified by its
// id prefix (R1.15). An id-like attribute moat does not know (a newer provider's target)
// becomes the target with a warning rather than being dropped.
RouteTarget route_target(Builder& builder, const Resource& resource, const Attributes& block) {
  for (auto key : target_keys) {
    if (std::string id = block.str(key); !id.empty()) return make_target(std::move(id));
  }
  if (block.raw().is_object()) {
    for (const auto& [key, value] : block.raw().items()) {
      bool id_like = key.ends_with("_id") || key.ends_with("_arn");
      if (!id_like || !value.is_string() || value.get_ref<const std::string&>().empty()) continue;
      if (listed(key, target_keys) || listed(key, non_target_keys)) continue;
      builder.warn("route.unknown_target_key", resource,
                   "route attribute " + key + " (" + block.pointer() + ") is not a target moat knows: " +
                       value.get<std::string>() + " taken as the target");
      return make_target(value.get<std::string>());
    }
  }
  return RouteTarget{RouteTargetKind::unknown, "", {}};
}

}  // namespace

std::optional<Route> parse_route(Builder& builder, const Resource& resource, const Attributes& block, bool standalone) {
  Route route;
  route.source = standalone ? RouteSource::route_resource : RouteSource::inline_block;
  route.origin = resource.origin(aws_id_of(resource.attributes));
  auto v4 = standalone ? a::destination_cidr_block : a::cidr_block;
  auto v6 = standalone ? a::destination_ipv6_cidr_block : a::ipv6_cidr_block;
  if (auto prefix = block.prefix(v4)) {
    route.destination.prefix = prefix;
  } else if (auto prefix6 = block.prefix(v6)) {
    route.destination.prefix = prefix6;
  } else {
    route.destination.prefix_list_id = block.str(a::destination_prefix_list_id);
    if (route.destination.prefix_list_id.empty()) {
      builder.warn("route.no_destination", resource, "a route without destination (" + block.pointer() + "): ignored");
      return std::nullopt;
    }
    route.kind = RouteKind::prefix_list;
  }
  route.target = route_target(builder, resource, block);
  if (route.target.aws_id.empty()) {
    builder.warn("route.no_target", resource,
                 "route to " + route.destination.to_string() + " has no target (" + block.pointer() + "): ignored");
    return std::nullopt;
  }
  // Only aws_route records a state: the route blocks of aws_route_table carry none.
  if (standalone && block.str(a::state) == keys::value::route_blackhole) {
    route.blackhole = true;
    builder.warn("route.blackhole", resource,
                 "route to " + route.destination.to_string() + " is in state blackhole (its target " +
                     route.target.aws_id + " no longer works): it drops what it matches, no shorter route is used (R1.13)");
    return route;
  }
  if (route.target.kind == RouteTargetKind::unsupported) {
    builder.diagnose(Severity::info, "route.unsupported_target", resource,
                     "route to " + route.destination.to_string() + " targets " + route.target.aws_id +
                         " (carrier/local gateway or core network): treated as an opaque next hop");
  } else if (route.target.kind == RouteTargetKind::unknown) {
    builder.warn("route.unknown_target", resource,
                 "route to " + route.destination.to_string() + " targets " + route.target.aws_id +
                     ", whose kind moat does not know: treated as unknown");
  }
  return route;
}

void add_route(Builder& builder, RouteTable& table, Route route) {
  for (auto& existing : table.routes) {
    if (existing.destination != route.destination) continue;
    if (existing.target.aws_id == route.target.aws_id) {
      if (route.source == RouteSource::route_resource) existing = std::move(route);  // its origin and state
      return;
    }
    builder.snapshot().diagnostics.push_back(Diagnostic{
        Severity::warning, "route.conflict", route.origin.file, route.origin.address,
        "route table " + table.origin.aws_id + " has two routes to " + route.destination.to_string() + ": " +
            existing.target.aws_id + " (" + existing.origin.address + ") and " + route.target.aws_id + " (" +
            route.origin.address + "); keeping " +
            (route.source == RouteSource::route_resource ? route.target.aws_id : existing.target.aws_id)});
    if (route.source == RouteSource::route_resource) existing = std::move(route);
    return;
  }
  table.routes.push_back(std::move(route));
}

void convert_vpc(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  Vpc vpc;
  vpc.origin = r.origin(aws_id_of(at));
  if (auto cidr = at.prefix(a::cidr_block)) vpc.ipv4_cidrs.push_back(*cidr);
  for (const auto& association : at.objects(a::cidr_block_associations)) {
    if (auto cidr = association.prefix(a::cidr_block)) add_cidr(vpc.ipv4_cidrs, *cidr);
  }
  if (auto cidr = at.prefix(a::ipv6_cidr_block)) vpc.ipv6_cidrs.push_back(*cidr);
  vpc.is_default = r.raw.type == keys::resource::default_vpc || at.boolean(a::default_, false);
  vpc.enable_dns_support = at.boolean(a::enable_dns_support, true);
  vpc.enable_dns_hostnames = at.boolean(a::enable_dns_hostnames, vpc.is_default);
  vpc.main_route_table = ref<RouteTableId>(at, a::main_route_table_id);
  if (vpc.main_route_table.empty()) vpc.main_route_table = ref<RouteTableId>(at, a::default_route_table_id);
  vpc.default_security_group = ref<SecurityGroupId>(at, a::default_security_group_id);
  vpc.default_network_acl = ref<NetworkAclId>(at, a::default_network_acl_id);
  vpc.dhcp_options_id = at.str(a::dhcp_options_id);
  builder.add(std::move(vpc), r);
}

void convert_vpc_cidr_association(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  std::string vpc_id = at.str(a::vpc_id);
  Vpc* vpc = builder.find<Vpc>(vpc_id);
  if (vpc == nullptr) return builder.missing_owner(r, "VPC", vpc_id, "CIDR ignored");
  if (auto cidr = at.prefix(a::cidr_block)) add_cidr(vpc->ipv4_cidrs, *cidr);
  if (auto cidr = at.prefix(a::ipv6_cidr_block)) add_cidr(vpc->ipv6_cidrs, *cidr);
}

// DHCP options sets are not model objects: their DNS servers are copied onto the VPCs that
// use them in pass C.
void convert_dhcp_options(Builder& builder, const Resource& r) {
  builder.dhcp_options.emplace(aws_id_of(r.attributes), r.attributes.strings(a::domain_name_servers));
}

void convert_dhcp_options_association(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  builder.vpc_dhcp_options.push_back({at.str(a::vpc_id), at.str(a::dhcp_options_id), r.origin(aws_id_of(at)), r.raw.data});
}

void convert_subnet(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  Subnet subnet;
  subnet.origin = r.origin(aws_id_of(at));
  subnet.vpc = ref<VpcId>(at, a::vpc_id);
  subnet.ipv4_cidr = at.prefix(a::cidr_block);
  subnet.ipv6_cidr = at.prefix(a::ipv6_cidr_block);
  subnet.availability_zone = at.str(a::availability_zone);
  subnet.availability_zone_id = at.str(a::availability_zone_id);
  subnet.map_public_ip_on_launch = at.boolean(a::map_public_ip_on_launch, false);
  subnet.assign_ipv6_address_on_creation = at.boolean(a::assign_ipv6_address_on_creation, false);
  builder.add(std::move(subnet), r);
}

void convert_route_table(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  RouteTable table;
  table.origin = r.origin(aws_id_of(at));
  if (table.origin.aws_id.empty()) table.origin.aws_id = at.str(a::default_route_table_id);
  table.vpc = ref<VpcId>(at, a::vpc_id);
  for (const auto& block : at.objects(r.raw.data ? a::routes : a::route)) {
    if (auto route = parse_route(builder, r, block, false)) add_route(builder, table, std::move(*route));
  }
  for (auto& vgw : at.strings(a::propagating_vgws)) {
    table.propagations.push_back(RoutePropagation{ref_to<VpnGatewayId>(std::move(vgw)), r.origin(table.origin.aws_id)});
  }
  std::string table_id = table.origin.aws_id;
  bool added = builder.add(std::move(table), r).has_value();
  if (!added && r.raw.data) return;  // the managed table (and its associations) is loaded
  // data.aws_route_table lists its associations.
  for (const auto& association : at.objects(a::associations)) {
    auto origin = r.origin(association.str(a::route_table_association_id));
    if (std::string subnet = association.str(a::subnet_id); !subnet.empty()) {
      builder.subnet_route_tables.push_back({subnet, table_id, origin, r.raw.data});
    }
    if (std::string gateway = association.str(a::gateway_id); !gateway.empty()) {
      builder.edge_route_tables.push_back({gateway, table_id, origin, r.raw.data});
    }
    if (association.boolean(a::main, false)) {
      if (const Vpc* vpc = builder.find<Vpc>(at.str(a::vpc_id)); vpc == nullptr || vpc->main_route_table.empty()) {
        builder.main_route_tables.push_back({at.str(a::vpc_id), table_id, origin, true});
      }
    }
  }
}

void convert_route(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  std::string table_id = at.str(a::route_table_id);
  RouteTable* table = builder.find<RouteTable>(table_id);
  if (table == nullptr) return builder.missing_owner(r, "route table", table_id, "route ignored");
  if (auto route = parse_route(builder, r, at, true)) add_route(builder, *table, std::move(*route));
}

void convert_route_table_association(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  std::string table_id = at.str(a::route_table_id);
  auto origin = r.origin(aws_id_of(at));
  if (std::string subnet = at.str(a::subnet_id); !subnet.empty()) {
    builder.subnet_route_tables.push_back({subnet, table_id, origin, r.raw.data});
  } else if (std::string gateway = at.str(a::gateway_id); !gateway.empty()) {
    builder.edge_route_tables.push_back({gateway, table_id, origin, r.raw.data});
  } else {
    builder.warn("association.incomplete", r, "route table association without subnet_id or gateway_id (unknown until apply?): ignored");
  }
}

void convert_main_route_table_association(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  builder.main_route_tables.push_back({at.str(a::vpc_id), at.str(a::route_table_id), r.origin(aws_id_of(at)), false});
}

void convert_vgw_route_propagation(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  std::string table_id = at.str(a::route_table_id);
  RouteTable* table = builder.find<RouteTable>(table_id);
  if (table == nullptr) return builder.missing_owner(r, "route table", table_id, "propagation ignored");
  std::string vgw = at.str(a::vpn_gateway_id);
  for (const auto& existing : table->propagations) {
    if (existing.vpn_gateway.aws_id == vgw) return;
  }
  table->propagations.push_back(RoutePropagation{ref_to<VpnGatewayId>(vgw), r.origin(aws_id_of(at))});
}

}  // namespace moat::tfstate
