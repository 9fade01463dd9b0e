// Selectors: the kinds a `from`/`to` value can be and their syntax errors, then what each
// form selects when bound against the closed-ecs example (after/) and the errors of
// binding (a selector that matches nothing, a kind that cannot be a source).
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "moat/core/error.hpp"
#include "moat/intent/check.hpp"
#include "moat/intent/environment.hpp"
#include "moat/intent/selector.hpp"
#include "moat/intent/trace.hpp"
#include "moat/scenario/load_scenario.hpp"
#include "moat/tfstate/load_states.hpp"

namespace moat::intent {

TEST_CASE("selectors are classified by their syntax", "[intent]") {
  CHECK(parse_selector("internet").kind == SelectorKind::internet);
  CHECK(parse_selector("*").kind == SelectorKind::everything);
  auto dns = parse_selector("dns:app.example.com");
  CHECK(dns.kind == SelectorKind::dns);
  CHECK(dns.value == "app.example.com");
  auto service = parse_selector("service:ecr.dkr");
  CHECK(service.kind == SelectorKind::service);
  CHECK(service.value == "ecr.dkr");
  auto cidr = parse_selector("10.0.0.0/22");
  CHECK(cidr.kind == SelectorKind::addresses);
  CHECK(cidr.addresses == net::AddressSet::of(net::Prefix::parse("10.0.0.0/22")));
  auto ip = parse_selector("10.1.1.10");
  CHECK(ip.kind == SelectorKind::addresses);
  CHECK(ip.addresses == net::AddressSet::of(net::IpAddress::parse("10.1.1.10")));
  auto v6 = parse_selector("2600:1f18:aa::/56");
  CHECK(v6.kind == SelectorKind::addresses);
  CHECK(v6.addresses == net::AddressSet::of(net::Prefix::parse("2600:1f18:aa::/56")));
  auto address = parse_selector("module.network.aws_subnet.private[\"1a\"]");
  CHECK(address.kind == SelectorKind::name);
  CHECK(address.value == "module.network.aws_subnet.private[\"1a\"]");
  CHECK(parse_selector("onprem").kind == SelectorKind::name);
  CHECK(parse_selector("aws_ecs_service.app").kind == SelectorKind::name);
}

TEST_CASE("every selector form of the scenario format parses to its kind and keeps its text", "[intent]") {
  struct Case {
    const char* text;
    SelectorKind kind;
    const char* value;
  };
  for (const auto& c : {
           // Terraform addresses of interface owners and subnets, indexed and not, in modules
           Case{"aws_ecs_service.app", SelectorKind::name, "aws_ecs_service.app"},
           Case{"aws_lb.app", SelectorKind::name, "aws_lb.app"},
           Case{"aws_vpc_endpoint.interface[\"ecr.dkr\"]", SelectorKind::name, "aws_vpc_endpoint.interface[\"ecr.dkr\"]"},
           Case{"aws_route53_resolver_endpoint.inbound", SelectorKind::name, "aws_route53_resolver_endpoint.inbound"},
           Case{"module.network.aws_nat_gateway.main", SelectorKind::name, "module.network.aws_nat_gateway.main"},
           Case{"aws_instance.web[0]", SelectorKind::name, "aws_instance.web[0]"},
           Case{"module.a.module.b.aws_subnet.private[\"1c\"]", SelectorKind::name, "module.a.module.b.aws_subnet.private[\"1c\"]"},
           // network names (a declared network or nothing: decided when binding)
           Case{"onprem", SelectorKind::name, "onprem"},
           Case{"Internet", SelectorKind::name, "Internet"},  // keywords are case-sensitive
           Case{"internet2", SelectorKind::name, "internet2"},
           Case{"dns", SelectorKind::name, "dns"},
           // keywords and prefixed names
           Case{"internet", SelectorKind::internet, ""},
           Case{"*", SelectorKind::everything, ""},
           Case{"dns:app.example.com.", SelectorKind::dns, "app.example.com."},
           Case{"dns:*.dkr.ecr.ap-northeast-1.amazonaws.com", SelectorKind::dns, "*.dkr.ecr.ap-northeast-1.amazonaws.com"},
           Case{"service:secretsmanager", SelectorKind::service, "secretsmanager"},
           Case{"service:ecr.api", SelectorKind::service, "ecr.api"},
           // addresses
           Case{"0.0.0.0/0", SelectorKind::addresses, ""},
           Case{"10.1.2.10/32", SelectorKind::addresses, ""},
           Case{"192.168.0.1", SelectorKind::addresses, ""},
       }) {
    INFO(c.text);
    auto selector = parse_selector(c.text);
    CHECK(selector.kind == c.kind);
    CHECK(selector.text == c.text);
    if (c.kind != SelectorKind::addresses) CHECK(selector.value == c.value);
  }
  CHECK(parse_selector("0.0.0.0/0").addresses == net::AddressSet::all(net::IpFamily::v4));
  CHECK(parse_selector("10.1.2.10/32").addresses == net::AddressSet::of(net::IpAddress::parse("10.1.2.10")));
  // A CIDR written with host bits is its network (the seed article writes 10.0.1.0/22).
  CHECK(parse_selector("10.0.1.0/22").addresses == net::AddressSet::of(net::Prefix::parse("10.0.0.0/22")));
  CHECK(to_string(SelectorKind::everything) == "*");
  CHECK(to_string(SelectorKind::service) == "service");
}

TEST_CASE("malformed selectors are parse errors", "[intent]") {
  CHECK_THROWS_AS(parse_selector(""), ParseError);
  CHECK_THROWS_AS(parse_selector("dns:"), ParseError);
  CHECK_THROWS_AS(parse_selector("service:"), ParseError);
  CHECK_THROWS_AS(parse_selector("10.0.0.0/33"), ParseError);
  CHECK_THROWS_AS(parse_selector("10.0.0.300"), ParseError);
  CHECK_THROWS_AS(parse_selector("10.0.0/8/8"), ParseError);
  CHECK_THROWS_AS(parse_selector("fd00::/129"), ParseError);
  CHECK_THROWS_WITH(parse_selector("10.1.1.1.1"), Catch::Contains("neither an IP address nor a CIDR"));
  CHECK_THROWS_WITH(parse_selector("dns:"), Catch::Contains("names nothing after \"dns:\""));
}

TEST_CASE("a name of hex letters, digits and dots is a name; an address is told by its shape", "[intent]") {
  // "dc1.a" is all hex digits and dots, but no IPv4 address has letters: a declared network.
  for (const char* name : {"dc1.a", "dc1.b2", "cafe.be", "a.b.c.d", "dead.beef/16", "fd00.1", "10", "10a.0.0.1"}) {
    INFO(name);
    auto selector = parse_selector(name);
    CHECK(selector.kind == SelectorKind::name);
    CHECK(selector.value == name);
  }
  // Written as an address and malformed: still an error, not a name.
  for (const char* malformed : {"10.0.0.300", "10.0.0.0/33", "10.0.0", "1.2.3.4.5", "10..0.1", "10.0.0.0/", "fd00::/129",
                                "fd00:::1", "fe80::1::2"}) {
    INFO(malformed);
    CHECK_THROWS_WITH(parse_selector(malformed), Catch::Contains("neither an IP address nor a CIDR"));
  }
  CHECK(parse_selector("::ffff:10.0.0.1").kind == SelectorKind::addresses);
  CHECK(parse_selector("FD00::/8").kind == SelectorKind::addresses);
}

namespace {

const std::string after = std::string(MOAT_SOURCE_DIR) + "/models/examples/closed-ecs/after/";

// The after/ example loaded once per test case, with its scenario's networks.
struct After {
  scenario::Scenario scenario = scenario::load_scenario(after + "moat.json");
  model::Snapshot snapshot = tfstate::load_states(scenario.states);
  Environment environment{snapshot, scenario};

  // The forwarding points a `from` selector sends from (the first hop of every part of a
  // TCP 443 flow to the VPC).
  std::set<std::string> sources(const std::string& from) const {
    auto traced = trace(environment, from, "10.1.0.0/16", net::ProtocolSet::of(net::protocol::tcp), net::PortSet::of(443));
    std::set<std::string> out;
    for (const auto& part : traced.result.delivered) out.insert(part.path.front().object);
    for (const auto& part : traced.result.dropped) out.insert(part.path.front().object);
    return out;
  }

  // The message of the ParseError binding `from` -> `to` throws, or "".
  std::string binding_error(const std::string& from, const std::string& to) const {
    Intent intent;
    intent.name = "probe";
    intent.from = from;
    intent.to = to;
    try {
      validate_intent(environment, intent);
    } catch (const ParseError& error) {
      return error.what();
    }
    return "";
  }
};

const std::string in_1a = " in subnet-0f5cf596dc5e31aeb";
const std::string in_1c = " in subnet-039566d4ddc51ef1c";

std::set<std::string> both_subnets(const std::string& owner) { return {owner + in_1a, owner + in_1c}; }

}  // namespace

TEST_CASE("a Terraform address of an interface owner selects its interfaces in every subnet", "[intent]") {
  After a;
  CHECK(a.sources("aws_ecs_service.app") == both_subnets("aws_ecs_service.app"));
  CHECK(a.sources("aws_lb.app") == both_subnets("aws_lb.app"));
  CHECK(a.sources("aws_route53_resolver_endpoint.inbound") == both_subnets("aws_route53_resolver_endpoint.inbound"));
  CHECK(a.sources("aws_vpc_endpoint.interface[\"logs\"]") == both_subnets("aws_vpc_endpoint.interface[\"logs\"]"));
  // An address without its index selects every instance (for_each over four services).
  auto every_endpoint = a.sources("aws_vpc_endpoint.interface");
  CHECK(every_endpoint.size() == 8);
  for (const char* service : {"ecr.api", "ecr.dkr", "logs", "ssm"}) {
    for (const auto& name : both_subnets(std::string("aws_vpc_endpoint.interface[\"") + service + "\"]")) {
      INFO(name);
      CHECK(every_endpoint.count(name) == 1);
    }
  }
}

TEST_CASE("a subnet, a subnet list or a VPC address selects every interface in those subnets", "[intent]") {
  After a;
  auto subnet_1a = a.sources("module.network.aws_subnet.private[\"1a\"]");
  CHECK(subnet_1a.size() == 7);  // tasks, ALB, resolver and four interface endpoints
  for (const auto& name : subnet_1a) CHECK(name.ends_with(in_1a));
  CHECK(subnet_1a.count("aws_ecs_service.app" + in_1a) == 1);
  auto both = a.sources("module.network.aws_subnet.private");
  CHECK(both.size() == 14);
  CHECK(a.sources("module.network.aws_vpc.main") == both);
  CHECK(a.sources("*") == both);  // every interface owner of the state
}

TEST_CASE("a network name, internet and an address select the external side or the addresses' owners", "[intent]") {
  After a;
  CHECK(a.sources("onprem") == std::set<std::string>{"onprem"});
  CHECK(a.sources("internet") == std::set<std::string>{"internet"});
  // The resolver's fixed address 10.1.1.10: interfaces of subnet 1a that may hold it.
  auto holders = a.sources("10.1.1.10");
  CHECK(holders.count("aws_route53_resolver_endpoint.inbound" + in_1a) == 1);
  CHECK(holders.count("aws_route53_resolver_endpoint.inbound" + in_1c) == 0);  // that one is 10.1.2.10
  for (const auto& name : holders) CHECK(name.ends_with(in_1a));
  CHECK(a.sources("10.1.2.0/24").size() == 7);
}

TEST_CASE("a declared network named with dots binds to that network, as source and destination", "[intent]") {
  auto scenario = scenario::load_scenario(after + "moat.json");
  REQUIRE(scenario.networks.at(0).name == "onprem");
  auto dc = scenario.networks.at(0);
  dc.name = "dc1.a";
  scenario.networks.push_back(dc);
  auto snapshot = tfstate::load_states(scenario.states);
  Environment environment(snapshot, scenario);
  auto https = [&](const std::string& from, const std::string& to) {
    return trace(environment, from, to, net::ProtocolSet::of(net::protocol::tcp), net::PortSet::of(443));
  };
  // dc1.a is onprem under another name: the same flows, from and to it, end at dc1.a.
  auto in = https("dc1.a", "aws_lb.app");
  CHECK(in.delivered());
  CHECK(in.result.delivered.size() == https("onprem", "aws_lb.app").result.delivered.size());
  for (const auto& part : in.result.delivered) CHECK(part.path.front().object == "dc1.a");
  auto out = https("aws_lb.app", "dc1.a");
  auto out_onprem = https("aws_lb.app", "onprem");
  CHECK(out.delivered() == out_onprem.delivered());
  CHECK(out.result.delivered.size() == out_onprem.result.delivered.size());
  CHECK(out.result.dropped.size() == out_onprem.result.dropped.size());
  for (const auto& part : out.result.delivered) CHECK(part.path.back().object == "dc1.a");
}

TEST_CASE("dns: and service: destinations bind; as sources they are errors", "[intent]") {
  After a;
  CHECK(a.binding_error("onprem", "dns:app.example.com").empty());
  CHECK(a.binding_error("aws_ecs_service.app", "service:ecr.dkr").empty());
  CHECK(a.binding_error("aws_ecs_service.app", "service:secretsmanager").empty());
  CHECK_THAT(a.binding_error("dns:app.example.com", "internet"),
             Catch::Contains("intent \"probe\": from") && Catch::Contains("can only be destinations"));
  CHECK_THAT(a.binding_error("service:ecr.dkr", "*"), Catch::Contains("can only be destinations"));
}

TEST_CASE("selectors that match nothing are errors naming the side and the reason", "[intent]") {
  After a;
  CHECK_THAT(a.binding_error("aws_ecs_service.nope", "internet"),
             Catch::Contains("intent \"probe\": from: \"aws_ecs_service.nope\" matches nothing") &&
                 Catch::Contains("no declared network and no resource"));
  CHECK_THAT(a.binding_error("*", "offprem"), Catch::Contains("intent \"probe\": to: \"offprem\" matches nothing"));
  CHECK_THAT(a.binding_error("aws_security_group.app", "internet"), Catch::Contains("owns no network interfaces"));
  CHECK_THAT(a.binding_error("*", "aws_route53_zone.private"), Catch::Contains("owns no network interfaces"));
  CHECK_THAT(a.binding_error("module.network.aws_subnet.private[\"1b\"]", "internet"), Catch::Contains("matches nothing"));
  CHECK_THAT(a.binding_error("10.1.1.1.1", "internet"), Catch::Contains("intent \"probe\": from") &&
                                                            Catch::Contains("neither an IP address nor a CIDR"));
  CHECK_THAT(a.binding_error("*", "dns:"), Catch::Contains("intent \"probe\": to"));
  CHECK_THROWS_AS(trace(a.environment, "nowhere", "internet", net::ProtocolSet::all(), net::PortSet::all()), ParseError);
  CHECK_THROWS_AS(resolve_from(a.environment, "internet", "app.example.com"), ParseError);  // no DNS vantage
}

TEST_CASE("a NAT gateway's address selects its interface (before/)", "[intent]") {
  auto scenario = scenario::load_scenario(std::string(MOAT_SOURCE_DIR) + "/models/examples/closed-ecs/before/moat.json");
  auto snapshot = tfstate::load_states(scenario.states);
  Environment environment(snapshot, scenario);
  auto traced = trace(environment, "module.network.aws_nat_gateway.main", "internet", net::ProtocolSet::of(net::protocol::tcp),
                      net::PortSet::of(443));
  REQUIRE_FALSE(traced.result.delivered.empty());
  CHECK(traced.delivered());
  for (const auto& part : traced.result.delivered)
    CHECK(part.path.front().object.starts_with("module.network.aws_nat_gateway.main in "));
}

}  // namespace moat::intent
