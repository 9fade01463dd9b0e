#include <algorithm>

#include <catch2/catch.hpp>

#include "fixture_paths.hpp"
#include "moat/tfstate/load_states.hpp"
#include "snapshot_lookup.hpp"

using namespace moat;
using namespace moat::model;

namespace {

const Snapshot& edge_ingress() {
  static const Snapshot snapshot = tfstate::load_states({tfstate_fixture("edge-ingress.tfstate")});
  return snapshot;
}

// The warnings of one resource with this code whose message names `id`.
std::size_t warnings(const Snapshot& s, const std::string& address, const std::string& code, const std::string& id) {
  return static_cast<std::size_t>(std::count_if(s.diagnostics.begin(), s.diagnostics.end(), [&](const Diagnostic& d) {
    return d.severity == Severity::warning && d.address == address && d.code == code &&
           d.file.ends_with("edge-ingress.tfstate") && d.message.find(id) != std::string::npos;
  }));
}

}  // namespace

TEST_CASE("a Global Accelerator endpoint group keeps each endpoint by the shape of its id", "[tfstate]") {
  const auto& s = edge_ingress();
  const auto& group = by_address<GlobalAcceleratorEndpointGroup>(s, "aws_globalaccelerator_endpoint_group.web");
  CHECK(group.origin.aws_id.ends_with("/endpoint-group/9e8d7c6b5a49"));
  CHECK(group.listener_arn.ends_with("/listener/0a1b2c3d"));
  REQUIRE(group.endpoints.size() == 4);
  const auto& alb = group.endpoints[0];
  CHECK(alb.client_ip_preservation);
  CHECK(alb.load_balancer.aws_id.ends_with("loadbalancer/app/web/cf7e69002b854b55"));
  CHECK_FALSE(alb.load_balancer.resolved());
  CHECK(alb.instance.empty());
  const auto& instance = group.endpoints[1];
  CHECK_FALSE(instance.client_ip_preservation);
  CHECK(instance.instance.aws_id == "i-0f1e2d3c4b5a69788");
  CHECK(instance.load_balancer.empty());
  const auto& eip = group.endpoints[2];
  REQUIRE(eip.elastic_ip.resolved());
  CHECK(s.get(*eip.elastic_ip.id).origin.address == "aws_eip.ga");
  const auto& odd = group.endpoints[3];
  CHECK(odd.endpoint_id == "not-an-endpoint");
  CHECK(odd.load_balancer.empty());
  CHECK(odd.instance.empty());
  CHECK(odd.elastic_ip.empty());
}

TEST_CASE("an edge service target that is not in the loaded state is a warning naming file and address", "[tfstate]") {
  const auto& s = edge_ingress();
  const std::string group = "aws_globalaccelerator_endpoint_group.web";
  CHECK(warnings(s, group, "ref.unresolved", "loadbalancer/app/web/cf7e69002b854b55") == 1);
  CHECK(warnings(s, group, "ref.unresolved", "i-0f1e2d3c4b5a69788") == 1);
  CHECK(warnings(s, group, "ref.unresolved", "eipalloc-0a1b2c3d4e5f60718") == 0);
  CHECK(warnings(s, group, "edge.target_unknown", "not-an-endpoint") == 1);
  CHECK(warnings(s, "aws_cloudfront_vpc_origin.app", "ref.unresolved", "i-0a9b8c7d6e5f40312") == 1);
}

TEST_CASE("a CloudFront VPC origin keeps its target instance (from the ARN) and its ports", "[tfstate]") {
  const auto& s = edge_ingress();
  const auto& origin = by_address<CloudFrontVpcOrigin>(s, "aws_cloudfront_vpc_origin.app");
  CHECK(origin.origin.aws_id == "vo_3Xk9QeT2mZ7aB1cD");
  CHECK(origin.instance.aws_id == "i-0a9b8c7d6e5f40312");
  CHECK(origin.load_balancer.empty());
  CHECK(origin.http_port == std::uint16_t{8080});
  CHECK(origin.https_port == std::uint16_t{8443});
}
