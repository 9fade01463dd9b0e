// Converters for interface owners: VPC endpoints, load balancers, listeners, target
// groups, ECS, instances and network interfaces.

#include "builder.hpp"
#include "convert_common.hpp"
#include "converters.hpp"
#include "keys.hpp"

namespace moat::tfstate {

namespace a = keys::attr;
using namespace moat::model;

namespace {

std::vector<ListenerAction> listener_actions(const Attributes& at, std::string_view key) {
  std::vector<ListenerAction> actions;
  for (const auto& block : at.objects(key)) {
    ListenerAction action;
    action.type = block.str(a::type);
    add_unique(action.target_groups, block.str(a::target_group_arn));
    for (const auto& forward : block.objects(a::forward)) {
      for (const auto& group : forward.objects(a::target_group)) add_unique(action.target_groups, group.str(a::arn));
    }
    actions.push_back(std::move(action));
  }
  return actions;
}

}  // namespace

void convert_vpc_endpoint(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  VpcEndpoint endpoint;
  endpoint.origin = r.origin(aws_id_of(at));
  endpoint.vpc = ref<VpcId>(at, a::vpc_id);
  std::string type = at.str(a::vpc_endpoint_type);
  endpoint.type = type == keys::value::interface               ? VpcEndpointType::interface
                  : type == keys::value::gateway               ? VpcEndpointType::gateway
                  : type == keys::value::gateway_load_balancer ? VpcEndpointType::gateway_load_balancer
                  : type.empty()                               ? VpcEndpointType::gateway  // provider default
                                                               : VpcEndpointType::unknown;
  endpoint.service_name = at.str(a::service_name);
  endpoint.subnets = refs<SubnetId>(at, a::subnet_ids);
  endpoint.security_groups = refs<SecurityGroupId>(at, a::security_group_ids);
  endpoint.network_interfaces = refs<NetworkInterfaceId>(at, a::network_interface_ids);
  for (const auto& configuration : at.objects(a::subnet_configuration)) {
    endpoint.subnet_addresses.push_back(
        {ref<SubnetId>(configuration, a::subnet_id), configuration.ip(a::ipv4), configuration.ip(a::ipv6)});
  }
  endpoint.private_dns_enabled = at.boolean(a::private_dns_enabled, false);
  std::string ip_address_type = at.str(a::ip_address_type);
  endpoint.ipv6 = ip_address_type == keys::value::dualstack || ip_address_type == keys::value::endpoint_ipv6;
  endpoint.route_tables = refs<RouteTableId>(at, a::route_table_ids);
  endpoint.prefix_list_id = at.str(a::prefix_list_id);
  for (const auto& text : at.strings(a::cidr_blocks)) endpoint.cidr_blocks.push_back(at.prefix_text(text, a::cidr_blocks));
  endpoint.policy = at.str(a::policy);
  for (const auto& entry : at.objects(a::dns_entry)) {
    endpoint.dns_entries.push_back({normalise_dns_name(entry.str(a::dns_name)), entry.str(a::hosted_zone_id)});
  }
  builder.add(std::move(endpoint), r);
}

// aws_vpc_endpoint_{route_table,subnet,security_group}_association
void convert_vpc_endpoint_association(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  std::string id = at.str(a::vpc_endpoint_id);
  VpcEndpoint* endpoint = builder.find<VpcEndpoint>(id);
  if (endpoint == nullptr) return builder.missing_owner(r, "VPC endpoint", id, "association ignored");
  if (r.raw.type == keys::resource::vpc_endpoint_route_table_association) {
    add_unique(endpoint->route_tables, at.str(a::route_table_id));
  } else if (r.raw.type == keys::resource::vpc_endpoint_subnet_association) {
    add_unique(endpoint->subnets, at.str(a::subnet_id));
  } else {
    add_unique(endpoint->security_groups, at.str(a::security_group_id));
  }
}

void convert_load_balancer(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  LoadBalancer lb;
  lb.name = at.str(a::name);
  bool classic = r.raw.type == keys::resource::elb;
  lb.origin = r.origin(classic ? (lb.name.empty() ? aws_id_of(at) : lb.name) : aws_id_of(at));
  std::string type = at.str(a::load_balancer_type);
  lb.type = classic                          ? LoadBalancerType::classic
            : type == keys::value::network   ? LoadBalancerType::network
            : type == keys::value::gateway_lb ? LoadBalancerType::gateway
                                             : LoadBalancerType::application;
  lb.internal = at.boolean(a::internal, false);
  std::string ip_address_type = at.str(a::ip_address_type);
  lb.dualstack_without_public_ipv4 = ip_address_type == keys::value::dualstack_without_public_ipv4;
  lb.dualstack = ip_address_type == keys::value::dualstack || lb.dualstack_without_public_ipv4;
  lb.dns_name = normalise_dns_name(at.str(a::dns_name));
  lb.zone_id = at.str(a::zone_id);
  lb.vpc = ref<VpcId>(at, a::vpc_id);
  lb.subnets = refs<SubnetId>(at, a::subnets);
  for (const auto& mapping : at.objects(a::subnet_mapping)) {
    LoadBalancerSubnetMapping m;
    m.subnet = ref<SubnetId>(mapping, a::subnet_id);
    m.private_ipv4_address = mapping.ip(a::private_ipv4_address);
    m.allocation = ref<ElasticIpId>(mapping, a::allocation_id);
    add_unique(lb.subnets, m.subnet.aws_id);
    lb.subnet_mappings.push_back(std::move(m));
  }
  lb.security_groups = refs<SecurityGroupId>(at, a::security_groups);
  lb.instances = refs<InstanceId>(at, a::instances);
  std::string arn = at.str(a::arn);
  auto id = builder.add(std::move(lb), r);
  if (id && !arn.empty() && arn != builder.snapshot().get(*id).origin.aws_id) {
    builder.snapshot().add_alias(ObjectRef{ObjectKind::load_balancer, index(*id)}, arn);
  }
}

void convert_listener(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  Listener listener;
  listener.origin = r.origin(aws_id_of(at));
  listener.load_balancer = ref<LoadBalancerId>(at, a::load_balancer_arn);
  listener.port = at.port(a::port).value_or(0);
  listener.protocol = at.str(a::protocol);
  listener.default_actions = listener_actions(at, a::default_action);
  builder.add(std::move(listener), r);
}

void convert_listener_rule(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  std::string id = at.str(a::listener_arn);
  Listener* listener = builder.find<Listener>(id);
  if (listener == nullptr) return builder.missing_owner(r, "listener", id, "rule ignored");
  ListenerRule rule;
  if (auto priority = at.integer(a::priority)) rule.priority = static_cast<int>(*priority);
  rule.actions = listener_actions(at, a::action);
  rule.origin = r.origin(aws_id_of(at));
  listener->rules.push_back(std::move(rule));
}

void convert_target_group(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  TargetGroup group;
  group.origin = r.origin(aws_id_of(at));
  group.name = at.str(a::name);
  group.port = at.port(a::port);
  group.protocol = at.str(a::protocol);
  std::string type = at.str(a::target_type);
  group.target_type = type.empty() || type == keys::value::instance ? TargetType::instance
                      : type == keys::value::ip                     ? TargetType::ip
                      : type == keys::value::lambda                 ? TargetType::lambda
                      : type == keys::value::alb                    ? TargetType::alb
                                                                    : TargetType::unknown;
  group.vpc = ref<VpcId>(at, a::vpc_id);
  if (auto check = at.object(a::health_check)) {
    group.health_check_port = check->str(a::port);
    group.health_check_protocol = check->str(a::protocol);
  }
  builder.add(std::move(group), r);
}

void convert_target_group_attachment(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  TargetGroupAttachment attachment;
  attachment.origin = r.origin(aws_id_of(at));
  attachment.target_group = ref<TargetGroupId>(at, a::target_group_arn);
  attachment.target_id = at.str(a::target_id);
  if (auto ip = net::IpAddress::try_parse(attachment.target_id)) {
    attachment.ip = ip;
  } else if (attachment.target_id.starts_with("i-")) {
    attachment.instance = ref_to<InstanceId>(attachment.target_id);
  }
  attachment.port = at.port(a::port);
  attachment.availability_zone = at.str(a::availability_zone);
  builder.add(std::move(attachment), r);
}

void convert_ecs_cluster(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  EcsCluster cluster;
  cluster.origin = r.origin(aws_id_of(at));
  cluster.name = at.str(a::name);
  std::string arn = at.str(a::arn);
  std::string name = cluster.name;
  auto id = builder.add(std::move(cluster), r);
  if (!id) return;
  builder.snapshot().add_alias(ObjectRef{ObjectKind::ecs_cluster, index(*id)}, arn);
  builder.snapshot().add_alias(ObjectRef{ObjectKind::ecs_cluster, index(*id)}, name);
}

void convert_ecs_service(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  EcsService service;
  service.origin = r.origin(aws_id_of(at));
  service.name = at.str(a::name);
  service.cluster = ref<EcsClusterId>(at, a::cluster);
  service.task_definition = ref<EcsTaskDefinitionId>(at, a::task_definition);
  service.launch_type = at.str(a::launch_type);
  if (auto network = at.object(a::network_configuration)) {
    service.has_network_configuration = true;
    service.subnets = refs<SubnetId>(*network, a::subnets);
    service.security_groups = refs<SecurityGroupId>(*network, a::security_groups);
    service.assign_public_ip = network->boolean(a::assign_public_ip, false);
  }
  for (const auto& block : at.objects(a::load_balancer)) {
    EcsLoadBalancerBinding binding;
    binding.target_group = ref<TargetGroupId>(block, a::target_group_arn);
    binding.elb_name = block.str(a::elb_name);
    binding.container_name = block.str(a::container_name);
    binding.container_port = block.port(a::container_port);
    service.load_balancers.push_back(std::move(binding));
  }
  service.enable_execute_command = at.boolean(a::enable_execute_command, false);
  if (auto count = at.integer(a::desired_count)) service.desired_count = static_cast<int>(*count);
  builder.add(std::move(service), r);
}

void convert_instance(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  Instance instance;
  instance.origin = r.origin(aws_id_of(at));
  instance.subnet = ref<SubnetId>(at, a::subnet_id);
  instance.security_groups = refs<SecurityGroupId>(at, a::vpc_security_group_ids);
  instance.private_ip = at.ip(a::private_ip);
  instance.public_ip = at.ip(a::public_ip);
  for (const auto& text : at.strings(a::ipv6_addresses)) {
    if (auto ip = at.ip_text(text, a::ipv6_addresses)) instance.ipv6_addresses.push_back(*ip);
  }
  instance.associate_public_ip_address = at.boolean(a::associate_public_ip_address, instance.public_ip.has_value());
  instance.source_dest_check = at.boolean(a::source_dest_check, true);
  instance.primary_network_interface = ref<NetworkInterfaceId>(at, a::primary_network_interface_id);
  // Provider < v2 named it network_interface_id (removed in v2.0.0).
  if (instance.primary_network_interface.empty()) instance.primary_network_interface = ref<NetworkInterfaceId>(at, a::network_interface_id);
  instance.availability_zone = at.str(a::availability_zone);
  instance.state = at.str(a::instance_state);
  builder.add(std::move(instance), r);
}

void convert_network_interface(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  NetworkInterface eni;
  eni.origin = r.origin(aws_id_of(at));
  eni.subnet = ref<SubnetId>(at, a::subnet_id);
  eni.security_groups = refs<SecurityGroupId>(at, a::security_groups);
  auto add_ip = [&](const std::string& text, std::string_view key) {
    if (auto ip = at.ip_text(text, key)) {
      auto& list = ip->is_v4() ? eni.private_ips : eni.ipv6_addresses;
      if (std::find(list.begin(), list.end(), *ip) == list.end()) list.push_back(*ip);
    }
  };
  add_ip(at.str(a::private_ip), a::private_ip);
  for (const auto& text : at.strings(a::private_ip_list)) add_ip(text, a::private_ip_list);
  for (const auto& text : at.strings(a::private_ips)) add_ip(text, a::private_ips);
  for (const auto& text : at.strings(a::ipv6_addresses)) add_ip(text, a::ipv6_addresses);
  if (auto association = at.object(a::association)) eni.public_ip = association->ip(a::public_ip);
  eni.source_dest_check = at.boolean(a::source_dest_check, true);
  eni.interface_type = at.str(a::interface_type);
  eni.description = at.str(a::description);
  if (auto attachment = at.object(a::attachment)) eni.instance = ref<InstanceId>(*attachment, a::instance);
  builder.add(std::move(eni), r);
}

}  // namespace moat::tfstate
