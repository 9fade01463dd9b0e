// The scenario-file reader: the format of issue #6 and every error path.
#include <catch2/catch.hpp>

#include <string>

#include "moat/core/error.hpp"
#include "moat/scenario/load_scenario.hpp"

namespace moat::scenario {

namespace {

Scenario parse(const std::string& text) { return parse_scenario(text, "moat.json", "/base"); }

// The message of the LoadError thrown for text, or "" when none.
std::string error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const LoadError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("a full scenario file is read with states relative to its directory", "[scenario]") {
  auto s = parse(R"({
    "states": ["network.tfstate", "dns/app.tfstate"],
    "region": "ap-northeast-1",
    "networks": {"onprem": {"cidrs": ["10.0.0.0/22"], "via": [{"dx_gateway": "aws_dx_gateway.example"}],
                            "dns_forwarders": [{"domain": "example.com", "to": "aws_route53_resolver_endpoint.inbound"},
                                               {"domain": "corp.example", "to": ["10.1.1.10", "10.1.2.10"]}]}},
    "profile": "closed",
    "intents": [
      {"name": "a", "from": "onprem", "to": "dns:app.example.com", "protocol": "tcp", "port": 443, "expect": "reachable"},
      {"name": "b", "from": "*", "to": "internet", "expect": "unreachable"},
      {"name": "c", "from": "10.0.0.0/22", "to": "aws_lb.app", "protocol": "udp", "port": "1024-2048"}
    ]})");
  REQUIRE(s.states.size() == 2);
  CHECK(s.states[0] == std::filesystem::path("/base/network.tfstate"));
  CHECK(s.states[1] == std::filesystem::path("/base/dns/app.tfstate"));
  CHECK(s.region == "ap-northeast-1");
  CHECK(s.profile == "closed");
  REQUIRE(s.networks.size() == 1);
  CHECK(s.networks[0].name == "onprem");
  CHECK(s.networks[0].cidrs.at(0).to_string() == "10.0.0.0/22");
  CHECK(s.networks[0].via.at(0).kind == Attachment::Kind::dx_gateway);
  CHECK(s.networks[0].via.at(0).target == "aws_dx_gateway.example");
  CHECK(s.networks[0].dns_forwarders.at(0).resolver_endpoint == "aws_route53_resolver_endpoint.inbound");
  CHECK(s.networks[0].dns_forwarders.at(1).addresses.size() == 2);
  REQUIRE(s.intents.size() == 3);
  CHECK(s.intents[0].ports == net::PortSet::of(443));
  CHECK(s.intents[0].protocols == net::ProtocolSet::of(net::protocol::tcp));
  CHECK(s.intents[1].protocols.is_all());
  CHECK(s.intents[1].ports.is_all());
  CHECK(s.intents[1].expect == Expect::unreachable);
  CHECK(s.intents[2].expect == Expect::reachable);
  CHECK(s.intents[2].ports == net::PortSet::range(1024, 2048));
}

TEST_CASE("unknown keys are errors naming the key and where it is", "[scenario]") {
  CHECK_THAT(error_of(R"({"intents": [], "colour": "blue"})"), Catch::Contains("/colour") && Catch::Contains("unknown key"));
  CHECK_THAT(error_of(R"({"intents": [{"name": "x", "from": "*", "to": "internet", "proto": "tcp"}]})"),
             Catch::Contains("/intents/0/proto"));
  CHECK_THAT(error_of(R"({"networks": {"onprem": {"cidr": ["10.0.0.0/8"]}}})"), Catch::Contains("/networks/onprem/cidr"));
  CHECK_THAT(error_of(R"({"networks": {"onprem": {"via": [{"dx": "x"}]}}})"), Catch::Contains("/networks/onprem/via/0/dx"));
  CHECK_THAT(error_of(R"({"networks": {"n": {"dns_forwarders": [{"domain": "a", "to": "b", "x": 1}]}}})"),
             Catch::Contains("/networks/n/dns_forwarders/0/x"));
}

TEST_CASE("a malformed port is an error naming the intent", "[scenario]") {
  for (const char* port : {R"("http")", R"("70000")", R"("5-3")", R"("1-")", "70000", "-1", "true"}) {
    INFO(port);
    auto message = error_of(std::string(R"({"intents": [{"name": "web", "from": "*", "to": "internet", "protocol": "tcp", "port": )") +
                            port + "}]}");
    CHECK_THAT(message, Catch::Contains("/intents/0/port"));
    CHECK_THAT(message, Catch::Contains("web") || Catch::Contains("expected"));
  }
}

TEST_CASE("bad protocol, expect, CIDR, missing keys and duplicate names are errors", "[scenario]") {
  CHECK_THAT(error_of(R"({"intents": [{"name": "p", "from": "*", "to": "internet", "protocol": "sctp"}]})"),
             Catch::Contains("/intents/0/protocol") && Catch::Contains("sctp"));
  CHECK_THAT(error_of(R"({"intents": [{"name": "e", "from": "*", "to": "internet", "expect": "maybe"}]})"),
             Catch::Contains("/intents/0/expect"));
  CHECK_THAT(error_of(R"({"intents": [{"name": "i", "from": "*", "to": "internet", "protocol": "icmp", "port": 80}]})"),
             Catch::Contains("/intents/0/port"));
  CHECK_THAT(error_of(R"({"intents": [{"name": "m", "to": "internet"}]})"), Catch::Contains("missing key \"from\""));
  CHECK_THAT(error_of(R"({"intents": [{"name": "d", "from": "*", "to": "x"}, {"name": "d", "from": "*", "to": "y"}]})"),
             Catch::Contains("duplicate intent name"));
  CHECK_THAT(error_of(R"({"networks": {"n": {"cidrs": ["10.0.0.0/33"]}}})"), Catch::Contains("/networks/n/cidrs/0"));
  CHECK_THAT(error_of(R"({"networks": {"n": {"dns_forwarders": [{"domain": "a", "to": ["not-an-ip"]}]}}})"),
             Catch::Contains("/networks/n/dns_forwarders/0/to/0"));
  CHECK_THAT(error_of(R"({"profile": "open"})"), Catch::Contains("/profile"));
  CHECK_THAT(error_of(R"({"states": "a.tfstate"})"), Catch::Contains("/states"));
  CHECK_THAT(error_of(R"({"intents": [)"), Catch::Contains("malformed JSON"));
  CHECK_THAT(error_of(R"([1, 2])"), Catch::Contains("expected an object"));
}

TEST_CASE("ports and protocols parse as the format says", "[scenario]") {
  CHECK(parse_intent_port("all").is_all());
  CHECK(parse_intent_port("0") == net::PortSet::of(0));
  CHECK(parse_intent_port("65535") == net::PortSet::of(65535));
  CHECK(parse_intent_port("1024-65535") == net::PortSet::range(1024, 65535));
  CHECK_THROWS_AS(parse_intent_port(""), ParseError);
  CHECK_THROWS_AS(parse_intent_port("65536"), ParseError);
  CHECK_THROWS_AS(parse_intent_port("80-"), ParseError);
  CHECK_THROWS_AS(parse_intent_port("+80"), ParseError);
  CHECK(parse_intent_protocol("icmpv6") == net::ProtocolSet::of(net::protocol::icmpv6));
  CHECK_THROWS_AS(parse_intent_protocol("TCP"), ParseError);
}

}  // namespace moat::scenario
