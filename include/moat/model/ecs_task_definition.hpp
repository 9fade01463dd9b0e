#pragma once
// EcsTaskDefinition and its containers (parsed from the container_definitions JSON):
// what each container pulls (image), listens on, logs to and reads secrets from — the
// flows a task needs at start-up (ECR, S3, CloudWatch Logs, SSM/Secrets Manager).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"

namespace moat::model {

struct EcsPortMapping {
  std::uint16_t container_port = 0;
  std::optional<std::uint16_t> host_port;
  std::string protocol = "tcp";
};

enum class SecretSource : std::uint8_t { ssm, secretsmanager, unknown };

std::string_view to_string(SecretSource source);  // "ssm", "secretsmanager", "unknown"

// From the valueFrom ARN: arn:…:ssm:… -> ssm, arn:…:secretsmanager:… -> secretsmanager;
// a bare parameter name -> ssm (ECS resolves names in the task's region).
SecretSource classify_secret_source(std::string_view value_from);

struct EcsSecret {
  std::string name;
  std::string value_from;
  SecretSource source = SecretSource::unknown;
};

struct EcsContainer {
  std::string name;
  std::string image;
  bool essential = true;
  std::vector<EcsPortMapping> port_mappings;
  std::string log_driver;  // "awslogs", "awsfirelens", ... empty when none
  std::vector<std::pair<std::string, std::string>> log_options;
  std::vector<EcsSecret> secrets;  // container secrets and log configuration secretOptions
};

struct EcsTaskDefinition {
  using Id = EcsTaskDefinitionId;
  static constexpr ObjectKind kind = ObjectKind::ecs_task_definition;

  Origin origin;  // aws_id is the ARN
  std::string family;
  std::optional<int> revision;
  std::string network_mode;  // "awsvpc", "bridge", "host", "none", empty
  std::vector<std::string> requires_compatibilities;
  std::string execution_role_arn;
  std::string task_role_arn;
  std::vector<EcsContainer> containers;
};

}  // namespace moat::model
