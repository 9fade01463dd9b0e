#pragma once
// LoadBalancer: ALB/NLB/GWLB (aws_lb, aws_alb) or classic ELB (aws_elb). Terraform's
// default internal=false means internet-facing (R2.6). Node addresses are not in state
// unless subnet_mapping pins them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"
#include "moat/net/ip_address.hpp"

namespace moat::model {

enum class LoadBalancerType : std::uint8_t { application, network, gateway, classic };

std::string_view to_string(LoadBalancerType type);  // "application", ...

struct LoadBalancerSubnetMapping {
  Ref<SubnetId> subnet;
  std::optional<net::IpAddress> private_ipv4_address;
  Ref<ElasticIpId> allocation;  // internet-facing NLB with a fixed EIP
};

struct LoadBalancer {
  using Id = LoadBalancerId;
  static constexpr ObjectKind kind = ObjectKind::load_balancer;

  Origin origin;  // aws_id is the ARN (classic ELB: its name)
  std::string name;
  LoadBalancerType type = LoadBalancerType::application;
  bool internal = false;
  bool dualstack = false;  // ip_address_type "dualstack" or "dualstack-without-public-ipv4"
  bool dualstack_without_public_ipv4 = false;  // internet-facing over IPv6 only: nodes have no public IPv4
  std::string dns_name;
  std::string zone_id;     // for Route 53 alias targets
  Ref<VpcId> vpc;
  std::vector<Ref<SubnetId>> subnets;  // union of subnets and subnet_mapping
  std::vector<LoadBalancerSubnetMapping> subnet_mappings;
  std::vector<Ref<SecurityGroupId>> security_groups;
  std::vector<Ref<InstanceId>> instances;  // classic ELB registered instances
};

}  // namespace moat::model
