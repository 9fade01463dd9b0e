// Security groups, network ACLs, route lookup rules and load balancer listeners.
#include <catch2/catch.hpp>

#include "fwd_test_support.hpp"
#include "moat/fwd/network.hpp"
#include "snapshot_builder.hpp"

namespace moat::fwd::test {

using model::ObjectKind;
using model::RuleDirection;

namespace {

// Two subnets of one VPC (main route table only), an instance in each.
struct TwoSubnets {
  SnapshotBuilder b;
  model::VpcId vpc{};
  model::SubnetId a_subnet{}, b_subnet{};
  model::SecurityGroupId open{};
  model::InstanceId a{}, b2{}, a_peer{};
  TwoSubnets() {
    vpc = b.vpc("main", "10.0.0.0/16");
    a_subnet = b.subnet(vpc, "a", "10.0.1.0/24");
    b_subnet = b.subnet(vpc, "b", "10.0.2.0/24");
    open = b.open_sg(vpc, "open");
    a = b.instance("a", a_subnet, "10.0.1.10", {open});
    a_peer = b.instance("a_peer", a_subnet, "10.0.1.11", {open});
    b2 = b.instance("b", b_subnet, "10.0.2.10", {open});
  }
};

}  // namespace

TEST_CASE("a NACL that blocks ephemeral return ports breaks the connection although the request passes", "[fwd]") {
  TwoSubnets s;
  auto acl = s.b.nacl(s.vpc, "a", {s.a_subnet});
  s.b.nacl_entry(acl, 100, true, true, tcp(), net::PortSet::of(443), "0.0.0.0/0");
  s.b.nacl_entry(acl, 100, false, true, tcp(), net::PortSet::of(443), "0.0.0.0/0");
  Network network(s.b.snapshot);
  auto forward = network.flow({instance(s.a)}, tcp_to("10.0.2.10/32", 443), {instance(s.b2)});
  CHECK(forward.delivered.size() == 1);
  auto verdict = network.reachable({instance(s.a)}, {instance(s.b2)}, tcp(), net::PortSet::of(443));
  CHECK(verdict.status == VerdictStatus::fails);
  const auto* drop = find_drop(verdict.blockers, ExplanationCode::SUBNET_ACL_RESTRICTION);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_network_acl.a");
  CHECK(drop->detail.find("return path") != std::string::npos);
  // With the ephemeral range allowed back in, the connection works.
  s.b.nacl_entry(acl, 110, false, true, tcp(), net::PortSet::range(1024, 65535), "0.0.0.0/0");
  Network fixed(s.b.snapshot);
  CHECK(fixed.reachable({instance(s.a)}, {instance(s.b2)}, tcp(), net::PortSet::of(443)).holds());
}

TEST_CASE("delivery inside one subnet ignores the subnet's NACL", "[fwd]") {
  TwoSubnets s;
  auto acl = s.b.nacl(s.vpc, "deny_all", {s.a_subnet, s.b_subnet});  // a custom NACL: nothing listed
  Network network(s.b.snapshot);
  CHECK(network.reachable({instance(s.a)}, {instance(s.a_peer)}, tcp(), net::PortSet::of(443)).holds());
  auto across = network.reachable({instance(s.a)}, {instance(s.b2)}, tcp(), net::PortSet::of(443));
  CHECK(across.status == VerdictStatus::fails);
  const auto* drop = find_drop(across.blockers, ExplanationCode::SUBNET_ACL_RESTRICTION);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_network_acl.deny_all");
  CHECK(drop->detail.find("final rule *") != std::string::npos);
  (void)acl;
}

TEST_CASE("a NACL decides by the lowest-numbered matching rule", "[fwd]") {
  TwoSubnets s;
  auto acl = s.b.nacl(s.vpc, "ordered", {s.b_subnet});
  s.b.nacl_entry(acl, 200, false, true, net::ProtocolSet::all(), net::PortSet::all(), "0.0.0.0/0");
  s.b.nacl_entry(acl, 100, false, false, tcp(), net::PortSet::of(22), "10.0.1.0/24");
  s.b.nacl_entry(acl, 100, true, true, net::ProtocolSet::all(), net::PortSet::all(), "0.0.0.0/0");
  Network network(s.b.snapshot);
  auto ssh = network.flow({instance(s.a)}, tcp_to("10.0.2.10/32", 22), {instance(s.b2)});
  CHECK(ssh.delivered.empty());
  const auto* drop = find_drop(ssh.dropped, ExplanationCode::SUBNET_ACL_RESTRICTION);
  REQUIRE(drop != nullptr);
  CHECK(drop->detail.find("rule 100 deny") != std::string::npos);
  CHECK(network.reachable({instance(s.a)}, {instance(s.b2)}, tcp(), net::PortSet::of(443)).holds());
}

TEST_CASE("a Terraform security group without egress rules blocks all egress", "[fwd]") {
  TwoSubnets s;
  auto closed = s.b.sg(s.vpc, "no_egress");
  s.b.sg_rule(closed, RuleDirection::ingress, net::ProtocolSet::all(), net::PortSet::all(), "0.0.0.0/0");
  auto c = s.b.instance("c", s.a_subnet, "10.0.1.20", {closed});
  Network network(s.b.snapshot);
  auto result = network.flow({instance(c)}, tcp_to("10.0.2.10/32", 443), {instance(s.b2)});
  CHECK(result.delivered.empty());
  const auto* drop = find_drop(result.dropped, ExplanationCode::ENI_SG_RULES_MISMATCH);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_security_group.no_egress");
  CHECK(network.isolated({instance(c)}, {instance(s.b2)}).holds());
  // Replies to connections it accepts still pass (stateful).
  CHECK(network.reachable({instance(s.b2)}, {instance(c)}, tcp(), net::PortSet::of(443)).holds());
}

TEST_CASE("a security group reference matches only ENIs carrying the referenced group", "[fwd]") {
  TwoSubnets s;
  auto clients = s.b.sg(s.vpc, "clients");
  s.b.sg_rule(clients, RuleDirection::egress, net::ProtocolSet::all(), net::PortSet::all(), "0.0.0.0/0");
  auto server_sg = s.b.sg(s.vpc, "server");
  s.b.sg_rule_ref(server_sg, RuleDirection::ingress, tcp(), net::PortSet::of(443), clients);
  auto member = s.b.instance("member", s.a_subnet, "10.0.1.30", {clients});
  auto server = s.b.instance("server", s.b_subnet, "10.0.2.30", {server_sg});
  Network network(s.b.snapshot);
  CHECK(network.reachable({instance(member)}, {instance(server)}, tcp(), net::PortSet::of(443)).holds());
  auto outsider = network.reachable({instance(s.a)}, {instance(server)}, tcp(), net::PortSet::of(443));
  CHECK(outsider.status == VerdictStatus::fails);
  const auto* drop = find_drop(outsider.blockers, ExplanationCode::ENI_SG_RULES_MISMATCH);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_security_group.server");
}

TEST_CASE("a blackhole route drops its traffic instead of falling through to a shorter route", "[fwd]") {
  SnapshotBuilder b;
  auto vpc = b.vpc("main", "10.0.0.0/16");
  auto other = b.vpc("other", "10.9.0.0/16");
  auto subnet = b.subnet(vpc, "app", "10.0.1.0/24");
  auto table = b.route_table(vpc, "app");
  b.associate(subnet, table);
  auto igw = b.igw(vpc, "main");
  auto pcx = b.peering(vpc, other, "stale", "failed");
  b.route(table, "0.0.0.0/0", "igw-main", igw, "default");
  b.route(table, "8.8.8.0/24", "pcx-stale", pcx, "stale");
  auto host = b.instance("host", subnet, "10.0.1.10", {b.open_sg(vpc, "open")}, true);
  Network network(b.snapshot);
  auto result = network.flow({Endpoint::of({ObjectKind::instance, model::index(host)})}, tcp_to("8.8.0.0/16", 443),
                             {Endpoint::internet()});
  const auto* drop = find_drop(result.dropped, ExplanationCode::BAD_STATE_ROUTE);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_route.stale");
  CHECK(drop->packets.destinations(net::IpFamily::v4) == net::AddressSet::of(cidr("8.8.8.0/24")));
  REQUIRE(result.delivered.size() == 1);
  CHECK(!result.delivered.front().packets.destinations(net::IpFamily::v4).intersects(net::AddressSet::of(cidr("8.8.8.0/24"))));
}

TEST_CASE("a route to a target missing from state is unknown, so isolation cannot be proven", "[fwd]") {
  SnapshotBuilder b;
  auto vpc = b.vpc("main", "10.0.0.0/16");
  auto subnet = b.subnet(vpc, "app", "10.0.1.0/24");
  auto table = b.route_table(vpc, "app");
  b.associate(subnet, table);
  b.route_unresolved(table, "0.0.0.0/0", "nat-elsewhere");
  auto host = b.instance("host", subnet, "10.0.1.10", {b.open_sg(vpc, "open")});
  Network network(b.snapshot);
  auto verdict = network.isolated({Endpoint::of({ObjectKind::instance, model::index(host)})}, {Endpoint::internet()});
  CHECK(verdict.status == VerdictStatus::unknown);
  const auto* drop = find_drop(verdict.blockers, ExplanationCode::UNKNOWN_TARGET);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_route.nat-elsewhere");
}

TEST_CASE("addresses of a VPC that belong to no interface are a black hole", "[fwd]") {
  TwoSubnets s;
  Network network(s.b.snapshot);
  auto result = network.flow({instance(s.a)}, tcp_to("10.0.2.99/32", 443));
  CHECK(result.delivered.empty());
  CHECK(find_drop(result.dropped, ExplanationCode::NO_INTERFACE_AT_ADDRESS) != nullptr);
  auto gap = network.flow({instance(s.a)}, tcp_to("10.0.200.1/32", 443));
  const auto* drop = find_drop(gap.dropped, ExplanationCode::NO_INTERFACE_AT_ADDRESS);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_vpc.main");
}

TEST_CASE("a subnet without an explicit association uses the VPC main route table", "[fwd]") {
  TwoSubnets s;  // no explicit associations at all
  Network network(s.b.snapshot);
  auto result = network.flow({instance(s.a)}, tcp_to("10.0.2.10/32", 443), {instance(s.b2)});
  REQUIRE(result.delivered.size() == 1);
  CHECK(path_names(result.delivered.front().path, "aws_route_table.main_main"));
}

TEST_CASE("a more specific route than local sends subnet traffic through an appliance", "[fwd]") {
  TwoSubnets s;
  auto inspect = s.b.subnet(s.vpc, "inspect", "10.0.3.0/24");
  auto appliance_id = s.b.instance("fw", inspect, "10.0.3.10", {s.open});
  s.b.snapshot.get(appliance_id).source_dest_check = false;
  auto table = s.b.route_table(s.vpc, "a");
  s.b.associate(s.a_subnet, table);
  s.b.route(table, "10.0.2.0/24", "i-fw", appliance_id, "to_fw");
  Network network(s.b.snapshot);
  auto result = network.flow({instance(s.a)}, tcp_to("10.0.2.10/32", 443), {instance(s.b2)});
  REQUIRE(result.delivered.size() == 1);
  CHECK(path_names(result.delivered.front().path, "aws_route.to_fw"));
  CHECK(path_names(result.delivered.front().path, "aws_instance.fw"));
  s.b.snapshot.get(appliance_id).source_dest_check = true;
  Network checked(s.b.snapshot);
  auto blocked = checked.flow({instance(s.a)}, tcp_to("10.0.2.10/32", 443), {instance(s.b2)});
  CHECK(blocked.delivered.empty());
  const auto* drop = find_drop(blocked.dropped, ExplanationCode::APPLIANCE_SOURCE_DEST_CHECK);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_instance.fw");
}

namespace {

// TwoSubnets plus an appliance instance fw in subnet inspect (10.0.3.0/24), whose primary
// ENI eni-fw is an aws_network_interface attached to it; a's table sends b's subnet to
// the ENI (more specific than local, R1.6).
struct ApplianceEni {
  TwoSubnets s;
  model::SubnetId inspect{};
  model::InstanceId fw{};
  model::NetworkInterfaceId eni{};
  model::RouteTableId table{};
  ApplianceEni() {
    inspect = s.b.subnet(s.vpc, "inspect", "10.0.3.0/24");
    fw = s.b.instance("fw", inspect, "10.0.3.10", {s.open});
    model::NetworkInterface interface;
    interface.origin = SnapshotBuilder::origin("aws_network_interface", "fw", "eni-fw");
    interface.subnet = s.b.ref(inspect);
    interface.private_ips = {net::IpAddress::parse("10.0.3.10")};
    interface.security_groups = {{"sg-open", s.open}};
    interface.instance = {"i-fw", fw};
    eni = s.b.snapshot.add(std::move(interface));
    s.b.snapshot.get(fw).primary_network_interface = {"eni-fw", eni};
    table = s.b.route_table(s.vpc, "a");
    s.b.associate(s.a_subnet, table);
    s.b.route(table, "10.0.2.0/24", "eni-fw", eni, "to_fw");
  }
  // a -> b, tcp 443, over the current snapshot.
  FlowResult a_to_b() const {
    return Network(s.b.snapshot).flow({instance(s.a)}, tcp_to("10.0.2.10/32", 443), {instance(s.b2)});
  }
};

}  // namespace

TEST_CASE("a route to an ENI attached to an instance in state forwards through that appliance, the ENI's "
          "source/dest check deciding (R1.6, §1.4)",
          "[fwd]") {
  ApplianceEni x;
  x.s.b.snapshot.get(x.eni).source_dest_check = false;
  x.s.b.snapshot.get(x.fw).source_dest_check = true;  // a stale instance attribute: the ENI decides
  auto result = x.a_to_b();
  REQUIRE(result.delivered.size() == 1);
  CHECK(path_names(result.delivered.front().path, "aws_route.to_fw"));
  CHECK(path_names(result.delivered.front().path, "aws_instance.fw"));
  CHECK(find_drop(result.dropped, ExplanationCode::UNKNOWN_TARGET) == nullptr);

  x.s.b.snapshot.get(x.eni).source_dest_check = true;
  x.s.b.snapshot.get(x.fw).source_dest_check = false;
  auto blocked = x.a_to_b();
  CHECK(blocked.delivered.empty());
  const auto* drop = find_drop(blocked.dropped, ExplanationCode::APPLIANCE_SOURCE_DEST_CHECK);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_instance.fw");
}

TEST_CASE("a route to an instance's primary ENI resolved to the instance forwards through it (§1.4)", "[fwd]") {
  ApplianceEni x;
  // Provider v5 shape: the route names the ENI, which is no resource; it resolves to the instance.
  auto& route = x.s.b.snapshot.get(x.table).routes.back();
  route.target.id = x.fw;
  REQUIRE(route.target.kind == model::RouteTargetKind::network_interface);
  x.s.b.snapshot.get(x.fw).source_dest_check = false;
  x.s.b.snapshot.get(x.eni).source_dest_check = false;
  auto result = x.a_to_b();
  REQUIRE(result.delivered.size() == 1);
  CHECK(path_names(result.delivered.front().path, "aws_instance.fw"));
}

TEST_CASE("a route to an ENI attached to a stopped instance is a blackhole (R1.13)", "[fwd]") {
  ApplianceEni x;
  x.s.b.snapshot.get(x.eni).source_dest_check = false;
  x.s.b.snapshot.get(x.fw).state = "stopped";
  auto result = x.a_to_b();
  CHECK(result.delivered.empty());
  const auto* drop = find_drop(result.dropped, ExplanationCode::BAD_STATE_ROUTE);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_route.to_fw");
  CHECK(drop->certain);
}

TEST_CASE("a secondary ENI of an instance is an appliance of its own: its subnet and source/dest check (§1.4)", "[fwd]") {
  ApplianceEni x;
  // eni-fw becomes a secondary ENI: the instance names another primary ENI.
  x.s.b.snapshot.get(x.fw).primary_network_interface = {"eni-fw-primary", std::nullopt};
  x.s.b.snapshot.get(x.fw).source_dest_check = true;
  x.s.b.snapshot.get(x.eni).private_ips = {net::IpAddress::parse("10.0.3.20")};
  x.s.b.snapshot.get(x.eni).source_dest_check = false;
  auto result = x.a_to_b();
  REQUIRE(result.delivered.size() == 1);
  CHECK(path_names(result.delivered.front().path, "aws_network_interface.fw"));
  CHECK_FALSE(path_names(result.delivered.front().path, "aws_instance.fw"));
}

TEST_CASE("a route in state blackhole drops what it matches; no shorter route is used (R1.13, §9.5)", "[fwd]") {
  TwoSubnets s;
  auto table = s.b.route_table(s.vpc, "a");  // local 10.0.0.0/16 would deliver to b
  s.b.associate(s.a_subnet, table);
  s.b.route_unresolved(table, "10.0.2.0/24", "nat-deleted");
  s.b.snapshot.get(table).routes.back().blackhole = true;
  Network network(s.b.snapshot);
  auto verdict = network.isolated({instance(s.a)}, {instance(s.b2)});
  CHECK(verdict.status == VerdictStatus::holds);
  auto result = network.flow({instance(s.a)}, tcp_to("10.0.2.10/32", 443), {instance(s.b2)});
  CHECK(result.delivered.empty());
  const auto* drop = find_drop(result.dropped, ExplanationCode::BAD_STATE_ROUTE);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_route.nat-deleted");
  CHECK(drop->certain);
  CHECK(find_drop(result.dropped, ExplanationCode::UNKNOWN_TARGET) == nullptr);
  // Without the blackhole state the same unresolved route is an unknown target.
  s.b.snapshot.get(table).routes.back().blackhole = false;
  Network unknown(s.b.snapshot);
  CHECK(unknown.isolated({instance(s.a)}, {instance(s.b2)}).status == VerdictStatus::unknown);
}

TEST_CASE("a flow to a load balancer ends at a listener port", "[fwd]") {
  TwoSubnets s;
  auto lb = s.b.load_balancer("alb", {s.b_subnet}, {s.open});
  s.b.listener(lb, 443);
  Network network(s.b.snapshot);
  auto alb = Endpoint::of({ObjectKind::load_balancer, model::index(lb)});
  CHECK(network.reachable({instance(s.a)}, {alb}, tcp(), net::PortSet::of(443)).holds());
  auto http = network.reachable({instance(s.a)}, {alb}, tcp(), net::PortSet::of(80));
  CHECK(http.status == VerdictStatus::fails);
  const auto* drop = find_drop(http.blockers, ExplanationCode::ELBV2_LISTENER_PORT_RESTRICTION);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_lb.alb");
}

TEST_CASE("an ECS service whose addresses state lacks ranges over its subnet", "[fwd]") {
  TwoSubnets s;
  auto api = s.b.ecs_service("api", {s.b_subnet}, {s.open});
  Network network(s.b.snapshot);
  const auto& groups = network.graph().groups();
  auto it = std::find_if(groups.begin(), groups.end(), [](const auto& g) { return g.role == graph::InterfaceRole::ecs_service; });
  REQUIRE(it != groups.end());
  CHECK(!it->addresses_known);
  CHECK(it->addresses == net::AddressSet::of(cidr("10.0.2.0/24")));
  CHECK(network.reachable({instance(s.a)}, {Endpoint::of({ObjectKind::ecs_service, model::index(api)})}, tcp(),
                          net::PortSet::of(8080))
            .holds());
}

}  // namespace moat::fwd::test

namespace moat::fwd::test {

TEST_CASE("a route to a customer prefix list acts as one route per entry", "[fwd]") {
  TwoSubnets s;
  auto other = s.b.vpc("other", "10.7.0.0/16");
  auto other_subnet = s.b.subnet(other, "o", "10.7.1.0/24");
  auto remote = s.b.instance("remote", other_subnet, "10.7.1.10", {s.b.open_sg(other, "remote_open")});
  auto pcx = s.b.peering(s.vpc, other, "main_other");
  model::ManagedPrefixList list;
  list.origin = SnapshotBuilder::origin("aws_ec2_managed_prefix_list", "partners", "pl-partners");
  list.entries_known = true;
  list.entries = {cidr("10.7.1.0/24")};
  s.b.snapshot.add(std::move(list));
  auto table = s.b.route_table(s.vpc, "a");
  s.b.associate(s.a_subnet, table);
  model::Route route;
  route.destination.prefix_list_id = "pl-partners";
  route.target = {model::RouteTargetKind::vpc_peering_connection, "pcx-main_other", pcx};
  route.kind = model::RouteKind::prefix_list;
  route.origin = SnapshotBuilder::origin("aws_route", "partners", "r-partners");
  s.b.snapshot.get(table).routes.push_back(route);
  auto back = s.b.route_table(other, "o");
  s.b.associate(other_subnet, back);
  s.b.route(back, "10.0.0.0/16", "pcx-main_other", pcx, "back");
  Network network(s.b.snapshot);
  auto verdict = network.reachable({instance(s.a)}, {Endpoint::of({ObjectKind::instance, model::index(remote)})}, tcp(),
                                   net::PortSet::of(443));
  CHECK(verdict.status == VerdictStatus::holds);
  auto result = network.flow({instance(s.a)}, tcp_to("10.7.2.0/24", 443));
  const auto* drop = find_drop(result.dropped, ExplanationCode::NO_ROUTE_TO_DESTINATION);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_route_table.a");
}

}  // namespace moat::fwd::test
