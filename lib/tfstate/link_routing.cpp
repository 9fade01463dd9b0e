// Pass C, routing half: associations applied, gateway-endpoint routes, implicit local
// routes, TGW attachments implied by VPN/DX, TGW default associations/propagations, and
// the ordering every consumer can rely on.

#include <algorithm>
#include <set>

#include "builder.hpp"
#include "convert_common.hpp"

namespace moat::tfstate {

using namespace moat::model;

namespace {

void report(Builder& builder, const Origin& origin, std::string code, std::string message) {
  builder.snapshot().diagnostics.push_back(
      Diagnostic{Severity::warning, std::move(code), origin.file, origin.address, std::move(message)});
}

// Managed associations first; a data-source association only fills a gap.
std::vector<const PendingAssociation*> in_apply_order(const std::vector<PendingAssociation>& pending) {
  std::vector<const PendingAssociation*> ordered;
  for (const auto& p : pending) {
    if (!p.from_data) ordered.push_back(&p);
  }
  for (const auto& p : pending) {
    if (p.from_data) ordered.push_back(&p);
  }
  return ordered;
}

void apply_main_route_tables(Builder& builder) {
  for (const auto* p : in_apply_order(builder.main_route_tables)) {
    Vpc* vpc = builder.find<Vpc>(p->from);
    if (vpc == nullptr) {
      report(builder, p->origin, "ref.unresolved", "VPC " + p->from + " is not in the loaded state: main route table association ignored");
      continue;
    }
    if (p->from_data && !vpc->main_route_table.empty()) continue;
    vpc->main_route_table = ref_to<RouteTableId>(p->to);
    if (!p->from_data) vpc->main_route_table_association = p->origin;
  }
}

void apply_dhcp_options(Builder& builder) {
  for (const auto* p : in_apply_order(builder.vpc_dhcp_options)) {
    Vpc* vpc = builder.find<Vpc>(p->from);
    if (vpc == nullptr) {
      report(builder, p->origin, "ref.unresolved", "VPC " + p->from + " is not in the loaded state: DHCP options association ignored");
      continue;
    }
    vpc->dhcp_options_id = p->to;
  }
  for (auto& vpc : builder.snapshot().vpcs) {
    auto it = builder.dhcp_options.find(vpc.dhcp_options_id);
    if (it != builder.dhcp_options.end()) vpc.domain_name_servers = it->second;
  }
}

void apply_subnet_route_tables(Builder& builder) {
  for (const auto* p : in_apply_order(builder.subnet_route_tables)) {
    Subnet* subnet = builder.find<Subnet>(p->from);
    if (subnet == nullptr) {
      if (!p->from_data) {
        report(builder, p->origin, "ref.unresolved", "subnet " + p->from + " is not in the loaded state: association with " + p->to + " ignored");
      }
      continue;
    }
    if (!subnet->route_table.empty() && subnet->route_table.aws_id != p->to) {
      if (!p->from_data) {
        report(builder, p->origin, "association.conflict",
               "subnet " + p->from + " is associated with " + subnet->route_table.aws_id + " (" +
                   subnet->route_table_association.address + ") and with " + p->to + ": keeping the first");
      }
      continue;
    }
    subnet->route_table = ref_to<RouteTableId>(p->to);
    if (subnet->route_table_association.empty() || !p->from_data) subnet->route_table_association = p->origin;
  }
}

void apply_edge_route_tables(Builder& builder) {
  for (const auto* p : in_apply_order(builder.edge_route_tables)) {
    RouteTable* table = builder.find<RouteTable>(p->to);
    if (table == nullptr) {
      report(builder, p->origin, "ref.unresolved", "route table " + p->to + " is not in the loaded state: gateway association ignored");
      continue;
    }
    bool known = std::any_of(table->edge_associations.begin(), table->edge_associations.end(),
                             [&](const EdgeAssociation& e) { return e.gateway.aws_id == p->from; });
    if (known) continue;
    table->edge_associations.push_back(EdgeAssociation{RouteTarget{classify_route_target(p->from), p->from, {}}, p->origin});
  }
}

void apply_subnet_network_acls(Builder& builder) {
  // Custom NACLs first: a default NACL's subnet_ids only lists subnets nobody else claims.
  auto ordered = in_apply_order(builder.subnet_network_acls);
  std::stable_sort(ordered.begin(), ordered.end(), [&](const PendingAssociation* x, const PendingAssociation* y) {
    const NetworkAcl* ax = builder.find<NetworkAcl>(x->to);
    const NetworkAcl* ay = builder.find<NetworkAcl>(y->to);
    return (ax != nullptr && !ax->is_default) && !(ay != nullptr && !ay->is_default);
  });
  for (const auto* p : ordered) {
    Subnet* subnet = builder.find<Subnet>(p->from);
    if (subnet == nullptr) {
      if (!p->from_data) {
        report(builder, p->origin, "ref.unresolved", "subnet " + p->from + " is not in the loaded state: NACL association with " + p->to + " ignored");
      }
      continue;
    }
    if (!subnet->network_acl.empty()) continue;  // first (custom, managed) association wins
    subnet->network_acl = ref_to<NetworkAclId>(p->to);
    subnet->network_acl_association = p->origin;
  }
}

void add_gateway_endpoint_routes(Builder& builder) {
  Snapshot& snapshot = builder.snapshot();
  for (std::size_t i = 0; i < snapshot.vpc_endpoints.size(); ++i) {
    VpcEndpoint& endpoint = snapshot.vpc_endpoints[i];
    if (endpoint.type != VpcEndpointType::gateway || endpoint.route_tables.empty()) continue;
    if (endpoint.prefix_list_id.empty()) {
      report(builder, endpoint.origin, "endpoint.no_prefix_list",
             "gateway endpoint " + endpoint.origin.aws_id + " has no prefix_list_id: its routes are not modelled");
      continue;
    }
    if (!snapshot.find<ManagedPrefixList>(endpoint.prefix_list_id)) {
      ManagedPrefixList list;
      list.origin = endpoint.origin;
      list.origin.aws_id = endpoint.prefix_list_id;
      list.name = endpoint.service_name;
      list.aws_managed = true;
      list.entries = endpoint.cidr_blocks;
      list.entries_known = !endpoint.cidr_blocks.empty();
      snapshot.add(std::move(list));
    }
    // add() may have grown other vectors only; the endpoint reference stays valid.
    for (const auto& table_ref : snapshot.vpc_endpoints[i].route_tables) {
      RouteTable* table = builder.find<RouteTable>(table_ref.aws_id);
      const VpcEndpoint& e = snapshot.vpc_endpoints[i];
      if (table == nullptr) {
        report(builder, e.origin, "ref.unresolved",
               "route table " + table_ref.aws_id + " is not in the loaded state: endpoint route not added");
        continue;
      }
      Route route;
      route.destination.prefix_list_id = e.prefix_list_id;
      route.target = RouteTarget{RouteTargetKind::vpc_endpoint, e.origin.aws_id, {}};
      route.kind = RouteKind::prefix_list;
      route.source = RouteSource::gateway_endpoint;
      route.origin = e.origin;
      add_route(builder, *table, std::move(route));
    }
  }
}

bool route_order(const Route& x, const Route& y) {
  const auto& dx = x.destination;
  const auto& dy = y.destination;
  if (dx.prefix.has_value() != dy.prefix.has_value()) return dx.prefix.has_value();
  if (dx.prefix) return *dx.prefix < *dy.prefix;
  return dx.prefix_list_id < dy.prefix_list_id;
}

void add_local_routes(Builder& builder) {
  Snapshot& snapshot = builder.snapshot();
  for (auto& table : snapshot.route_tables) {
    const Vpc* vpc = builder.find<Vpc>(table.vpc.aws_id);
    if (vpc == nullptr) {
      snapshot.diagnostics.push_back(Diagnostic{Severity::info, "route.no_local", table.origin.file, table.origin.address,
                                                "VPC " + table.vpc.aws_id + " is not in the loaded state: local routes unknown"});
    } else {
      auto add_local = [&](const net::Prefix& cidr) {
        for (const auto& route : table.routes) {
          if (route.destination.prefix == cidr) return;  // a replaced local route (R1.5)
        }
        Route route;
        route.destination.prefix = cidr;
        route.target = RouteTarget{RouteTargetKind::local, "local", {}};
        route.source = RouteSource::implicit_local;
        route.origin = vpc->origin;
        table.routes.push_back(std::move(route));
      };
      for (const auto& cidr : vpc->ipv4_cidrs) add_local(cidr);
      for (const auto& cidr : vpc->ipv6_cidrs) add_local(cidr);
    }
    std::stable_sort(table.routes.begin(), table.routes.end(), route_order);
  }
}

void add_implied_tgw_attachments(Builder& builder) {
  Snapshot& snapshot = builder.snapshot();
  auto imply = [&](const std::string& attachment_id, const Origin& origin, TransitGatewayAttachmentKind kind,
                   const std::string& tgw_id, const std::string& resource_id) {
    if (attachment_id.empty() || snapshot.find<TransitGatewayAttachment>(attachment_id)) return;
    TransitGatewayAttachment attachment;
    attachment.origin = origin;
    attachment.origin.aws_id = attachment_id;
    attachment.attachment_kind = kind;
    attachment.transit_gateway = ref_to<TransitGatewayId>(tgw_id);
    attachment.resource_id = resource_id;
    snapshot.add(std::move(attachment));
  };
  for (std::size_t i = 0; i < snapshot.vpn_connections.size(); ++i) {
    const VpnConnection vpn = snapshot.vpn_connections[i];
    imply(vpn.transit_gateway_attachment.aws_id, vpn.origin, TransitGatewayAttachmentKind::vpn, vpn.transit_gateway.aws_id,
          vpn.origin.aws_id);
  }
  for (std::size_t i = 0; i < snapshot.dx_gateway_associations.size(); ++i) {
    const DxGatewayAssociation dx = snapshot.dx_gateway_associations[i];
    imply(dx.transit_gateway_attachment.aws_id, dx.origin, TransitGatewayAttachmentKind::direct_connect_gateway,
          dx.transit_gateway.aws_id, dx.dx_gateway.aws_id);
  }
}

void add_default_tgw_links(Builder& builder) {
  Snapshot& snapshot = builder.snapshot();
  std::set<std::string> associated;
  for (const auto& table : snapshot.transit_gateway_route_tables) {
    for (const auto& link : table.associations) associated.insert(link.attachment.aws_id);
  }
  for (const auto& attachment : snapshot.transit_gateway_attachments) {
    const TransitGateway* tgw = builder.find<TransitGateway>(attachment.transit_gateway.aws_id);
    if (tgw == nullptr) continue;
    const std::string& id = attachment.origin.aws_id;
    if (tgw->default_route_table_association && attachment.default_route_table_association && !associated.count(id)) {
      if (auto* table = builder.find<TransitGatewayRouteTable>(tgw->association_default_route_table.aws_id)) {
        table->associations.push_back({ref_to<TransitGatewayAttachmentId>(id), true, attachment.origin});
      }
    }
    if (tgw->default_route_table_propagation && attachment.default_route_table_propagation) {
      if (auto* table = builder.find<TransitGatewayRouteTable>(tgw->propagation_default_route_table.aws_id)) {
        bool known = std::any_of(table->propagations.begin(), table->propagations.end(),
                                 [&](const TransitGatewayRouteTableLink& l) { return l.attachment.aws_id == id; });
        if (!known) table->propagations.push_back({ref_to<TransitGatewayAttachmentId>(id), true, attachment.origin});
      }
    }
  }
}

void link_nat_eips(Builder& builder) {
  for (const auto& nat : builder.snapshot().nat_gateways) {
    if (ElasticIp* eip = builder.find<ElasticIp>(nat.allocation.aws_id)) {
      eip->nat_gateway = ref_to<NatGatewayId>(nat.origin.aws_id);
      if (eip->network_interface.empty()) eip->network_interface = nat.network_interface;
    }
  }
}

void sort_network_acls(Builder& builder) {
  for (auto& acl : builder.snapshot().network_acls) {
    std::stable_sort(acl.entries.begin(), acl.entries.end(), [](const NetworkAclEntry& x, const NetworkAclEntry& y) {
      if (x.egress != y.egress) return !x.egress;
      return x.rule_number < y.rule_number;
    });
  }
}

void absolute_record_names(Builder& builder) {
  for (auto& record : builder.snapshot().resource_records) {
    const HostedZone* zone = builder.find<HostedZone>(record.zone.aws_id);
    if (zone == nullptr || zone->name.empty()) continue;
    const std::string& name = record.name;
    bool inside = name == zone->name ||
                  (name.size() > zone->name.size() && name.ends_with(zone->name) && name[name.size() - zone->name.size() - 1] == '.');
    if (!inside) record.name = name.empty() ? zone->name : name + "." + zone->name;
  }
}

}  // namespace

void link_routing(Builder& builder) {
  apply_main_route_tables(builder);
  apply_dhcp_options(builder);
  apply_subnet_route_tables(builder);
  apply_edge_route_tables(builder);
  apply_subnet_network_acls(builder);
  add_gateway_endpoint_routes(builder);
  add_local_routes(builder);
  add_implied_tgw_attachments(builder);
  add_default_tgw_links(builder);
  link_nat_eips(builder);
  sort_network_acls(builder);
  absolute_record_names(builder);
}

}  // namespace moat::tfstate
