#pragma once
// EcsService: where tasks run (awsvpc network configuration: subnets, SGs, public IP),
// which task definition and which target groups they register into. Task ENI addresses
// are never in state: "some address of each subnet".

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"

namespace moat::model {

struct EcsLoadBalancerBinding {
  Ref<TargetGroupId> target_group;
  std::string elb_name;  // classic ELB
  std::string container_name;
  std::optional<std::uint16_t> container_port;
};

struct EcsService {
  using Id = EcsServiceId;
  static constexpr ObjectKind kind = ObjectKind::ecs_service;

  Origin origin;  // aws_id is the service ARN (id in state)
  std::string name;
  Ref<EcsClusterId> cluster;                 // aws_id is the cluster ARN or name
  Ref<EcsTaskDefinitionId> task_definition;  // aws_id is the ARN or "family:revision"
  std::string launch_type;                   // "FARGATE", "EC2", "EXTERNAL" or empty (capacity providers)
  bool has_network_configuration = false;    // awsvpc
  std::vector<Ref<SubnetId>> subnets;
  std::vector<Ref<SecurityGroupId>> security_groups;
  bool assign_public_ip = false;
  std::vector<EcsLoadBalancerBinding> load_balancers;
  bool enable_execute_command = false;
  std::optional<int> desired_count;
};

}  // namespace moat::model
