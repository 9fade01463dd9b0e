// The closed-ecs seed example (models/examples/closed-ecs): the loader must give the
// engines the facts its README lists.

#include <algorithm>

#include <catch2/catch.hpp>

#include "moat/tfstate/load_states.hpp"

using namespace moat;
using namespace moat::model;

namespace {

std::filesystem::path example(const std::string& name) {
  return std::filesystem::path(MOAT_SOURCE_DIR) / "models" / "examples" / "closed-ecs" / name;
}

}  // namespace

TEST_CASE("closed-ecs after: split network and app states load into one network", "[tfstate]") {
  if (!std::filesystem::exists(example("after/network.tfstate"))) {
    WARN("seed example absent");
    return;
  }
  auto s = tfstate::load_states({example("after/network.tfstate"), example("after/app.tfstate")});
  CHECK(s.vpcs.size() == 1);     // data.aws_vpc.main read back in app.tfstate
  CHECK(s.subnets.size() == 2);  // data.aws_subnet.private[...] likewise
  CHECK(s.internet_gateways.empty());
  CHECK(s.nat_gateways.empty());

  auto private_table = s.find_address("module.network.aws_route_table.private");
  REQUIRE(private_table.has_value());
  const auto& table = s.route_tables[private_table->index];
  std::size_t onprem = 0;
  bool s3 = false;
  for (const auto& route : table.routes) {
    if (route.destination.to_string() == "10.0.0.0/22") {
      ++onprem;
      CHECK(route.target.kind == RouteTargetKind::vpn_gateway);
      CHECK(route.origin.address == "module.network.aws_route.onprem");
    }
    if (route.source == RouteSource::gateway_endpoint) s3 = route.destination.prefix_list_id == "pl-61a54008";
  }
  CHECK(onprem == 1);  // inline copy and aws_route de-duplicated
  CHECK(s3);
  for (const auto& subnet : s.subnets) CHECK(s.effective_route_table(*s.find<Subnet>(subnet.origin.aws_id)).has_value());

  REQUIRE(s.dx_gateway_associations.size() == 1);
  const auto& dx = s.dx_gateway_associations[0];
  CHECK(dx.vpn_gateway.resolved());
  CHECK(dx.allowed_prefixes == std::vector<net::Prefix>{net::Prefix::parse("10.1.0.0/16")});

  REQUIRE(s.load_balancers.size() == 1);
  CHECK(s.load_balancers[0].internal);
  REQUIRE(s.hosted_zones.size() == 1);
  CHECK(s.hosted_zones[0].private_zone);
  CHECK(s.hosted_zones[0].vpcs.at(0).vpc.resolved());
  REQUIRE(s.resolver_endpoints.size() == 1);
  CHECK(s.resolver_endpoints[0].addresses.size() == 2);
  CHECK(s.vpc_endpoints.size() == 5);
  REQUIRE(s.ecs_services.size() == 1);
  CHECK(s.ecs_services[0].task_definition.resolved());
  CHECK(s.ecs_services[0].load_balancers.at(0).target_group.resolved());
}

TEST_CASE("closed-ecs before and after states each load without errors", "[tfstate]") {
  for (const char* dir : {"before", "after"}) {
    INFO(dir);
    std::string d(dir);
    if (!std::filesystem::exists(example(d + "/network.tfstate"))) continue;
    auto s = tfstate::load_states({example(d + "/network.tfstate"), example(d + "/app.tfstate")});
    CHECK(std::none_of(s.diagnostics.begin(), s.diagnostics.end(),
                       [](const Diagnostic& diagnostic) { return diagnostic.severity == Severity::error; }));
    CHECK_FALSE(s.vpcs.empty());
  }
}
