#pragma once
// ObjectKind: the closed list of object types a model::Snapshot holds.
//
// MOAT_MODEL_OBJECT_TYPES(X) is the single list every per-type piece is generated from
// (the strong ids in ids.hpp, the Snapshot vectors and lookups). Each entry is
// X(Type, kind_name, member) with Type the AWS spelling, kind_name the ObjectKind
// enumerator and member the Snapshot vector holding the objects.

#include <cstddef>
#include <cstdint>
#include <string_view>

#define MOAT_MODEL_OBJECT_TYPES(X)                                               \
  X(Vpc, vpc, vpcs)                                                              \
  X(Subnet, subnet, subnets)                                                     \
  X(RouteTable, route_table, route_tables)                                       \
  X(InternetGateway, internet_gateway, internet_gateways)                        \
  X(EgressOnlyInternetGateway, egress_only_internet_gateway,                     \
    egress_only_internet_gateways)                                               \
  X(NatGateway, nat_gateway, nat_gateways)                                       \
  X(ElasticIp, elastic_ip, elastic_ips)                                          \
  X(VpnGateway, vpn_gateway, vpn_gateways)                                       \
  X(CustomerGateway, customer_gateway, customer_gateways)                        \
  X(VpnConnection, vpn_connection, vpn_connections)                              \
  X(DxGateway, dx_gateway, dx_gateways)                                          \
  X(DxGatewayAssociation, dx_gateway_association, dx_gateway_associations)       \
  X(DxVirtualInterface, dx_virtual_interface, dx_virtual_interfaces)             \
  X(TransitGateway, transit_gateway, transit_gateways)                           \
  X(TransitGatewayAttachment, transit_gateway_attachment,                        \
    transit_gateway_attachments)                                                 \
  X(TransitGatewayRouteTable, transit_gateway_route_table,                       \
    transit_gateway_route_tables)                                                \
  X(VpcPeeringConnection, vpc_peering_connection, vpc_peering_connections)       \
  X(SecurityGroup, security_group, security_groups)                              \
  X(NetworkAcl, network_acl, network_acls)                                       \
  X(ManagedPrefixList, managed_prefix_list, managed_prefix_lists)                \
  X(VpcEndpoint, vpc_endpoint, vpc_endpoints)                                    \
  X(LoadBalancer, load_balancer, load_balancers)                                 \
  X(Listener, listener, listeners)                                               \
  X(TargetGroup, target_group, target_groups)                                    \
  X(TargetGroupAttachment, target_group_attachment, target_group_attachments)    \
  X(EcsCluster, ecs_cluster, ecs_clusters)                                       \
  X(EcsService, ecs_service, ecs_services)                                       \
  X(EcsTaskDefinition, ecs_task_definition, ecs_task_definitions)                \
  X(Instance, instance, instances)                                               \
  X(NetworkInterface, network_interface, network_interfaces)                     \
  X(ResolverEndpoint, resolver_endpoint, resolver_endpoints)                     \
  X(HostedZone, hosted_zone, hosted_zones)                                       \
  X(ResourceRecord, resource_record, resource_records)                           \
  X(ResolverRule, resolver_rule, resolver_rules)                                 \
  X(ResolverRuleAssociation, resolver_rule_association, resolver_rule_associations) \
  X(GlobalAcceleratorEndpointGroup, global_accelerator_endpoint_group,           \
    global_accelerator_endpoint_groups)                                          \
  X(CloudFrontVpcOrigin, cloudfront_vpc_origin, cloudfront_vpc_origins)

namespace moat::model {

#define MOAT_MODEL_X_ENUMERATOR(Type, kind_name, member) kind_name,
enum class ObjectKind : std::uint8_t { MOAT_MODEL_OBJECT_TYPES(MOAT_MODEL_X_ENUMERATOR) };
#undef MOAT_MODEL_X_ENUMERATOR

#define MOAT_MODEL_X_COUNT(Type, kind_name, member) +1
inline constexpr std::size_t object_kind_count = 0 MOAT_MODEL_OBJECT_TYPES(MOAT_MODEL_X_COUNT);
#undef MOAT_MODEL_X_COUNT

// The AWS spelling of the type: "Vpc", "RouteTable", "EcsService".
std::string_view to_string(ObjectKind kind);

}  // namespace moat::model
