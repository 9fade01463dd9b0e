#pragma once
// TargetGroupAttachment: one registered target (aws_lb_target_group_attachment).

#include <cstdint>
#include <optional>
#include <string>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"
#include "moat/net/ip_address.hpp"

namespace moat::model {

struct TargetGroupAttachment {
  using Id = TargetGroupAttachmentId;
  static constexpr ObjectKind kind = ObjectKind::target_group_attachment;

  Origin origin;
  Ref<TargetGroupId> target_group;
  std::string target_id;                // instance id, IP address, Lambda or ALB ARN
  Ref<InstanceId> instance;             // when target_id is a loaded instance
  std::optional<net::IpAddress> ip;     // when target_id is an address
  std::optional<std::uint16_t> port;    // empty = the target group port
  std::string availability_zone;
};

}  // namespace moat::model
