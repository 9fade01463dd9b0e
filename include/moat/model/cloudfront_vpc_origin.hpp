#pragma once
// CloudFrontVpcOrigin: a CloudFront origin inside a VPC (ALB, NLB or EC2 instance,
// usually in a private subnet). CloudFront reaches it from ENIs it manages in the VPC, so
// the internet reaches the target through CloudFront without a public IP on it and
// without an IGW route (R2.13). The AWS id is the VPC origin id ("vo_…").

#include <cstdint>
#include <string>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"

namespace moat::model {

struct CloudFrontVpcOrigin {
  using Id = CloudFrontVpcOriginId;
  static constexpr ObjectKind kind = ObjectKind::cloudfront_vpc_origin;

  Origin origin;
  std::string endpoint_arn;  // as written: an ELB ARN or an EC2 instance ARN
  // Exactly one set for an ARN of a known shape.
  Ref<LoadBalancerId> load_balancer;
  Ref<InstanceId> instance;
  std::uint16_t http_port = 80;
  std::uint16_t https_port = 443;
};

}  // namespace moat::model
