// Route targets the loader must read as AWS reports them: an ENI target that is an
// instance's primary ENI (provider v5 writes network_interface_id and computes
// instance_id; the ENI is no resource of its own), an aws_network_interface attached to an
// instance, and an aws_route whose state is blackhole (SEMANTICS §1.4, R1.13).
#include <algorithm>
#include <string>

#include <catch2/catch.hpp>

#include "moat/tfstate/load_states.hpp"
#include "snapshot_lookup.hpp"

using namespace moat;
using namespace moat::model;

namespace {

// A VPC with an appliance instance (primary ENI eni-0fw, no aws_network_interface), a
// table whose inline block and aws_route name that ENI, a route in state blackhole to a
// deleted NAT gateway and an active route to a VGW.
constexpr const char* appliance_state = R"({
  "version": 4, "terraform_version": "1.9.5", "serial": 1, "lineage": "rt",
  "resources": [
    {"mode": "managed", "type": "aws_vpc", "name": "main", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
     "instances": [{"attributes": {"id": "vpc-0rt", "cidr_block": "10.60.0.0/16"}}]},
    {"mode": "managed", "type": "aws_subnet", "name": "fw", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
     "instances": [{"attributes": {"id": "subnet-0fw", "vpc_id": "vpc-0rt", "cidr_block": "10.60.3.0/24"}}]},
    {"mode": "managed", "type": "aws_instance", "name": "firewall", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
     "instances": [{"attributes": {"id": "i-0fw", "subnet_id": "subnet-0fw", "private_ip": "10.60.3.10",
                                   "primary_network_interface_id": "eni-0fw", "source_dest_check": false,
                                   "instance_state": "running"}}]},
    {"mode": "managed", "type": "aws_vpn_gateway", "name": "corp", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
     "instances": [{"attributes": {"id": "vgw-0corp", "vpc_id": "vpc-0rt"}}]},
    {"mode": "managed", "type": "aws_route_table", "name": "app", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
     "instances": [{"attributes": {"id": "rtb-0app", "vpc_id": "vpc-0rt", "route": [
       {"cidr_block": "10.60.2.0/24", "network_interface_id": "eni-0fw", "gateway_id": "", "nat_gateway_id": ""}]}}]},
    {"mode": "managed", "type": "aws_route", "name": "db_inspected", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
     "instances": [{"attributes": {"id": "r-rtb-0app1", "route_table_id": "rtb-0app", "destination_cidr_block": "10.60.4.0/24",
                                   "network_interface_id": "eni-0fw", "instance_id": "i-0fw", "state": "active"}}]},
    {"mode": "managed", "type": "aws_route", "name": "branch", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
     "instances": [{"attributes": {"id": "r-rtb-0app2", "route_table_id": "rtb-0app", "destination_cidr_block": "172.16.8.0/24",
                                   "nat_gateway_id": "nat-0deleted", "state": "blackhole"}}]},
    {"mode": "managed", "type": "aws_route", "name": "corp", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
     "instances": [{"attributes": {"id": "r-rtb-0app3", "route_table_id": "rtb-0app", "destination_cidr_block": "172.16.0.0/12",
                                   "gateway_id": "vgw-0corp", "state": "active"}}]}
  ]
})";

// Loaded with appliance_state: the appliance's primary ENI as an aws_network_interface
// attached to it.
constexpr const char* appliance_eni_state = R"({
  "version": 4, "terraform_version": "1.9.5", "serial": 1, "lineage": "eni",
  "resources": [
    {"mode": "managed", "type": "aws_network_interface", "name": "firewall", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
     "instances": [{"attributes": {"id": "eni-0fw", "subnet_id": "subnet-0fw", "private_ips": ["10.60.3.10"],
                                   "source_dest_check": false,
                                   "attachment": [{"attachment_id": "eni-attach-0fw", "device_index": 0, "instance": "i-0fw"}]}}]}
  ]
})";

bool has_diagnostic(const Snapshot& s, const std::string& code, const std::string& address) {
  return std::any_of(s.diagnostics.begin(), s.diagnostics.end(),
                     [&](const Diagnostic& d) { return d.code == code && d.address == address; });
}

}  // namespace

TEST_CASE("a route to an instance's primary ENI that is no resource of its own targets the instance", "[tfstate]") {
  auto s = tfstate::load_state_text(appliance_state, "appliance.tfstate");
  const auto& table = by_address<RouteTable>(s, "aws_route_table.app");
  const auto& firewall = by_address<Instance>(s, "aws_instance.firewall");
  for (const char* destination : {"10.60.2.0/24", "10.60.4.0/24"}) {  // inline block, aws_route
    INFO(destination);
    const auto* route = route_to(table, destination);
    REQUIRE(route != nullptr);
    CHECK(route->target.aws_id == "eni-0fw");
    CHECK(route->target.kind == RouteTargetKind::network_interface);
    const auto* instance = std::get_if<InstanceId>(&route->target.id);
    REQUIRE(instance != nullptr);
    CHECK(&s.get(*instance) == &firewall);
  }
  CHECK_FALSE(has_diagnostic(s, "ref.unresolved", "aws_route.db_inspected"));
  CHECK_FALSE(has_diagnostic(s, "ref.unresolved", "aws_route_table.app"));
}

TEST_CASE("a route to an aws_network_interface attached to an instance targets the interface", "[tfstate]") {
  auto s = tfstate::load_state_texts({{"appliance.tfstate", appliance_state}, {"eni.tfstate", appliance_eni_state}});
  const auto& table = by_address<RouteTable>(s, "aws_route_table.app");
  const auto* route = route_to(table, "10.60.2.0/24");
  REQUIRE(route != nullptr);
  const auto* eni = std::get_if<NetworkInterfaceId>(&route->target.id);
  REQUIRE(eni != nullptr);
  const auto& interface = s.get(*eni);
  CHECK(interface.origin.address == "aws_network_interface.firewall");
  CHECK_FALSE(interface.source_dest_check);
  REQUIRE(interface.instance.resolved());
  CHECK(s.get(*interface.instance.id).origin.address == "aws_instance.firewall");
  CHECK_FALSE(has_diagnostic(s, "ref.unresolved", "aws_route_table.app"));
}

TEST_CASE("an aws_route in state blackhole is kept as a blackhole route, its gone target unresolved and unreported",
          "[tfstate]") {
  auto s = tfstate::load_state_text(appliance_state, "appliance.tfstate");
  const auto& table = by_address<RouteTable>(s, "aws_route_table.app");
  const auto* branch = route_to(table, "172.16.8.0/24");
  REQUIRE(branch != nullptr);
  CHECK(branch->blackhole);
  CHECK(branch->target.aws_id == "nat-0deleted");
  CHECK_FALSE(branch->target.resolved());
  CHECK(branch->origin.address == "aws_route.branch");
  CHECK(has_diagnostic(s, "route.blackhole", "aws_route.branch"));
  CHECK_FALSE(has_diagnostic(s, "ref.unresolved", "aws_route.branch"));
  // Active routes and inline blocks (which carry no state) are not blackholes.
  const auto* corp = route_to(table, "172.16.0.0/12");
  REQUIRE(corp != nullptr);
  CHECK_FALSE(corp->blackhole);
  CHECK(corp->target.resolved());
  CHECK_FALSE(route_to(table, "10.60.2.0/24")->blackhole);
}
