// Attribute shapes that differ between AWS provider major versions (see
// tests/fixtures/tfstate/README.md for the list and its sources): provider-v3/v4/v5.tfstate
// describe one network as each version writes it and must load to the same model.

#include <algorithm>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include <catch2/catch.hpp>

#include "fixture_paths.hpp"
#include "moat/tfstate/load_states.hpp"
#include "snapshot_lookup.hpp"

using namespace moat;
using namespace moat::model;

namespace {

const Snapshot& fixture(int provider_version) {
  static std::map<int, Snapshot> loaded;
  auto it = loaded.find(provider_version);
  if (it == loaded.end()) {
    auto name = "provider-v" + std::to_string(provider_version) + ".tfstate";
    it = loaded.emplace(provider_version, tfstate::load_states({tfstate_fixture(name)})).first;
  }
  return it->second;
}

std::string target_address(const Snapshot& s, const RouteTarget& target) {
  return std::visit(
      [&](auto id) -> std::string {
        if constexpr (std::is_same_v<decltype(id), std::monostate>) {
          return "unresolved " + target.aws_id;
        } else {
          return s.get(id).origin.address;
        }
      },
      target.id);
}

// What the loaded network means, in words that do not depend on how state spelled it.
std::vector<std::string> meaning(const Snapshot& s) {
  std::vector<std::string> facts;
  for (const auto& table : s.route_tables) {
    for (const auto& route : table.routes) {
      facts.push_back(table.origin.address + ": " + route.destination.to_string() + " -> " +
                      std::string(to_string(route.target.kind)) + " " + target_address(s, route.target) + " (" +
                      route.origin.address + ")");
    }
  }
  for (const auto& eip : s.elastic_ips) {
    if (eip.origin.address == "aws_eip.legacy_classic") continue;  // v3 only: v5 state cannot hold one
    facts.push_back(eip.origin.address + ": " + (eip.domain == ElasticIpDomain::vpc ? "vpc" : "standard") + " " +
                    (eip.public_ip ? eip.public_ip->to_string() : "-") + " on " + eip.network_interface.aws_id);
  }
  for (const auto& nat : s.nat_gateways) {
    facts.push_back(nat.origin.address + ": " +
                    (nat.connectivity == NatConnectivity::public_connectivity ? "public" : "private") + " in " +
                    nat.subnet.aws_id);
  }
  for (const auto& instance : s.instances) {
    facts.push_back(instance.origin.address + ": primary ENI " + instance.primary_network_interface.aws_id);
  }
  for (const auto& zone : s.hosted_zones) {
    for (const auto& vpc : zone.vpcs) {
      facts.push_back(zone.origin.address + " " + zone.name + ": " + vpc.vpc.aws_id + " " + vpc.region + " (" +
                      vpc.origin.address + ")");
    }
  }
  for (const auto& rule : s.resolver_rules) {
    for (const auto& target : rule.targets) {
      facts.push_back(rule.origin.address + " " + rule.domain_name + ": " + target.ip.to_string() + ":" +
                      std::to_string(target.port));
    }
  }
  for (const auto& d : s.diagnostics) {
    if (d.address != "aws_eip.legacy_classic") {  // its warning is checked below
      facts.push_back("diagnostic " + std::string(to_string(d.severity)) + " " + d.code + " " + d.address);
    }
  }
  std::sort(facts.begin(), facts.end());
  return facts;
}

bool has_fact(const std::vector<std::string>& facts, const std::string& fact) {
  return std::find(facts.begin(), facts.end(), fact) != facts.end();
}

}  // namespace

TEST_CASE("the v5 shape of the provider-version network loads as written", "[tfstate]") {
  auto facts = meaning(fixture(5));
  INFO(Catch::Detail::stringify(facts));
  CHECK(has_fact(facts, "aws_route_table.private: 0.0.0.0/0 -> nat_gateway aws_nat_gateway.nat (aws_route_table.private)"));
  CHECK(has_fact(facts, "aws_route_table.private: 10.99.0.0/16 -> network_interface aws_instance.appliance "
                        "(aws_route_table.private)"));
  CHECK(has_fact(facts, "aws_route_table.public: 192.168.0.0/16 -> network_interface aws_instance.appliance (aws_route.onprem)"));
  CHECK(has_fact(facts, "aws_eip.nat: vpc 203.0.113.40 on eni-0pvnatgw00000001"));
  CHECK(has_fact(facts, "aws_nat_gateway.nat: public in subnet-0pvpublic000001"));
  CHECK(has_fact(facts, "aws_route53_zone.internal pv.internal: vpc-0pv0000000000002 us-east-1 "
                        "(aws_route53_zone_association.shared)"));
  CHECK(has_fact(facts, "aws_route53_resolver_rule.corp corp.example: 192.168.1.53:53"));
  CHECK(std::none_of(facts.begin(), facts.end(), [](const std::string& f) { return f.starts_with("diagnostic warning"); }));
}

TEST_CASE("provider v3 and v4 shapes of the same network mean what the v5 shape means", "[tfstate]") {
  const auto expected = meaning(fixture(5));
  for (int version : {3, 4}) {
    INFO("provider v" << version);
    CHECK(meaning(fixture(version)) == expected);
  }
}

TEST_CASE("a v3/v4 route block naming both the instance and its ENI goes to the instance", "[tfstate]") {
  for (int version : {3, 4}) {
    INFO("provider v" << version);
    const auto& s = fixture(version);
    const Route* route = route_to(by_address<RouteTable>(s, "aws_route_table.private"), "10.99.0.0/16");
    REQUIRE(route != nullptr);
    CHECK(route->target.aws_id == "eni-0pvappliance0001");  // the ENI is tried first: it names the exact interface
    REQUIRE(std::holds_alternative<InstanceId>(route->target.id));
    CHECK(s.get(std::get<InstanceId>(route->target.id)).origin.address == "aws_instance.appliance");
  }
}

TEST_CASE("an EC2-Classic EIP in v3 state keeps domain standard, warns, and gives nothing a public address", "[tfstate]") {
  const auto& s = fixture(3);
  const auto& eip = by_address<ElasticIp>(s, "aws_eip.legacy_classic");
  CHECK(eip.domain == ElasticIpDomain::standard);
  CHECK(eip.origin.aws_id == "198.51.100.7");  // a Classic address has no allocation id
  auto d = std::find_if(s.diagnostics.begin(), s.diagnostics.end(),
                        [](const Diagnostic& x) { return x.address == "aws_eip.legacy_classic"; });
  REQUIRE(d != s.diagnostics.end());
  CHECK(d->code == "eip.classic");
  CHECK(d->file.ends_with("provider-v3.tfstate"));
}

namespace {

Snapshot load_one(const std::string& type, const std::string& name, const std::string& attributes) {
  return tfstate::load_state_text(R"({"version": 4, "resources": [{"mode": "managed", "type": ")" + type +
                                      R"(", "name": ")" + name + R"(", "instances": [{"schema_version": 0, "attributes": )" +
                                      attributes + "}]}]}",
                                  "shape.tfstate");
}

const Diagnostic* only_diagnostic(const Snapshot& s) {
  REQUIRE(s.diagnostics.size() == 1);
  return &s.diagnostics.front();
}

}  // namespace

TEST_CASE("an EIP's domain comes from domain, else from the v3-v5 vpc bool, else is vpc", "[tfstate]") {
  struct Case {
    std::string attributes;
    ElasticIpDomain domain;
    std::string warning;
  };
  const Case cases[] = {
      {R"({"id": "eipalloc-1", "vpc": true})", ElasticIpDomain::vpc, ""},              // v3/v4 without domain
      {R"({"id": "eipalloc-1", "vpc": "true"})", ElasticIpDomain::vpc, ""},            // flatmap-era text
      {R"({"id": "eipalloc-1", "domain": "vpc"})", ElasticIpDomain::vpc, ""},          // v6: vpc removed
      {R"({"id": "eipalloc-1"})", ElasticIpDomain::vpc, ""},                           // neither: VPC-only world
      {R"({"id": "203.0.113.9", "vpc": false})", ElasticIpDomain::standard, "eip.classic"},
      {R"({"id": "eipalloc-1", "domain": "vpc", "vpc": false})", ElasticIpDomain::vpc, "eip.domain_conflict"},
      {R"({"id": "eipalloc-1", "domain": "galaxy"})", ElasticIpDomain::vpc, "eip.domain"},
  };
  for (const auto& c : cases) {
    INFO(c.attributes);
    auto s = load_one("aws_eip", "x", c.attributes);
    CHECK(by_address<ElasticIp>(s, "aws_eip.x").domain == c.domain);
    if (c.warning.empty()) {
      CHECK(s.diagnostics.empty());
    } else {
      const Diagnostic* d = only_diagnostic(s);
      CHECK(d->code == c.warning);
      CHECK(d->file == "shape.tfstate");
      CHECK(d->address == "aws_eip.x");
    }
  }
}

TEST_CASE("a route naming only instance_id (v3/v4) targets the instance", "[tfstate]") {
  auto s = tfstate::load_state_text(R"({"version": 4, "resources": [
    {"mode": "managed", "type": "aws_instance", "name": "nat", "instances": [{"schema_version": 1, "attributes":
      {"id": "i-0nat", "subnet_id": "", "private_ip": "10.0.0.5", "primary_network_interface_id": "eni-0nat"}}]},
    {"mode": "managed", "type": "aws_route_table", "name": "rt", "instances": [{"schema_version": 0, "attributes":
      {"id": "rtb-0rt", "vpc_id": "", "route": [{"cidr_block": "0.0.0.0/0", "instance_id": "i-0nat", "gateway_id": "",
       "network_interface_id": ""}]}}]}]})",
                                    "instance-route.tfstate");
  const Route* route = route_to(by_address<RouteTable>(s, "aws_route_table.rt"), "0.0.0.0/0");
  REQUIRE(route != nullptr);
  CHECK(route->target.kind == RouteTargetKind::instance);
  REQUIRE(std::holds_alternative<InstanceId>(route->target.id));
  CHECK(s.get(std::get<InstanceId>(route->target.id)).origin.address == "aws_instance.nat");
}

TEST_CASE("a route attribute moat does not know becomes the target with a warning, never silently dropped", "[tfstate]") {
  auto s = load_one("aws_route_table", "rt", R"({"id": "rtb-0rt", "vpc_id": "", "route": [
      {"cidr_block": "10.9.0.0/16", "gateway_id": "", "future_gateway_id": "fgw-0abc", "instance_owner_id": "1111"}]})");
  const Route* route = route_to(by_address<RouteTable>(s, "aws_route_table.rt"), "10.9.0.0/16");
  REQUIRE(route != nullptr);
  CHECK(route->target.aws_id == "fgw-0abc");
  CHECK(route->target.kind == RouteTargetKind::unknown);
  auto d = std::find_if(s.diagnostics.begin(), s.diagnostics.end(),
                        [](const Diagnostic& x) { return x.code == "route.unknown_target_key"; });
  REQUIRE(d != s.diagnostics.end());
  CHECK(d->address == "aws_route_table.rt");
  CHECK(d->file == "shape.tfstate");
  CHECK(d->message.find("future_gateway_id") != std::string::npos);
}

TEST_CASE("a resolver rule target given only as ipv6 is read, one with neither address warns", "[tfstate]") {
  auto s = load_one("aws_route53_resolver_rule", "v6", R"({"id": "rslvr-rr-6", "domain_name": "corp.example",
      "rule_type": "FORWARD", "target_ip": [{"ip": "", "ipv6": "fd00:53::1", "port": 53, "protocol": "Do53"},
                                            {"ip": "", "ipv6": "", "port": 53}]})");
  const auto& rule = by_address<ResolverRule>(s, "aws_route53_resolver_rule.v6");
  REQUIRE(rule.targets.size() == 1);
  CHECK(rule.targets[0].ip == net::IpAddress::parse("fd00:53::1"));
  const Diagnostic* d = only_diagnostic(s);
  CHECK(d->code == "resolver.target");
  CHECK(d->address == "aws_route53_resolver_rule.v6");
}

// Provider v1 (Terraform <= 0.11, state format 3): shapes provider v2.0.0 removed.
TEST_CASE("provider v1 shapes: instance network_interface_id, zone vpc_id / vpc_region, NACL subnet_id", "[tfstate]") {
  auto s = tfstate::load_state_text(R"({"version": 3, "terraform_version": "0.11.14", "serial": 1, "lineage": "x",
    "modules": [{"path": ["root"], "outputs": {}, "resources": {
      "aws_instance.nat": {"type": "aws_instance", "primary": {"id": "i-0v1", "attributes": {
        "id": "i-0v1", "subnet_id": "subnet-0v1", "private_ip": "10.1.0.5", "network_interface_id": "eni-0v1",
        "source_dest_check": "false", "vpc_security_group_ids.#": "0"}}},
      "aws_route_table.private": {"type": "aws_route_table", "primary": {"id": "rtb-0v1", "attributes": {
        "id": "rtb-0v1", "vpc_id": "vpc-0v1", "route.#": "1",
        "route.2516180946.cidr_block": "0.0.0.0/0", "route.2516180946.gateway_id": "",
        "route.2516180946.instance_id": "i-0v1", "route.2516180946.network_interface_id": "eni-0v1"}}},
      "aws_route53_zone.internal": {"type": "aws_route53_zone", "primary": {"id": "Z0V1", "attributes": {
        "id": "Z0V1", "zone_id": "Z0V1", "name": "v1.internal", "vpc_id": "vpc-0v1", "vpc_region": "eu-west-1"}}},
      "aws_subnet.private": {"type": "aws_subnet", "primary": {"id": "subnet-0v1", "attributes": {
        "id": "subnet-0v1", "vpc_id": "vpc-0v1", "cidr_block": "10.1.0.0/24"}}},
      "aws_network_acl.private": {"type": "aws_network_acl", "primary": {"id": "acl-0v1", "attributes": {
        "id": "acl-0v1", "vpc_id": "vpc-0v1", "subnet_id": "subnet-0v1", "ingress.#": "0", "egress.#": "0"}}}
    }}]})",
                                    "v1.tfstate");
  const auto& instance = by_address<Instance>(s, "aws_instance.nat");
  CHECK(instance.primary_network_interface.aws_id == "eni-0v1");
  const Route* route = route_to(by_address<RouteTable>(s, "aws_route_table.private"), "0.0.0.0/0");
  REQUIRE(route != nullptr);
  REQUIRE(std::holds_alternative<InstanceId>(route->target.id));
  const auto& zone = by_address<HostedZone>(s, "aws_route53_zone.internal");
  CHECK(zone.private_zone);
  REQUIRE(zone.vpcs.size() == 1);
  CHECK(zone.vpcs[0].vpc.aws_id == "vpc-0v1");
  CHECK(zone.vpcs[0].region == "eu-west-1");
  const auto& subnet = by_address<Subnet>(s, "aws_subnet.private");
  CHECK(subnet.network_acl.aws_id == "acl-0v1");
  CHECK(subnet.network_acl.resolved());
  CHECK(subnet.network_acl_association.address == "aws_network_acl.private");
}
