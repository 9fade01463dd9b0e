#pragma once
// TargetGroup: where listeners forward to (instances, IPs, a Lambda or an ALB).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"

namespace moat::model {

enum class TargetType : std::uint8_t { instance, ip, lambda, alb, unknown };

std::string_view to_string(TargetType type);

struct TargetGroup {
  using Id = TargetGroupId;
  static constexpr ObjectKind kind = ObjectKind::target_group;

  Origin origin;  // aws_id is the ARN
  std::string name;
  std::optional<std::uint16_t> port;
  std::string protocol;
  TargetType target_type = TargetType::instance;  // Terraform default
  Ref<VpcId> vpc;
  std::string health_check_port;  // "traffic-port" or a number
  std::string health_check_protocol;
};

}  // namespace moat::model
