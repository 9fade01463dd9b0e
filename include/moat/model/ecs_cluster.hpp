#pragma once
// EcsCluster: a name and an ARN; services point at it.

#include <string>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"

namespace moat::model {

struct EcsCluster {
  using Id = EcsClusterId;
  static constexpr ObjectKind kind = ObjectKind::ecs_cluster;

  Origin origin;  // aws_id is the ARN
  std::string name;
};

}  // namespace moat::model
