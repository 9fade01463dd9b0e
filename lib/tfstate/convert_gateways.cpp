// Converters for gateways and links: IGW, EIGW, NAT, EIP, VGW, customer gateway, VPN,
// Direct Connect, transit gateway and VPC peering.

#include "builder.hpp"
#include "convert_common.hpp"
#include "converters.hpp"
#include "keys.hpp"

namespace moat::tfstate {

namespace a = keys::attr;
using namespace moat::model;

namespace {

std::optional<std::uint32_t> asn(const Attributes& at, std::string_view key) {
  auto value = at.integer(key);
  if (!value || *value < 0 || *value > 0xffffffffLL) return std::nullopt;
  return static_cast<std::uint32_t>(*value);
}

void fill_if_empty(std::string& field, const std::string& value) {
  if (field.empty()) field = value;
}

template <class Id>
void fill_if_empty(Ref<Id>& field, const std::string& value) {
  if (field.empty()) field = ref_to<Id>(value);
}

// The object an accepter-side resource completes (same AWS id), created and named after
// the accepter when the creator's state is not loaded.
template <class T>
T& find_or_create(Builder& builder, const Resource& r, const std::string& id) {
  if (T* found = builder.find<T>(id)) return *found;
  T created;
  created.origin = r.origin(id);
  builder.snapshot().add(std::move(created));
  return *builder.find<T>(id);
}

// aws_eip's domain: "domain" ("vpc" / "standard"), else the provider <= v5 bool "vpc"
// (deprecated in v5, removed in v6), else vpc (EC2-Classic is retired).
ElasticIpDomain eip_domain(Builder& builder, const Resource& r) {
  namespace v = keys::value;
  const Attributes& at = r.attributes;
  std::string domain = at.str(a::domain);
  auto vpc = at.opt_bool(a::vpc);
  std::string from_vpc = !vpc ? "" : std::string(*vpc ? v::eip_domain_vpc : v::eip_domain_standard);
  if (domain.empty()) domain = from_vpc;
  if (!from_vpc.empty() && domain != from_vpc) {
    builder.warn("eip.domain_conflict", r, "domain \"" + domain + "\" disagrees with vpc = " + (*vpc ? "true" : "false") +
                                               ": using domain");
  }
  if (domain == v::eip_domain_standard) {
    builder.warn("eip.classic", r, "an EC2-Classic address (domain \"standard\", retired by AWS): it gives no VPC interface a public address");
    return ElasticIpDomain::standard;
  }
  if (!domain.empty() && domain != v::eip_domain_vpc) {
    builder.warn("eip.domain", r, "domain \"" + domain + "\" is neither \"vpc\" nor \"standard\": treated as vpc");
  }
  return ElasticIpDomain::vpc;
}

// A DX VIF's BGP peer address ("169.254.0.1/30"): the address and its link prefix;
// nullopt when absent, and with a warning when unreadable.
std::optional<DxPeerAddress> peer_address(Builder& builder, const Resource& r, std::string_view key) {
  std::string text = r.attributes.str(key);
  if (text.empty()) return std::nullopt;
  auto slash = text.find('/');
  auto address = net::IpAddress::try_parse(std::string_view(text).substr(0, slash));
  auto link = slash == std::string::npos ? std::nullopt : net::Prefix::try_parse(text);
  if (!address || !link) {
    builder.warn("dx.peer_address", r, std::string(key) + " \"" + text + "\" is not an address with its prefix length (like 169.254.0.1/30): ignored");
    return std::nullopt;
  }
  return DxPeerAddress{*address, *link};
}

}  // namespace

void convert_internet_gateway(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  InternetGateway igw;
  igw.origin = r.origin(aws_id_of(at));
  igw.vpc = ref<VpcId>(at, a::vpc_id);
  if (igw.vpc.empty()) {
    if (auto attachment = at.object(a::attachments)) igw.vpc = ref<VpcId>(*attachment, a::vpc_id);
  }
  builder.add(std::move(igw), r);
}

void convert_internet_gateway_attachment(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  std::string id = at.str(a::internet_gateway_id);
  InternetGateway* igw = builder.find<InternetGateway>(id);
  if (igw == nullptr) return builder.missing_owner(r, "internet gateway", id, "attachment ignored");
  igw->vpc = ref<VpcId>(at, a::vpc_id);
  igw->attachment = r.origin(aws_id_of(at));
}

void convert_egress_only_internet_gateway(Builder& builder, const Resource& r) {
  EgressOnlyInternetGateway eigw;
  eigw.origin = r.origin(aws_id_of(r.attributes));
  eigw.vpc = ref<VpcId>(r.attributes, a::vpc_id);
  builder.add(std::move(eigw), r);
}

void convert_nat_gateway(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  NatGateway nat;
  nat.origin = r.origin(aws_id_of(at));
  nat.connectivity = at.str(a::connectivity_type) == keys::value::private_ ? NatConnectivity::private_connectivity
                                                                           : NatConnectivity::public_connectivity;
  nat.subnet = ref<SubnetId>(at, a::subnet_id);
  nat.allocation = ref<ElasticIpId>(at, a::allocation_id);
  nat.private_ip = at.ip(a::private_ip);
  nat.public_ip = at.ip(a::public_ip);
  nat.network_interface = ref<NetworkInterfaceId>(at, a::network_interface_id);
  builder.add(std::move(nat), r);
}

void convert_eip(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  ElasticIp eip;
  std::string id = at.str(a::allocation_id);
  eip.origin = r.origin(id.empty() ? aws_id_of(at) : id);
  eip.domain = eip_domain(builder, r);
  eip.public_ip = at.ip(a::public_ip);
  eip.private_ip = at.ip(a::private_ip);
  eip.instance = ref<InstanceId>(at, a::instance);
  eip.network_interface = ref<NetworkInterfaceId>(at, a::network_interface);
  builder.add(std::move(eip), r);
}

void convert_eip_association(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  std::string id = at.str(a::allocation_id);
  ElasticIp* eip = builder.find<ElasticIp>(id);
  if (eip == nullptr) return builder.missing_owner(r, "elastic IP", id, "association ignored");
  eip->instance = ref<InstanceId>(at, a::instance_id);
  eip->network_interface = ref<NetworkInterfaceId>(at, a::network_interface_id);
  if (auto ip = at.ip(a::private_ip_address)) eip->private_ip = ip;
  eip->association = r.origin(aws_id_of(at));
}

void convert_vpn_gateway(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  VpnGateway vgw;
  vgw.origin = r.origin(aws_id_of(at));
  vgw.vpc = ref<VpcId>(at, a::vpc_id);
  vgw.amazon_side_asn = asn(at, a::amazon_side_asn);
  builder.add(std::move(vgw), r);
}

void convert_vpn_gateway_attachment(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  std::string id = at.str(a::vpn_gateway_id);
  VpnGateway* vgw = builder.find<VpnGateway>(id);
  if (vgw == nullptr) return builder.missing_owner(r, "VPN gateway", id, "attachment ignored");
  vgw->vpc = ref<VpcId>(at, a::vpc_id);
  vgw->attachment = r.origin(aws_id_of(at));
}

void convert_customer_gateway(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  CustomerGateway cgw;
  cgw.origin = r.origin(aws_id_of(at));
  cgw.ip_address = at.ip(a::ip_address);
  cgw.bgp_asn = asn(at, a::bgp_asn);
  cgw.type = at.str(a::type);
  builder.add(std::move(cgw), r);
}

void convert_vpn_connection(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  VpnConnection vpn;
  vpn.origin = r.origin(aws_id_of(at));
  vpn.customer_gateway = ref<CustomerGatewayId>(at, a::customer_gateway_id);
  vpn.vpn_gateway = ref<VpnGatewayId>(at, a::vpn_gateway_id);
  vpn.transit_gateway = ref<TransitGatewayId>(at, a::transit_gateway_id);
  vpn.transit_gateway_attachment = ref<TransitGatewayAttachmentId>(at, a::transit_gateway_attachment_id);
  vpn.static_routes_only = at.boolean(a::static_routes_only, false);
  for (const auto& route : at.objects(a::vpn_connection_routes)) {
    if (auto prefix = route.prefix(a::destination_cidr_block)) vpn.static_routes.push_back({*prefix, vpn.origin});
  }
  builder.add(std::move(vpn), r);
}

void convert_vpn_connection_route(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  std::string id = at.str(a::vpn_connection_id);
  VpnConnection* vpn = builder.find<VpnConnection>(id);
  if (vpn == nullptr) return builder.missing_owner(r, "VPN connection", id, "static route ignored");
  auto prefix = at.prefix(a::destination_cidr_block);
  if (!prefix) return;
  for (auto& existing : vpn->static_routes) {
    if (existing.destination == *prefix) {
      existing.origin = r.origin(aws_id_of(at));
      return;
    }
  }
  vpn->static_routes.push_back({*prefix, r.origin(aws_id_of(at))});
}

void convert_dx_gateway(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  DxGateway dx;
  dx.origin = r.origin(aws_id_of(at));
  dx.name = at.str(a::name);
  dx.amazon_side_asn = asn(at, a::amazon_side_asn);
  builder.add(std::move(dx), r);
}

void convert_dx_gateway_association(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  DxGatewayAssociation association;
  std::string id = at.str(a::dx_gateway_association_id);
  association.origin = r.origin(id.empty() ? aws_id_of(at) : id);
  association.dx_gateway = ref<DxGatewayId>(at, a::dx_gateway_id);
  association.associated_gateway_id = at.str(a::associated_gateway_id);
  if (association.associated_gateway_id.empty()) association.associated_gateway_id = at.str(a::vpn_gateway_id);
  std::string type = at.str(a::associated_gateway_type);
  const std::string& gateway = association.associated_gateway_id;
  if (type == keys::value::virtual_private_gateway || (type.empty() && gateway.starts_with("vgw-"))) {
    association.gateway_kind = DxAssociatedGatewayKind::vpn_gateway;
    association.vpn_gateway = ref_to<VpnGatewayId>(gateway);
  } else if (type == keys::value::transit_gateway || (type.empty() && gateway.starts_with("tgw-"))) {
    association.gateway_kind = DxAssociatedGatewayKind::transit_gateway;
    association.transit_gateway = ref_to<TransitGatewayId>(gateway);
  } else {
    builder.warn("dx.unknown_gateway", r, "associated gateway \"" + gateway + "\" is neither a VGW nor a TGW");
  }
  for (const auto& text : at.strings(a::allowed_prefixes)) {
    association.allowed_prefixes.push_back(at.prefix_text(text, a::allowed_prefixes));
  }
  association.transit_gateway_attachment = ref<TransitGatewayAttachmentId>(at, a::transit_gateway_attachment_id);
  builder.add(std::move(association), r);
}

// aws_dx_private_virtual_interface and aws_dx_hosted_private_virtual_interface (the
// creator's side of a hosted VIF names no gateway: the accepter does).
void convert_dx_virtual_interface(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  DxVirtualInterface vif;
  vif.origin = r.origin(aws_id_of(at));
  vif.name = at.str(a::name);
  vif.connection_id = at.str(a::connection_id);
  vif.hosted = r.raw.type == keys::resource::dx_hosted_private_virtual_interface;
  vif.owner_account_id = at.str(a::owner_account_id);
  vif.dx_gateway = ref<DxGatewayId>(at, a::dx_gateway_id);
  vif.vpn_gateway = ref<VpnGatewayId>(at, a::vpn_gateway_id);
  if (auto vlan = at.integer(a::vlan); vlan && *vlan >= 0 && *vlan <= 4094) vif.vlan = static_cast<std::uint16_t>(*vlan);
  std::string family = at.str(a::address_family);
  vif.address_family = family == keys::value::dx_ipv4   ? DxAddressFamily::ipv4
                       : family == keys::value::dx_ipv6 ? DxAddressFamily::ipv6
                                                        : DxAddressFamily::unknown;
  vif.bgp_asn = asn(at, a::bgp_asn);
  vif.amazon_address = peer_address(builder, r, a::amazon_address);
  vif.customer_address = peer_address(builder, r, a::customer_address);
  if (auto mtu = at.integer(a::mtu); mtu && *mtu > 0 && *mtu <= 0xffff) vif.mtu = static_cast<std::uint16_t>(*mtu);
  builder.add(std::move(vif), r);
}

// The accepter's side of a hosted VIF (id = the VIF's id): completes the creator's VIF
// when that state is loaded too, else stands for the VIF itself.
void convert_dx_virtual_interface_accepter(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  std::string id = at.str(a::virtual_interface_id);
  if (id.empty()) id = aws_id_of(at);
  DxVirtualInterface& vif = find_or_create<DxVirtualInterface>(builder, r, id);
  vif.hosted = true;
  fill_if_empty(vif.dx_gateway, at.str(a::dx_gateway_id));
  fill_if_empty(vif.vpn_gateway, at.str(a::vpn_gateway_id));
  vif.acceptance = r.origin(aws_id_of(at));
}

void convert_transit_gateway(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  TransitGateway tgw;
  tgw.origin = r.origin(aws_id_of(at));
  tgw.amazon_side_asn = asn(at, a::amazon_side_asn);
  tgw.default_route_table_association = enabled(at, a::default_route_table_association, true);
  tgw.default_route_table_propagation = enabled(at, a::default_route_table_propagation, true);
  tgw.association_default_route_table = ref<TransitGatewayRouteTableId>(at, a::association_default_route_table_id);
  tgw.propagation_default_route_table = ref<TransitGatewayRouteTableId>(at, a::propagation_default_route_table_id);
  tgw.dns_support = enabled(at, a::dns_support, true);
  tgw.vpn_ecmp_support = enabled(at, a::vpn_ecmp_support, true);
  tgw.security_group_referencing_support = enabled(at, a::security_group_referencing_support, false);
  builder.add(std::move(tgw), r);
}

void convert_transit_gateway_vpc_attachment(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  TransitGatewayAttachment attachment;
  attachment.origin = r.origin(aws_id_of(at));
  attachment.attachment_kind = TransitGatewayAttachmentKind::vpc;
  attachment.transit_gateway = ref<TransitGatewayId>(at, a::transit_gateway_id);
  attachment.vpc = ref<VpcId>(at, a::vpc_id);
  attachment.resource_id = attachment.vpc.aws_id;
  attachment.subnets = refs<SubnetId>(at, a::subnet_ids);
  attachment.appliance_mode_support = enabled(at, a::appliance_mode_support, false);
  attachment.ipv6_support = enabled(at, a::ipv6_support, false);
  attachment.dns_support = enabled(at, a::dns_support, true);
  attachment.default_route_table_association = at.boolean(a::transit_gateway_default_route_table_association, true);
  attachment.default_route_table_propagation = at.boolean(a::transit_gateway_default_route_table_propagation, true);
  builder.add(std::move(attachment), r);
}

// The accepter side of a cross-account VPC attachment: the same attachment id, so it only
// adds the attachment when the requester's state is not loaded.
void convert_transit_gateway_vpc_attachment_accepter(Builder& builder, const Resource& r) {
  if (builder.find<TransitGatewayAttachment>(aws_id_of(r.attributes)) != nullptr) return;
  convert_transit_gateway_vpc_attachment(builder, r);
}

// Peering and Connect attachments, and the VPN / DX attachments data sources describe.
void convert_transit_gateway_other_attachment(Builder& builder, const Resource& r) {
  namespace t = keys::resource;
  const Attributes& at = r.attributes;
  TransitGatewayAttachment attachment;
  attachment.origin = r.origin(aws_id_of(at));
  attachment.transit_gateway = ref<TransitGatewayId>(at, a::transit_gateway_id);
  if (r.raw.type == t::transit_gateway_peering_attachment) {
    attachment.attachment_kind = TransitGatewayAttachmentKind::peering;
    attachment.resource_id = at.str(a::peer_transit_gateway_id);
  } else if (r.raw.type == t::transit_gateway_connect) {
    attachment.attachment_kind = TransitGatewayAttachmentKind::connect;
    attachment.resource_id = at.str(a::transport_attachment_id);
  } else if (r.raw.type == t::transit_gateway_vpn_attachment) {
    attachment.attachment_kind = TransitGatewayAttachmentKind::vpn;
    attachment.resource_id = at.str(a::vpn_connection_id);
  } else {
    attachment.attachment_kind = TransitGatewayAttachmentKind::direct_connect_gateway;
    attachment.resource_id = at.str(a::dx_gateway_id);
  }
  attachment.default_route_table_association = at.boolean(a::transit_gateway_default_route_table_association, true);
  attachment.default_route_table_propagation = at.boolean(a::transit_gateway_default_route_table_propagation, true);
  builder.add(std::move(attachment), r);
}

void convert_transit_gateway_route_table(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  TransitGatewayRouteTable table;
  table.origin = r.origin(aws_id_of(at));
  table.transit_gateway = ref<TransitGatewayId>(at, a::transit_gateway_id);
  table.default_association_route_table = at.boolean(a::default_association_route_table, false);
  table.default_propagation_route_table = at.boolean(a::default_propagation_route_table, false);
  builder.add(std::move(table), r);
}

void convert_transit_gateway_route(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  std::string id = at.str(a::transit_gateway_route_table_id);
  TransitGatewayRouteTable* table = builder.find<TransitGatewayRouteTable>(id);
  if (table == nullptr) return builder.missing_owner(r, "transit gateway route table", id, "route ignored");
  TransitGatewayRoute route;
  route.destination = at.prefix(a::destination_cidr_block);
  if (!route.destination) route.prefix_list_id = at.str(a::prefix_list_id);
  route.attachment = ref<TransitGatewayAttachmentId>(at, a::transit_gateway_attachment_id);
  route.blackhole = at.boolean(a::blackhole, false);
  route.origin = r.origin(aws_id_of(at));
  table->routes.push_back(std::move(route));
}

void convert_transit_gateway_route_table_link(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  std::string id = at.str(a::transit_gateway_route_table_id);
  TransitGatewayRouteTable* table = builder.find<TransitGatewayRouteTable>(id);
  if (table == nullptr) return builder.missing_owner(r, "transit gateway route table", id, "ignored");
  bool association = r.raw.type == keys::resource::transit_gateway_route_table_association;
  auto& links = association ? table->associations : table->propagations;
  links.push_back({ref<TransitGatewayAttachmentId>(at, a::transit_gateway_attachment_id), false, r.origin(aws_id_of(at))});
}

void convert_vpc_peering_connection(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  VpcPeeringConnection pcx;
  pcx.origin = r.origin(aws_id_of(at));
  pcx.requester_vpc = ref<VpcId>(at, a::vpc_id);
  pcx.accepter_vpc = ref<VpcId>(at, a::peer_vpc_id);
  pcx.peer_owner_id = at.str(a::peer_owner_id);
  pcx.peer_region = at.str(a::peer_region);
  pcx.accept_status = at.str(a::accept_status);
  if (auto options = at.object(a::requester)) {
    pcx.requester_allow_remote_vpc_dns_resolution = options->boolean(a::allow_remote_vpc_dns_resolution, false);
  }
  if (auto options = at.object(a::accepter)) {
    pcx.accepter_allow_remote_vpc_dns_resolution = options->boolean(a::allow_remote_vpc_dns_resolution, false);
  }
  builder.add(std::move(pcx), r);
}

// aws_vpc_peering_connection_accepter / _options: the accepter side of a peering (often in
// another state) and DNS options. They complete the peering, creating it if needed.
void convert_vpc_peering_side(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  std::string id = at.str(a::vpc_peering_connection_id);
  if (id.empty()) id = aws_id_of(at);
  bool accepter = r.raw.type == keys::resource::vpc_peering_connection_accepter;
  VpcPeeringConnection* pcx = builder.find<VpcPeeringConnection>(id);
  if (pcx == nullptr) {
    if (!accepter) return builder.missing_owner(r, "VPC peering connection", id, "options ignored");
    pcx = &find_or_create<VpcPeeringConnection>(builder, r, id);
  }
  if (accepter) {
    fill_if_empty(pcx->accepter_vpc, at.str(a::vpc_id));
    fill_if_empty(pcx->requester_vpc, at.str(a::peer_vpc_id));
    fill_if_empty(pcx->peer_owner_id, at.str(a::peer_owner_id));
    fill_if_empty(pcx->peer_region, at.str(a::peer_region));
    std::string status = at.str(a::accept_status);
    if (!status.empty()) pcx->accept_status = status;
  }
  if (auto options = at.object(a::requester); options && options->has(a::allow_remote_vpc_dns_resolution)) {
    pcx->requester_allow_remote_vpc_dns_resolution = options->boolean(a::allow_remote_vpc_dns_resolution, false);
  }
  if (auto options = at.object(a::accepter); options && options->has(a::allow_remote_vpc_dns_resolution)) {
    pcx->accepter_allow_remote_vpc_dns_resolution = options->boolean(a::allow_remote_vpc_dns_resolution, false);
  }
}

}  // namespace moat::tfstate
