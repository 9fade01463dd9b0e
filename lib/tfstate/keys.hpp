#pragma once
// Every Terraform string the loader knows: state envelope keys, resource type names and
// attribute keys. Nothing else in moat spells a Terraform string.

#include <string_view>

namespace moat::tfstate::keys {

// ---- envelope ------------------------------------------------------------------------
inline constexpr std::string_view version = "version";
inline constexpr std::string_view resources = "resources";
inline constexpr std::string_view modules = "modules";
inline constexpr std::string_view path = "path";
inline constexpr std::string_view mode = "mode";
inline constexpr std::string_view mode_data = "data";
inline constexpr std::string_view module = "module";
inline constexpr std::string_view type = "type";
inline constexpr std::string_view name = "name";
inline constexpr std::string_view instances = "instances";
inline constexpr std::string_view index_key = "index_key";
inline constexpr std::string_view attributes = "attributes";
inline constexpr std::string_view attributes_flat = "attributes_flat";
inline constexpr std::string_view primary = "primary";
inline constexpr std::string_view format_version = "format_version";
inline constexpr std::string_view values = "values";
inline constexpr std::string_view root_module = "root_module";
inline constexpr std::string_view child_modules = "child_modules";
inline constexpr std::string_view address = "address";
inline constexpr std::string_view planned_values = "planned_values";
inline constexpr std::string_view prior_state = "prior_state";
inline constexpr std::string_view data_prefix = "data.";
inline constexpr std::string_view module_prefix = "module.";
inline constexpr std::string_view v3_root = "root";
inline constexpr std::string_view flat_list_count = "#";
inline constexpr std::string_view flat_map_count = "%";

// ---- resource types (keys::resource::vpc == "aws_vpc") --------------------------------
namespace resource {
inline constexpr std::string_view vpc = "aws_vpc";
inline constexpr std::string_view default_vpc = "aws_default_vpc";
inline constexpr std::string_view vpc_ipv4_cidr_block_association = "aws_vpc_ipv4_cidr_block_association";
inline constexpr std::string_view vpc_ipv6_cidr_block_association = "aws_vpc_ipv6_cidr_block_association";
inline constexpr std::string_view vpc_dhcp_options = "aws_vpc_dhcp_options";
inline constexpr std::string_view default_vpc_dhcp_options = "aws_default_vpc_dhcp_options";
inline constexpr std::string_view vpc_dhcp_options_association = "aws_vpc_dhcp_options_association";
inline constexpr std::string_view subnet = "aws_subnet";
inline constexpr std::string_view default_subnet = "aws_default_subnet";
inline constexpr std::string_view route_table = "aws_route_table";
inline constexpr std::string_view default_route_table = "aws_default_route_table";
inline constexpr std::string_view route = "aws_route";
inline constexpr std::string_view route_table_association = "aws_route_table_association";
inline constexpr std::string_view main_route_table_association = "aws_main_route_table_association";
inline constexpr std::string_view vpn_gateway_route_propagation = "aws_vpn_gateway_route_propagation";
inline constexpr std::string_view internet_gateway = "aws_internet_gateway";
inline constexpr std::string_view internet_gateway_attachment = "aws_internet_gateway_attachment";
inline constexpr std::string_view egress_only_internet_gateway = "aws_egress_only_internet_gateway";
inline constexpr std::string_view nat_gateway = "aws_nat_gateway";
inline constexpr std::string_view eip = "aws_eip";
inline constexpr std::string_view eip_association = "aws_eip_association";
inline constexpr std::string_view vpn_gateway = "aws_vpn_gateway";
inline constexpr std::string_view vpn_gateway_attachment = "aws_vpn_gateway_attachment";
inline constexpr std::string_view customer_gateway = "aws_customer_gateway";
inline constexpr std::string_view vpn_connection = "aws_vpn_connection";
inline constexpr std::string_view vpn_connection_route = "aws_vpn_connection_route";
inline constexpr std::string_view dx_gateway = "aws_dx_gateway";
inline constexpr std::string_view dx_gateway_association = "aws_dx_gateway_association";
inline constexpr std::string_view dx_private_virtual_interface = "aws_dx_private_virtual_interface";
inline constexpr std::string_view dx_hosted_private_virtual_interface = "aws_dx_hosted_private_virtual_interface";
inline constexpr std::string_view dx_hosted_private_virtual_interface_accepter = "aws_dx_hosted_private_virtual_interface_accepter";
inline constexpr std::string_view transit_gateway = "aws_ec2_transit_gateway";
inline constexpr std::string_view transit_gateway_vpc_attachment = "aws_ec2_transit_gateway_vpc_attachment";
inline constexpr std::string_view transit_gateway_route_table = "aws_ec2_transit_gateway_route_table";
inline constexpr std::string_view transit_gateway_route = "aws_ec2_transit_gateway_route";
inline constexpr std::string_view transit_gateway_vpc_attachment_accepter = "aws_ec2_transit_gateway_vpc_attachment_accepter";
inline constexpr std::string_view transit_gateway_peering_attachment = "aws_ec2_transit_gateway_peering_attachment";
inline constexpr std::string_view transit_gateway_connect = "aws_ec2_transit_gateway_connect";
inline constexpr std::string_view transit_gateway_vpn_attachment = "aws_ec2_transit_gateway_vpn_attachment";  // data
inline constexpr std::string_view transit_gateway_dx_gateway_attachment = "aws_ec2_transit_gateway_dx_gateway_attachment";  // data
inline constexpr std::string_view transit_gateway_route_table_association = "aws_ec2_transit_gateway_route_table_association";
inline constexpr std::string_view transit_gateway_route_table_propagation = "aws_ec2_transit_gateway_route_table_propagation";
inline constexpr std::string_view vpc_peering_connection = "aws_vpc_peering_connection";
inline constexpr std::string_view vpc_peering_connection_accepter = "aws_vpc_peering_connection_accepter";
inline constexpr std::string_view vpc_peering_connection_options = "aws_vpc_peering_connection_options";
inline constexpr std::string_view security_group = "aws_security_group";
inline constexpr std::string_view default_security_group = "aws_default_security_group";
inline constexpr std::string_view security_group_rule = "aws_security_group_rule";
inline constexpr std::string_view vpc_security_group_ingress_rule = "aws_vpc_security_group_ingress_rule";
inline constexpr std::string_view vpc_security_group_egress_rule = "aws_vpc_security_group_egress_rule";
inline constexpr std::string_view network_acl = "aws_network_acl";
inline constexpr std::string_view default_network_acl = "aws_default_network_acl";
inline constexpr std::string_view network_acl_rule = "aws_network_acl_rule";
inline constexpr std::string_view network_acl_association = "aws_network_acl_association";
inline constexpr std::string_view managed_prefix_list = "aws_ec2_managed_prefix_list";
inline constexpr std::string_view managed_prefix_list_entry = "aws_ec2_managed_prefix_list_entry";
inline constexpr std::string_view prefix_list = "aws_prefix_list";  // data source only
inline constexpr std::string_view vpc_endpoint = "aws_vpc_endpoint";
inline constexpr std::string_view vpc_endpoint_route_table_association = "aws_vpc_endpoint_route_table_association";
inline constexpr std::string_view vpc_endpoint_subnet_association = "aws_vpc_endpoint_subnet_association";
inline constexpr std::string_view vpc_endpoint_security_group_association = "aws_vpc_endpoint_security_group_association";
inline constexpr std::string_view lb = "aws_lb";
inline constexpr std::string_view alb = "aws_alb";
inline constexpr std::string_view elb = "aws_elb";
inline constexpr std::string_view lb_listener = "aws_lb_listener";
inline constexpr std::string_view alb_listener = "aws_alb_listener";
inline constexpr std::string_view lb_listener_rule = "aws_lb_listener_rule";
inline constexpr std::string_view alb_listener_rule = "aws_alb_listener_rule";
inline constexpr std::string_view lb_target_group = "aws_lb_target_group";
inline constexpr std::string_view alb_target_group = "aws_alb_target_group";
inline constexpr std::string_view lb_target_group_attachment = "aws_lb_target_group_attachment";
inline constexpr std::string_view alb_target_group_attachment = "aws_alb_target_group_attachment";
inline constexpr std::string_view ecs_cluster = "aws_ecs_cluster";
inline constexpr std::string_view ecs_service = "aws_ecs_service";
inline constexpr std::string_view ecs_task_definition = "aws_ecs_task_definition";
inline constexpr std::string_view instance = "aws_instance";
inline constexpr std::string_view network_interface = "aws_network_interface";
inline constexpr std::string_view network_interface_attachment = "aws_network_interface_attachment";
inline constexpr std::string_view resolver_endpoint = "aws_route53_resolver_endpoint";
inline constexpr std::string_view resolver_rule = "aws_route53_resolver_rule";
inline constexpr std::string_view resolver_rule_association = "aws_route53_resolver_rule_association";
inline constexpr std::string_view route53_zone = "aws_route53_zone";
inline constexpr std::string_view route53_zone_association = "aws_route53_zone_association";
inline constexpr std::string_view route53_record = "aws_route53_record";
inline constexpr std::string_view globalaccelerator_endpoint_group = "aws_globalaccelerator_endpoint_group";
inline constexpr std::string_view cloudfront_vpc_origin = "aws_cloudfront_vpc_origin";
}  // namespace resource

// ---- attribute keys ------------------------------------------------------------------
namespace attr {
inline constexpr std::string_view id = "id";
inline constexpr std::string_view arn = "arn";
inline constexpr std::string_view name = "name";
inline constexpr std::string_view vpc_id = "vpc_id";
inline constexpr std::string_view subnet_id = "subnet_id";
inline constexpr std::string_view subnet_ids = "subnet_ids";
inline constexpr std::string_view subnets = "subnets";
inline constexpr std::string_view route_table_id = "route_table_id";
inline constexpr std::string_view route_table_ids = "route_table_ids";
inline constexpr std::string_view gateway_id = "gateway_id";
inline constexpr std::string_view description = "description";
inline constexpr std::string_view state = "state";
inline constexpr std::string_view availability_zone = "availability_zone";
inline constexpr std::string_view availability_zone_id = "availability_zone_id";
inline constexpr std::string_view tags = "tags";

// VPC
inline constexpr std::string_view cidr_block = "cidr_block";
inline constexpr std::string_view ipv6_cidr_block = "ipv6_cidr_block";
inline constexpr std::string_view cidr_block_associations = "cidr_block_associations";
inline constexpr std::string_view enable_dns_support = "enable_dns_support";
inline constexpr std::string_view enable_dns_hostnames = "enable_dns_hostnames";
inline constexpr std::string_view main_route_table_id = "main_route_table_id";
inline constexpr std::string_view default_route_table_id = "default_route_table_id";
inline constexpr std::string_view default_security_group_id = "default_security_group_id";
inline constexpr std::string_view default_network_acl_id = "default_network_acl_id";
inline constexpr std::string_view default_ = "default";
inline constexpr std::string_view dhcp_options_id = "dhcp_options_id";
inline constexpr std::string_view domain_name_servers = "domain_name_servers";

// Subnet
inline constexpr std::string_view map_public_ip_on_launch = "map_public_ip_on_launch";
inline constexpr std::string_view assign_ipv6_address_on_creation = "assign_ipv6_address_on_creation";

// Routes
inline constexpr std::string_view route = "route";
inline constexpr std::string_view routes = "routes";
inline constexpr std::string_view destination_cidr_block = "destination_cidr_block";
inline constexpr std::string_view destination_ipv6_cidr_block = "destination_ipv6_cidr_block";
inline constexpr std::string_view destination_prefix_list_id = "destination_prefix_list_id";
inline constexpr std::string_view nat_gateway_id = "nat_gateway_id";
inline constexpr std::string_view transit_gateway_id = "transit_gateway_id";
inline constexpr std::string_view vpc_peering_connection_id = "vpc_peering_connection_id";
inline constexpr std::string_view vpc_endpoint_id = "vpc_endpoint_id";
inline constexpr std::string_view network_interface_id = "network_interface_id";
inline constexpr std::string_view egress_only_gateway_id = "egress_only_gateway_id";
inline constexpr std::string_view carrier_gateway_id = "carrier_gateway_id";
inline constexpr std::string_view local_gateway_id = "local_gateway_id";
inline constexpr std::string_view core_network_arn = "core_network_arn";
inline constexpr std::string_view instance_id = "instance_id";  // a route target until provider v5 removed it
inline constexpr std::string_view instance_owner_id = "instance_owner_id";  // aws_route: not a target
inline constexpr std::string_view propagating_vgws = "propagating_vgws";
inline constexpr std::string_view vpn_gateway_id = "vpn_gateway_id";
inline constexpr std::string_view associations = "associations";
inline constexpr std::string_view main = "main";
inline constexpr std::string_view route_table_association_id = "route_table_association_id";
inline constexpr std::string_view internet_gateway_id = "internet_gateway_id";
inline constexpr std::string_view attachments = "attachments";
inline constexpr std::string_view vpn_connection_routes = "routes";
inline constexpr std::string_view dx_gateway_association_id = "dx_gateway_association_id";
inline constexpr std::string_view type = "type";

// Gateways
inline constexpr std::string_view allocation_id = "allocation_id";
inline constexpr std::string_view connectivity_type = "connectivity_type";
inline constexpr std::string_view private_ip = "private_ip";
inline constexpr std::string_view public_ip = "public_ip";
inline constexpr std::string_view association_id = "association_id";
inline constexpr std::string_view instance = "instance";
inline constexpr std::string_view network_interface = "network_interface";
inline constexpr std::string_view associate_with_private_ip = "associate_with_private_ip";
inline constexpr std::string_view domain = "domain";  // aws_eip: "vpc" / "standard"; provider <= v5 also the bool "vpc"
inline constexpr std::string_view private_ip_address = "private_ip_address";
inline constexpr std::string_view amazon_side_asn = "amazon_side_asn";
inline constexpr std::string_view bgp_asn = "bgp_asn";
inline constexpr std::string_view ip_address = "ip_address";
inline constexpr std::string_view customer_gateway_id = "customer_gateway_id";
inline constexpr std::string_view static_routes_only = "static_routes_only";
inline constexpr std::string_view transit_gateway_attachment_id = "transit_gateway_attachment_id";
inline constexpr std::string_view vpn_connection_id = "vpn_connection_id";
inline constexpr std::string_view dx_gateway_id = "dx_gateway_id";
inline constexpr std::string_view associated_gateway_id = "associated_gateway_id";
inline constexpr std::string_view associated_gateway_type = "associated_gateway_type";
inline constexpr std::string_view allowed_prefixes = "allowed_prefixes";

// Direct Connect virtual interfaces
inline constexpr std::string_view connection_id = "connection_id";
inline constexpr std::string_view virtual_interface_id = "virtual_interface_id";
inline constexpr std::string_view owner_account_id = "owner_account_id";
inline constexpr std::string_view vlan = "vlan";
inline constexpr std::string_view amazon_address = "amazon_address";
inline constexpr std::string_view customer_address = "customer_address";
inline constexpr std::string_view mtu = "mtu";

// Transit gateway
inline constexpr std::string_view default_route_table_association = "default_route_table_association";
inline constexpr std::string_view default_route_table_propagation = "default_route_table_propagation";
inline constexpr std::string_view association_default_route_table_id = "association_default_route_table_id";
inline constexpr std::string_view propagation_default_route_table_id = "propagation_default_route_table_id";
inline constexpr std::string_view dns_support = "dns_support";
inline constexpr std::string_view vpn_ecmp_support = "vpn_ecmp_support";
inline constexpr std::string_view security_group_referencing_support = "security_group_referencing_support";
inline constexpr std::string_view appliance_mode_support = "appliance_mode_support";
inline constexpr std::string_view ipv6_support = "ipv6_support";
inline constexpr std::string_view transit_gateway_default_route_table_association =
    "transit_gateway_default_route_table_association";
inline constexpr std::string_view transit_gateway_default_route_table_propagation =
    "transit_gateway_default_route_table_propagation";
inline constexpr std::string_view default_association_route_table = "default_association_route_table";
inline constexpr std::string_view default_propagation_route_table = "default_propagation_route_table";
inline constexpr std::string_view transit_gateway_route_table_id = "transit_gateway_route_table_id";
inline constexpr std::string_view blackhole = "blackhole";
inline constexpr std::string_view peer_transit_gateway_id = "peer_transit_gateway_id";
inline constexpr std::string_view transport_attachment_id = "transport_attachment_id";
inline constexpr std::string_view enable = "enable";

// Peering
inline constexpr std::string_view peer_vpc_id = "peer_vpc_id";
inline constexpr std::string_view peer_owner_id = "peer_owner_id";
inline constexpr std::string_view peer_region = "peer_region";
inline constexpr std::string_view accept_status = "accept_status";
inline constexpr std::string_view accepter = "accepter";
inline constexpr std::string_view requester = "requester";
inline constexpr std::string_view allow_remote_vpc_dns_resolution = "allow_remote_vpc_dns_resolution";

// Security groups
inline constexpr std::string_view ingress = "ingress";
inline constexpr std::string_view egress = "egress";
inline constexpr std::string_view cidr_blocks = "cidr_blocks";
inline constexpr std::string_view ipv6_cidr_blocks = "ipv6_cidr_blocks";
inline constexpr std::string_view prefix_list_ids = "prefix_list_ids";
inline constexpr std::string_view security_groups = "security_groups";
inline constexpr std::string_view self = "self";
inline constexpr std::string_view from_port = "from_port";
inline constexpr std::string_view to_port = "to_port";
inline constexpr std::string_view protocol = "protocol";
inline constexpr std::string_view security_group_id = "security_group_id";
inline constexpr std::string_view source_security_group_id = "source_security_group_id";
inline constexpr std::string_view cidr_ipv4 = "cidr_ipv4";
inline constexpr std::string_view cidr_ipv6 = "cidr_ipv6";
inline constexpr std::string_view prefix_list_id = "prefix_list_id";
inline constexpr std::string_view referenced_security_group_id = "referenced_security_group_id";
inline constexpr std::string_view ip_protocol = "ip_protocol";

// NACLs
inline constexpr std::string_view rule_no = "rule_no";
inline constexpr std::string_view rule_number = "rule_number";
inline constexpr std::string_view rule_action = "rule_action";
inline constexpr std::string_view action = "action";
inline constexpr std::string_view icmp_type = "icmp_type";
inline constexpr std::string_view icmp_code = "icmp_code";
inline constexpr std::string_view network_acl_id = "network_acl_id";
inline constexpr std::string_view allow = "allow";

// Prefix lists
inline constexpr std::string_view entry = "entry";
inline constexpr std::string_view entries = "entries";
inline constexpr std::string_view cidr = "cidr";
inline constexpr std::string_view address_family = "address_family";
inline constexpr std::string_view owner_id = "owner_id";

// VPC endpoints
inline constexpr std::string_view vpc_endpoint_type = "vpc_endpoint_type";
inline constexpr std::string_view service_name = "service_name";
inline constexpr std::string_view security_group_ids = "security_group_ids";
inline constexpr std::string_view network_interface_ids = "network_interface_ids";
inline constexpr std::string_view private_dns_enabled = "private_dns_enabled";
inline constexpr std::string_view policy = "policy";
inline constexpr std::string_view dns_entry = "dns_entry";
inline constexpr std::string_view subnet_configuration = "subnet_configuration";
inline constexpr std::string_view ipv4 = "ipv4";
inline constexpr std::string_view ipv6 = "ipv6";
inline constexpr std::string_view dns_name = "dns_name";
inline constexpr std::string_view hosted_zone_id = "hosted_zone_id";

// Load balancers
inline constexpr std::string_view internal = "internal";
inline constexpr std::string_view load_balancer_type = "load_balancer_type";
inline constexpr std::string_view ip_address_type = "ip_address_type";
inline constexpr std::string_view subnet_mapping = "subnet_mapping";
inline constexpr std::string_view private_ipv4_address = "private_ipv4_address";
inline constexpr std::string_view zone_id = "zone_id";
inline constexpr std::string_view instances = "instances";
inline constexpr std::string_view load_balancer_arn = "load_balancer_arn";
inline constexpr std::string_view listener_arn = "listener_arn";
inline constexpr std::string_view port = "port";
inline constexpr std::string_view default_action = "default_action";
inline constexpr std::string_view target_group_arn = "target_group_arn";
inline constexpr std::string_view forward = "forward";
inline constexpr std::string_view target_group = "target_group";
inline constexpr std::string_view priority = "priority";
inline constexpr std::string_view target_type = "target_type";
inline constexpr std::string_view health_check = "health_check";
inline constexpr std::string_view target_id = "target_id";

// ECS
inline constexpr std::string_view cluster = "cluster";
inline constexpr std::string_view task_definition = "task_definition";
inline constexpr std::string_view launch_type = "launch_type";
inline constexpr std::string_view network_configuration = "network_configuration";
inline constexpr std::string_view assign_public_ip = "assign_public_ip";
inline constexpr std::string_view load_balancer = "load_balancer";
inline constexpr std::string_view container_name = "container_name";
inline constexpr std::string_view container_port = "container_port";
inline constexpr std::string_view elb_name = "elb_name";
inline constexpr std::string_view enable_execute_command = "enable_execute_command";
inline constexpr std::string_view desired_count = "desired_count";
inline constexpr std::string_view family = "family";
inline constexpr std::string_view revision = "revision";
inline constexpr std::string_view network_mode = "network_mode";
inline constexpr std::string_view requires_compatibilities = "requires_compatibilities";
inline constexpr std::string_view execution_role_arn = "execution_role_arn";
inline constexpr std::string_view task_role_arn = "task_role_arn";
inline constexpr std::string_view container_definitions = "container_definitions";
// container_definitions JSON (ECS API spelling)
inline constexpr std::string_view cd_name = "name";
inline constexpr std::string_view cd_image = "image";
inline constexpr std::string_view cd_essential = "essential";
inline constexpr std::string_view cd_port_mappings = "portMappings";
inline constexpr std::string_view cd_container_port = "containerPort";
inline constexpr std::string_view cd_host_port = "hostPort";
inline constexpr std::string_view cd_protocol = "protocol";
inline constexpr std::string_view cd_log_configuration = "logConfiguration";
inline constexpr std::string_view cd_log_driver = "logDriver";
inline constexpr std::string_view cd_options = "options";
inline constexpr std::string_view cd_secret_options = "secretOptions";
inline constexpr std::string_view cd_secrets = "secrets";
inline constexpr std::string_view cd_value_from = "valueFrom";

// Instances and ENIs
inline constexpr std::string_view vpc_security_group_ids = "vpc_security_group_ids";
inline constexpr std::string_view associate_public_ip_address = "associate_public_ip_address";
inline constexpr std::string_view source_dest_check = "source_dest_check";
inline constexpr std::string_view primary_network_interface_id = "primary_network_interface_id";
inline constexpr std::string_view instance_state = "instance_state";
inline constexpr std::string_view ipv6_addresses = "ipv6_addresses";
inline constexpr std::string_view private_ips = "private_ips";
inline constexpr std::string_view private_ip_list = "private_ip_list";
inline constexpr std::string_view interface_type = "interface_type";
inline constexpr std::string_view attachment = "attachment";
inline constexpr std::string_view association = "association";

// Route 53 and Resolver
inline constexpr std::string_view direction = "direction";
inline constexpr std::string_view host_vpc_id = "host_vpc_id";
inline constexpr std::string_view resolver_endpoint_type = "resolver_endpoint_type";
inline constexpr std::string_view ip = "ip";
inline constexpr std::string_view vpc = "vpc";
inline constexpr std::string_view vpc_region = "vpc_region";
inline constexpr std::string_view fqdn = "fqdn";
inline constexpr std::string_view ttl = "ttl";
inline constexpr std::string_view records = "records";
inline constexpr std::string_view alias = "alias";
inline constexpr std::string_view evaluate_target_health = "evaluate_target_health";
inline constexpr std::string_view set_identifier = "set_identifier";
inline constexpr std::string_view private_zone = "private_zone";
inline constexpr std::string_view domain_name = "domain_name";
inline constexpr std::string_view rule_type = "rule_type";
inline constexpr std::string_view target_ip = "target_ip";
inline constexpr std::string_view resolver_endpoint_id = "resolver_endpoint_id";
inline constexpr std::string_view resolver_rule_id = "resolver_rule_id";
// aws_globalaccelerator_endpoint_group, aws_cloudfront_vpc_origin
inline constexpr std::string_view endpoint_configuration = "endpoint_configuration";
inline constexpr std::string_view endpoint_id = "endpoint_id";
inline constexpr std::string_view client_ip_preservation_enabled = "client_ip_preservation_enabled";
inline constexpr std::string_view vpc_origin_endpoint_config = "vpc_origin_endpoint_config";
inline constexpr std::string_view http_port = "http_port";
inline constexpr std::string_view https_port = "https_port";
}  // namespace attr

// ---- attribute values ----------------------------------------------------------------
namespace value {
inline constexpr std::string_view ingress = "ingress";
inline constexpr std::string_view egress = "egress";
inline constexpr std::string_view allow = "allow";
inline constexpr std::string_view enable = "enable";
inline constexpr std::string_view disable = "disable";
inline constexpr std::string_view private_ = "private";
inline constexpr std::string_view interface = "Interface";
inline constexpr std::string_view gateway = "Gateway";
inline constexpr std::string_view gateway_load_balancer = "GatewayLoadBalancer";
inline constexpr std::string_view application = "application";
inline constexpr std::string_view network = "network";
inline constexpr std::string_view gateway_lb = "gateway";
inline constexpr std::string_view aws_owner = "AWS";
inline constexpr std::string_view default_group_name = "default";
inline constexpr std::string_view all_protocols = "-1";
inline constexpr std::string_view record_a = "A";
inline constexpr std::string_view record_aaaa = "AAAA";
inline constexpr std::string_view record_cname = "CNAME";
inline constexpr std::string_view dualstack = "dualstack";
inline constexpr std::string_view dualstack_without_public_ipv4 = "dualstack-without-public-ipv4";
inline constexpr std::string_view endpoint_ipv6 = "ipv6";           // aws_vpc_endpoint ip_address_type
inline constexpr std::string_view resolver_ipv6 = "IPV6";           // resolver_endpoint_type
inline constexpr std::string_view resolver_dualstack = "DUALSTACK";
inline constexpr std::string_view ip = "ip";
inline constexpr std::string_view instance = "instance";
inline constexpr std::string_view lambda = "lambda";
inline constexpr std::string_view alb = "alb";
inline constexpr std::string_view inbound = "INBOUND";
inline constexpr std::string_view outbound = "OUTBOUND";
inline constexpr std::string_view forward = "FORWARD";
inline constexpr std::string_view system = "SYSTEM";
inline constexpr std::string_view recursive = "RECURSIVE";
inline constexpr std::string_view virtual_private_gateway = "virtualPrivateGateway";
inline constexpr std::string_view transit_gateway = "transitGateway";
inline constexpr std::string_view ipv6 = "IPv6";
inline constexpr std::string_view dx_ipv4 = "ipv4";  // aws_dx_*_virtual_interface address_family
inline constexpr std::string_view dx_ipv6 = "ipv6";
inline constexpr std::string_view eip_domain_vpc = "vpc";            // aws_eip domain
inline constexpr std::string_view eip_domain_standard = "standard";  // EC2-Classic (retired)
inline constexpr std::string_view route_blackhole = "blackhole";  // aws_route state
// Shapes of the ids an edge service names its targets by.
inline constexpr std::string_view elb_arn_service = ":elasticloadbalancing:";
inline constexpr std::string_view ec2_instance_arn_resource = ":instance/";
inline constexpr std::string_view instance_id_prefix = "i-";
inline constexpr std::string_view eip_allocation_id_prefix = "eipalloc-";
}  // namespace value

}  // namespace moat::tfstate::keys
