// The seed chain (§6.5) on a Terraform state loaded by tfstate: the answer and every
// deciding step name the resource addresses as written in the state.

#include <catch2/catch.hpp>

#include <filesystem>

#include "moat/dns/resolve.hpp"
#include "moat/tfstate/load_states.hpp"

namespace moat::dns {
namespace {

TEST_CASE("the seed state resolves app.example.com from on-prem to the internal ALB's subnets", "[dns]") {
  auto snapshot = tfstate::load_states({std::filesystem::path(MOAT_SOURCE_DIR) / "tests/fixtures/dns/seed.tfstate"});
  DnsContext context;
  ExternalNetwork dc;
  dc.name = "dc";
  dc.prefixes = {net::Prefix::parse("192.168.0.0/16")};
  dc.dns_servers = {net::IpAddress::parse("192.168.10.10")};
  dc.forwarders = {ConditionalForwarder{"example.com", {net::IpAddress::parse("10.30.1.10")}, std::nullopt}};
  context.external_networks.push_back(dc);

  auto r = resolve(snapshot, "app.example.com", model::RecordType::a, Vantage::on_premises("dc"), context);
  INFO(r.to_string());
  CHECK(r.outcome == Outcome::answered);
  CHECK(r.decided_by.address == "module.dns.aws_route53_record.app");
  REQUIRE(r.answers.size() == 2);
  CHECK(r.answers[0].owner.address == "module.dns.aws_lb.app");
  CHECK(r.answers[0].addresses.to_string() == "10.30.1.0/24");
  CHECK(r.answers[1].addresses.to_string() == "10.30.2.0/24");
  REQUIRE(r.find_step(StepKind::private_zone) != nullptr);
  CHECK(r.find_step(StepKind::private_zone)->decided_by.address == "module.dns.aws_route53_zone.example");
  REQUIRE(r.required_flows.size() == 1);
  CHECK(r.required_flows[0].to.origin.address == "module.dns.aws_route53_resolver_endpoint.inbound");
  CHECK(r.required_flows[0].to.addresses.to_string() == "10.30.1.10/32");

  // The same name from inside the VPC needs no flow at all (R0.3).
  auto vpc = snapshot.find<model::Vpc>("vpc-0seed000000000001");
  REQUIRE(vpc);
  auto inside = resolve(snapshot, "app.example.com", model::RecordType::a, Vantage::in_vpc(*vpc), context);
  CHECK(inside.outcome == Outcome::answered);
  CHECK(inside.required_flows.empty());
}

}  // namespace
}  // namespace moat::dns
