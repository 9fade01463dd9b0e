// VPC vantage: the Amazon resolver, resolver rules vs private zones, endpoint private
// DNS and public DNS (R6.1-R6.10, §9 items 19-25).

#include <catch2/catch.hpp>

#include "dns_builder.hpp"
#include "moat/dns/resolve.hpp"

namespace moat::dns {
namespace {

using model::RecordType;
using model::ResolverDirection;
using model::ResolverRuleType;

struct TwoVpcs {
  test::DnsBuilder b;
  model::VpcId vpc = b.vpc("app", "10.0.0.0/16");
  model::VpcId other = b.vpc("other", "10.1.0.0/16");
  model::SubnetId subnet_a = b.subnet("a", vpc, "10.0.1.0/24");
  model::SubnetId subnet_b = b.subnet("b", vpc, "10.0.2.0/24");
};

TEST_CASE("a private zone answers a VPC it is associated with", "[dns]") {
  TwoVpcs s;
  auto zone = s.b.private_zone("example", "example.com", {s.vpc});
  s.b.a("db", zone, "db.example.com", {"10.0.1.5"});
  auto r = resolve(s.b.snapshot, "db.example.com", RecordType::a, Vantage::in_subnet(s.b.snapshot, s.subnet_a));
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::answered);
  CHECK(r.decided_by.address == "aws_route53_record.db");
  REQUIRE(r.answers.size() == 1);
  CHECK(r.answers[0].address == net::IpAddress::parse("10.0.1.5"));
  CHECK(r.find_step(StepKind::amazon_resolver)->decided_by.address == "aws_vpc.app");
  // Queries to the Amazon resolver are never flows (R0.3).
  CHECK(r.required_flows.empty());
  CHECK_FALSE(r.conditional());
}

TEST_CASE("a private zone associated with another VPC is invisible: the name resolves publicly", "[dns]") {
  TwoVpcs s;
  auto zone = s.b.private_zone("example", "example.com", {s.other});
  s.b.a("db", zone, "db.example.com", {"10.1.0.5"});
  auto r = resolve(s.b.snapshot, "db.example.com", RecordType::a, Vantage::in_vpc(s.vpc));
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::resolves_to_public);
  const Step* step = r.find_step(Outcome::zone_not_associated);
  REQUIRE(step != nullptr);
  CHECK(step->decided_by.address == "aws_route53_zone.example");
  REQUIRE(r.answers.size() == 1);
  CHECK(r.answers[0].kind == AnswerKind::internet);
}

TEST_CASE("without DNS support the VPC's resolver does not answer", "[dns]") {
  test::DnsBuilder b;
  auto vpc = b.vpc("app", "10.0.0.0/16", /*dns_support=*/false);
  auto zone = b.private_zone("example", "example.com", {vpc});
  b.a("db", zone, "db.example.com", {"10.0.1.5"});
  auto r = resolve(b.snapshot, "db.example.com", RecordType::a, Vantage::in_vpc(vpc));
  CHECK(r.outcome == Outcome::dns_support_disabled);
  CHECK(r.decided_by.address == "aws_vpc.app");
  CHECK(r.answers.empty());
}

TEST_CASE("a private zone with DNS hostnames off still answers, as an assumption", "[dns]") {
  test::DnsBuilder b;
  auto vpc = b.vpc("app", "10.0.0.0/16", true, /*hostnames=*/false);
  auto zone = b.private_zone("example", "example.com", {vpc});
  b.a("db", zone, "db.example.com", {"10.0.1.5"});
  auto r = resolve(b.snapshot, "db.example.com", RecordType::a, Vantage::in_vpc(vpc));
  CHECK(r.outcome == Outcome::answered);
  REQUIRE(r.find_step(Outcome::dns_hostnames_disabled) != nullptr);
  CHECK(r.find_step(Outcome::dns_hostnames_disabled)->decided_by.address == "aws_vpc.app");
  CHECK(r.conditional());
}

TEST_CASE("the most specific private zone wins and answers NXDOMAIN without falling back", "[dns]") {
  TwoVpcs s;
  auto parent = s.b.private_zone("example", "example.com", {s.vpc});
  auto child = s.b.private_zone("app_example", "app.example.com", {s.vpc});
  s.b.a("x_parent", parent, "x.app.example.com", {"10.0.9.9"});
  s.b.a("y_parent", parent, "y.app.example.com", {"10.0.9.8"});
  s.b.a("x_child", child, "x.app.example.com", {"10.0.1.1"});

  auto x = resolve(s.b.snapshot, "x.app.example.com", RecordType::a, Vantage::in_vpc(s.vpc));
  INFO(x.to_string());
  CHECK(x.outcome == Outcome::answered);
  CHECK(x.decided_by.address == "aws_route53_record.x_child");
  REQUIRE(x.answers.size() == 1);
  CHECK(x.answers[0].address == net::IpAddress::parse("10.0.1.1"));

  auto y = resolve(s.b.snapshot, "y.app.example.com", RecordType::a, Vantage::in_vpc(s.vpc));
  INFO(y.to_string());
  CHECK(y.outcome == Outcome::nxdomain_in_private_zone);
  CHECK(y.decided_by.address == "aws_route53_zone.app_example");
  CHECK(y.answers.empty());
}

TEST_CASE("a zone without a record of the queried type answers NXDOMAIN, not the public zone", "[dns]") {
  TwoVpcs s;
  auto zone = s.b.private_zone("example", "example.com", {s.vpc});
  auto pub = s.b.public_zone("example_public", "example.com");
  s.b.a("db", zone, "db.example.com", {"10.0.1.5"});
  s.b.record("db6", pub, "db.example.com", RecordType::aaaa, {"2001:db8::5"});
  auto r = resolve(s.b.snapshot, "db.example.com", RecordType::aaaa, Vantage::in_vpc(s.vpc));
  CHECK(r.outcome == Outcome::nxdomain_in_private_zone);
  CHECK(r.decided_by.address == "aws_route53_zone.example");
}

struct ForwardScenario : TwoVpcs {
  model::HostedZoneId zone = b.private_zone("example", "example.com", {vpc});
  model::ResourceRecordId host = b.a("host", zone, "host.corp.example.com", {"10.0.1.7"});
  model::ResolverEndpointId outbound =
      b.resolver_endpoint("outbound", ResolverDirection::outbound, vpc, {{subnet_a, "10.0.1.20"}, {subnet_b, std::nullopt}});
  DnsContext context;
  ForwardScenario() {
    ExternalNetwork dc = test::data_center();
    dc.zones = {"corp.example.com"};
    dc.records = {ExternalRecord{"host.corp.example.com", RecordType::a, {"192.168.30.7"}}};
    context.external_networks.push_back(dc);
  }
};

TEST_CASE("a forward rule for corp.example.com overrides the private zone example.com", "[dns]") {
  ForwardScenario s;
  auto rule = s.b.rule("corp", ResolverRuleType::forward, "corp.example.com", {"192.168.10.10"}, s.outbound);
  s.b.associate("corp_app", rule, s.vpc);
  auto r = resolve(s.b.snapshot, "host.corp.example.com", RecordType::a, Vantage::in_vpc(s.vpc), s.context);
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::answered);
  CHECK(r.decided_by.address == "external_network.dc");
  REQUIRE(r.answers.size() == 1);
  CHECK(r.answers[0].address == net::IpAddress::parse("192.168.30.7"));
  REQUIRE(r.find_step(StepKind::resolver_rule) != nullptr);
  CHECK(r.find_step(StepKind::resolver_rule)->decided_by.address == "aws_route53_resolver_rule_association.corp_app");
  CHECK(r.find_step(StepKind::private_zone) == nullptr);
  // The forwarded query is a flow from the outbound endpoint ENIs to the target.
  REQUIRE(r.required_flows.size() == 1);
  const auto& flow = r.required_flows[0];
  CHECK(flow.from.resolver_endpoint == s.outbound);
  CHECK(flow.from.addresses.to_string() == "10.0.1.20/32, 10.0.2.0/24");
  CHECK(flow.to.addresses.to_string() == "192.168.10.10/32");
  CHECK(flow.to.external_network == "dc");
  CHECK(flow.decided_by.address == "aws_route53_resolver_rule.corp");
  CHECK(flow.status == FlowStatus::unchecked);
}

TEST_CASE("a forward rule wins over a private zone of the same name", "[dns]") {
  ForwardScenario s;
  auto rule = s.b.rule("example", ResolverRuleType::forward, "example.com", {"192.168.10.10"}, s.outbound);
  s.b.associate("example_app", rule, s.vpc);
  auto r = resolve(s.b.snapshot, "host.corp.example.com", RecordType::a, Vantage::in_vpc(s.vpc), s.context);
  INFO(r.to_string());
  CHECK(r.find_step(StepKind::forward) != nullptr);
  CHECK(r.answers.at(0).address == net::IpAddress::parse("192.168.30.7"));
}

TEST_CASE("a more specific private zone wins over a less specific forward rule", "[dns]") {
  ForwardScenario s;
  auto rule = s.b.rule("com", ResolverRuleType::forward, "com", {"192.168.10.10"}, s.outbound);
  s.b.associate("com_app", rule, s.vpc);
  auto r = resolve(s.b.snapshot, "host.corp.example.com", RecordType::a, Vantage::in_vpc(s.vpc), s.context);
  CHECK(r.outcome == Outcome::answered);
  CHECK(r.decided_by.address == "aws_route53_record.host");
  CHECK(r.required_flows.empty());
}

TEST_CASE("a system rule under a forward rule makes Resolver answer locally", "[dns]") {
  ForwardScenario s;
  auto forward = s.b.rule("example", ResolverRuleType::forward, "example.com", {"192.168.10.10"}, s.outbound);
  auto system = s.b.rule("corp_system", ResolverRuleType::system, "corp.example.com");
  s.b.associate("example_app", forward, s.vpc);
  s.b.associate("corp_system_app", system, s.vpc);
  auto r = resolve(s.b.snapshot, "host.corp.example.com", RecordType::a, Vantage::in_vpc(s.vpc), s.context);
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::answered);
  CHECK(r.decided_by.address == "aws_route53_record.host");
  CHECK(r.find_step(StepKind::resolver_rule)->decided_by.address ==
        "aws_route53_resolver_rule_association.corp_system_app");
}

TEST_CASE("a rule associated with another VPC does not apply", "[dns]") {
  ForwardScenario s;
  auto rule = s.b.rule("corp", ResolverRuleType::forward, "corp.example.com", {"192.168.10.10"}, s.outbound);
  s.b.associate("corp_other", rule, s.other);
  auto r = resolve(s.b.snapshot, "host.corp.example.com", RecordType::a, Vantage::in_vpc(s.vpc), s.context);
  CHECK(r.decided_by.address == "aws_route53_record.host");
}

TEST_CASE("a forward target the model does not describe gives an unknown answer", "[dns]") {
  ForwardScenario s;
  auto rule = s.b.rule("corp", ResolverRuleType::forward, "corp.example.com", {"172.16.0.53"}, s.outbound);
  s.b.associate("corp_app", rule, s.vpc);
  auto r = resolve(s.b.snapshot, "host.corp.example.com", RecordType::a, Vantage::in_vpc(s.vpc), s.context);
  CHECK(r.outcome == Outcome::unknown_outside_model);
  CHECK(r.decided_by.address == "aws_route53_resolver_rule.corp");
  CHECK_FALSE(r.resolved());
}

class FailingOracle : public FlowOracle {
 public:
  FlowStatus check(const RequiredFlow&) override { return FlowStatus::fails; }
};

TEST_CASE("a forward rule whose target is unreachable fails without fall-back", "[dns]") {
  ForwardScenario s;
  auto rule = s.b.rule("corp", ResolverRuleType::forward, "corp.example.com", {"192.168.10.10"}, s.outbound);
  s.b.associate("corp_app", rule, s.vpc);
  FailingOracle oracle;
  s.context.flow_oracle = &oracle;
  auto r = resolve(s.b.snapshot, "host.corp.example.com", RecordType::a, Vantage::in_vpc(s.vpc), s.context);
  CHECK(r.outcome == Outcome::resolver_unreachable);
  CHECK(r.decided_by.address == "aws_route53_resolver_rule.corp");
  CHECK(r.required_flows.at(0).status == FlowStatus::fails);
}

TEST_CASE("a forward rule without an outbound endpoint is incomplete", "[dns]") {
  ForwardScenario s;
  auto rule = s.b.rule("corp", ResolverRuleType::forward, "corp.example.com", {"192.168.10.10"});
  s.b.associate("corp_app", rule, s.vpc);
  auto r = resolve(s.b.snapshot, "host.corp.example.com", RecordType::a, Vantage::in_vpc(s.vpc), s.context);
  CHECK(r.outcome == Outcome::forward_rule_incomplete);
  CHECK(r.decided_by.address == "aws_route53_resolver_rule.corp");
}

TEST_CASE("a forward rule to another VPC's inbound endpoint resolves with that VPC's zones", "[dns]") {
  TwoVpcs s;
  auto hub_subnet = s.b.subnet("hub", s.other, "10.1.1.0/24");
  auto inbound = s.b.resolver_endpoint("hub_in", ResolverDirection::inbound, s.other, {{hub_subnet, "10.1.1.53"}});
  auto outbound = s.b.resolver_endpoint("out", ResolverDirection::outbound, s.vpc, {{s.subnet_a, "10.0.1.53"}});
  auto zone = s.b.private_zone("shared", "shared.internal", {s.other});
  s.b.a("svc", zone, "svc.shared.internal", {"10.1.1.80"});
  auto rule = s.b.rule("shared", ResolverRuleType::forward, "shared.internal", {"10.1.1.53"}, outbound);
  s.b.associate("shared_app", rule, s.vpc);
  auto r = resolve(s.b.snapshot, "svc.shared.internal", RecordType::a, Vantage::in_vpc(s.vpc));
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::answered);
  CHECK(r.decided_by.address == "aws_route53_record.svc");
  REQUIRE(r.required_flows.size() == 1);
  CHECK(r.required_flows[0].to.resolver_endpoint == inbound);
  CHECK(r.required_flows[0].to.origin.address == "aws_route53_resolver_endpoint.hub_in");
}

// ---- interface endpoint private DNS (R5.4, R6.10) ----

TEST_CASE("ECR names resolve to the endpoint subnets when private DNS is on", "[dns]") {
  TwoVpcs s;
  s.b.interface_endpoint("ecr_dkr", s.vpc, "com.amazonaws.eu-west-1.ecr.dkr", {s.subnet_a, s.subnet_b}, true);
  s.b.interface_endpoint("ecr_api", s.vpc, "com.amazonaws.eu-west-1.ecr.api", {s.subnet_a}, true);
  auto dkr = resolve(s.b.snapshot, "123456789012.dkr.ecr.eu-west-1.amazonaws.com", RecordType::a,
                     Vantage::in_vpc(s.vpc));
  INFO(dkr.to_string());
  CHECK(dkr.outcome == Outcome::answered);
  CHECK(dkr.decided_by.address == "aws_vpc_endpoint.ecr_dkr");
  REQUIRE(dkr.answers.size() == 2);
  CHECK(dkr.answers[0].kind == AnswerKind::subnet_address);
  CHECK(dkr.answers[0].addresses.to_string() == "10.0.1.0/24");
  CHECK(dkr.answers[1].subnet == s.subnet_b);

  auto api = resolve(s.b.snapshot, "api.ecr.eu-west-1.amazonaws.com", RecordType::a, Vantage::in_vpc(s.vpc));
  CHECK(api.outcome == Outcome::answered);
  CHECK(api.decided_by.address == "aws_vpc_endpoint.ecr_api");
  CHECK(api.answers.size() == 1);
}

TEST_CASE("an ECR endpoint with private DNS disabled leaves the task resolving the public ECR address", "[dns]") {
  TwoVpcs s;
  s.b.interface_endpoint("ecr_api", s.vpc, "com.amazonaws.eu-west-1.ecr.api", {s.subnet_a}, false);
  auto r = resolve(s.b.snapshot, "api.ecr.eu-west-1.amazonaws.com", RecordType::a, Vantage::in_vpc(s.vpc));
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::resolves_to_public);
  const Step* step = r.find_step(Outcome::private_dns_disabled);
  REQUIRE(step != nullptr);
  CHECK(step->decided_by.address == "aws_vpc_endpoint.ecr_api");
  REQUIRE(r.answers.size() == 1);
  CHECK(r.answers[0].kind == AnswerKind::public_service);
  CHECK(r.answers[0].subject == "com.amazonaws.eu-west-1.ecr.api");
}

TEST_CASE("endpoint private DNS needs enable_dns_hostnames on the VPC", "[dns]") {
  test::DnsBuilder b;
  auto vpc = b.vpc("app", "10.0.0.0/16", true, /*hostnames=*/false);
  auto subnet = b.subnet("a", vpc, "10.0.1.0/24");
  b.interface_endpoint("logs", vpc, "com.amazonaws.eu-west-1.logs", {subnet}, true);
  auto r = resolve(b.snapshot, "logs.eu-west-1.amazonaws.com", RecordType::a, Vantage::in_vpc(vpc));
  CHECK(r.outcome == Outcome::resolves_to_public);
  REQUIRE(r.find_step(Outcome::dns_hostnames_disabled) != nullptr);
  CHECK(r.find_step(Outcome::dns_hostnames_disabled)->decided_by.address == "aws_vpc.app");
  CHECK(r.answers.at(0).subject == "com.amazonaws.eu-west-1.logs");
}

TEST_CASE("endpoint private DNS is not visible from another VPC", "[dns]") {
  TwoVpcs s;
  s.b.interface_endpoint("ssm", s.vpc, "com.amazonaws.eu-west-1.ssm", {s.subnet_a}, true);
  auto inside = resolve(s.b.snapshot, "ssm.eu-west-1.amazonaws.com", RecordType::a, Vantage::in_vpc(s.vpc));
  CHECK(inside.outcome == Outcome::answered);
  CHECK(inside.decided_by.address == "aws_vpc_endpoint.ssm");
  auto outside = resolve(s.b.snapshot, "ssm.eu-west-1.amazonaws.com", RecordType::a, Vantage::in_vpc(s.other));
  CHECK(outside.outcome == Outcome::resolves_to_public);
  CHECK(outside.answers.at(0).kind == AnswerKind::public_service);
}

TEST_CASE("endpoint ENI addresses are answered when the ENIs are in state", "[dns]") {
  TwoVpcs s;
  auto endpoint = s.b.interface_endpoint("sts", s.vpc, "com.amazonaws.eu-west-1.sts", {s.subnet_a}, true);
  model::NetworkInterface eni;
  eni.origin = test::DnsBuilder::origin("aws_network_interface", "sts", "eni");
  eni.subnet = test::ref_to(s.b.snapshot, s.subnet_a);
  eni.private_ips = {net::IpAddress::parse("10.0.1.44")};
  auto eni_id = s.b.snapshot.add(std::move(eni));
  s.b.snapshot.get(endpoint).network_interfaces.push_back(test::ref_to(s.b.snapshot, eni_id));
  auto r = resolve(s.b.snapshot, "sts.eu-west-1.amazonaws.com", RecordType::a, Vantage::in_vpc(s.vpc));
  REQUIRE(r.answers.size() == 1);
  CHECK(r.answers[0].address == net::IpAddress::parse("10.0.1.44"));
}

TEST_CASE("a name below an endpoint's private DNS name that the endpoint does not serve is NXDOMAIN", "[dns]") {
  TwoVpcs s;
  s.b.interface_endpoint("logs", s.vpc, "com.amazonaws.eu-west-1.logs", {s.subnet_a}, true);
  auto r = resolve(s.b.snapshot, "x.logs.eu-west-1.amazonaws.com", RecordType::a, Vantage::in_vpc(s.vpc));
  CHECK(r.outcome == Outcome::nxdomain_in_private_zone);
  CHECK(r.decided_by.address == "aws_vpc_endpoint.logs");
}

TEST_CASE("an unknown public name resolves to the internet", "[dns]") {
  TwoVpcs s;
  auto r = resolve(s.b.snapshot, "registry-1.docker.io", RecordType::a, Vantage::in_vpc(s.vpc));
  CHECK(r.outcome == Outcome::resolves_to_public);
  CHECK(r.answers.at(0).kind == AnswerKind::internet);
  CHECK(r.decided_by.empty());
}

TEST_CASE("a public zone of the snapshot answers names no private zone covers", "[dns]") {
  TwoVpcs s;
  auto pub = s.b.public_zone("public", "example.org");
  s.b.a("www", pub, "www.example.org", {"203.0.113.10"});
  auto r = resolve(s.b.snapshot, "www.example.org", RecordType::a, Vantage::in_vpc(s.vpc));
  CHECK(r.outcome == Outcome::answered);
  CHECK(r.decided_by.address == "aws_route53_record.www");
  auto missing = resolve(s.b.snapshot, "ftp.example.org", RecordType::a, Vantage::in_vpc(s.vpc));
  CHECK(missing.outcome == Outcome::nxdomain_in_public_zone);
  CHECK(missing.decided_by.address == "aws_route53_zone.public");
}

TEST_CASE("only A, AAAA and CNAME queries are modelled", "[dns]") {
  TwoVpcs s;
  auto r = resolve(s.b.snapshot, "example.com", RecordType::other, Vantage::in_vpc(s.vpc));
  CHECK(r.outcome == Outcome::unsupported_query_type);
}

}  // namespace
}  // namespace moat::dns
