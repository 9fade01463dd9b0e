#include <unordered_map>

#include "converters.hpp"
#include "keys.hpp"

namespace moat::tfstate {

namespace {

namespace t = keys::resource;
constexpr int owner = 0;  // pass A
constexpr int part = 1;   // pass B

using Table = std::unordered_map<std::string_view, ConverterEntry>;

const Table& managed_table() {
  static const Table table = {
      {t::vpc, {owner, convert_vpc}},
      {t::default_vpc, {owner, convert_vpc}},
      {t::vpc_ipv4_cidr_block_association, {part, convert_vpc_cidr_association}},
      {t::vpc_ipv6_cidr_block_association, {part, convert_vpc_cidr_association}},
      {t::subnet, {owner, convert_subnet}},
      {t::default_subnet, {owner, convert_subnet}},
      {t::vpc_dhcp_options, {owner, convert_dhcp_options}},
      {t::default_vpc_dhcp_options, {owner, convert_dhcp_options}},
      {t::vpc_dhcp_options_association, {part, convert_dhcp_options_association}},
      {t::route_table, {owner, convert_route_table}},
      {t::default_route_table, {owner, convert_route_table}},
      {t::route, {part, convert_route}},
      {t::route_table_association, {part, convert_route_table_association}},
      {t::main_route_table_association, {part, convert_main_route_table_association}},
      {t::vpn_gateway_route_propagation, {part, convert_vgw_route_propagation}},
      {t::internet_gateway, {owner, convert_internet_gateway}},
      {t::internet_gateway_attachment, {part, convert_internet_gateway_attachment}},
      {t::egress_only_internet_gateway, {owner, convert_egress_only_internet_gateway}},
      {t::nat_gateway, {owner, convert_nat_gateway}},
      {t::eip, {owner, convert_eip}},
      {t::eip_association, {part, convert_eip_association}},
      {t::vpn_gateway, {owner, convert_vpn_gateway}},
      {t::vpn_gateway_attachment, {part, convert_vpn_gateway_attachment}},
      {t::customer_gateway, {owner, convert_customer_gateway}},
      {t::vpn_connection, {owner, convert_vpn_connection}},
      {t::vpn_connection_route, {part, convert_vpn_connection_route}},
      {t::dx_gateway, {owner, convert_dx_gateway}},
      {t::dx_gateway_association, {owner, convert_dx_gateway_association}},
      {t::dx_private_virtual_interface, {owner, convert_dx_virtual_interface}},
      {t::dx_hosted_private_virtual_interface, {owner, convert_dx_virtual_interface}},
      {t::dx_hosted_private_virtual_interface_accepter, {part, convert_dx_virtual_interface_accepter}},
      {t::transit_gateway, {owner, convert_transit_gateway}},
      {t::transit_gateway_vpc_attachment, {owner, convert_transit_gateway_vpc_attachment}},
      {t::transit_gateway_vpc_attachment_accepter, {part, convert_transit_gateway_vpc_attachment_accepter}},
      {t::transit_gateway_peering_attachment, {owner, convert_transit_gateway_other_attachment}},
      {t::transit_gateway_connect, {owner, convert_transit_gateway_other_attachment}},
      {t::transit_gateway_route_table, {owner, convert_transit_gateway_route_table}},
      {t::transit_gateway_route, {part, convert_transit_gateway_route}},
      {t::transit_gateway_route_table_association, {part, convert_transit_gateway_route_table_link}},
      {t::transit_gateway_route_table_propagation, {part, convert_transit_gateway_route_table_link}},
      {t::vpc_peering_connection, {owner, convert_vpc_peering_connection}},
      {t::vpc_peering_connection_accepter, {part, convert_vpc_peering_side}},
      {t::vpc_peering_connection_options, {part, convert_vpc_peering_side}},
      {t::security_group, {owner, convert_security_group}},
      {t::default_security_group, {owner, convert_security_group}},
      {t::security_group_rule, {part, convert_security_group_rule}},
      {t::vpc_security_group_ingress_rule, {part, convert_vpc_security_group_rule}},
      {t::vpc_security_group_egress_rule, {part, convert_vpc_security_group_rule}},
      {t::network_acl, {owner, convert_network_acl}},
      {t::default_network_acl, {owner, convert_network_acl}},
      {t::network_acl_rule, {part, convert_network_acl_rule}},
      {t::network_acl_association, {part, convert_network_acl_association}},
      {t::managed_prefix_list, {owner, convert_managed_prefix_list}},
      {t::managed_prefix_list_entry, {part, convert_managed_prefix_list_entry}},
      {t::vpc_endpoint, {owner, convert_vpc_endpoint}},
      {t::vpc_endpoint_route_table_association, {part, convert_vpc_endpoint_association}},
      {t::vpc_endpoint_subnet_association, {part, convert_vpc_endpoint_association}},
      {t::vpc_endpoint_security_group_association, {part, convert_vpc_endpoint_association}},
      {t::lb, {owner, convert_load_balancer}},
      {t::alb, {owner, convert_load_balancer}},
      {t::elb, {owner, convert_load_balancer}},
      {t::lb_listener, {owner, convert_listener}},
      {t::alb_listener, {owner, convert_listener}},
      {t::lb_listener_rule, {part, convert_listener_rule}},
      {t::alb_listener_rule, {part, convert_listener_rule}},
      {t::lb_target_group, {owner, convert_target_group}},
      {t::alb_target_group, {owner, convert_target_group}},
      {t::lb_target_group_attachment, {owner, convert_target_group_attachment}},
      {t::alb_target_group_attachment, {owner, convert_target_group_attachment}},
      {t::ecs_cluster, {owner, convert_ecs_cluster}},
      {t::ecs_service, {owner, convert_ecs_service}},
      {t::ecs_task_definition, {owner, convert_ecs_task_definition}},
      {t::instance, {owner, convert_instance}},
      {t::network_interface, {owner, convert_network_interface}},
      {t::resolver_endpoint, {owner, convert_resolver_endpoint}},
      {t::route53_zone, {owner, convert_hosted_zone}},
      {t::route53_zone_association, {part, convert_zone_association}},
      {t::route53_record, {owner, convert_record}},
      {t::resolver_rule, {owner, convert_resolver_rule}},
      {t::resolver_rule_association, {owner, convert_resolver_rule_association}},
      {t::globalaccelerator_endpoint_group, {owner, convert_globalaccelerator_endpoint_group}},
      {t::cloudfront_vpc_origin, {owner, convert_cloudfront_vpc_origin}},
  };
  return table;
}

// Data sources that carry network facts (same attribute shapes as the resources, except
// data.aws_route_table's "routes").
const Table& data_table() {
  static const Table table = {
      {t::vpc, {owner, convert_vpc}},
      {t::subnet, {owner, convert_subnet}},
      {t::route_table, {owner, convert_route_table}},
      {t::internet_gateway, {owner, convert_internet_gateway}},
      {t::nat_gateway, {owner, convert_nat_gateway}},
      {t::eip, {owner, convert_eip}},
      {t::vpn_gateway, {owner, convert_vpn_gateway}},
      {t::transit_gateway, {owner, convert_transit_gateway}},
      {t::transit_gateway_vpc_attachment, {owner, convert_transit_gateway_vpc_attachment}},
      {t::transit_gateway_vpn_attachment, {owner, convert_transit_gateway_other_attachment}},
      {t::transit_gateway_dx_gateway_attachment, {owner, convert_transit_gateway_other_attachment}},
      {t::transit_gateway_route_table, {owner, convert_transit_gateway_route_table}},
      {t::vpc_peering_connection, {owner, convert_vpc_peering_connection}},
      {t::security_group, {owner, convert_security_group}},
      {t::network_acl, {owner, convert_network_acl}},
      {t::managed_prefix_list, {owner, convert_managed_prefix_list}},
      {t::prefix_list, {owner, convert_managed_prefix_list}},
      {t::vpc_endpoint, {owner, convert_vpc_endpoint}},
      {t::lb, {owner, convert_load_balancer}},
      {t::alb, {owner, convert_load_balancer}},
      {t::lb_listener, {owner, convert_listener}},
      {t::lb_target_group, {owner, convert_target_group}},
      {t::alb_target_group, {owner, convert_target_group}},
      {t::ecs_cluster, {owner, convert_ecs_cluster}},
      {t::ecs_service, {owner, convert_ecs_service}},
      {t::ecs_task_definition, {owner, convert_ecs_task_definition}},
      {t::instance, {owner, convert_instance}},
      {t::network_interface, {owner, convert_network_interface}},
      {t::route53_zone, {owner, convert_hosted_zone}},
      {t::resolver_endpoint, {owner, convert_resolver_endpoint}},
      {t::resolver_rule, {owner, convert_resolver_rule}},
  };
  return table;
}

}  // namespace

const ConverterEntry* find_converter(std::string_view type, bool data) {
  const Table& table = data ? data_table() : managed_table();
  auto it = table.find(type);
  return it == table.end() ? nullptr : &it->second;
}

}  // namespace moat::tfstate
