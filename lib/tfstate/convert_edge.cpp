// Edge services that carry internet traffic to targets without public IPs (R2.13):
// Global Accelerator endpoint groups and CloudFront VPC origins.

#include "builder.hpp"
#include "convert_common.hpp"
#include "converters.hpp"
#include "keys.hpp"

namespace moat::tfstate {

namespace a = keys::attr;
namespace v = keys::value;
using namespace moat::model;

namespace {

// The target of an edge service as written: an ELB ARN, an EC2 instance ARN or id, an EIP
// allocation id. Returns false for any other shape (left unreferenced, with a warning).
bool classify_target(const std::string& id, Ref<LoadBalancerId>& load_balancer, Ref<InstanceId>& instance,
                     Ref<ElasticIpId>* elastic_ip) {
  if (id.find(v::elb_arn_service) != std::string::npos) {
    load_balancer = ref_to<LoadBalancerId>(id);
  } else if (auto at = id.find(v::ec2_instance_arn_resource); at != std::string::npos) {
    instance = ref_to<InstanceId>(id.substr(at + v::ec2_instance_arn_resource.size()));
  } else if (id.starts_with(v::instance_id_prefix)) {
    instance = ref_to<InstanceId>(id);
  } else if (elastic_ip && id.starts_with(v::eip_allocation_id_prefix)) {
    *elastic_ip = ref_to<ElasticIpId>(id);
  } else {
    return false;
  }
  return true;
}

}  // namespace

void convert_globalaccelerator_endpoint_group(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  GlobalAcceleratorEndpointGroup group;
  group.origin = r.origin(aws_id_of(at));
  group.listener_arn = at.str(a::listener_arn);
  for (const auto& config : at.objects(a::endpoint_configuration)) {
    GlobalAcceleratorEndpoint endpoint;
    endpoint.endpoint_id = config.str(a::endpoint_id);
    endpoint.client_ip_preservation = config.boolean(a::client_ip_preservation_enabled, false);
    if (!classify_target(endpoint.endpoint_id, endpoint.load_balancer, endpoint.instance, &endpoint.elastic_ip)) {
      builder.warn("edge.target_unknown", r,
                   "endpoint " + endpoint.endpoint_id +
                       " is not an ELB ARN, instance id or EIP allocation id: the internet may reach it through the "
                       "accelerator, which moat cannot place (R2.13)");
    }
    group.endpoints.push_back(std::move(endpoint));
  }
  builder.add(std::move(group), r);
}

void convert_cloudfront_vpc_origin(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  CloudFrontVpcOrigin origin;
  origin.origin = r.origin(aws_id_of(at));
  for (const auto& config : at.objects(a::vpc_origin_endpoint_config)) {
    origin.endpoint_arn = config.str(a::arn);
    origin.http_port = config.port(a::http_port).value_or(origin.http_port);
    origin.https_port = config.port(a::https_port).value_or(origin.https_port);
    if (!classify_target(origin.endpoint_arn, origin.load_balancer, origin.instance, nullptr)) {
      builder.warn("edge.target_unknown", r,
                   "VPC origin " + origin.endpoint_arn +
                       " is not an ELB or EC2 instance ARN: the internet may reach it through CloudFront, which moat "
                       "cannot place (R2.13)");
    }
  }
  builder.add(std::move(origin), r);
}

}  // namespace moat::tfstate
