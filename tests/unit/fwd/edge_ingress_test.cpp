// Internet ingress that needs no public IP (R2.13): Global Accelerator endpoint groups and
// CloudFront VPC origins reach targets in private subnets; the addresses the target sees
// are not in state, so such paths are possible, never proven (R0.1).
#include <catch2/catch.hpp>

#include "fwd_test_support.hpp"
#include "moat/fwd/network.hpp"
#include "snapshot_builder.hpp"

namespace moat::fwd::test {

using model::RuleDirection;

namespace {

// A VPC with an attached IGW and a private subnet (no IGW route) holding an internal ALB
// (listener 443, SG open to the VPC only) and an instance (same SG, no public IP).
struct PrivateTargets {
  SnapshotBuilder b;
  model::LoadBalancerId alb{};
  model::InstanceId app{};
  PrivateTargets() {
    auto vpc = b.vpc("main", "10.0.0.0/16");
    auto subnet = b.subnet(vpc, "private", "10.0.1.0/24");
    auto table = b.route_table(vpc, "private");
    b.associate(subnet, table);
    b.igw(vpc, "main");
    auto sg = b.sg(vpc, "internal");
    b.sg_rule(sg, RuleDirection::ingress, tcp(), net::PortSet::all(), "10.0.0.0/16");
    alb = b.load_balancer("admin", {subnet}, {sg}, true);
    b.listener(alb, 443);
    app = b.instance("app", subnet, "10.0.1.10", {sg});
  }

  void accelerate(const std::string& endpoint_id, model::Ref<model::LoadBalancerId> lb,
                  model::Ref<model::InstanceId> instance = {}) {
    model::GlobalAcceleratorEndpointGroup group;
    group.origin = SnapshotBuilder::origin("aws_globalaccelerator_endpoint_group", "admin", "arn:aws:globalaccelerator::1:eg");
    model::GlobalAcceleratorEndpoint endpoint;
    endpoint.endpoint_id = endpoint_id;
    endpoint.load_balancer = std::move(lb);
    endpoint.instance = std::move(instance);
    endpoint.client_ip_preservation = true;
    group.endpoints.push_back(std::move(endpoint));
    b.snapshot.add(std::move(group));
  }
  void cloudfront_to_app() {
    model::CloudFrontVpcOrigin origin;
    origin.origin = SnapshotBuilder::origin("aws_cloudfront_vpc_origin", "app", "vo_app");
    origin.endpoint_arn = "arn:aws:ec2:eu-west-1:1:instance/i-app";
    origin.instance = {"i-app", app};
    b.snapshot.add(std::move(origin));
  }
  Endpoint lb() const { return Endpoint::of({model::ObjectKind::load_balancer, model::index(alb)}); }
};

}  // namespace

TEST_CASE("an internal ALB without an edge service is isolated from the internet", "[fwd]") {
  PrivateTargets s;
  Network network(s.b.snapshot);
  CHECK(network.isolated({Endpoint::internet()}, {s.lb()}).status == VerdictStatus::holds);
}

TEST_CASE("a Global Accelerator endpoint group makes internet -> internal ALB a possible path naming the group",
          "[fwd]") {
  PrivateTargets s;
  const auto& arn = s.b.snapshot.get(s.alb).origin.aws_id;
  s.accelerate(arn, {arn, s.alb});
  Network network(s.b.snapshot);
  auto verdict = network.isolated({Endpoint::internet()}, {s.lb()});
  CHECK(verdict.status == VerdictStatus::unknown);
  REQUIRE(!verdict.counterexamples.empty());
  const auto& part = verdict.counterexamples.front();
  CHECK_FALSE(part.certain);
  CHECK(path_names(part.path, "aws_globalaccelerator_endpoint_group.admin"));
  CHECK(path_names(part.path, "aws_lb.admin"));
  // The ALB still takes only its listener's port.
  auto result = network.flow({Endpoint::internet()}, tcp_to("0.0.0.0/0", 22), {s.lb()});
  CHECK(result.delivered.empty());
  CHECK(find_drop(result.dropped, ExplanationCode::ELBV2_LISTENER_PORT_RESTRICTION) != nullptr);
}

TEST_CASE("an endpoint whose target is not loaded opens no path to the loaded objects", "[fwd]") {
  PrivateTargets s;
  s.accelerate("arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/elsewhere", {"elsewhere", std::nullopt});
  Network network(s.b.snapshot);
  CHECK(network.isolated({Endpoint::internet()}, {s.lb()}).status == VerdictStatus::holds);
}

TEST_CASE("a CloudFront VPC origin reaches its instance on the origin's HTTP and HTTPS ports only", "[fwd]") {
  PrivateTargets s;
  s.cloudfront_to_app();
  Network network(s.b.snapshot);
  auto to_app = Endpoint::of({model::ObjectKind::instance, model::index(s.app)});
  auto https = network.flow({Endpoint::internet()}, tcp_to("10.0.1.10/32", 443), {to_app});
  REQUIRE(!https.delivered.empty());
  CHECK_FALSE(https.delivered.front().certain);
  CHECK(path_names(https.delivered.front().path, "aws_cloudfront_vpc_origin.app"));
  CHECK_FALSE(network.flow({Endpoint::internet()}, tcp_to("10.0.1.10/32", 80), {to_app}).delivered.empty());
  CHECK(network.flow({Endpoint::internet()}, tcp_to("10.0.1.10/32", 22), {to_app}).delivered.empty());
  CHECK(network.isolated({Endpoint::internet()}, {to_app}).status == VerdictStatus::unknown);
  // The ALB is not the origin: still isolated.
  CHECK(network.isolated({Endpoint::internet()}, {s.lb()}).status == VerdictStatus::holds);
}

}  // namespace moat::fwd::test
