// State format 3 (flatmap), plan JSON and the real-world corpus.

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <variant>

#include <catch2/catch.hpp>

#include "moat/core/error.hpp"
#include "moat/tfstate/load_states.hpp"

using namespace moat;
using namespace moat::model;

namespace {

// A Terraform 0.11 state: flatmap attributes, set hashes, maps with dotted keys.
constexpr const char* v3_state = R"({
  "version": 3, "terraform_version": "0.11.7", "serial": 3, "lineage": "x",
  "modules": [
    {"path": ["root"], "outputs": {}, "resources": {
      "aws_security_group.web": {"type": "aws_security_group", "depends_on": [], "primary": {
        "id": "sg-0v3", "attributes": {
          "id": "sg-0v3", "name": "web", "vpc_id": "vpc-0v3",
          "egress.#": "0",
          "ingress.#": "2",
          "ingress.2541437006.cidr_blocks.#": "1",
          "ingress.2541437006.cidr_blocks.0": "0.0.0.0/0",
          "ingress.2541437006.from_port": "22",
          "ingress.2541437006.to_port": "22",
          "ingress.2541437006.protocol": "tcp",
          "ingress.2541437006.self": "false",
          "ingress.753360330.cidr_blocks.#": "0",
          "ingress.753360330.security_groups.#": "1",
          "ingress.753360330.security_groups.3921393245": "sg-0other",
          "ingress.753360330.from_port": "0",
          "ingress.753360330.to_port": "0",
          "ingress.753360330.protocol": "-1",
          "ingress.753360330.self": "false",
          "tags.%": "1",
          "tags.kubernetes.io/cluster/x": "owned"
        }, "meta": {"schema_version": "1"}, "tainted": false}, "deposed": [], "provider": "provider.aws"}
    }},
    {"path": ["root", "vpc"], "outputs": {}, "resources": {
      "aws_subnet.public.1": {"type": "aws_subnet", "primary": {"id": "subnet-0v3", "attributes": {
        "id": "subnet-0v3", "vpc_id": "vpc-0v3", "cidr_block": "172.17.1.0/24",
        "availability_zone": "ap-northeast-1c", "map_public_ip_on_launch": "true"}}},
      "data.aws_vpc.main": {"type": "aws_vpc", "primary": {"id": "vpc-0v3", "attributes": {
        "id": "vpc-0v3", "cidr_block": "172.17.0.0/16", "enable_dns_support": "true"}}}
    }}
  ]
})";

}  // namespace

TEST_CASE("state format 3 flatmap attributes are rebuilt into lists, sets and maps", "[tfstate]") {
  auto s = tfstate::load_state_text(v3_state, "v3.tfstate");
  REQUIRE(s.security_groups.size() == 1);
  const auto& group = s.security_groups[0];
  CHECK(group.origin.address == "aws_security_group.web");
  REQUIRE(group.rules.size() == 2);
  auto ssh = std::find_if(group.rules.begin(), group.rules.end(),
                          [](const SecurityGroupRule& r) { return r.peer.kind == SecurityGroupPeerKind::prefix; });
  REQUIRE(ssh != group.rules.end());
  CHECK(ssh->ports == net::PortSet::of(22));
  CHECK(ssh->peer.prefix == net::Prefix::parse("0.0.0.0/0"));
  auto all = std::find_if(group.rules.begin(), group.rules.end(), [](const SecurityGroupRule& r) {
    return r.peer.kind == SecurityGroupPeerKind::security_group;
  });
  REQUIRE(all != group.rules.end());
  CHECK(all->peer.security_group.aws_id == "sg-0other");
  CHECK(all->protocols.is_all());
  CHECK(std::none_of(group.rules.begin(), group.rules.end(),
                     [](const SecurityGroupRule& r) { return r.direction == RuleDirection::egress; }));

  auto subnet = s.find_address("module.vpc.aws_subnet.public[1]");
  REQUIRE(subnet.has_value());
  CHECK(s.subnets[subnet->index].map_public_ip_on_launch);
  CHECK(s.subnets[subnet->index].vpc.resolved());
  REQUIRE(s.find_address("module.vpc.data.aws_vpc.main").has_value());
  CHECK(s.modelled.at("data.aws_vpc") == 1);
}

TEST_CASE("plan JSON loads planned values by default and prior state on request", "[tfstate]") {
  constexpr const char* plan = R"({
    "format_version": "1.2", "terraform_version": "1.10.3",
    "planned_values": {"root_module": {"resources": [
      {"address": "aws_subnet.new", "mode": "managed", "type": "aws_subnet", "name": "new",
       "values": {"cidr_block": "10.0.9.0/24", "vpc_id": "vpc-0p"}},
      {"address": "aws_internet_gateway.igw", "mode": "managed", "type": "aws_internet_gateway", "name": "igw",
       "values": {"id": "igw-0p", "vpc_id": "vpc-0p"}}
    ]}},
    "prior_state": {"format_version": "1.0", "values": {"root_module": {"resources": [
      {"address": "aws_internet_gateway.igw", "mode": "managed", "type": "aws_internet_gateway", "name": "igw",
       "values": {"id": "igw-0p", "vpc_id": "vpc-0p"}}
    ]}}}
  })";
  auto planned = tfstate::load_state_text(plan, "plan.json");
  CHECK(planned.subnets.size() == 1);  // no id yet, still modelled
  CHECK(planned.subnets[0].origin.aws_id.empty());
  CHECK(planned.internet_gateways.size() == 1);
  tfstate::LoadOptions prior;
  prior.plan_values = tfstate::PlanValues::prior;
  auto before = tfstate::load_state_text(plan, "plan.json", prior);
  CHECK(before.subnets.empty());
  CHECK(before.internet_gateways.size() == 1);
}

TEST_CASE("every corpus state loads without throwing", "[tfstate][corpus]") {
  const std::filesystem::path corpus = std::filesystem::path(MOAT_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!std::filesystem::is_directory(corpus)) {
    WARN("corpus directory " << corpus.string() << " is absent: nothing to check");
    return;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    if (entry.is_regular_file() && entry.path().filename() != "INDEX.md") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  CHECK(files.size() >= 10);
  for (const auto& file : files) {
    INFO(file.filename().string());
    Snapshot snapshot;
    try {
      snapshot = tfstate::load_states({file});
    } catch (const moat::Error& error) {
      FAIL_CHECK(error.what());
      continue;
    }
    std::size_t modelled = 0;
    std::size_t unmodelled = 0;
    for (const auto& [type, n] : snapshot.modelled) modelled += n;
    for (const auto& [type, n] : snapshot.unmodelled) unmodelled += n;
    std::cout << file.filename().string() << ": modelled " << modelled << ", unmodelled " << unmodelled
              << ", diagnostics " << snapshot.diagnostics.size() << "\n";
  }
}

TEST_CASE("the split corpus stacks load together", "[tfstate][corpus]") {
  const std::filesystem::path corpus = std::filesystem::path(MOAT_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!std::filesystem::is_directory(corpus)) {
    WARN("corpus directory absent");
    return;
  }
  auto snapshot = tfstate::load_states({corpus / "Daniel-Ibarrola__aws-terraform__network__terraform.tfstate",
                                        corpus / "Daniel-Ibarrola__aws-terraform__ecs__terraform.tfstate"});
  REQUIRE(snapshot.ecs_services.size() == 1);
  const auto& service = snapshot.ecs_services[0];
  CHECK(std::all_of(service.subnets.begin(), service.subnets.end(), [](const auto& ref) { return ref.resolved(); }));
  // The S3 gateway endpoint route lands in the private table of the network state.
  std::size_t endpoint_routes = 0;
  for (const auto& table : snapshot.route_tables) {
    for (const auto& route : table.routes) endpoint_routes += route.source == RouteSource::gateway_endpoint;
  }
  CHECK(endpoint_routes >= 1);
}

TEST_CASE("a provider v0/v1 corpus state's NAT-instance route reaches the instance through its ENI", "[tfstate][corpus]") {
  const std::filesystem::path corpus = std::filesystem::path(MOAT_SOURCE_DIR) / ".." / "shared" / "corpus";
  const auto file = corpus / "jun06t__terraform-sample__ecs__terraform.tfstate";
  if (!std::filesystem::is_regular_file(file)) {
    WARN("corpus file " << file.string() << " is absent: nothing to check");
    return;
  }
  // Terraform 0.7: aws_instance names its ENI network_interface_id (removed in provider
  // v2.0.0), and the route block holds both instance_id and network_interface_id.
  auto snapshot = tfstate::load_states({file});
  auto table = snapshot.find_address("aws_route_table.nat_rt");
  REQUIRE(table.has_value());
  const auto& routes = snapshot.route_tables[table->index].routes;
  auto route = std::find_if(routes.begin(), routes.end(),
                            [](const Route& r) { return r.destination.to_string() == "0.0.0.0/0"; });
  REQUIRE(route != routes.end());
  CHECK(route->target.aws_id == "eni-82592dc8");
  REQUIRE(std::holds_alternative<InstanceId>(route->target.id));
  CHECK(snapshot.get(std::get<InstanceId>(route->target.id)).origin.address == "aws_instance.nat");
}
