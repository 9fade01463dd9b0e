#pragma once
// GlobalAcceleratorEndpointGroup: a Global Accelerator listener's endpoints in one
// Region. The internet reaches each endpoint (ALB, NLB, EC2 instance, EIP) through the
// accelerator's anycast addresses, without a public IP on the endpoint and without an
// IGW route (R2.13). The AWS id is the endpoint group's ARN.

#include <string>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"

namespace moat::model {

// One endpoint: exactly one reference is set, chosen by the shape of the endpoint id as
// written (an ELB ARN, "i-…", "eipalloc-…"); none for an id of another shape.
struct GlobalAcceleratorEndpoint {
  std::string endpoint_id;  // as written
  Ref<LoadBalancerId> load_balancer;
  Ref<InstanceId> instance;
  Ref<ElasticIpId> elastic_ip;
  bool client_ip_preservation = false;
};

struct GlobalAcceleratorEndpointGroup {
  using Id = GlobalAcceleratorEndpointGroupId;
  static constexpr ObjectKind kind = ObjectKind::global_accelerator_endpoint_group;

  Origin origin;
  std::string listener_arn;
  std::vector<GlobalAcceleratorEndpoint> endpoints;
};

}  // namespace moat::model
