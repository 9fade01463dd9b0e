#include "compiled_network.hpp"

#include <algorithm>

#include "packet_filters.hpp"

namespace moat::fwd::detail {

namespace {

using model::ObjectKind;

bool attached_via(const graph::Attachment& attachment, const model::Snapshot& s, model::VpnGatewayId vgw,
                  KnownNetwork& known) {
  if (auto* id = std::get_if<model::VpnGatewayId>(&attachment.gateway); id && *id == vgw) {
    known.rank = 2;
    known.origin = s.get(vgw).origin;
    known.via = "declared attachment to " + s.get(vgw).origin.aws_id;
    return true;
  }
  if (auto* id = std::get_if<model::DxGatewayId>(&attachment.gateway)) {
    for (const auto& assoc : s.dx_gateway_associations) {
      if (assoc.dx_gateway.id == *id && assoc.vpn_gateway.id == vgw) {
        known.rank = 2;
        known.origin = assoc.origin;
        known.via = "dx gateway " + s.get(*id).origin.aws_id;
        return true;
      }
    }
  }
  if (auto* id = std::get_if<model::VpnConnectionId>(&attachment.gateway)) {
    const auto& vpn = s.get(*id);
    if (vpn.vpn_gateway.id == vgw) {
      known.rank = vpn.static_routes_only ? 3 : 4;
      known.origin = vpn.origin;
      known.via = "vpn " + vpn.origin.aws_id;
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<KnownNetwork> networks_behind_tgw_attachment(const graph::ForwardingGraph& graph,
                                                         model::TransitGatewayAttachmentId attachment_id) {
  const auto& s = graph.snapshot();
  const auto& attachment = s.get(attachment_id);
  std::vector<KnownNetwork> found;
  auto networks = graph.external_networks();
  for (std::uint32_t n = 0; n < networks.size(); ++n) {
    for (const auto& via : networks[n].via) {
      if (auto* dx = std::get_if<model::DxGatewayId>(&via.gateway);
          dx && attachment.attachment_kind == model::TransitGatewayAttachmentKind::direct_connect_gateway) {
        for (const auto& assoc : s.dx_gateway_associations) {
          bool same = assoc.dx_gateway.id == *dx && assoc.transit_gateway.id &&
                      assoc.transit_gateway.id == attachment.transit_gateway.id &&
                      (assoc.transit_gateway_attachment.id == attachment_id ||
                       attachment.resource_id == s.get(*dx).origin.aws_id);
          if (same) found.push_back({n, 3, assoc.origin, "dx gateway " + s.get(*dx).origin.aws_id});
        }
      }
      if (auto* vpn_id = std::get_if<model::VpnConnectionId>(&via.gateway)) {
        const auto& vpn = s.get(*vpn_id);
        if (vpn.transit_gateway_attachment.id == attachment_id) found.push_back({n, 5, vpn.origin, "vpn " + vpn.origin.aws_id});
      }
    }
  }
  return found;
}

CompiledNetwork compile_network(const graph::ForwardingGraph& graph) {
  const auto& s = graph.snapshot();
  CompiledNetwork c;
  const auto v4 = net::IpFamily::v4;

  c.vpc_cidrs.resize(s.vpcs.size());
  c.public_mapped_by_vpc.resize(s.vpcs.size(), net::AddressSet(v4));
  std::vector<std::vector<net::PrefixTable<std::uint32_t>::Entry>> subnet_entries(s.vpcs.size());
  for (std::uint32_t i = 0; i < s.subnets.size(); ++i) {
    const auto& subnet = s.subnets[i];
    if (!subnet.vpc.id) continue;
    if (subnet.ipv4_cidr) subnet_entries[model::index(*subnet.vpc.id)].push_back({*subnet.ipv4_cidr, i});
    if (subnet.ipv6_cidr) subnet_entries[model::index(*subnet.vpc.id)].push_back({*subnet.ipv6_cidr, i});
  }
  for (std::uint32_t v = 0; v < s.vpcs.size(); ++v) {
    c.vpc_cidrs[v] = {net::AddressSet::of(v4, s.vpcs[v].ipv4_cidrs), net::AddressSet::of(net::IpFamily::v6, s.vpcs[v].ipv6_cidrs)};
    c.subnets_by_vpc.emplace_back(std::move(subnet_entries[v]));
  }
  c.internet_addresses = {public_ipv4(), public_ipv6()};
  for (const auto& cidrs : c.vpc_cidrs) c.internet_addresses.v6 = c.internet_addresses.v6 - cidrs.v6;
  c.igw_of_vpc.resize(s.vpcs.size());
  c.eigw_of_vpc.resize(s.vpcs.size());
  for (std::uint32_t i = 0; i < s.internet_gateways.size(); ++i) {
    if (auto vpc = s.internet_gateways[i].vpc.id) c.igw_of_vpc[model::index(*vpc)] = model::InternetGatewayId{i};
  }
  for (std::uint32_t i = 0; i < s.egress_only_internet_gateways.size(); ++i) {
    if (auto vpc = s.egress_only_internet_gateways[i].vpc.id) c.eigw_of_vpc[model::index(*vpc)] = model::EgressOnlyInternetGatewayId{i};
  }
  for (const auto& group : graph.groups()) {
    auto v = model::index(group.vpc);
    if (v < c.public_mapped_by_vpc.size()) c.public_mapped_by_vpc[v] = c.public_mapped_by_vpc[v] | group.public_mapped;
  }

  // What each VGW knows: the declared networks attached to it (R1.12, R7.5).
  c.vgw_networks.resize(s.vpn_gateways.size());
  auto networks = graph.external_networks();
  for (std::uint32_t g = 0; g < s.vpn_gateways.size(); ++g) {
    for (std::uint32_t n = 0; n < networks.size(); ++n) {
      for (const auto& via : networks[n].via) {
        KnownNetwork known{n, 0, {}, {}};
        if (attached_via(via, s, model::VpnGatewayId{g}, known)) c.vgw_networks[g].push_back(known);
      }
    }
  }

  for (const auto& table : s.route_tables) {
    std::vector<std::string> notes;
    std::vector<std::pair<std::string, VpcRoute>> symbolic;
    std::vector<net::PrefixTable<VpcRoute>::Entry> entries;
    std::vector<net::Prefix> local_prefixes;
    for (const auto& route : table.routes) {
      std::string label = route.destination.to_string() + " -> " + route.target.aws_id + (route.blackhole ? " (blackhole)" : "");
      if (route.destination.prefix) {
        if (route.target.kind == model::RouteTargetKind::local) local_prefixes.push_back(*route.destination.prefix);
        entries.push_back({*route.destination.prefix, {0, route.target, label, route.origin, route.blackhole}});
        continue;
      }
      auto list = s.find<model::ManagedPrefixList>(route.destination.prefix_list_id);
      if (list && s.get(*list).entries_known) {
        for (const auto& entry : s.get(*list).entries) {
          entries.push_back(
              {entry, {1, route.target, label + " (entry " + entry.to_string() + ")", route.origin, route.blackhole}});
        }
      } else {
        notes.push_back("route " + label + " (" + route.origin.address +
                                 ") names an AWS-managed prefix list: applied only to that AWS service (R1.11)");
        symbolic.emplace_back(route.destination.prefix_list_id, VpcRoute{1, route.target, label, route.origin, route.blackhole});
      }
    }
    // Propagated routes: what each propagating, attached VGW knows (R7.5); never where a
    // local route covers them (R1.7).
    for (const auto& propagation : table.propagations) {
      if (!propagation.vpn_gateway.id) continue;
      auto vgw = *propagation.vpn_gateway.id;
      if (!table.vpc.id || s.get(vgw).vpc.id != table.vpc.id) continue;
      for (const auto& known : c.vgw_networks[model::index(vgw)]) {
        for (const auto& cidr : networks[known.network].cidrs) {
          // A Site-to-Site VPN on a VGW carries IPv4 only (R1.4 target table).
          if (cidr.family() != v4 && known.rank >= 3) continue;
          bool under_local = std::any_of(local_prefixes.begin(), local_prefixes.end(),
                                         [&](const net::Prefix& local) { return local.contains(cidr); });
          if (under_local) continue;
          model::RouteTarget target{model::RouteTargetKind::vpn_gateway, s.get(vgw).origin.aws_id, vgw};
          entries.push_back({cidr,
                             {known.rank, target,
                              cidr.to_string() + " -> " + target.aws_id + " (propagated from " + networks[known.network].name +
                                  " via " + known.via + ")",
                              propagation.origin, false}});
        }
      }
    }
    c.route_tables.push_back(CompiledRouteTable{table.vpc.id.value_or(model::VpcId{}), table.vpc.id.has_value(),
                                                DualPrefixTable<VpcRoute>(std::move(entries)), std::move(notes),
                                                std::move(symbolic)});
  }

  // TGW route tables (R8.2-R8.5).
  for (std::uint32_t t = 0; t < s.transit_gateway_route_tables.size(); ++t) {
    const auto& table = s.transit_gateway_route_tables[t];
    std::vector<net::PrefixTable<TgwRoute>::Entry> entries;
    for (const auto& route : table.routes) {
      if (!route.destination) continue;
      std::string label = route.destination->to_string() + " -> " + (route.blackhole ? "blackhole" : route.attachment.aws_id);
      entries.push_back({*route.destination, {0, route.attachment.id, route.blackhole, label, route.origin}});
    }
    for (const auto& link : table.propagations) {
      if (!link.attachment.id) continue;
      const auto& attachment = s.get(*link.attachment.id);
      using AK = model::TransitGatewayAttachmentKind;
      if (attachment.attachment_kind == AK::vpc && attachment.vpc.id) {
        const auto& vpc = s.get(*attachment.vpc.id);
        auto propagate = [&](const net::Prefix& cidr) {
          entries.push_back({cidr, {2, link.attachment.id, false,
                                    cidr.to_string() + " -> " + attachment.origin.aws_id + " (propagated)", link.origin}});
        };
        for (const auto& cidr : vpc.ipv4_cidrs) propagate(cidr);
        // The VPC's IPv6 CIDRs only when the attachment carries IPv6.
        if (attachment.ipv6_support) {
          for (const auto& cidr : vpc.ipv6_cidrs) propagate(cidr);
        }
      } else {
        for (const auto& known : networks_behind_tgw_attachment(graph, *link.attachment.id)) {
          for (const auto& cidr : networks[known.network].cidrs) {
            entries.push_back({cidr, {known.rank, link.attachment.id, false,
                                      cidr.to_string() + " -> " + attachment.origin.aws_id + " (propagated from " +
                                          networks[known.network].name + ")",
                                      link.origin}});
          }
        }
      }
    }
    c.tgw_tables.push_back(CompiledTgwTable{DualPrefixTable<TgwRoute>(std::move(entries))});
    for (const auto& link : table.associations) {
      if (link.attachment.id) c.tgw_association[model::index(*link.attachment.id)] = t;
    }
  }

  for (std::uint32_t a = 0; a < s.transit_gateway_attachments.size(); ++a) {
    const auto& attachment = s.transit_gateway_attachments[a];
    if (attachment.attachment_kind == model::TransitGatewayAttachmentKind::vpc && attachment.vpc.id &&
        attachment.transit_gateway.id)
      c.vpc_attachments.emplace(std::pair(model::index(*attachment.vpc.id), model::index(*attachment.transit_gateway.id)),
                                model::TransitGatewayAttachmentId{a});
  }

  c.edge_table_of_igw.resize(s.internet_gateways.size());
  c.edge_table_of_vgw.resize(s.vpn_gateways.size());
  for (std::uint32_t t = 0; t < s.route_tables.size(); ++t) {
    for (const auto& edge : s.route_tables[t].edge_associations) {
      if (auto* igw = std::get_if<model::InternetGatewayId>(&edge.gateway.id)) c.edge_table_of_igw[model::index(*igw)] = model::RouteTableId{t};
      if (auto* vgw = std::get_if<model::VpnGatewayId>(&edge.gateway.id)) c.edge_table_of_vgw[model::index(*vgw)] = model::RouteTableId{t};
    }
  }

  for (const auto& listener : s.listeners) {
    if (!listener.load_balancer.id) continue;
    net::ProtocolSet protocols;
    const auto& p = listener.protocol;
    if (p == "UDP") protocols = net::ProtocolSet::of(net::protocol::udp);
    else if (p == "TCP_UDP") protocols = net::ProtocolSet::of(net::protocol::tcp) | net::ProtocolSet::of(net::protocol::udp);
    else if (p == "GENEVE") protocols = net::ProtocolSet::all();
    else protocols = net::ProtocolSet::of(net::protocol::tcp);
    net::PacketSet accepted;
    for (auto family : families) {
      auto all = net::AddressSet::all(family);
      accepted = accepted | net::PacketSet::of(net::HeaderBox{all, all, protocols, net::PortSet::of(listener.port)});
    }
    auto& slot = c.listener_packets[model::index(*listener.load_balancer.id)];
    slot = slot | accepted;
  }
  return c;
}

}  // namespace moat::fwd::detail
