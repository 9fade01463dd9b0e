#include <algorithm>

#include <catch2/catch.hpp>

#include "fixture_paths.hpp"
#include "moat/tfstate/load_states.hpp"

using namespace moat;
using namespace moat::model;

namespace {

const Snapshot& merged() {
  static const Snapshot snapshot =
      tfstate::load_states({tfstate_fixture("network.tfstate"), tfstate_fixture("app.show.json")});
  return snapshot;
}

}  // namespace

TEST_CASE("show -json output loads with the addresses it states, child modules included", "[tfstate]") {
  const auto& s = merged();
  auto lb = s.find_address("module.service.aws_lb.this");
  REQUIRE(lb.has_value());
  REQUIRE(lb->kind == ObjectKind::load_balancer);
  const auto& alb = s.load_balancers[lb->index];
  CHECK(alb.internal);
  CHECK(alb.type == LoadBalancerType::application);
  CHECK(alb.origin.file == tfstate_fixture("app.show.json").string());
  REQUIRE(alb.subnets.size() == 2);
  CHECK(alb.subnets[0].resolved());  // subnet from the other file
  CHECK(alb.subnet_mappings.size() == 2);
  CHECK(alb.security_groups.at(0).resolved());
}

TEST_CASE("a data source read back in another file does not duplicate the managed subnet", "[tfstate]") {
  const auto& s = merged();
  CHECK(s.subnets.size() == 3);
  auto subnet = s.find<Subnet>("subnet-0aaaa00000000001");
  REQUIRE(subnet.has_value());
  CHECK(s.get(*subnet).origin.address == "module.network.aws_subnet.private[\"a\"]");
  CHECK(s.files.size() == 2);
}

TEST_CASE("references across files resolve by AWS id", "[tfstate]") {
  const auto& s = merged();
  auto alb_sg = s.find<SecurityGroup>("sg-0alb0000000000001");
  REQUIRE(alb_sg.has_value());
  const auto& rules = s.get(*alb_sg).rules;
  auto to_app = std::find_if(rules.begin(), rules.end(), [](const SecurityGroupRule& r) {
    return r.direction == RuleDirection::egress && r.peer.kind == SecurityGroupPeerKind::security_group;
  });
  REQUIRE(to_app != rules.end());
  CHECK(to_app->peer.security_group.resolved());
  CHECK(s.get(*to_app->peer.security_group.id).origin.file == tfstate_fixture("network.tfstate").string());
}

TEST_CASE("ECS service resolves cluster ARN, family:revision task definition and target group", "[tfstate]") {
  const auto& s = merged();
  REQUIRE(s.ecs_services.size() == 1);
  const auto& service = s.ecs_services[0];
  CHECK(service.origin.address == "module.service.aws_ecs_service.this");
  CHECK(service.launch_type == "FARGATE");
  CHECK(service.cluster.resolved());
  CHECK(service.task_definition.aws_id == "app:3");
  CHECK(service.task_definition.resolved());
  CHECK(service.has_network_configuration);
  CHECK_FALSE(service.assign_public_ip);
  CHECK(service.subnets.size() == 2);
  CHECK(service.security_groups.at(0).resolved());
  REQUIRE(service.load_balancers.size() == 1);
  CHECK(service.load_balancers[0].target_group.resolved());
  CHECK(service.load_balancers[0].container_port == 8080);
  CHECK(service.desired_count == 2);
}

TEST_CASE("task definition containers are parsed from the container_definitions JSON string", "[tfstate]") {
  const auto& s = merged();
  REQUIRE(s.ecs_task_definitions.size() == 1);
  const auto& task = s.ecs_task_definitions[0];
  CHECK(task.family == "app");
  CHECK(task.revision == 3);
  CHECK(task.network_mode == "awsvpc");
  CHECK(task.requires_compatibilities == std::vector<std::string>{"FARGATE"});
  REQUIRE(task.containers.size() == 1);
  const auto& container = task.containers[0];
  CHECK(container.image == "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.0");
  REQUIRE(container.port_mappings.size() == 1);
  CHECK(container.port_mappings[0].container_port == 8080);
  CHECK(container.log_driver == "awslogs");
  CHECK(std::count(container.log_options.begin(), container.log_options.end(),
                   std::pair<std::string, std::string>{"awslogs-group", "/ecs/app"}) == 1);
  REQUIRE(container.secrets.size() == 2);
  CHECK(container.secrets[0].source == SecretSource::ssm);
  CHECK(container.secrets[1].source == SecretSource::secretsmanager);
}

TEST_CASE("listener default action forwards to its target group", "[tfstate]") {
  const auto& s = merged();
  REQUIRE(s.listeners.size() == 1);
  const auto& listener = s.listeners[0];
  CHECK(listener.port == 443);
  CHECK(listener.protocol == "HTTPS");
  CHECK(listener.load_balancer.resolved());
  REQUIRE(listener.default_actions.size() == 1);
  CHECK(listener.default_actions[0].type == "forward");
  REQUIRE(listener.default_actions[0].target_groups.size() == 1);
  REQUIRE(listener.default_actions[0].target_groups[0].resolved());
  const auto& group = s.get(*listener.default_actions[0].target_groups[0].id);
  CHECK(group.target_type == TargetType::ip);
  CHECK(group.port == 8080);
  CHECK(group.health_check_port == "traffic-port");
}

TEST_CASE("file order does not change what references resolve to", "[tfstate]") {
  auto reversed = tfstate::load_states({tfstate_fixture("app.show.json"), tfstate_fixture("network.tfstate")});
  CHECK(reversed.subnets.size() == 3);
  CHECK(reversed.ecs_services.at(0).subnets.at(0).resolved());
  auto subnet = reversed.find<Subnet>("subnet-0aaaa00000000001");
  REQUIRE(subnet.has_value());
  CHECK(reversed.get(*subnet).origin.address == "module.network.aws_subnet.private[\"a\"]");  // managed wins
}
