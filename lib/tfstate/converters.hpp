#pragma once
// The converter functions, one per Terraform resource type family (see converters.cpp
// for the type -> converter tables).

#include <optional>

#include "builder.hpp"

namespace moat::tfstate {

// convert_vpc.cpp
std::optional<model::Route> parse_route(Builder& builder, const Resource& resource, const Attributes& block, bool standalone);
void convert_vpc(Builder&, const Resource&);
void convert_vpc_cidr_association(Builder&, const Resource&);
void convert_subnet(Builder&, const Resource&);
void convert_route_table(Builder&, const Resource&);
void convert_route(Builder&, const Resource&);
void convert_route_table_association(Builder&, const Resource&);
void convert_main_route_table_association(Builder&, const Resource&);
void convert_vgw_route_propagation(Builder&, const Resource&);
void convert_dhcp_options(Builder&, const Resource&);
void convert_dhcp_options_association(Builder&, const Resource&);

// convert_gateways.cpp
void convert_internet_gateway(Builder&, const Resource&);
void convert_internet_gateway_attachment(Builder&, const Resource&);
void convert_egress_only_internet_gateway(Builder&, const Resource&);
void convert_nat_gateway(Builder&, const Resource&);
void convert_eip(Builder&, const Resource&);
void convert_eip_association(Builder&, const Resource&);
void convert_vpn_gateway(Builder&, const Resource&);
void convert_vpn_gateway_attachment(Builder&, const Resource&);
void convert_customer_gateway(Builder&, const Resource&);
void convert_vpn_connection(Builder&, const Resource&);
void convert_vpn_connection_route(Builder&, const Resource&);
void convert_dx_gateway(Builder&, const Resource&);
void convert_dx_gateway_association(Builder&, const Resource&);
void convert_dx_virtual_interface(Builder&, const Resource&);
void convert_dx_virtual_interface_accepter(Builder&, const Resource&);
void convert_transit_gateway(Builder&, const Resource&);
void convert_transit_gateway_vpc_attachment(Builder&, const Resource&);
void convert_transit_gateway_route_table(Builder&, const Resource&);
void convert_transit_gateway_other_attachment(Builder&, const Resource&);
void convert_transit_gateway_vpc_attachment_accepter(Builder&, const Resource&);
void convert_transit_gateway_route(Builder&, const Resource&);
void convert_transit_gateway_route_table_link(Builder&, const Resource&);
void convert_vpc_peering_connection(Builder&, const Resource&);
void convert_vpc_peering_side(Builder&, const Resource&);

// convert_filters.cpp
void convert_security_group(Builder&, const Resource&);
void convert_security_group_rule(Builder&, const Resource&);
void convert_vpc_security_group_rule(Builder&, const Resource&);
void convert_network_acl(Builder&, const Resource&);
void convert_network_acl_rule(Builder&, const Resource&);
void convert_network_acl_association(Builder&, const Resource&);
void convert_managed_prefix_list(Builder&, const Resource&);
void convert_managed_prefix_list_entry(Builder&, const Resource&);

// convert_services.cpp, convert_task_definition.cpp
void convert_vpc_endpoint(Builder&, const Resource&);
void convert_vpc_endpoint_association(Builder&, const Resource&);
void convert_load_balancer(Builder&, const Resource&);
void convert_listener(Builder&, const Resource&);
void convert_listener_rule(Builder&, const Resource&);
void convert_target_group(Builder&, const Resource&);
void convert_target_group_attachment(Builder&, const Resource&);
void convert_ecs_cluster(Builder&, const Resource&);
void convert_ecs_service(Builder&, const Resource&);
void convert_ecs_task_definition(Builder&, const Resource&);
void convert_instance(Builder&, const Resource&);
void convert_network_interface(Builder&, const Resource&);

// convert_dns.cpp
void convert_resolver_endpoint(Builder&, const Resource&);
void convert_hosted_zone(Builder&, const Resource&);
void convert_zone_association(Builder&, const Resource&);
void convert_record(Builder&, const Resource&);
void convert_resolver_rule(Builder&, const Resource&);
void convert_resolver_rule_association(Builder&, const Resource&);

// convert_edge.cpp
void convert_globalaccelerator_endpoint_group(Builder&, const Resource&);
void convert_cloudfront_vpc_origin(Builder&, const Resource&);

}  // namespace moat::tfstate
