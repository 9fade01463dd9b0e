// main-route-table.tfstate: an aws_main_route_table_association replacing the VPC's main
// route table (R1.1, SEMANTICS §9.2) and an aws_lb without `internal` (R2.6, §9.10),
// loaded and checked end to end.
#include <catch2/catch.hpp>

#include "fixture_paths.hpp"
#include "moat/fwd/network.hpp"
#include "moat/tfstate/load_states.hpp"
#include "snapshot_lookup.hpp"
#include "unit/fwd/fwd_test_support.hpp"

using namespace moat;
using namespace moat::model;

namespace {

const Snapshot& loaded() {
  static const Snapshot snapshot = tfstate::load_states({tfstate_fixture("main-route-table.tfstate")});
  return snapshot;
}

fwd::Endpoint object(const Snapshot& s, const std::string& address) {
  auto found = s.find_address(address);
  REQUIRE(found.has_value());
  return fwd::Endpoint::of(*found);
}

}  // namespace

TEST_CASE("aws_main_route_table_association replaces the main table although aws_vpc still names the old one (R1.1)",
          "[tfstate][fwd]") {
  const auto& s = loaded();
  const auto& vpc = by_address<Vpc>(s, "aws_vpc.main");
  CHECK(vpc.main_route_table.aws_id == "rtb-0mtabpub0000001");
  REQUIRE(vpc.main_route_table.resolved());
  CHECK(s.get(*vpc.main_route_table.id).origin.address == "aws_route_table.public");
  CHECK(vpc.main_route_table_association.address == "aws_main_route_table_association.public");
  // A subnet without an explicit association follows the replacement: its route to the IGW
  // makes the internet-facing load balancer reachable (R2.6).
  CHECK(by_address<Subnet>(s, "aws_subnet.public_a").route_table.empty());
  fwd::Network network(s);
  auto lb = object(s, "aws_lb.web");
  auto verdict = network.reachable({fwd::Endpoint::internet()}, {lb}, fwd::test::tcp(), net::PortSet::of(443));
  CHECK(verdict.status == fwd::VerdictStatus::holds);
  auto out = network.flow({fwd::Endpoint::internet()}, fwd::test::tcp_to("10.30.1.0/24", 443), {lb});
  REQUIRE(!out.delivered.empty());
  CHECK(fwd::test::path_names(out.delivered.front().path, "aws_lb.web"));
}

TEST_CASE("a subnet explicitly associated with the old main table stays with it after the replacement (R1.1)",
          "[tfstate][fwd]") {
  const auto& s = loaded();
  const auto& subnet = by_address<Subnet>(s, "aws_subnet.private");
  CHECK(subnet.route_table.aws_id == "rtb-0mtaborig000001");
  // The worker has a public IP, but its table (the old main) has no route to the IGW (R2.5).
  fwd::Network network(s);
  auto worker = object(s, "aws_instance.worker");
  auto inbound = network.reachable({fwd::Endpoint::internet()}, {worker}, fwd::test::tcp(), net::PortSet::of(443));
  CHECK(inbound.status == fwd::VerdictStatus::fails);
  const auto* no_way_back = fwd::test::find_drop(inbound.blockers, fwd::ExplanationCode::NO_ROUTE_TO_DESTINATION);
  REQUIRE(no_way_back != nullptr);
  CHECK(no_way_back->address == "aws_default_route_table.original");
  CHECK(network.isolated({worker}, {fwd::Endpoint::internet()}).holds());
  auto out = network.flow({worker}, fwd::test::tcp_to("8.8.8.0/24", 443), {fwd::Endpoint::internet()});
  CHECK(out.delivered.empty());
  const auto* drop = fwd::test::find_drop(out.dropped, fwd::ExplanationCode::NO_ROUTE_TO_DESTINATION);
  REQUIRE(drop != nullptr);
  CHECK(drop->address == "aws_default_route_table.original");
}

TEST_CASE("an aws_lb without the internal attribute is internet-facing, the provider default (R2.6)", "[tfstate][fwd]") {
  const auto& s = loaded();
  const auto& lb = by_address<LoadBalancer>(s, "aws_lb.web");
  CHECK_FALSE(lb.internal);
  fwd::Network network(s);
  auto verdict = network.isolated({fwd::Endpoint::internet()}, {object(s, "aws_lb.web")});
  CHECK(verdict.status == fwd::VerdictStatus::fails);
  REQUIRE(!verdict.counterexamples.empty());
  CHECK(fwd::test::path_names(verdict.counterexamples.front().path, "aws_internet_gateway.main"));
  CHECK(fwd::test::path_names(verdict.counterexamples.front().path, "aws_lb.web"));
}
