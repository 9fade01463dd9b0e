// Interface endpoint ENI groups: their addresses come from state (the endpoint's
// subnet_configuration, provider v5) when it has them, as the DNS answers for the endpoint
// name them; else the group ranges over its subnet ("some address of the subnet").
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "moat/fwd/network.hpp"
#include "moat/tfstate/load_states.hpp"
#include "unit/tfstate/fixture_paths.hpp"

namespace moat::fwd::test {

namespace {

std::string fixture_text() {
  std::ifstream in(tfstate_fixture("network.tfstate"));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const graph::InterfaceGroup& group_in(const graph::ForwardingGraph& graph, const std::string& subnet_id) {
  const auto& snapshot = graph.snapshot();
  auto endpoint = snapshot.find_address("aws_vpc_endpoint.interface[\"ecr.dkr\"]");
  REQUIRE(endpoint.has_value());
  for (auto g : graph.groups_of(*endpoint)) {
    if (snapshot.get(graph.groups()[g].subnet).origin.aws_id == subnet_id) return graph.groups()[g];
  }
  FAIL("no group of the endpoint in " << subnet_id);
  throw;
}

}  // namespace

TEST_CASE("an interface endpoint's ENI groups take their IPv4 addresses from subnet_configuration", "[fwd][graph]") {
  auto snapshot = tfstate::load_state_text(fixture_text(), "network.tfstate");
  Network network(snapshot);
  const auto& a = group_in(network.graph(), "subnet-0aaaa00000000001");
  const auto& b = group_in(network.graph(), "subnet-0bbbb00000000001");
  CHECK(a.addresses_known);
  CHECK(a.addresses == net::AddressSet::of(net::Prefix::parse("10.20.1.50/32")));
  CHECK(b.addresses_known);
  CHECK(b.addresses == net::AddressSet::of(net::Prefix::parse("10.20.2.50/32")));
}

TEST_CASE("an interface endpoint without subnet_configuration ranges over its subnets", "[fwd][graph]") {
  auto text = fixture_text();
  for (const char* address : {"\"10.20.1.50\"", "\"10.20.2.50\""}) {
    auto at = text.find(address);
    REQUIRE(at != std::string::npos);
    text.replace(at, std::string(address).size(), "\"\"");
  }
  auto snapshot = tfstate::load_state_text(text, "network.tfstate");
  Network network(snapshot);
  const auto& a = group_in(network.graph(), "subnet-0aaaa00000000001");
  CHECK_FALSE(a.addresses_known);
  CHECK(a.addresses == net::AddressSet::of(net::Prefix::parse("10.20.1.0/24")));
  CHECK(group_in(network.graph(), "subnet-0bbbb00000000001").addresses == net::AddressSet::of(net::Prefix::parse("10.20.2.0/24")));
}

}  // namespace moat::fwd::test
