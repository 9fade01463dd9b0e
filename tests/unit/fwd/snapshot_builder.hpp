#pragma once
// Test-only: builds small model::Snapshots in code, the way the loader would (implicit
// local routes stored in every table, a main route table and an allow-all default NACL
// per VPC; an IPv6 CIDR adds its local route to every table of the VPC and the default
// NACL's IPv6 allow rules, as AWS does when IPv6 is added to an untouched default NACL).
// Terraform addresses are "<type>.<name>", AWS ids "<prefix>-<name>".

#include <string>
#include <vector>

#include "moat/model/snapshot.hpp"
#include "moat/net/prefix.hpp"

namespace moat::fwd::test {

inline net::Prefix cidr(const char* text) { return net::Prefix::parse(text); }

class SnapshotBuilder {
 public:
  model::Snapshot snapshot;

  static model::Origin origin(const std::string& type, const std::string& name, const std::string& aws_id) {
    return {type + "." + name, "test.tfstate", aws_id};
  }

  model::VpcId vpc(const std::string& name, const char* block) {
    model::Vpc vpc;
    vpc.origin = origin("aws_vpc", name, "vpc-" + name);
    vpc.ipv4_cidrs = {cidr(block)};
    auto id = snapshot.add(std::move(vpc));
    auto main = route_table(id, name + "_main");
    auto& v = snapshot.get(id);
    v.main_route_table = {snapshot.get(main).origin.aws_id, main};
    model::NetworkAcl acl;
    acl.origin = origin("aws_default_network_acl", name, "acl-" + name);
    acl.vpc = ref(id);
    acl.is_default = true;
    for (bool egress : {false, true}) {
      acl.entries.push_back({100, egress, model::NetworkAclAction::allow, net::ProtocolSet::all(), net::PortSet::all(),
                             cidr("0.0.0.0/0"), acl.origin});
    }
    auto acl_id = snapshot.add(std::move(acl));
    snapshot.get(id).default_network_acl = {"acl-" + name, acl_id};
    return id;
  }

  // Adds an IPv6 CIDR to a VPC (aws_vpc.ipv6_cidr_block): local routes, default NACL rules 101.
  void vpc_ipv6(model::VpcId vpc, const char* block) {
    snapshot.get(vpc).ipv6_cidrs.push_back(cidr(block));
    for (auto& table : snapshot.route_tables) {
      if (table.vpc.id != std::optional(vpc)) continue;
      model::Route local;
      local.destination.prefix = cidr(block);
      local.target = {model::RouteTargetKind::local, "local", std::monostate{}};
      local.source = model::RouteSource::implicit_local;
      local.origin = table.origin;
      table.routes.push_back(local);
    }
    auto& acl = snapshot.get(*snapshot.get(vpc).default_network_acl.id);
    for (bool egress : {false, true}) {
      acl.entries.push_back({101, egress, model::NetworkAclAction::allow, net::ProtocolSet::all(), net::PortSet::all(),
                             cidr("::/0"), acl.origin});
    }
  }

  // Gives a subnet an IPv6 CIDR (and assign_ipv6_address_on_creation).
  void subnet_ipv6(model::SubnetId subnet, const char* block, bool assign_on_creation = true) {
    snapshot.get(subnet).ipv6_cidr = cidr(block);
    snapshot.get(subnet).assign_ipv6_address_on_creation = assign_on_creation;
  }

  model::SubnetId subnet(model::VpcId vpc, const std::string& name, const char* block, const std::string& az = "eu-west-1a") {
    model::Subnet subnet;
    subnet.origin = origin("aws_subnet", name, "subnet-" + name);
    subnet.vpc = ref(vpc);
    subnet.ipv4_cidr = cidr(block);
    subnet.availability_zone = az;
    return snapshot.add(std::move(subnet));
  }

  // A route table with the VPC's implicit local routes.
  model::RouteTableId route_table(model::VpcId vpc, const std::string& name) {
    model::RouteTable table;
    table.origin = origin("aws_route_table", name, "rtb-" + name);
    table.vpc = ref(vpc);
    std::vector<net::Prefix> blocks = snapshot.get(vpc).ipv4_cidrs;
    blocks.insert(blocks.end(), snapshot.get(vpc).ipv6_cidrs.begin(), snapshot.get(vpc).ipv6_cidrs.end());
    for (const auto& block : blocks) {
      model::Route local;
      local.destination.prefix = block;
      local.target = {model::RouteTargetKind::local, "local", std::monostate{}};
      local.source = model::RouteSource::implicit_local;
      local.origin = table.origin;
      table.routes.push_back(local);
    }
    return snapshot.add(std::move(table));
  }

  void associate(model::SubnetId subnet, model::RouteTableId table) {
    auto& s = snapshot.get(subnet);
    s.route_table = {snapshot.get(table).origin.aws_id, table};
    s.route_table_association = origin("aws_route_table_association", s.origin.aws_id.substr(7), "rtbassoc-x");
  }

  template <class Id>
  void route(model::RouteTableId table, const char* destination, const std::string& aws_id, Id target,
             const std::string& name = "") {
    model::Route route;
    route.destination.prefix = cidr(destination);
    route.target = {model::classify_route_target(aws_id), aws_id, target};
    route.source = model::RouteSource::route_resource;
    route.origin = origin("aws_route", name.empty() ? aws_id : name, "r-" + aws_id);
    snapshot.get(table).routes.push_back(route);
  }
  // A route to an id the loaded state does not hold.
  void route_unresolved(model::RouteTableId table, const char* destination, const std::string& aws_id) {
    route(table, destination, aws_id, std::monostate{});
  }

  // A customer-managed prefix list whose entries state holds.
  void prefix_list(const std::string& name, std::vector<const char*> entries) {
    model::ManagedPrefixList list;
    list.origin = origin("aws_ec2_managed_prefix_list", name, "pl-" + name);
    list.name = name;
    list.entries_known = true;
    for (auto* e : entries) list.entries.push_back(cidr(e));
    snapshot.add(std::move(list));
  }
  // A route whose destination is the prefix list pl-<list>.
  template <class Id>
  void route_to_list(model::RouteTableId table, const std::string& list, const std::string& aws_id, Id target,
                     const std::string& name) {
    model::Route route;
    route.destination.prefix_list_id = "pl-" + list;
    route.target = {model::classify_route_target(aws_id), aws_id, target};
    route.kind = model::RouteKind::prefix_list;
    route.source = model::RouteSource::route_resource;
    route.origin = origin("aws_route", name, "r-" + name);
    snapshot.get(table).routes.push_back(route);
  }

  model::InternetGatewayId igw(model::VpcId vpc, const std::string& name) {
    model::InternetGateway igw;
    igw.origin = origin("aws_internet_gateway", name, "igw-" + name);
    igw.vpc = ref(vpc);
    return snapshot.add(std::move(igw));
  }

  // A subnet with a route table of its own (both named `name`) whose aws_route.<name>_default
  // sends 0.0.0.0/0 to `igw`.
  model::SubnetId igw_routed_subnet(model::VpcId vpc, model::InternetGatewayId igw, const std::string& name,
                                    const char* block, const std::string& az = "eu-west-1a") {
    auto id = subnet(vpc, name, block, az);
    auto table = route_table(vpc, name);
    associate(id, table);
    route(table, "0.0.0.0/0", snapshot.get(igw).origin.aws_id, igw, name + "_default");
    return id;
  }

  model::EgressOnlyInternetGatewayId eigw(model::VpcId vpc, const std::string& name) {
    model::EgressOnlyInternetGateway eigw;
    eigw.origin = origin("aws_egress_only_internet_gateway", name, "eigw-" + name);
    eigw.vpc = ref(vpc);
    return snapshot.add(std::move(eigw));
  }

  model::NatGatewayId nat(model::SubnetId subnet, const std::string& name, bool is_public, const char* private_ip = nullptr) {
    model::NatGateway nat;
    nat.origin = origin("aws_nat_gateway", name, "nat-" + name);
    nat.connectivity = is_public ? model::NatConnectivity::public_connectivity : model::NatConnectivity::private_connectivity;
    nat.subnet = ref(subnet);
    if (private_ip) nat.private_ip = net::IpAddress::parse(private_ip);
    return snapshot.add(std::move(nat));
  }

  model::SecurityGroupId sg(model::VpcId vpc, const std::string& name) {
    model::SecurityGroup sg;
    sg.origin = origin("aws_security_group", name, "sg-" + name);
    sg.name = name;
    sg.vpc = ref(vpc);
    return snapshot.add(std::move(sg));
  }
  void sg_rule(model::SecurityGroupId sg, model::RuleDirection direction, net::ProtocolSet protocols, net::PortSet ports,
               const char* peer_cidr) {
    model::SecurityGroupPeer peer;
    peer.prefix = cidr(peer_cidr);
    add_sg_rule(sg, direction, protocols, ports, std::move(peer));
  }
  void sg_rule_ref(model::SecurityGroupId sg, model::RuleDirection direction, net::ProtocolSet protocols, net::PortSet ports,
                   model::SecurityGroupId referenced) {
    model::SecurityGroupPeer peer;
    peer.kind = model::SecurityGroupPeerKind::security_group;
    peer.security_group = {snapshot.get(referenced).origin.aws_id, referenced};
    add_sg_rule(sg, direction, protocols, ports, std::move(peer));
  }
  // A rule whose peer is the rule's own SG (`self = true`, R3.3).
  void sg_rule_self(model::SecurityGroupId sg, model::RuleDirection direction, net::ProtocolSet protocols,
                    net::PortSet ports) {
    model::SecurityGroupPeer peer;
    peer.kind = model::SecurityGroupPeerKind::self;
    peer.security_group = {snapshot.get(sg).origin.aws_id, sg};
    add_sg_rule(sg, direction, protocols, ports, std::move(peer));
  }
  // A rule whose peer is a prefix list.
  void sg_rule_list(model::SecurityGroupId sg, model::RuleDirection direction, net::ProtocolSet protocols,
                    net::PortSet ports, const std::string& prefix_list_id) {
    model::SecurityGroupPeer peer;
    peer.kind = model::SecurityGroupPeerKind::prefix_list;
    peer.prefix_list_id = prefix_list_id;
    add_sg_rule(sg, direction, protocols, ports, std::move(peer));
  }
  void add_sg_rule(model::SecurityGroupId sg, model::RuleDirection direction, net::ProtocolSet protocols,
                   net::PortSet ports, model::SecurityGroupPeer peer) {
    model::SecurityGroupRule rule;
    rule.direction = direction;
    rule.protocols = protocols;
    rule.ports = ports;
    rule.peer = std::move(peer);
    rule.origin = snapshot.get(sg).origin;
    snapshot.get(sg).rules.push_back(rule);
  }
  // Allow everything out, and everything in from anywhere (IPv4 only, as the rules say).
  model::SecurityGroupId open_sg(model::VpcId vpc, const std::string& name) {
    auto id = sg(vpc, name);
    sg_rule(id, model::RuleDirection::egress, net::ProtocolSet::all(), net::PortSet::all(), "0.0.0.0/0");
    sg_rule(id, model::RuleDirection::ingress, net::ProtocolSet::all(), net::PortSet::all(), "0.0.0.0/0");
    return id;
  }
  // open_sg plus the same two rules for ::/0.
  model::SecurityGroupId dual_open_sg(model::VpcId vpc, const std::string& name) {
    auto id = open_sg(vpc, name);
    sg_rule(id, model::RuleDirection::egress, net::ProtocolSet::all(), net::PortSet::all(), "::/0");
    sg_rule(id, model::RuleDirection::ingress, net::ProtocolSet::all(), net::PortSet::all(), "::/0");
    return id;
  }

  model::NetworkAclId nacl(model::VpcId vpc, const std::string& name, std::vector<model::SubnetId> subnets) {
    model::NetworkAcl acl;
    acl.origin = origin("aws_network_acl", name, "acl-" + name);
    acl.vpc = ref(vpc);
    auto id = snapshot.add(std::move(acl));
    for (auto subnet : subnets) {
      snapshot.get(subnet).network_acl = {"acl-" + name, id};
      snapshot.get(subnet).network_acl_association = snapshot.get(id).origin;
    }
    return id;
  }
  void nacl_entry(model::NetworkAclId acl, int number, bool egress, bool allow, net::ProtocolSet protocols,
                  net::PortSet ports, const char* block) {
    model::NetworkAclEntry entry{number, egress, allow ? model::NetworkAclAction::allow : model::NetworkAclAction::deny,
                                 protocols, ports, cidr(block), snapshot.get(acl).origin};
    snapshot.get(acl).entries.push_back(entry);
  }

  model::EcsServiceId ecs_service(const std::string& name, std::vector<model::SubnetId> subnets,
                                  std::vector<model::SecurityGroupId> sgs, bool assign_public_ip = false) {
    model::EcsService service;
    service.origin = origin("aws_ecs_service", name, "arn:aws:ecs:eu-west-1:1:service/c/" + name);
    service.name = name;
    service.launch_type = "FARGATE";
    service.has_network_configuration = true;
    for (auto s : subnets) service.subnets.push_back(ref(s));
    for (auto g : sgs) service.security_groups.push_back({snapshot.get(g).origin.aws_id, g});
    service.assign_public_ip = assign_public_ip;
    return snapshot.add(std::move(service));
  }

  model::InstanceId instance(const std::string& name, model::SubnetId subnet, const char* private_ip,
                             std::vector<model::SecurityGroupId> sgs, bool public_ip = false) {
    model::Instance instance;
    instance.origin = origin("aws_instance", name, "i-" + name);
    instance.subnet = ref(subnet);
    instance.private_ip = net::IpAddress::parse(private_ip);
    instance.associate_public_ip_address = public_ip;
    for (auto g : sgs) instance.security_groups.push_back({snapshot.get(g).origin.aws_id, g});
    instance.state = "running";
    return snapshot.add(std::move(instance));
  }

  // Lists an IPv6 address on an instance (aws_instance.ipv6_addresses).
  void instance_ipv6(model::InstanceId instance, const char* address) {
    snapshot.get(instance).ipv6_addresses.push_back(net::IpAddress::parse(address));
  }

  model::LoadBalancerId load_balancer(const std::string& name, std::vector<model::SubnetId> subnets,
                                      std::vector<model::SecurityGroupId> sgs, bool internal = true) {
    model::LoadBalancer lb;
    lb.origin = origin("aws_lb", name, "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/" + name);
    lb.name = name;
    lb.internal = internal;
    for (auto s : subnets) lb.subnets.push_back(ref(s));
    for (auto g : sgs) lb.security_groups.push_back({snapshot.get(g).origin.aws_id, g});
    return snapshot.add(std::move(lb));
  }
  model::ListenerId listener(model::LoadBalancerId lb, std::uint16_t port, const std::string& protocol = "HTTPS") {
    model::Listener listener;
    listener.origin = origin("aws_lb_listener", std::to_string(port), "listener-" + std::to_string(port));
    listener.load_balancer = {snapshot.get(lb).origin.aws_id, lb};
    listener.port = port;
    listener.protocol = protocol;
    return snapshot.add(std::move(listener));
  }

  model::VpnGatewayId vgw(model::VpcId vpc, const std::string& name) {
    model::VpnGateway vgw;
    vgw.origin = origin("aws_vpn_gateway", name, "vgw-" + name);
    vgw.vpc = ref(vpc);
    return snapshot.add(std::move(vgw));
  }
  void propagate(model::RouteTableId table, model::VpnGatewayId vgw) {
    snapshot.get(table).propagations.push_back(
        {{snapshot.get(vgw).origin.aws_id, vgw}, origin("aws_vpn_gateway_route_propagation", snapshot.get(table).origin.aws_id, "")});
  }
  model::DxGatewayId dx_gateway(const std::string& name) {
    model::DxGateway dx;
    dx.origin = origin("aws_dx_gateway", name, "dxgw-" + name);
    dx.name = name;
    return snapshot.add(std::move(dx));
  }
  model::DxGatewayAssociationId dx_associate_vgw(model::DxGatewayId dx, model::VpnGatewayId vgw,
                                                 std::vector<const char*> allowed, const std::string& name) {
    model::DxGatewayAssociation assoc;
    assoc.origin = origin("aws_dx_gateway_association", name, "dxassoc-" + name);
    assoc.dx_gateway = {snapshot.get(dx).origin.aws_id, dx};
    assoc.gateway_kind = model::DxAssociatedGatewayKind::vpn_gateway;
    assoc.associated_gateway_id = snapshot.get(vgw).origin.aws_id;
    assoc.vpn_gateway = {snapshot.get(vgw).origin.aws_id, vgw};
    for (auto* p : allowed) assoc.allowed_prefixes.push_back(cidr(p));
    return snapshot.add(std::move(assoc));
  }

  // A DX gateway associated with a TGW, with its TGW attachment (R7.3).
  model::TransitGatewayAttachmentId dx_associate_tgw(model::DxGatewayId dx, model::TransitGatewayId tgw,
                                                     std::vector<const char*> allowed, const std::string& name) {
    model::TransitGatewayAttachment attachment;
    attachment.origin = origin("aws_dx_gateway_association", name, "tgw-attach-dx-" + name);
    attachment.attachment_kind = model::TransitGatewayAttachmentKind::direct_connect_gateway;
    attachment.transit_gateway = {snapshot.get(tgw).origin.aws_id, tgw};
    attachment.resource_id = snapshot.get(dx).origin.aws_id;
    auto attachment_id = snapshot.add(std::move(attachment));
    model::DxGatewayAssociation assoc;
    assoc.origin = origin("aws_dx_gateway_association", name, "dxassoc-" + name);
    assoc.dx_gateway = {snapshot.get(dx).origin.aws_id, dx};
    assoc.gateway_kind = model::DxAssociatedGatewayKind::transit_gateway;
    assoc.associated_gateway_id = snapshot.get(tgw).origin.aws_id;
    assoc.transit_gateway = {snapshot.get(tgw).origin.aws_id, tgw};
    assoc.transit_gateway_attachment = attachment_ref(attachment_id);
    for (auto* p : allowed) assoc.allowed_prefixes.push_back(cidr(p));
    snapshot.add(std::move(assoc));
    return attachment_id;
  }

  // A Site-to-Site VPN connection on a VGW (static_routes_only: VPN static, else BGP; R7.6).
  model::VpnConnectionId vpn_on_vgw(model::VpnGatewayId vgw, const std::string& name, bool static_routes_only) {
    model::VpnConnection vpn;
    vpn.origin = origin("aws_vpn_connection", name, "vpn-" + name);
    vpn.vpn_gateway = {snapshot.get(vgw).origin.aws_id, vgw};
    vpn.static_routes_only = static_routes_only;
    return snapshot.add(std::move(vpn));
  }
  // A Site-to-Site VPN connection on a TGW, with its TGW attachment.
  model::TransitGatewayAttachmentId vpn_on_tgw(model::TransitGatewayId tgw, const std::string& name,
                                               model::VpnConnectionId* connection = nullptr) {
    model::TransitGatewayAttachment attachment;
    attachment.origin = origin("aws_vpn_connection", name, "tgw-attach-vpn-" + name);
    attachment.attachment_kind = model::TransitGatewayAttachmentKind::vpn;
    attachment.transit_gateway = {snapshot.get(tgw).origin.aws_id, tgw};
    attachment.resource_id = "vpn-" + name;
    auto attachment_id = snapshot.add(std::move(attachment));
    model::VpnConnection vpn;
    vpn.origin = origin("aws_vpn_connection", name, "vpn-" + name);
    vpn.transit_gateway = {snapshot.get(tgw).origin.aws_id, tgw};
    vpn.transit_gateway_attachment = attachment_ref(attachment_id);
    auto id = snapshot.add(std::move(vpn));
    if (connection) *connection = id;
    return attachment_id;
  }

  model::TransitGatewayId tgw(const std::string& name) {
    model::TransitGateway tgw;
    tgw.origin = origin("aws_ec2_transit_gateway", name, "tgw-" + name);
    return snapshot.add(std::move(tgw));
  }
  model::TransitGatewayAttachmentId tgw_attach(model::TransitGatewayId tgw, model::VpcId vpc,
                                               std::vector<model::SubnetId> subnets, const std::string& name) {
    model::TransitGatewayAttachment attachment;
    attachment.origin = origin("aws_ec2_transit_gateway_vpc_attachment", name, "tgw-attach-" + name);
    attachment.attachment_kind = model::TransitGatewayAttachmentKind::vpc;
    attachment.transit_gateway = {snapshot.get(tgw).origin.aws_id, tgw};
    attachment.vpc = ref(vpc);
    for (auto s : subnets) attachment.subnets.push_back(ref(s));
    return snapshot.add(std::move(attachment));
  }
  model::TransitGatewayRouteTableId tgw_table(model::TransitGatewayId tgw, const std::string& name) {
    model::TransitGatewayRouteTable table;
    table.origin = origin("aws_ec2_transit_gateway_route_table", name, "tgw-rtb-" + name);
    table.transit_gateway = {snapshot.get(tgw).origin.aws_id, tgw};
    return snapshot.add(std::move(table));
  }
  void tgw_associate(model::TransitGatewayRouteTableId table, model::TransitGatewayAttachmentId attachment) {
    snapshot.get(table).associations.push_back({attachment_ref(attachment), false, origin("aws_ec2_transit_gateway_route_table_association", "x", "")});
  }
  void tgw_propagate(model::TransitGatewayRouteTableId table, model::TransitGatewayAttachmentId attachment) {
    snapshot.get(table).propagations.push_back({attachment_ref(attachment), false, origin("aws_ec2_transit_gateway_route_table_propagation", "x", "")});
  }
  void tgw_route(model::TransitGatewayRouteTableId table, const char* destination,
                 std::optional<model::TransitGatewayAttachmentId> attachment, const std::string& name) {
    model::TransitGatewayRoute route;
    route.destination = cidr(destination);
    if (attachment) route.attachment = attachment_ref(*attachment);
    route.blackhole = !attachment;
    route.origin = origin("aws_ec2_transit_gateway_route", name, "");
    snapshot.get(table).routes.push_back(route);
  }

  model::VpcPeeringConnectionId peering(model::VpcId requester, model::VpcId accepter, const std::string& name,
                                        const std::string& status = "active") {
    model::VpcPeeringConnection pcx;
    pcx.origin = origin("aws_vpc_peering_connection", name, "pcx-" + name);
    pcx.requester_vpc = ref(requester);
    pcx.accepter_vpc = ref(accepter);
    pcx.accept_status = status;
    return snapshot.add(std::move(pcx));
  }

  model::Ref<model::VpcId> ref(model::VpcId id) { return {snapshot.get(id).origin.aws_id, id}; }
  model::Ref<model::SubnetId> ref(model::SubnetId id) { return {snapshot.get(id).origin.aws_id, id}; }
  model::Ref<model::TransitGatewayAttachmentId> attachment_ref(model::TransitGatewayAttachmentId id) {
    return {snapshot.get(id).origin.aws_id, id};
  }
};

}  // namespace moat::fwd::test
