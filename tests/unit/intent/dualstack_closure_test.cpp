// The closed profile over a dual-stack state (tests/fixtures/tfstate/dualstack.tfstate):
// its no-internet intents cover IPv6 — the egress-only IGW route and the dual-stack LB
// without public IPv4 break closure, an internal dual-stack LB stays unreachable — and
// IPv6 address selectors work in intents.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "moat/intent/check.hpp"
#include "moat/scenario/load_scenario.hpp"

namespace moat::intent {

namespace {

const std::string fixtures = std::string(MOAT_SOURCE_DIR) + "/tests/fixtures/tfstate";

const IntentResult& find(const CheckReport& report, const std::string& name) {
  auto it = std::find_if(report.intents.begin(), report.intents.end(), [&](const auto& r) { return r.intent.name == name; });
  INFO(name);
  REQUIRE(it != report.intents.end());
  return *it;
}

bool names(const IntentResult& result, const std::string& address) {
  return std::any_of(result.explanations.begin(), result.explanations.end(),
                     [&](const Explanation& e) { return e.resource == address; });
}

CheckReport check_dualstack() {
  return check_scenario(scenario::parse_scenario(R"({"states": ["dualstack.tfstate"], "region": "eu-west-1", "profile": "closed",
      "intents": [
        {"name": "internal-lb-closed-to-internet", "from": "internet", "to": "aws_lb.internal", "expect": "unreachable"},
        {"name": "web-reaches-ipv6-internet", "from": "aws_instance.web", "to": "2a00:1450::/32", "protocol": "tcp",
         "port": 443, "expect": "reachable"},
        {"name": "web-over-ipv4-to-internet", "from": "aws_instance.web", "to": "8.8.8.8", "expect": "unreachable"}
      ]})",
                                                 "test.json", fixtures));
}

}  // namespace

TEST_CASE("closed/no-internet-egress fails on an egress-only IGW route, with an IPv6 witness", "[intent]") {
  auto report = check_dualstack();
  const auto& egress = find(report, "closed/no-internet-egress");
  CHECK_FALSE(egress.holds);
  REQUIRE(egress.witness.has_value());
  CHECK_FALSE(egress.witness->source.is_v4());
  CHECK(egress.witness->to_string().find("2600:1f18:1234:56") != std::string::npos);
  CHECK(names(egress, "aws_route.private_v6"));
  CHECK(names(egress, "aws_egress_only_internet_gateway.main"));
  // IPv4 alone is closed: no public IPv4 anywhere.
  CHECK(find(report, "web-over-ipv4-to-internet").holds);
  CHECK(find(report, "web-reaches-ipv6-internet").holds);
}

TEST_CASE("closed/no-internet-ingress fails on IPv6 through the IGW but never reaches the internal dual-stack LB", "[intent]") {
  auto report = check_dualstack();
  const auto& ingress = find(report, "closed/no-internet-ingress");
  CHECK_FALSE(ingress.holds);
  CHECK(names(ingress, "aws_lb.public"));
  CHECK(names(ingress, "aws_internet_gateway.main"));
  // The instance's subnet sends ::/0 to the egress-only IGW, but inbound IPv6 enters by
  // the VPC's IGW, and the replies leave by the egress-only IGW.
  CHECK(names(ingress, "aws_instance.web"));
  CHECK_FALSE(names(ingress, "aws_lb.internal"));
  CHECK(find(report, "internal-lb-closed-to-internet").holds);
}

}  // namespace moat::intent
