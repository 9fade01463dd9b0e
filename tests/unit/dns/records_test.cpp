// Records: A/AAAA values, CNAME chains (restart, loops, depth), aliases to load
// balancers, endpoints and records, wildcards (R6.6, R6.8, RFC 4592).

#include <catch2/catch.hpp>

#include "dns_builder.hpp"
#include "moat/dns/resolve.hpp"

namespace moat::dns {
namespace {

using model::RecordType;

struct ZoneScenario {
  test::DnsBuilder b;
  model::VpcId vpc = b.vpc("app", "10.0.0.0/16");
  model::SubnetId subnet_a = b.subnet("a", vpc, "10.0.1.0/24");
  model::SubnetId subnet_b = b.subnet("b", vpc, "10.0.2.0/24");
  model::HostedZoneId zone = b.private_zone("example", "example.com", {vpc});
  Resolution query(const std::string& name, RecordType type = RecordType::a, DnsContext context = {}) {
    return resolve(b.snapshot, name, type, Vantage::in_vpc(vpc), context);
  }
};

TEST_CASE("a CNAME restarts resolution at its target, across zones", "[dns]") {
  ZoneScenario s;
  auto other = s.b.private_zone("internal", "internal.net", {s.vpc});
  s.b.cname("www", s.zone, "www.example.com", "web.internal.net.");
  s.b.a("web", other, "web.internal.net", {"10.0.2.8", "10.0.2.9"});
  auto r = s.query("www.example.com");
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::answered);
  CHECK(r.decided_by.address == "aws_route53_record.web");
  CHECK(r.answers.size() == 2);
  REQUIRE(r.find_step(StepKind::cname) != nullptr);
  CHECK(r.find_step(StepKind::cname)->decided_by.address == "aws_route53_record.www");
}

TEST_CASE("a CNAME query answers the canonical name itself", "[dns]") {
  ZoneScenario s;
  s.b.cname("www", s.zone, "www.example.com", "web.example.com");
  auto r = s.query("www.example.com", RecordType::cname);
  CHECK(r.outcome == Outcome::answered);
  REQUIRE(r.answers.size() == 1);
  CHECK(r.answers[0].kind == AnswerKind::canonical_name);
  CHECK(r.answers[0].subject == "web.example.com");
  CHECK(r.decided_by.address == "aws_route53_record.www");
}

TEST_CASE("a CNAME loop is detected and named", "[dns]") {
  ZoneScenario s;
  s.b.cname("a", s.zone, "a.example.com", "b.example.com");
  s.b.cname("b", s.zone, "b.example.com", "c.example.com");
  s.b.cname("c", s.zone, "c.example.com", "a.example.com");
  auto r = s.query("a.example.com");
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::cname_loop);
  CHECK(r.decided_by.address == "aws_route53_record.c");
  CHECK(r.answers.empty());
}

TEST_CASE("a CNAME to itself is a loop", "[dns]") {
  ZoneScenario s;
  s.b.cname("self", s.zone, "self.example.com", "self.example.com");
  CHECK(s.query("self.example.com").outcome == Outcome::cname_loop);
}

TEST_CASE("a CNAME chain longer than the limit stops", "[dns]") {
  ZoneScenario s;
  for (int i = 0; i < 6; ++i)
    s.b.cname("c" + std::to_string(i), s.zone, "c" + std::to_string(i) + ".example.com",
              "c" + std::to_string(i + 1) + ".example.com");
  s.b.a("c6", s.zone, "c6.example.com", {"10.0.1.1"});
  DnsContext shallow;
  shallow.max_chain = 3;
  auto r = s.query("c0.example.com", RecordType::a, shallow);
  CHECK(r.outcome == Outcome::chain_too_long);
  auto deep = s.query("c0.example.com");
  CHECK(deep.outcome == Outcome::answered);
  CHECK(deep.decided_by.address == "aws_route53_record.c6");
}

TEST_CASE("a wildcard record answers names that do not exist in the zone", "[dns]") {
  ZoneScenario s;
  s.b.a("wild", s.zone, "*.example.com", {"10.0.1.100"});
  s.b.a("exact", s.zone, "exact.example.com", {"10.0.1.1"});
  s.b.record("deep_txt", s.zone, "x.deep.example.com", RecordType::other, {"\"v=1\""});

  auto any = s.query("anything.example.com");
  CHECK(any.outcome == Outcome::answered);
  CHECK(any.decided_by.address == "aws_route53_record.wild");
  CHECK(any.answers.at(0).address == net::IpAddress::parse("10.0.1.100"));

  auto nested = s.query("a.b.example.com");
  CHECK(nested.decided_by.address == "aws_route53_record.wild");

  auto exact = s.query("exact.example.com");
  CHECK(exact.decided_by.address == "aws_route53_record.exact");

  // deep.example.com exists (it has a child), so the wildcard does not apply to it.
  auto empty_non_terminal = s.query("deep.example.com");
  CHECK(empty_non_terminal.outcome == Outcome::nxdomain_in_private_zone);

  // The apex is not matched by *.example.com.
  CHECK(s.query("example.com").outcome == Outcome::nxdomain_in_private_zone);
}

TEST_CASE("an alias answers only queries of its own type", "[dns]") {
  ZoneScenario s;
  s.b.load_balancer("app", "internal-app.eu-west-1.elb.amazonaws.com", true, {s.subnet_a});
  s.b.alias("app", s.zone, "app.example.com", "internal-app.eu-west-1.elb.amazonaws.com", RecordType::a);
  auto v6 = s.query("app.example.com", RecordType::aaaa);
  CHECK(v6.outcome == Outcome::nxdomain_in_private_zone);
  CHECK(v6.decided_by.address == "aws_route53_zone.example");
}

TEST_CASE("an AAAA alias to an IPv4-only load balancer has no data", "[dns]") {
  ZoneScenario s;
  s.b.load_balancer("app", "internal-app.eu-west-1.elb.amazonaws.com", true, {s.subnet_a});
  s.b.alias("app6", s.zone, "app.example.com", "dualstack.internal-app.eu-west-1.elb.amazonaws.com", RecordType::aaaa);
  auto r = s.query("app.example.com", RecordType::aaaa);
  CHECK(r.outcome == Outcome::no_data);
  CHECK(r.decided_by.address == "aws_lb.app");
}

TEST_CASE("an alias to an internet-facing load balancer answers its public addresses", "[dns]") {
  ZoneScenario s;
  s.b.load_balancer("web", "web-1.eu-west-1.elb.amazonaws.com", false, {s.subnet_a, s.subnet_b});
  s.b.alias("web", s.zone, "web.example.com", "web-1.eu-west-1.elb.amazonaws.com");
  auto r = s.query("web.example.com");
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::resolves_to_public);
  REQUIRE(r.answers.size() == 1);
  CHECK(r.answers[0].kind == AnswerKind::public_load_balancer);
  CHECK(r.answers[0].owner.address == "aws_lb.web");
  CHECK(r.decided_by.address == "aws_route53_record.web");
}

TEST_CASE("pinned load balancer addresses are answered concretely", "[dns]") {
  ZoneScenario s;
  auto lb = s.b.load_balancer("nlb", "internal-nlb.eu-west-1.elb.amazonaws.com", true, {s.subnet_a});
  model::LoadBalancerSubnetMapping mapping;
  mapping.subnet = test::ref_to(s.b.snapshot, s.subnet_a);
  mapping.private_ipv4_address = net::IpAddress::parse("10.0.1.30");
  s.b.snapshot.get(lb).subnet_mappings.push_back(mapping);
  s.b.alias("nlb", s.zone, "nlb.example.com", "internal-nlb.eu-west-1.elb.amazonaws.com");
  auto r = s.query("nlb.example.com");
  REQUIRE(r.answers.size() == 1);
  CHECK(r.answers[0].kind == AnswerKind::address);
  CHECK(r.answers[0].address == net::IpAddress::parse("10.0.1.30"));
}

TEST_CASE("an internal load balancer's own DNS name resolves publicly to its private subnets", "[dns]") {
  ZoneScenario s;
  auto other = s.b.vpc("other", "10.9.0.0/16");
  s.b.load_balancer("app", "internal-app.eu-west-1.elb.amazonaws.com", true, {s.subnet_a});
  auto r = resolve(s.b.snapshot, "internal-app.eu-west-1.elb.amazonaws.com", RecordType::a, Vantage::in_vpc(other));
  CHECK(r.outcome == Outcome::answered);
  CHECK(r.decided_by.address == "aws_lb.app");
  CHECK(r.answers.at(0).addresses.to_string() == "10.0.1.0/24");
}

TEST_CASE("an alias to another record of the zone follows that record", "[dns]") {
  ZoneScenario s;
  s.b.a("origin", s.zone, "origin.example.com", {"10.0.1.9"});
  s.b.alias("apex", s.zone, "example.com", "origin.example.com", RecordType::a, "Zexample-example");
  auto r = s.query("example.com");
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::answered);
  // The alias record answers the query; the record it points at supplies the address.
  CHECK(r.decided_by.address == "aws_route53_record.apex");
  CHECK(r.find_step(StepKind::alias)->decided_by.address == "aws_route53_record.apex");
  REQUIRE(r.answers.size() == 1);
  CHECK(r.answers[0].owner.address == "aws_route53_record.origin");
}

TEST_CASE("an alias to an interface endpoint's DNS name answers the endpoint subnets", "[dns]") {
  ZoneScenario s;
  auto endpoint = s.b.interface_endpoint("api", s.vpc, "com.amazonaws.vpce.eu-west-1.vpce-svc-1", {s.subnet_b}, false);
  s.b.snapshot.get(endpoint).dns_entries.push_back(
      model::VpcEndpointDnsEntry{"vpce-0abc-1234.vpce-svc-1.eu-west-1.vpce.amazonaws.com", "ZVPCE"});
  s.b.alias("partner", s.zone, "partner.example.com", "vpce-0abc-1234.vpce-svc-1.eu-west-1.vpce.amazonaws.com",
            RecordType::a, "ZVPCE");
  auto r = s.query("partner.example.com");
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::answered);
  CHECK(r.decided_by.address == "aws_route53_record.partner");
  CHECK(r.answers.at(0).subnet == s.subnet_b);
  CHECK(r.answers.at(0).owner.address == "aws_vpc_endpoint.api");
}

TEST_CASE("an alias to a target outside the model answers an internet address", "[dns]") {
  ZoneScenario s;
  s.b.alias("cdn", s.zone, "cdn.example.com", "d111111abcdef8.cloudfront.net", RecordType::a, "Z2FDTNDATAQYW2");
  auto r = s.query("cdn.example.com");
  CHECK(r.outcome == Outcome::resolves_to_public);
  CHECK(r.answers.at(0).subject == "d111111abcdef8.cloudfront.net");
}

}  // namespace
}  // namespace moat::dns
