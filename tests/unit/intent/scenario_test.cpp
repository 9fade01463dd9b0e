// The scenario-file reader: the format of issue #6 and every error path.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "moat/core/error.hpp"
#include "moat/scenario/address_selector.hpp"
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

namespace {

// The message of the LoadError for an intents list holding one intent with `fields`.
std::string intent_error(const std::string& fields) {
  return error_of(R"({"intents": [{"name": "web", "from": "*", "to": "internet", )" + fields + "}]}");
}

}  // namespace

TEST_CASE("every malformed port form is a parse error", "[scenario]") {
  for (const char* port : {"80-", "-80", "a-b", "70000", "65536", "80-90-100", " 80", "80 ", "0x50", "1e3", "8o", "-", "",
                           "80-70", "all-all", "ALL", "443,80"}) {
    INFO("port \"" << port << "\"");
    CHECK_THROWS_AS(parse_intent_port(port), ParseError);
  }
  CHECK_THROWS_WITH(parse_intent_port("a-b"), Catch::Contains("\"a-b\"") && Catch::Contains("0-65535"));
  CHECK_THROWS_WITH(parse_intent_port("80-70"), Catch::Contains("empty"));
  CHECK(parse_intent_port("0-65535") == net::PortSet::range(0, 65535));
  CHECK(parse_intent_port("443-443") == net::PortSet::of(443));
}

TEST_CASE("a malformed port in the file names the intent and the JSON pointer", "[scenario]") {
  for (const char* port : {R"("80-")", R"("a-b")", R"("70000")", R"("")", "1.5", "null", "[80]", R"({"from": 80})", "65536"}) {
    INFO(port);
    auto message = intent_error(std::string(R"("protocol": "tcp", "port": )") + port);
    CHECK_THAT(message, Catch::Contains("moat.json") && Catch::Contains("/intents/0/port"));
    CHECK_THAT(message, Catch::Contains("intent \"web\""));
  }
  // A port with protocol all is fine; with icmp or icmpv6 it is not.
  CHECK(error_of(R"({"intents": [{"name": "a", "from": "*", "to": "internet", "port": 443}]})").empty());
  CHECK_THAT(intent_error(R"("protocol": "icmpv6", "port": "1-2")"), Catch::Contains("a port needs protocol tcp, udp or all"));
}

TEST_CASE("every malformed protocol is an error naming the intent", "[scenario]") {
  for (const char* protocol : {"TCP", "Tcp", "6", "", " tcp", "tcp,udp", "ip", "-1", "sctp"}) {
    INFO("protocol \"" << protocol << "\"");
    CHECK_THROWS_AS(parse_intent_protocol(protocol), ParseError);
    CHECK_THAT(intent_error(std::string(R"("protocol": ")") + protocol + "\""),
               Catch::Contains("/intents/0/protocol") && Catch::Contains("intent \"web\""));
  }
  CHECK_THAT(intent_error(R"("protocol": 6)"), Catch::Contains("/intents/0/protocol") && Catch::Contains("expected a string"));
  for (const char* protocol : {"tcp", "udp", "icmp", "icmpv6", "all"}) CHECK_NOTHROW(parse_intent_protocol(protocol));
}

TEST_CASE("missing, empty and mistyped intent fields are errors naming the JSON pointer", "[scenario]") {
  CHECK_THAT(error_of(R"({"intents": [{"from": "*", "to": "internet"}]})"),
             Catch::Contains("/intents/0") && Catch::Contains("missing key \"name\""));
  CHECK_THAT(error_of(R"({"intents": [{"name": "t", "from": "*"}]})"), Catch::Contains("missing key \"to\""));
  CHECK_THAT(error_of(R"({"intents": [{"name": "", "from": "*", "to": "internet"}]})"),
             Catch::Contains("/intents/0/name") && Catch::Contains("non-empty name"));
  CHECK_THAT(error_of(R"({"intents": [{"name": 7, "from": "*", "to": "internet"}]})"),
             Catch::Contains("/intents/0/name") && Catch::Contains("expected a string"));
  CHECK_THAT(error_of(R"({"intents": [{"name": "f", "from": "", "to": "internet"}]})"),
             Catch::Contains("/intents/0/from") && Catch::Contains("empty selector"));
  CHECK_THAT(error_of(R"({"intents": [{"name": "f", "from": "*", "to": ""}]})"), Catch::Contains("/intents/0/to"));
  CHECK_THAT(error_of(R"({"intents": [{"name": "f", "from": ["*"], "to": "internet"}]})"), Catch::Contains("/intents/0/from"));
  CHECK_THAT(error_of(R"({"intents": [{"name": "f", "from": "*", "to": "internet", "expect": true}]})"),
             Catch::Contains("/intents/0/expect"));
  CHECK_THAT(error_of(R"({"intents": [{"name": "f", "from": "*", "to": "internet", "expect": "Reachable"}]})"),
             Catch::Contains("/intents/0/expect") && Catch::Contains("\"Reachable\""));
  CHECK_THAT(error_of(R"({"intents": ["f"]})"), Catch::Contains("/intents/0") && Catch::Contains("expected an object"));
  CHECK_THAT(error_of(R"({"intents": {"f": {}}})"), Catch::Contains("/intents") && Catch::Contains("expected a list"));
  // The second of two same-named intents is the one reported.
  CHECK_THAT(error_of(R"({"intents": [{"name": "d", "from": "*", "to": "x"}, {"name": "e", "from": "*", "to": "y"},
                                      {"name": "d", "from": "*", "to": "z"}]})"),
             Catch::Contains("/intents/2/name") && Catch::Contains("duplicate intent name \"d\""));
}

TEST_CASE("a from/to written as an address must be one, and a name with dots is a name", "[scenario]") {
  auto s = parse(R"({"networks": {"dc1.a": {"cidrs": ["192.168.0.0/16"]}},
                     "intents": [{"name": "in", "from": "dc1.a", "to": "10.1.0.0/16"},
                                 {"name": "out", "from": "10.1.2.3", "to": "dc1.a"}]})");
  REQUIRE(s.networks.size() == 1);
  CHECK(s.networks[0].name == "dc1.a");
  CHECK(s.intents.at(0).from == "dc1.a");
  CHECK(s.intents.at(1).to == "dc1.a");
  CHECK(written_as_address("10.1.2.3"));
  CHECK(written_as_address("fd00::/8"));
  CHECK_FALSE(written_as_address("dc1.a"));
  CHECK_FALSE(written_as_address("aws_lb.app"));
  CHECK(parse_address_selector("10.1.0.0/16") == net::AddressSet::of(net::Prefix::parse("10.1.0.0/16")));
  for (const char* side : {"from", "to"}) {
    for (const char* malformed : {"10.0.0.300", "10.0.0.0/33", "fd00::/129"}) {
      INFO(side << " " << malformed);
      const std::string value = std::string("\"") + malformed + "\"";
      const std::string from = std::string(side) == "from" ? value : "\"*\"";
      const std::string to = std::string(side) == "to" ? value : "\"internet\"";
      CHECK_THAT(error_of(R"({"intents": [{"name": "bad", "from": )" + from + R"(, "to": )" + to + "}]}"),
                 Catch::Contains("moat.json (/intents/0/" + std::string(side) + ")") &&
                     Catch::Contains("intent \"bad\"") && Catch::Contains(malformed) &&
                     Catch::Contains("neither an IP address nor a CIDR"));
    }
  }
}

TEST_CASE("a CIDR with host bits set is a warning naming the file, the pointer and the network used", "[scenario]") {
  auto s = parse(R"({"networks": {"onprem": {"cidrs": ["10.0.0.0/16", "10.0.0.1/16", "fd00::1/8"]}},
                     "intents": [{"name": "in", "from": "192.168.1.1/24", "to": "10.1.0.0/16"}]})");
  REQUIRE(s.networks.at(0).cidrs.size() == 3);
  CHECK(s.networks[0].cidrs[1] == net::Prefix::parse("10.0.0.0/16"));  // the fallback: the network address
  CHECK(s.networks[0].cidrs[2] == net::Prefix::parse("fd00::/8"));
  REQUIRE(s.warnings.size() == 3);
  CHECK(s.warnings[0].code == "cidr.host_bits");
  CHECK(s.warnings[0].pointer == "/networks/onprem/cidrs/1");
  CHECK(s.warnings[0].message == R"(network onprem: "10.0.0.1/16" has host bits set: using 10.0.0.0/16)");
  CHECK(s.warnings[1].pointer == "/networks/onprem/cidrs/2");
  CHECK(s.warnings[2].pointer == "/intents/0/from");
  CHECK(s.warnings[2].message == R"(intent "in": from: "192.168.1.1/24" has host bits set: using 192.168.1.0/24)");

  auto diagnostics = scenario_diagnostics(s);
  REQUIRE(diagnostics.size() == 3);
  CHECK(diagnostics[0].severity == model::Severity::warning);
  CHECK(diagnostics[0].code == "cidr.host_bits");
  CHECK(diagnostics[0].file == "moat.json");
  CHECK(diagnostics[0].message ==
        R"(moat.json (/networks/onprem/cidrs/1): network onprem: "10.0.0.1/16" has host bits set: using 10.0.0.0/16)");
  CHECK_THROWS_WITH(require_no_warnings(s),
                    Catch::Contains("moat.json (/networks/onprem/cidrs/1): network onprem:") &&
                        Catch::Contains("[cidr.host_bits, --strict]"));
  CHECK_THROWS_AS(require_no_warnings(s), LoadError);

  auto clean = parse(R"({"networks": {"onprem": {"cidrs": ["10.0.0.0/16"]}},
                         "intents": [{"name": "in", "from": "192.168.1.1", "to": "10.1.0.0/16"}]})");
  CHECK(clean.warnings.empty());
  CHECK(scenario_diagnostics(clean).empty());
  CHECK_NOTHROW(require_no_warnings(clean));
}

TEST_CASE("mistyped top-level and network values are errors naming the JSON pointer", "[scenario]") {
  CHECK_THAT(error_of(R"({"states": ["a.tfstate", 3]})"), Catch::Contains("/states/1") && Catch::Contains("expected a string"));
  CHECK_THAT(error_of(R"({"region": ["ap-northeast-1"]})"), Catch::Contains("/region"));
  CHECK_THAT(error_of(R"({"profile": 1})"), Catch::Contains("/profile"));
  CHECK_THAT(error_of(R"({"networks": []})"), Catch::Contains("/networks") && Catch::Contains("expected an object"));
  CHECK_THAT(error_of(R"({"networks": {"n": "10.0.0.0/8"}})"), Catch::Contains("/networks/n") && Catch::Contains("expected an object"));
  CHECK_THAT(error_of(R"({"networks": {"n": {"cidrs": "10.0.0.0/8"}}})"), Catch::Contains("/networks/n/cidrs"));
  CHECK_THAT(error_of(R"({"networks": {"n": {"cidrs": ["10.0.0.0"]}}})"),
             Catch::Contains("/networks/n/cidrs/0") && Catch::Contains("not a CIDR"));
  CHECK_THAT(error_of(R"({"networks": {"n": {"via": {"dx_gateway": "x"}}}})"), Catch::Contains("/networks/n/via"));
  CHECK_THAT(error_of(R"({"networks": {"n": {"via": ["x"]}}})"), Catch::Contains("/networks/n/via/0"));
  CHECK_THAT(error_of(R"({"networks": {"n": {"via": [{"dx_gateway": "x", "vpn_gateway": "y"}]}}})"),
             Catch::Contains("/networks/n/via/0") && Catch::Contains("exactly one"));
  CHECK_THAT(error_of(R"({"networks": {"n": {"via": [{"dx_gateway": 5}]}}})"), Catch::Contains("/networks/n/via/0/dx_gateway"));
  CHECK_THAT(error_of(R"({"networks": {"n": {"dns_forwarders": {"domain": "a"}}}})"), Catch::Contains("/networks/n/dns_forwarders"));
  CHECK_THAT(error_of(R"({"networks": {"n": {"dns_forwarders": [{"to": "x"}]}}})"),
             Catch::Contains("/networks/n/dns_forwarders/0") && Catch::Contains("missing key \"domain\""));
  CHECK_THAT(error_of(R"({"networks": {"n": {"dns_forwarders": [{"domain": "a"}]}}})"), Catch::Contains("missing key \"to\""));
  CHECK_THAT(error_of(R"({"networks": {"n": {"dns_forwarders": [{"domain": "a", "to": 53}]}}})"),
             Catch::Contains("/networks/n/dns_forwarders/0/to"));
}

TEST_CASE("a network name with / or ~ is escaped in the JSON pointer an error names", "[scenario]") {
  CHECK_THAT(error_of(R"({"networks": {"dc/1~a": {"cidrs": ["10.0.0.0/33"]}}})"),
             Catch::Contains("(/networks/dc~11~0a/cidrs/0)"));
  CHECK_THAT(error_of(R"({"networks": {"n": {"colour/x": 1}}})"), Catch::Contains("(/networks/n/colour~1x)"));
  auto s = parse(R"({"networks": {"a/b": {"cidrs": ["10.0.0.1/16"]}}})");
  REQUIRE(s.warnings.size() == 1);
  CHECK(s.warnings[0].pointer == "/networks/a~1b/cidrs/0");
}

TEST_CASE("a network name a from/to would read as something else is an error naming it", "[scenario]") {
  for (const char* name : {"10.1", "10.0.0.0/8", "fd00::1", "internet", "*", "dns:corp", "service:s3", ""}) {
    INFO(name);
    CHECK_THAT(error_of(std::string(R"({"networks": {")") + name + R"(": {"cidrs": ["10.0.0.0/16"]}}})"),
               Catch::Contains("cannot be selected") && Catch::Contains("/networks/"));
  }
  CHECK_THAT(error_of(R"({"networks": {"10.1": {}}})"), Catch::Contains("an address"));
  CHECK(parse(R"({"networks": {"dc1.a": {"cidrs": ["10.0.0.0/16"]}}})").networks.at(0).name == "dc1.a");
}

TEST_CASE("a network declares its DNS servers, zones and records; malformed ones are errors naming the pointer",
          "[scenario]") {
  auto s = parse(R"({"networks": {"onprem": {"dns_servers": ["10.0.0.53", "fd00::53"], "dns_zones": ["corp.example.com"],
      "dns_records": [{"name": "db.corp.example.com", "type": "A", "values": ["10.0.1.5", "10.0.1.6"]},
                      {"name": "db.corp.example.com", "type": "AAAA", "values": ["fd00::5"]},
                      {"name": "*.corp.example.com", "type": "CNAME", "values": ["db.corp.example.com"]}]}}})");
  const auto& n = s.networks.at(0);
  REQUIRE(n.dns_servers.size() == 2);
  CHECK(n.dns_servers[1].to_string() == "fd00::53");
  CHECK(n.dns_zones == std::vector<std::string>{"corp.example.com"});
  REQUIRE(n.dns_records.size() == 3);
  CHECK(n.dns_records[0].values == std::vector<std::string>{"10.0.1.5", "10.0.1.6"});
  CHECK(n.dns_records[2].type == "CNAME");

  CHECK_THAT(error_of(R"({"networks": {"n": {"dns_servers": ["dc1"]}}})"),
             Catch::Contains("/networks/n/dns_servers/0") && Catch::Contains("not an IP address"));
  CHECK_THAT(error_of(R"({"networks": {"n": {"dns_records": [{"name": "a.b", "type": "MX", "values": ["x"]}]}}})"),
             Catch::Contains("/networks/n/dns_records/0/type") && Catch::Contains("known: A, AAAA, CNAME"));
  CHECK_THAT(error_of(R"({"networks": {"n": {"dns_records": [{"name": "a.b", "type": "A", "values": ["fd00::1"]}]}}})"),
             Catch::Contains("/networks/n/dns_records/0/values/0") && Catch::Contains("not an IPv4 address"));
  CHECK_THAT(error_of(R"({"networks": {"n": {"dns_records": [{"name": "a.b", "type": "CNAME", "values": ["c", "d"]}]}}})"),
             Catch::Contains("exactly one value"));
  CHECK_THAT(error_of(R"({"networks": {"n": {"dns_records": [{"name": "a.b", "values": ["10.0.0.1"]}]}}})"),
             Catch::Contains("missing key \"type\""));
  CHECK_THAT(error_of(R"({"networks": {"n": {"dns_records": [{"name": "a.b", "type": "A", "values": [], "ttl": 5}]}}})"),
             Catch::Contains("/networks/n/dns_records/0/ttl") && Catch::Contains("unknown key"));
}

TEST_CASE("every via kind is read with the key it was written under", "[scenario]") {
  auto s = parse(R"({"networks": {"dc": {"via": [{"dx_gateway": "a"}, {"vpn_gateway": "b"}, {"transit_gateway": "c"},
                                                 {"vpn_connection": "d"}]}}})");
  REQUIRE(s.networks.at(0).via.size() == 4);
  const auto& via = s.networks[0].via;
  CHECK(via[0].kind == Attachment::Kind::dx_gateway);
  CHECK(via[1].kind == Attachment::Kind::vpn_gateway);
  CHECK(via[2].kind == Attachment::Kind::transit_gateway);
  CHECK(via[3].kind == Attachment::Kind::vpn_connection);
  CHECK(via[3].target == "d");
  CHECK(via[2].key == "networks.dc.via[2].transit_gateway");
  CHECK(s.networks[0].cidrs.empty());
  CHECK(parse("{}").intents.empty());
}

TEST_CASE("scenario files are read from disk; a state given where a scenario may be becomes a one-state scenario",
          "[scenario]") {
  const std::string example = std::string(MOAT_SOURCE_DIR) + "/models/examples/closed-ecs/after/";
  auto s = load_scenario(example + "moat.json");
  CHECK(s.file == std::filesystem::path(example + "moat.json"));
  REQUIRE(s.states.size() == 2);
  CHECK(s.states[0] == std::filesystem::path(example + "network.tfstate"));
  CHECK(load_scenario_or_state(example + "moat.json").intents.size() == s.intents.size());
  auto state = load_scenario_or_state(example + "network.tfstate");
  CHECK(state.intents.empty());
  REQUIRE(state.states.size() == 1);
  CHECK(state.states[0] == std::filesystem::path(example + "network.tfstate"));
  try {
    load_scenario(example + "missing.json");
    FAIL("no LoadError for a missing scenario file");
  } catch (const LoadError& error) {
    CHECK_THAT(error.what(), Catch::Contains("missing.json") && Catch::Contains("cannot read"));
  }
  CHECK_THROWS_AS(load_scenario_or_state(example + "missing.json"), LoadError);
}

TEST_CASE("several inputs merge into one scenario: its states first, then the state files given", "[scenario]") {
  const auto dir = std::filesystem::path(MOAT_SOURCE_DIR) / "models" / "examples" / "closed-ecs" / "after";
  auto merged = load_scenario_or_states({dir / "moat.json", dir / "network.tfstate"});
  REQUIRE(merged.states.size() == 3);
  CHECK(merged.states[2] == dir / "network.tfstate");
  CHECK(merged.networks.size() == 1);
  auto states_only = load_scenario_or_states({dir / "network.tfstate", dir / "app.tfstate"});
  CHECK(states_only.states.size() == 2);
  CHECK(states_only.networks.empty());
  CHECK(states_only.intents.empty());
  try {
    load_scenario_or_states({dir / "moat.json", dir / "moat.json"});
    FAIL("two scenario files were accepted");
  } catch (const LoadError& error) {
    CHECK(std::string(error.what()).find("a second scenario file") != std::string::npos);
  }
  CHECK_THROWS_AS(load_scenario_or_states({}), LoadError);
}

}  // namespace moat::scenario
