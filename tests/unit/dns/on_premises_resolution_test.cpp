// On-premises vantage: conditional forwarders -> inbound endpoints -> the endpoint VPC's
// resolution (R6.11), with the UDP/TCP 53 flows the answer depends on (§6.5 seed chain).

#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "dns_builder.hpp"
#include "moat/core/error.hpp"
#include "moat/dns/resolve.hpp"

namespace moat::dns {
namespace {

using model::RecordType;
using model::ResolverDirection;
using model::ResolverRuleType;

// The seed scenario: on-prem AD forwards example.com to the inbound endpoint of the
// workload VPC; PHZ example.com (associated with that VPC) aliases app.example.com to
// an internal ALB in two subnets.
struct SeedScenario {
  test::DnsBuilder b;
  model::VpcId vpc = b.vpc("workload", "10.0.0.0/16");
  model::SubnetId subnet_a = b.subnet("a", vpc, "10.0.1.0/24");
  model::SubnetId subnet_b = b.subnet("b", vpc, "10.0.2.0/24");
  model::ResolverEndpointId inbound = b.resolver_endpoint(
      "inbound", ResolverDirection::inbound, vpc, {{subnet_a, "10.0.1.10"}, {subnet_b, "10.0.2.10"}});
  model::HostedZoneId zone = b.private_zone("example", "example.com", {vpc});
  model::LoadBalancerId alb =
      b.load_balancer("app", "internal-app-123.eu-west-1.elb.amazonaws.com", true, {subnet_a, subnet_b});
  model::ResourceRecordId app = b.alias("app", zone, "app.example.com", "internal-app-123.eu-west-1.elb.amazonaws.com");
  DnsContext context;

  SeedScenario() {
    ExternalNetwork dc = test::data_center();
    dc.forwarders = {ConditionalForwarder{
        "example.com", {net::IpAddress::parse("10.0.1.10"), net::IpAddress::parse("10.0.2.10")}, std::nullopt}};
    context.external_networks.push_back(dc);
  }
};

// A FlowOracle answering from a table keyed by the flow's destination addresses.
class TableOracle : public FlowOracle {
 public:
  std::map<std::string, FlowStatus> verdicts;  // "10.0.1.10/32" -> status
  FlowStatus fallback = FlowStatus::works;
  int calls = 0;
  FlowStatus check(const RequiredFlow& flow) override {
    ++calls;
    auto it = verdicts.find(flow.to.addresses.to_string());
    return it == verdicts.end() ? fallback : it->second;
  }
};

TEST_CASE("an on-prem query for app.example.com answers the internal ALB's subnets via the inbound endpoint",
          "[dns]") {
  SeedScenario s;
  auto r = resolve(s.b.snapshot, "App.Example.com.", RecordType::a, Vantage::on_premises("dc"), s.context);
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::answered);
  CHECK(r.decided_by.address == "aws_route53_record.app");
  REQUIRE(r.answers.size() == 2);
  CHECK(r.answers[0].kind == AnswerKind::subnet_address);
  CHECK(r.answers[0].subnet == s.subnet_a);
  CHECK(r.answers[0].addresses.to_string() == "10.0.1.0/24");
  CHECK(r.answers[0].owner.address == "aws_lb.app");
  CHECK(r.answers[1].subnet == s.subnet_b);
  // The path, each step with the resource that decided it.
  REQUIRE(r.find_step(StepKind::conditional_forwarder) != nullptr);
  REQUIRE(r.find_step(StepKind::inbound_endpoint) != nullptr);
  CHECK(r.find_step(StepKind::inbound_endpoint)->decided_by.address == "aws_route53_resolver_endpoint.inbound");
  REQUIRE(r.find_step(StepKind::private_zone) != nullptr);
  CHECK(r.find_step(StepKind::private_zone)->decided_by.address == "aws_route53_zone_association.example_vpc-workload");
  REQUIRE(r.find_step(StepKind::alias) != nullptr);
  CHECK(r.find_step(StepKind::alias)->decided_by.address == "aws_route53_record.app");
  REQUIRE(r.find_step(StepKind::load_balancer) != nullptr);
  CHECK(r.find_step(StepKind::load_balancer)->decided_by.address == "aws_lb.app");
  // The flow on-prem -> inbound endpoint, UDP and TCP 53, unchecked without an oracle.
  REQUIRE(r.required_flows.size() == 2);
  const auto& flow = r.required_flows[0];
  CHECK(flow.from.external_network == "dc");
  CHECK(flow.from.addresses.to_string() == "192.168.10.10/32");
  CHECK(flow.to.resolver_endpoint == s.inbound);
  CHECK(flow.to.addresses.to_string() == "10.0.1.10/32");
  CHECK(flow.to.subnets == std::vector<model::SubnetId>{s.subnet_a});
  CHECK(flow.protocols.contains(net::protocol::udp));
  CHECK(flow.protocols.contains(net::protocol::tcp));
  CHECK(flow.port == 53);
  CHECK(flow.decided_by.address == "aws_route53_resolver_endpoint.inbound");
  CHECK(flow.status == FlowStatus::unchecked);
  CHECK(r.conditional());
}

TEST_CASE("an oracle that proves the inbound flows makes the seed resolution unconditional", "[dns]") {
  SeedScenario s;
  TableOracle oracle;
  s.context.flow_oracle = &oracle;
  auto r = resolve(s.b.snapshot, "app.example.com", RecordType::a, Vantage::on_premises("dc"), s.context);
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::answered);
  CHECK(oracle.calls == 2);
  CHECK(r.required_flows[0].status == FlowStatus::works);
  CHECK_FALSE(r.conditional());
}

TEST_CASE("failing flows to every inbound endpoint address make the resolver unreachable", "[dns]") {
  SeedScenario s;
  TableOracle oracle;
  oracle.fallback = FlowStatus::fails;
  s.context.flow_oracle = &oracle;
  auto r = resolve(s.b.snapshot, "app.example.com", RecordType::a, Vantage::on_premises("dc"), s.context);
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::resolver_unreachable);
  CHECK(r.decided_by.address == "aws_route53_resolver_endpoint.inbound");
  CHECK(r.answers.empty());
  REQUIRE(r.required_flows.size() == 2);
  CHECK(r.required_flows[1].status == FlowStatus::fails);
  CHECK(r.find_step(StepKind::private_zone) == nullptr);
}

TEST_CASE("one reachable inbound endpoint address is enough for the forwarder", "[dns]") {
  SeedScenario s;
  TableOracle oracle;
  oracle.verdicts["10.0.1.10/32"] = FlowStatus::fails;
  s.context.flow_oracle = &oracle;
  auto r = resolve(s.b.snapshot, "app.example.com", RecordType::a, Vantage::on_premises("dc"), s.context);
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::answered);
  CHECK(r.required_flows[0].status == FlowStatus::fails);
  CHECK(r.required_flows[1].status == FlowStatus::works);
}

TEST_CASE("an undecidable flow leaves the answer conditional", "[dns]") {
  SeedScenario s;
  TableOracle oracle;
  oracle.fallback = FlowStatus::unknown;
  s.context.flow_oracle = &oracle;
  auto r = resolve(s.b.snapshot, "app.example.com", RecordType::a, Vantage::on_premises("dc"), s.context);
  CHECK(r.outcome == Outcome::answered);
  CHECK(r.conditional());
}

TEST_CASE("a forwarder naming the endpoint instead of IPs uses its subnets when IPs are not in state", "[dns]") {
  SeedScenario s;
  auto lone = s.b.resolver_endpoint("lone", ResolverDirection::inbound, s.vpc, {{s.subnet_b, std::nullopt}});
  s.context.external_networks[0].forwarders = {ConditionalForwarder{"example.com", {}, lone}};
  auto r = resolve(s.b.snapshot, "app.example.com", RecordType::a, Vantage::on_premises("dc"), s.context);
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::answered);
  REQUIRE(r.required_flows.size() == 1);
  CHECK(r.required_flows[0].to.addresses.to_string() == "10.0.2.0/24");
  CHECK(r.required_flows[0].to.origin.address == "aws_route53_resolver_endpoint.lone");
}

TEST_CASE("without a conditional forwarder on-prem sees only public DNS, never the private zone", "[dns]") {
  SeedScenario s;
  s.context.external_networks[0].forwarders.clear();
  auto r = resolve(s.b.snapshot, "app.example.com", RecordType::a, Vantage::on_premises("dc"), s.context);
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::resolves_to_public);
  REQUIRE(r.find_step(Outcome::no_forwarder) != nullptr);
  REQUIRE(r.find_step(Outcome::zone_not_associated) != nullptr);
  CHECK(r.find_step(Outcome::zone_not_associated)->decided_by.address == "aws_route53_zone.example");
  CHECK(r.required_flows.empty());
  REQUIRE(r.answers.size() == 1);
  CHECK(r.answers[0].kind == AnswerKind::internet);
}

TEST_CASE("a forwarder to the VPC+2 resolver address is not an inbound endpoint", "[dns]") {
  SeedScenario s;
  s.context.external_networks[0].forwarders = {
      ConditionalForwarder{"example.com", {net::IpAddress::parse("10.0.0.2")}, std::nullopt}};
  auto r = resolve(s.b.snapshot, "app.example.com", RecordType::a, Vantage::on_premises("dc"), s.context);
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::target_not_inbound_endpoint);
  CHECK(r.decided_by.address == "aws_vpc.workload");
}

TEST_CASE("an inbound endpoint in a VPC without DNS support does not answer", "[dns]") {
  SeedScenario s;
  s.b.snapshot.get(s.vpc).enable_dns_support = false;
  auto r = resolve(s.b.snapshot, "app.example.com", RecordType::a, Vantage::on_premises("dc"), s.context);
  CHECK(r.outcome == Outcome::dns_support_disabled);
  CHECK(r.decided_by.address == "aws_vpc.workload");
}

TEST_CASE("on-prem answers its own zones from the declared records", "[dns]") {
  SeedScenario s;
  auto& dc = s.context.external_networks[0];
  dc.zones = {"corp.local"};
  dc.records = {ExternalRecord{"db.corp.local", RecordType::a, {"192.168.20.5"}}};
  auto r = resolve(s.b.snapshot, "db.corp.local", RecordType::a, Vantage::on_premises("dc"), s.context);
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::answered);
  CHECK(r.decided_by.address == "external_network.dc");
  REQUIRE(r.answers.size() == 1);
  CHECK(r.answers[0].address == net::IpAddress::parse("192.168.20.5"));
}

TEST_CASE("a forward rule that sends the query back on-prem, which forwards it back, is a forwarding loop",
          "[dns]") {
  SeedScenario s;
  auto outbound = s.b.resolver_endpoint("outbound", ResolverDirection::outbound, s.vpc,
                                        {{s.subnet_a, "10.0.1.20"}, {s.subnet_b, "10.0.2.20"}});
  auto rule = s.b.rule("loop", ResolverRuleType::forward, "example.com", {"192.168.10.10"}, outbound);
  s.b.associate("loop", rule, s.vpc);
  auto r = resolve(s.b.snapshot, "app.example.com", RecordType::a, Vantage::on_premises("dc"), s.context);
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::forwarding_loop);
  CHECK(r.decided_by.address == "external_network.dc");
  // Both directions of the loop are listed as flows: two to the inbound endpoint, one back.
  CHECK(r.required_flows.size() == 3);
}

TEST_CASE("an undeclared external network in the vantage is a caller error", "[dns]") {
  SeedScenario s;
  CHECK_THROWS_AS(resolve(s.b.snapshot, "app.example.com", RecordType::a, Vantage::on_premises("nope"), s.context),
                  ParseError);
}

}  // namespace
}  // namespace moat::dns
