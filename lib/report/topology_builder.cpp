#include "topology_builder.hpp"

#include <algorithm>
#include <deque>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "moat/core/error.hpp"
#include "moat/model/region.hpp"

namespace moat::report::detail {

std::string Topology::id_of(graph::NodeId node) const {
  auto it = ids.find(graph::index(node));
  return it == ids.end() ? std::string() : it->second;
}

namespace {

using graph::NodeId;
using graph::NodeKind;
using model::ObjectKind;
using model::ObjectRef;

// The name people know a resource by: its Terraform address, else its AWS id.
std::string display(const model::Origin& origin) { return origin.address.empty() ? origin.aws_id : origin.address; }

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

// "com.amazonaws.ap-northeast-1.ecr.dkr" -> "ecr.dkr"; other names unchanged.
std::string service_short_name(std::string_view service) {
  constexpr std::string_view prefix = "com.amazonaws.";
  if (!service.starts_with(prefix)) return std::string(service);
  auto rest = service.substr(prefix.size());
  auto dot = rest.find('.');
  return dot == std::string_view::npos ? std::string(service) : std::string(rest.substr(dot + 1));
}

// "com.amazonaws.ap-northeast-1.s3" -> "ap-northeast-1"; "" otherwise.
std::string service_region(std::string_view service) {
  constexpr std::string_view prefix = "com.amazonaws.";
  if (!service.starts_with(prefix)) return {};
  auto rest = service.substr(prefix.size());
  auto dot = rest.find('.');
  if (dot == std::string_view::npos) return {};
  auto region = rest.substr(0, dot);
  return model::region_of_zone(std::string(region) + "a") == region ? std::string(region) : std::string();
}

bool outside(NodeKind kind) {
  return kind == NodeKind::internet || kind == NodeKind::external_network || kind == NodeKind::aws_service;
}

// Which end of a two-way link is drawn first: the outside before the DX gateway before the
// TGW before everything in a VPC, so pictures read from the outside in.
int outer_rank(NodeKind kind) {
  if (outside(kind)) return 0;
  if (kind == NodeKind::dx_gateway) return 1;
  if (kind == NodeKind::transit_gateway) return 2;
  return 3;
}

class Builder {
 public:
  Builder(const graph::ForwardingGraph& graph, const DiagramOptions& options)
      : graph_(graph), snapshot_(graph.snapshot()), options_(options) {}

  Topology build(const std::vector<NodeId>& also) {
    topology_.diagram.title = options_.title;
    assign_keys();
    choose_regions();
    std::vector<bool> keep(graph_.node_count(), options_.focus.empty());
    if (!options_.focus.empty()) {
      for (auto node : neighbourhood(focus_nodes())) keep[graph::index(node)] = true;
    } else if (graph_.out_edges(graph_.internet()).empty() && graph_.in_edges(graph_.internet()).empty()) {
      keep[graph::index(graph_.internet())] = false;  // no gateway leads there: nothing to draw
    }
    for (auto node : also) keep[graph::index(node)] = true;
    for (std::uint32_t i = 0; i < graph_.node_count(); ++i) {
      if (keep[i]) add_node(NodeId{i});
    }
    for (std::uint32_t i = 0; i < graph_.node_count(); ++i) {
      if (keep[i]) add_edges_from(NodeId{i}, keep);
    }
    add_model_edges(keep);
    flush_edges();
    return std::move(topology_);
  }

 private:
  // ---- ids --------------------------------------------------------------------------
  static std::string_view key_prefix(NodeKind kind) {
    switch (kind) {
      case NodeKind::interface_group: return "group:";
      case NodeKind::subnet: return "subnet:";
      case NodeKind::route_table: return "rtb:";
      case NodeKind::internet_gateway: return "igw:";
      case NodeKind::egress_only_internet_gateway: return "eigw:";
      case NodeKind::vpn_gateway: return "vgw:";
      case NodeKind::dx_gateway: return "dxgw:";
      case NodeKind::transit_gateway: return "tgw:";
      case NodeKind::transit_gateway_route_table: return "tgw-rtb:";
      case NodeKind::vpc_peering_connection: return "pcx:";
      case NodeKind::gateway_endpoint: return "vpce:";
      case NodeKind::internet: return "";
      case NodeKind::external_network: return "network:";
      case NodeKind::aws_service: return "service:";
    }
    return "node:";
  }

  std::string natural_key(NodeId id) const {
    const auto& node = graph_.node(id);
    std::string prefix(key_prefix(node.kind));
    switch (node.kind) {
      case NodeKind::internet: return "internet";
      case NodeKind::external_network:
      case NodeKind::aws_service: return prefix + node.name;
      case NodeKind::interface_group: {
        const auto& group = graph_.groups()[node.detail];
        const auto& subnet = snapshot_.get(group.subnet).origin;
        return prefix + display(group.origin) + "@" + (subnet.aws_id.empty() ? subnet.address : subnet.aws_id);
      }
      default: {
        std::string name = display(node.origin);
        return prefix + (name.empty() ? node.name : name);
      }
    }
  }

  // Keys in graph order (VPCs, which have no graph node, in snapshot order); a repeated key
  // (two states with the same address) gets "#2", "#3".
  void assign_keys() {
    std::map<std::string, int> seen;
    auto unique = [&](std::string key) {
      int n = ++seen[key];
      return n > 1 ? key + "#" + std::to_string(n) : key;
    };
    for (std::uint32_t i = 0; i < graph_.node_count(); ++i) keys_.push_back(unique(natural_key(NodeId{i})));
    for (const auto& vpc : snapshot_.vpcs) vpc_keys_.push_back(unique("vpc:" + display(vpc.origin)));
  }

  // ---- regions and clusters ------------------------------------------------------------
  std::string region_of_vpc(model::VpcId vpc) const {
    auto it = vpc_regions_.find(model::index(vpc));
    return it == vpc_regions_.end() ? default_region_ : it->second;
  }

  void choose_regions() {
    std::set<std::string> regions;
    for (const auto& subnet : snapshot_.subnets) {
      if (!subnet.vpc.id) continue;
      std::string region = model::region_of_zone(subnet.availability_zone);
      if (region.empty()) continue;
      vpc_regions_.emplace(model::index(*subnet.vpc.id), region);  // the first subnet's zone decides
      regions.insert(region);
    }
    if (!options_.region.empty()) {
      default_region_ = options_.region;
    } else if (regions.size() == 1) {
      default_region_ = *regions.begin();
    }
  }

  std::string cloud_cluster() {
    ensure_cluster("aws", "", ClusterRole::cloud, "AWS Cloud");
    return "aws";
  }

  std::string region_cluster(const std::string& region) {
    if (region.empty()) return cloud_cluster();
    std::string parent = cloud_cluster();
    std::string id = "region:" + region;
    ensure_cluster(id, parent, ClusterRole::region, "Region " + region);
    return id;
  }

  std::string vpc_cluster(model::VpcId vpc_id) {
    std::string parent = region_cluster(region_of_vpc(vpc_id));
    const auto& vpc = snapshot_.get(vpc_id);
    const std::string& id = vpc_keys_[model::index(vpc_id)];
    std::vector<std::string> cidrs;
    for (const auto& cidr : vpc.ipv4_cidrs) cidrs.push_back(cidr.to_string());
    for (const auto& cidr : vpc.ipv6_cidrs) cidrs.push_back(cidr.to_string());
    std::string label = "VPC " + display(vpc.origin);
    std::string facts = vpc.origin.address.empty() ? std::string() : vpc.origin.aws_id;
    if (!cidrs.empty()) facts += (facts.empty() ? "" : "  ") + join(cidrs, ", ");
    if (!facts.empty()) label += "\n" + facts;
    ensure_cluster(id, parent, ClusterRole::vpc, label);
    return id;
  }

  // The cluster of an object that belongs to a VPC, or the region's when the VPC is unknown.
  std::string in_vpc(const model::Ref<model::VpcId>& vpc) {
    return vpc.id ? vpc_cluster(*vpc.id) : region_cluster(default_region_);
  }

  std::string subnet_cluster(model::SubnetId subnet_id) {
    const auto& subnet = snapshot_.get(subnet_id);
    std::string parent = in_vpc(subnet.vpc);
    if (!subnet.availability_zone.empty()) {
      std::string az = parent + "/" + subnet.availability_zone;
      std::string label = subnet.availability_zone;
      if (!subnet.availability_zone_id.empty()) label += " (" + subnet.availability_zone_id + ")";
      ensure_cluster("az:" + az, parent, ClusterRole::availability_zone, label);
      parent = "az:" + az;
    }
    // The cluster is named like the subnet's own node ("subnet:…"); clusters and nodes are
    // separate name spaces.
    auto node = graph_.node_of({ObjectKind::subnet, model::index(subnet_id)});
    std::string id = node ? keys_[graph::index(*node)] : "subnet:" + display(subnet.origin);
    ensure_cluster(id, parent, ClusterRole::subnet, "Subnet " + display(subnet.origin));
    return id;
  }

  void ensure_cluster(const std::string& id, const std::string& parent, ClusterRole role, const std::string& label) {
    if (!clusters_.insert(id).second) return;
    topology_.diagram.clusters.push_back({id, parent, role, label});
  }

  // ---- nodes --------------------------------------------------------------------------
  static std::string titled(const std::string& title, const model::Origin& origin) {
    std::string name = display(origin);
    return name.empty() ? title : title + "\n" + name;
  }

  // A node for an object of one VPC (its `vpc` reference), drawn in that VPC's cluster.
  template <class Object>
  void in_its_vpc(DiagramNode& out, const Object& object, NodeRole role, const std::string& title) {
    out.cluster = in_vpc(object.vpc);
    out.role = role;
    out.label = titled(title, object.origin);
  }

  void add_node(NodeId id) {
    const auto& node = graph_.node(id);
    DiagramNode out;
    out.id = keys_[graph::index(id)];
    out.address = node.origin.address;
    out.aws_id = node.origin.aws_id;
    const auto& s = snapshot_;
    auto object_index = node.object ? node.object->index : 0;
    switch (node.kind) {
      case NodeKind::interface_group: {
        const auto& group = graph_.groups()[node.detail];
        out.cluster = subnet_cluster(group.subnet);
        describe_group(group, out);
        break;
      }
      case NodeKind::subnet: {
        const auto& subnet = s.subnets[object_index];
        out.cluster = subnet_cluster(model::SubnetId{object_index});
        out.role = NodeRole::subnet;
        std::vector<std::string> lines{subnet.origin.aws_id.empty() ? std::string("subnet") : subnet.origin.aws_id};
        if (subnet.ipv4_cidr) lines.push_back(subnet.ipv4_cidr->to_string());
        if (subnet.ipv6_cidr) lines.push_back(subnet.ipv6_cidr->to_string());
        if (subnet.map_public_ip_on_launch) lines.push_back("public IPv4 on launch");
        out.label = join(lines, "\n");
        break;
      }
      case NodeKind::route_table: {
        const auto& table = s.route_tables[object_index];
        bool main = table.vpc.id && s.get(*table.vpc.id).main_route_table.id == model::RouteTableId{object_index};
        in_its_vpc(out, table, NodeRole::route_table, main ? "Main route table" : "Route table");
        break;
      }
      case NodeKind::internet_gateway: {
        const auto& igw = s.internet_gateways[object_index];
        in_its_vpc(out, igw, NodeRole::internet_gateway, igw.vpc.id ? "Internet gateway" : "Internet gateway (detached)");
        break;
      }
      case NodeKind::egress_only_internet_gateway:
        in_its_vpc(out, s.egress_only_internet_gateways[object_index], NodeRole::egress_only_internet_gateway,
                   "Egress-only internet gateway");
        break;
      case NodeKind::vpn_gateway: {
        const auto& vgw = s.vpn_gateways[object_index];
        in_its_vpc(out, vgw, NodeRole::vpn_gateway, vgw.vpc.id ? "Virtual private gateway" : "Virtual private gateway (detached)");
        break;
      }
      case NodeKind::dx_gateway: {
        out.cluster = cloud_cluster();
        out.role = NodeRole::dx_gateway;
        out.label = titled("Direct Connect gateway", node.origin);
        break;
      }
      case NodeKind::transit_gateway: {
        out.cluster = region_cluster(default_region_);
        out.role = NodeRole::transit_gateway;
        out.label = titled("Transit gateway", node.origin);
        break;
      }
      case NodeKind::transit_gateway_route_table: {
        out.cluster = region_cluster(default_region_);
        out.role = NodeRole::transit_gateway_route_table;
        out.label = titled("TGW route table", node.origin);
        break;
      }
      case NodeKind::vpc_peering_connection: {
        const auto& pcx = s.vpc_peering_connections[object_index];
        out.cluster = pcx.requester_vpc.id ? region_cluster(region_of_vpc(*pcx.requester_vpc.id)) : cloud_cluster();
        out.role = NodeRole::vpc_peering_connection;
        out.label = titled(pcx.active() ? "VPC peering" : "VPC peering (" + pcx.accept_status + ")", pcx.origin);
        break;
      }
      case NodeKind::gateway_endpoint: {
        const auto& endpoint = s.vpc_endpoints[object_index];
        in_its_vpc(out, endpoint, NodeRole::gateway_endpoint, "Gateway endpoint " + service_short_name(endpoint.service_name));
        break;
      }
      case NodeKind::internet: {
        out.role = NodeRole::internet;
        out.label = "Internet";
        break;
      }
      case NodeKind::external_network: {
        const auto& network = graph_.external_networks()[node.detail];
        std::vector<std::string> cidrs;
        for (const auto& cidr : network.cidrs) cidrs.push_back(cidr.to_string());
        out.role = NodeRole::external_network;
        out.label = network.name + (cidrs.empty() ? "" : "\n" + join(cidrs, ", ")) + "\n(declared network)";
        break;
      }
      case NodeKind::aws_service: {
        std::string region = service_region(node.name);
        out.cluster = region_cluster(region.empty() ? default_region_ : region);
        out.role = NodeRole::aws_service;
        out.label = service_label(node.name, node.origin.aws_id);
        break;
      }
    }
    topology_.ids.emplace(graph::index(id), out.id);
    topology_.diagram.nodes.push_back(std::move(out));
  }

  void describe_group(const graph::InterfaceGroup& group, DiagramNode& out) const {
    const auto& s = snapshot_;
    std::string title;
    std::vector<std::string> extra;
    switch (group.role) {
      case graph::InterfaceRole::ecs_service:
        out.role = NodeRole::ecs_service;
        title = "ECS service";
        break;
      case graph::InterfaceRole::load_balancer: {
        const auto& lb = s.get(model::LoadBalancerId{group.object.index});
        out.role = NodeRole::load_balancer;
        std::string_view kind = lb.type == model::LoadBalancerType::application ? "ALB"
                                : lb.type == model::LoadBalancerType::network   ? "NLB"
                                : lb.type == model::LoadBalancerType::gateway   ? "GWLB"
                                                                                : "Classic LB";
        title = std::string(kind) + (lb.internal ? " (internal)" : " (internet-facing)");
        break;
      }
      case graph::InterfaceRole::interface_endpoint: {
        const auto& endpoint = s.get(model::VpcEndpointId{group.object.index});
        out.role = NodeRole::interface_endpoint;
        title = "Interface endpoint " + service_short_name(endpoint.service_name);
        break;
      }
      case graph::InterfaceRole::resolver_endpoint: {
        const auto& endpoint = s.get(model::ResolverEndpointId{group.object.index});
        out.role = NodeRole::resolver_endpoint;
        title = endpoint.direction == model::ResolverDirection::inbound ? "Resolver inbound endpoint" : "Resolver outbound endpoint";
        break;
      }
      case graph::InterfaceRole::instance:
        out.role = NodeRole::instance;
        title = "EC2 instance";
        break;
      case graph::InterfaceRole::network_interface:
        out.role = NodeRole::network_interface;
        title = "Network interface";
        break;
      case graph::InterfaceRole::nat_gateway: {
        const auto& nat = s.get(model::NatGatewayId{group.object.index});
        out.role = NodeRole::nat_gateway;
        title = nat.connectivity == model::NatConnectivity::public_connectivity ? "NAT gateway" : "NAT gateway (private)";
        break;
      }
    }
    if (group.addresses_known) extra.push_back(group.addresses.to_string());
    out.label = titled(title, group.origin) + (extra.empty() ? "" : "\n" + join(extra, "\n"));
  }

  // ---- edges --------------------------------------------------------------------------
  struct PendingEdge {
    std::string from, to;
    EdgeRole role;
    std::vector<std::string> labels;
    bool both_ways = false;
  };

  // One drawn edge per (from, to, role); labels of repeated edges are collected in order.
  void edge(const std::string& from, const std::string& to, EdgeRole role, const std::string& label) {
    auto key = std::make_tuple(from, to, role);
    auto it = pending_index_.find(key);
    if (it == pending_index_.end()) {
      it = pending_index_.emplace(key, pending_.size()).first;
      pending_.push_back({from, to, role, {}, false});
    }
    auto& labels = pending_[it->second].labels;
    if (!label.empty() && std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
  }

  // A link both ways: drawn once, outside end first, with arrowheads at both ends.
  void link(NodeId a, NodeId b, EdgeRole role, const std::string& label) {
    auto rank_a = std::make_pair(outer_rank(graph_.node(a).kind), keys_[graph::index(a)]);
    auto rank_b = std::make_pair(outer_rank(graph_.node(b).kind), keys_[graph::index(b)]);
    if (rank_b < rank_a) std::swap(a, b);
    edge(keys_[graph::index(a)], keys_[graph::index(b)], role, label);
    pending_[pending_index_.at(std::make_tuple(keys_[graph::index(a)], keys_[graph::index(b)], role))].both_ways = true;
  }

  bool has_edge(NodeId from, NodeId to, graph::EdgeKind kind) const {
    for (const auto& e : graph_.out_edges(from)) {
      if (e.to == to && e.kind == kind) return true;
    }
    return false;
  }

  std::string dx_association_label(const model::Origin& origin) const {
    std::optional<std::uint32_t> found;
    if (auto ref = snapshot_.find_address(origin.address); ref && ref->kind == ObjectKind::dx_gateway_association) {
      found = ref->index;
    } else {
      found = snapshot_.find(ObjectKind::dx_gateway_association, origin.aws_id);
    }
    if (!found) return "association";
    std::vector<std::string> prefixes;
    for (const auto& p : snapshot_.dx_gateway_associations[*found].allowed_prefixes) prefixes.push_back(p.to_string());
    return prefixes.empty() ? "association" : "allowed " + join(prefixes, ", ");
  }

  void add_edges_from(NodeId id, const std::vector<bool>& keep) {
    const auto& node = graph_.node(id);
    for (const auto& e : graph_.out_edges(id)) {
      if (!keep[graph::index(e.to)]) continue;
      const std::string& from = keys_[graph::index(id)];
      const std::string& to = keys_[graph::index(e.to)];
      switch (e.kind) {
        case graph::EdgeKind::placement:
          break;  // drawn as containment: the group sits in its subnet's cluster
        case graph::EdgeKind::association:
          if (node.kind == NodeKind::subnet && node.object) {
            // A subnet without an explicit association uses its VPC's main table (R1.1).
            edge(from, to, EdgeRole::association, snapshot_.subnets[node.object->index].route_table.empty() ? "main" : "");
          } else if (node.kind == NodeKind::transit_gateway) {
            edge(from, to, EdgeRole::association, "");
          } else {
            edge(from, to, EdgeRole::association, "edge association");
          }
          break;
        case graph::EdgeKind::route:
          // Route table routes are drawn from the model (add_route_edges) so the label can
          // list destinations; the rest (gateway endpoint -> AWS service) here.
          if (node.kind != NodeKind::route_table) {
            std::string label = node.kind == NodeKind::gateway_endpoint && node.object
                                    ? snapshot_.vpc_endpoints[node.object->index].prefix_list_id
                                    : e.label;
            edge(from, to, EdgeRole::route, label);
          }
          break;
        case graph::EdgeKind::attachment: {
          bool declared = graph_.node(id).kind == NodeKind::external_network || graph_.node(e.to).kind == NodeKind::external_network;
          std::string label = node.kind == NodeKind::dx_gateway || graph_.node(e.to).kind == NodeKind::dx_gateway
                                  ? (declared ? std::string("declared") : dx_association_label(e.origin))
                                  : std::string();
          if (declared && label.empty()) label = "declared";
          if (has_edge(e.to, id, graph::EdgeKind::attachment)) {
            link(id, e.to, declared ? EdgeRole::declared : EdgeRole::attachment, label);
          } else {
            edge(from, to, declared ? EdgeRole::declared : EdgeRole::attachment, label);
          }
          break;
        }
        case graph::EdgeKind::propagation:
          edge(from, to, EdgeRole::propagation, "propagation");
          break;
      }
    }
    if (node.kind == NodeKind::route_table && node.object) add_route_edges(id, node.object->index, keep);
    if (node.kind == NodeKind::gateway_endpoint && node.object) add_gateway_endpoint_service(id);
  }

  void add_route_edges(NodeId table_node, std::uint32_t table_index, const std::vector<bool>& keep) {
    const auto& table = snapshot_.route_tables[table_index];
    auto out_edges = graph_.out_edges(table_node);
    const std::string& from = keys_[graph::index(table_node)];
    for (const auto& route : table.routes) {
      if (route.target.kind == model::RouteTargetKind::local) continue;
      std::string destination = route.destination.to_string();
      std::string graph_label = destination + " -> " + route.target.aws_id;
      auto found = std::find_if(out_edges.begin(), out_edges.end(), [&](const graph::Edge& e) {
        return e.kind == graph::EdgeKind::route && e.label == graph_label && e.origin == route.origin;
      });
      if (found != out_edges.end()) {
        if (keep[graph::index(found->to)]) edge(from, keys_[graph::index(found->to)], EdgeRole::route, destination);
        continue;
      }
      // A target with no place in the graph: a blackhole route (R1.13), not in the loaded
      // state, not modelled (carrier, local or core-network targets), or a loaded object
      // without interfaces in a subnet.
      std::string id = "missing:" + route.target.aws_id;
      std::string why = route.blackhole                                           ? "(blackhole)"
                        : route.target.kind == model::RouteTargetKind::unsupported ? "(not modelled by moat)"
                        : route.target.resolved()                                  ? "(no place in the network)"
                                                                                   : "(not in the loaded state)";
      add_extra_node({id, in_vpc(table.vpc), NodeRole::missing, route.target.aws_id + "\n" + why, "", route.target.aws_id,
                      Emphasis::normal});
      edge(from, id, EdgeRole::route, destination);
    }
    for (const auto& propagation : table.propagations) {
      if (!propagation.vpn_gateway.id) continue;
      auto vgw = graph_.node_of({ObjectKind::vpn_gateway, model::index(*propagation.vpn_gateway.id)});
      if (vgw && keep[graph::index(*vgw)]) edge(keys_[graph::index(*vgw)], from, EdgeRole::propagation, "route propagation");
    }
  }

  // What the graph leaves to the model: TGW VPC attachments (subnet -> TGW).
  void add_model_edges(const std::vector<bool>& keep) {
    for (const auto& attachment : snapshot_.transit_gateway_attachments) {
      if (attachment.attachment_kind != model::TransitGatewayAttachmentKind::vpc || !attachment.transit_gateway.id) continue;
      auto tgw = graph_.node_of({ObjectKind::transit_gateway, model::index(*attachment.transit_gateway.id)});
      if (!tgw || !keep[graph::index(*tgw)]) continue;
      for (const auto& subnet : attachment.subnets) {
        if (!subnet.id) continue;
        auto node = graph_.node_of({ObjectKind::subnet, model::index(*subnet.id)});
        if (node && keep[graph::index(*node)])
          edge(keys_[graph::index(*node)], keys_[graph::index(*tgw)], EdgeRole::attachment, "TGW attachment");
      }
    }
  }

  // A node the graph does not hold (a missing route target, a service known by its CIDRs).
  void add_extra_node(DiagramNode node) {
    if (!extra_.insert(node.id).second || topology_.diagram.find_node(node.id) != nullptr) return;
    topology_.diagram.nodes.push_back(std::move(node));
  }

  // "AWS service\n<name>" and the prefix list's ranges when state holds them, three to a line.
  std::string service_label(const std::string& name, const std::string& prefix_list_id) const {
    std::string label = "AWS service\n" + name;
    if (auto list = snapshot_.find<model::ManagedPrefixList>(prefix_list_id)) {
      const auto& entries = snapshot_.get(*list).entries;
      for (std::size_t i = 0; i < entries.size(); ++i) label += (i % 3 == 0 ? "\n" : ", ") + entries[i].to_string();
    }
    return label;
  }

  // The AWS service behind a gateway endpoint, for a gateway endpoint without a service
  // node in the graph (one without a prefix list id names at least its service).
  void add_gateway_endpoint_service(NodeId id) {
    const auto& node = graph_.node(id);
    for (const auto& e : graph_.out_edges(id)) {
      if (e.kind == graph::EdgeKind::route && graph_.node(e.to).kind == NodeKind::aws_service) return;
    }
    const auto& endpoint = snapshot_.vpc_endpoints[node.object->index];
    std::string name = endpoint.service_name.empty() ? endpoint.prefix_list_id : endpoint.service_name;
    if (name.empty()) return;
    std::string region = service_region(name);
    add_extra_node({"service:" + name, region_cluster(region.empty() ? default_region_ : region), NodeRole::aws_service,
                    service_label(name, endpoint.prefix_list_id), "", endpoint.prefix_list_id, Emphasis::normal});
    edge(keys_[graph::index(id)], "service:" + name, EdgeRole::route, endpoint.prefix_list_id);
  }

  // An edge's label lists at most max_label_lines destinations, then how many more there are.
  static constexpr std::size_t max_label_lines = 8;

  void flush_edges() {
    for (auto& pending : pending_) {
      auto& labels = pending.labels;
      if (labels.size() > max_label_lines) {
        std::size_t more = labels.size() - (max_label_lines - 1);
        labels.resize(max_label_lines - 1);
        labels.push_back("\u2026 and " + std::to_string(more) + " more");
      }
      topology_.diagram.edges.push_back(
          {pending.from, pending.to, pending.role, join(labels, "\n"), pending.both_ways, Emphasis::normal});
    }
  }

  // ---- focus ----------------------------------------------------------------------------
  std::optional<model::VpcId> vpc_of(NodeId id) const {
    const auto& node = graph_.node(id);
    const auto& s = snapshot_;
    if (node.kind == NodeKind::interface_group) return s.get(graph_.groups()[node.detail].subnet).vpc.id;
    if (!node.object) return std::nullopt;
    auto i = node.object->index;
    switch (node.kind) {
      case NodeKind::subnet: return s.subnets[i].vpc.id;
      case NodeKind::route_table: return s.route_tables[i].vpc.id;
      case NodeKind::internet_gateway: return s.internet_gateways[i].vpc.id;
      case NodeKind::egress_only_internet_gateway: return s.egress_only_internet_gateways[i].vpc.id;
      case NodeKind::vpn_gateway: return s.vpn_gateways[i].vpc.id;
      case NodeKind::gateway_endpoint: return s.vpc_endpoints[i].vpc.id;
      default: return std::nullopt;
    }
  }

  std::vector<NodeId> nodes_of(ObjectRef object) const {
    std::vector<NodeId> out;
    if (object.kind == ObjectKind::vpc) {
      for (std::uint32_t i = 0; i < graph_.node_count(); ++i) {
        if (vpc_of(NodeId{i}) == model::VpcId{object.index}) out.push_back(NodeId{i});
      }
      return out;
    }
    if (object.kind == ObjectKind::security_group) {
      for (auto group : graph_.members_of(model::SecurityGroupId{object.index})) out.push_back(graph_.group_node(group));
      return out;
    }
    if (object.kind == ObjectKind::listener) {
      const auto& listener = snapshot_.listeners[object.index];
      if (listener.load_balancer.id) return nodes_of({ObjectKind::load_balancer, model::index(*listener.load_balancer.id)});
      return out;
    }
    if (auto node = graph_.node_of(object)) out.push_back(*node);
    for (auto group : graph_.groups_of(object)) out.push_back(graph_.group_node(group));
    return out;
  }

  std::vector<NodeId> focus_nodes() const {
    const std::string& focus = options_.focus;
    if (focus == "internet") return {graph_.internet()};
    if (auto network = graph_.find_external(focus)) return {graph_.external_node(*network)};
    std::optional<ObjectRef> object = snapshot_.find_address(focus);
    for (std::size_t k = 0; !object && k < model::object_kind_count; ++k) {
      auto kind = static_cast<ObjectKind>(k);
      if (auto found = snapshot_.find(kind, focus)) object = ObjectRef{kind, *found};
    }
    if (!object)
      throw ParseError("[moat.report] focus \"" + focus +
                       "\" matches no Terraform address, AWS id or declared network of the loaded state");
    auto nodes = nodes_of(*object);
    if (nodes.empty())
      throw ParseError("[moat.report] focus \"" + focus + "\" is a " + std::string(model::to_string(object->kind)) +
                       ", which has no place in the network picture (try its VPC, subnet or owner)");
    return nodes;
  }

  // The seeds, every node reachable from them along graph edges and every node that reaches
  // them; the walk passes through no outside node that is not a seed.
  std::vector<NodeId> neighbourhood(const std::vector<NodeId>& seeds) const {
    std::set<std::uint32_t> seed_set;
    for (auto seed : seeds) seed_set.insert(graph::index(seed));
    std::set<std::uint32_t> kept = seed_set;
    for (bool forward : {true, false}) {
      std::set<std::uint32_t> seen = seed_set;
      std::deque<NodeId> work(seeds.begin(), seeds.end());
      while (!work.empty()) {
        NodeId here = work.front();
        work.pop_front();
        if (seed_set.count(graph::index(here)) == 0 && outside(graph_.node(here).kind)) continue;
        for (const auto& e : forward ? graph_.out_edges(here) : graph_.in_edges(here)) {
          NodeId next = forward ? e.to : e.from;
          if (seen.insert(graph::index(next)).second) {
            kept.insert(graph::index(next));
            work.push_back(next);
          }
        }
      }
    }
    std::vector<NodeId> out;
    for (auto i : kept) out.push_back(NodeId{i});
    return out;
  }

  const graph::ForwardingGraph& graph_;
  const model::Snapshot& snapshot_;
  const DiagramOptions& options_;
  Topology topology_;
  std::vector<std::string> keys_;      // per graph node: the diagram id
  std::vector<std::string> vpc_keys_;  // per VPC: its cluster id
  std::map<std::uint32_t, std::string> vpc_regions_;
  std::string default_region_;
  std::set<std::string> clusters_;
  std::set<std::string> extra_;
  std::vector<PendingEdge> pending_;
  std::map<std::tuple<std::string, std::string, EdgeRole>, std::size_t> pending_index_;
};

}  // namespace

Topology draw_topology(const graph::ForwardingGraph& graph, const DiagramOptions& options, const std::vector<NodeId>& also) {
  return Builder(graph, options).build(also);
}

}  // namespace moat::report::detail
