#pragma once
// Private to lib/fwd: the lookup structures the traversal reads, compiled once from the
// Snapshot and the ForwardingGraph — VPC route tables as PrefixTables with AWS's
// equal-prefix ranks (R1.9) and propagated routes (R1.7, R7.5), TGW route tables with
// their ranks (R8.4), what each VGW knows (R1.12), subnets by address per VPC. Every
// table exists once per address family (R1.8: IPv4 and IPv6 are separate tables).

#include <cstdint>
#include <map>
#include <utility>
#include <optional>
#include <string>
#include <vector>

#include "dual_stack.hpp"
#include "moat/graph/forwarding_graph.hpp"
#include "moat/net/packet_set.hpp"
#include "moat/net/prefix_table.hpp"

namespace moat::fwd::detail {

// One candidate route of a VPC route table.
struct VpcRoute {
  int rank = 0;  // 0 static, 1 prefix list, 2 DX propagated, 3 VPN static, 4 VPN BGP (lower wins)
  model::RouteTarget target;
  std::string label;  // "10.0.0.0/22 -> vgw-0abc"
  model::Origin origin;
  bool blackhole = false;  // state blackhole: drops what it matches (R1.13)
};

struct CompiledRouteTable {
  model::VpcId vpc{};
  bool has_vpc = false;
  DualPrefixTable<VpcRoute> routes;
  std::vector<std::string> notes;  // e.g. symbolic prefix-list routes not applied
  // Routes to AWS-managed prefix lists whose entries state lacks (R1.11), by list id:
  // they apply only to packets addressed to that list's service.
  std::vector<std::pair<std::string, VpcRoute>> symbolic_routes;
};

// An external network a VGW or TGW attachment can deliver to, with the preference rank.
struct KnownNetwork {
  std::uint32_t network = 0;
  int rank = 0;
  model::Origin origin;  // the association / VPN connection that makes it known
  std::string via;       // "dx gateway dx-0abc", "vpn vpn-0abc", "vgw (declared)"
};

struct TgwRoute {
  int rank = 0;  // 0 static, 1 prefix list, 2 VPC, 3 DXGW, 4 Connect, 5 VPN propagated
  std::optional<model::TransitGatewayAttachmentId> attachment;
  bool blackhole = false;
  std::string label;
  model::Origin origin;
};

struct CompiledTgwTable {
  DualPrefixTable<TgwRoute> routes;
};

struct CompiledNetwork {
  std::vector<CompiledRouteTable> route_tables;  // by RouteTableId
  std::vector<DualPrefixTable<std::uint32_t>> subnets_by_vpc;  // by VpcId: address -> SubnetId index
  std::vector<DualAddressSet> vpc_cidrs;                       // by VpcId, IPv4 and IPv6
  // The internet as a location: public IPv4, and global unicast IPv6 (2000::/3) minus the
  // IPv6 CIDRs of the loaded VPCs (those addresses are the model's own, R2.4).
  DualAddressSet internet_addresses;
  std::vector<net::AddressSet> public_mapped_by_vpc;            // by VpcId
  std::vector<std::vector<KnownNetwork>> vgw_networks;          // by VpnGatewayId
  std::vector<CompiledTgwTable> tgw_tables;                     // by TransitGatewayRouteTableId
  std::map<std::uint32_t, std::uint32_t> tgw_association;       // attachment -> TGW route table
  // The internet gateway and egress-only internet gateway attached to each VPC (by VpcId).
  std::vector<std::optional<model::InternetGatewayId>> igw_of_vpc;
  std::vector<std::optional<model::EgressOnlyInternetGatewayId>> eigw_of_vpc;
  std::vector<std::optional<model::RouteTableId>> edge_table_of_igw;  // by InternetGatewayId
  std::vector<std::optional<model::RouteTableId>> edge_table_of_vgw;  // by VpnGatewayId
  std::map<std::uint32_t, net::PacketSet> listener_packets;     // LoadBalancerId -> accepted packets
  // (VpcId, TransitGatewayId) -> the VPC attachment.
  std::map<std::pair<std::uint32_t, std::uint32_t>, model::TransitGatewayAttachmentId> vpc_attachments;
};

CompiledNetwork compile_network(const graph::ForwardingGraph& graph);

// Networks delivered to by a DX-gateway or VPN TGW attachment.
std::vector<KnownNetwork> networks_behind_tgw_attachment(const graph::ForwardingGraph& graph,
                                                         model::TransitGatewayAttachmentId attachment);

// Picks the lowest rank; ties between different targets are nondeterministic in AWS
// (R1.10) and are resolved to the first candidate.
template <class Entry>
const auto* pick_lowest_rank(std::span<const Entry> candidates) {
  const auto* best = &candidates.front().value;
  for (const auto& candidate : candidates) {
    if (candidate.value.rank < best->rank) best = &candidate.value;
  }
  return best;
}

}  // namespace moat::fwd::detail
