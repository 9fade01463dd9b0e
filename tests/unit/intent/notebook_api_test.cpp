// The C++ API behind the notebook bindings: check_environment over states loaded once,
// the evidence spelling shared by trace and check, and the reachability matrix.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "moat/core/error.hpp"
#include "moat/intent/check.hpp"
#include "moat/intent/environment.hpp"
#include "moat/intent/evidence.hpp"
#include "moat/intent/reachability_matrix.hpp"
#include "moat/intent/trace.hpp"
#include "moat/report/to_json.hpp"
#include "moat/scenario/load_scenario.hpp"
#include "moat/tfstate/load_states.hpp"

namespace moat::intent {

namespace {

const std::string example = std::string(MOAT_SOURCE_DIR) + "/models/examples/closed-ecs/";

bool mentions(const std::vector<PathStep>& path, const std::string& address) {
  return std::any_of(path.begin(), path.end(), [&](const PathStep& s) { return s.resource == address; });
}

bool mentions(const std::vector<Explanation>& explanations, const std::string& code, const std::string& address) {
  return std::any_of(explanations.begin(), explanations.end(),
                     [&](const Explanation& e) { return e.code == code && e.resource == address; });
}

struct Loaded {
  scenario::Scenario scenario;
  model::Snapshot snapshot;
  Environment environment;
  explicit Loaded(const std::string& file)
      : scenario(scenario::load_scenario(file)), snapshot(tfstate::load_states(scenario.states)), environment(snapshot, scenario) {}
};

}  // namespace

TEST_CASE("check_environment over loaded states reports what check_scenario reports", "[intent]") {
  for (const char* variant : {"before", "after"}) {
    INFO(variant);
    Loaded loaded(example + variant + "/moat.json");
    auto once = check_environment(loaded.environment);
    CHECK(report::to_json(once) == report::to_json(check_scenario(loaded.scenario)));
    CHECK(once.scenario == loaded.scenario.file.string());
    CHECK(once.intents.size() > loaded.scenario.intents.size());  // the closed profile's intents are added
  }
}

TEST_CASE("check_environment adds a profile the scenario does not name and rejects an unknown one", "[intent]") {
  auto scenario = scenario::load_scenario(example + "after/moat.json");
  auto snapshot = tfstate::load_states(scenario.states);
  scenario.profile.clear();
  Environment environment(snapshot, scenario);
  auto plain = check_environment(environment);
  CHECK(plain.intents.size() == scenario.intents.size());
  auto closed = check_environment(environment, "closed");
  CHECK(closed.intents.size() > plain.intents.size());
  CHECK(std::any_of(closed.intents.begin(), closed.intents.end(),
                    [](const IntentResult& r) { return r.intent.name == "closed/no-internet-ingress"; }));
  CHECK_THROWS_WITH(check_environment(environment, "open"), Catch::Contains("unknown profile \"open\""));
}

TEST_CASE("a delivered part's evidence names the NAT route and ends at the destination", "[intent]") {
  Loaded before(example + "before/moat.json");
  auto traced = trace(before.environment, "aws_ecs_service.app", "internet", scenario::parse_intent_protocol("tcp"),
                      scenario::parse_intent_port("443"));
  REQUIRE_FALSE(traced.result.delivered.empty());
  const auto& part = traced.result.delivered.front();
  auto path = delivered_path(before.environment, part);
  auto destination = before.environment.network().graph().node(part.destination).name;
  REQUIRE(path.size() >= part.path.size() + part.reply_path.size());
  auto arrival = path.size() - part.reply_path.size() - 1;
  CHECK(path[arrival].node == destination);
  CHECK_THAT(path[arrival].decision, Catch::StartsWith("delivered"));
  CHECK(std::count_if(path.begin(), path.end(), [](const PathStep& s) { return s.decision.starts_with("delivered"); }) == 1);
  CHECK(mentions(path, "module.network.aws_route_table.private"));
  auto explanations = delivered_explanations(before.environment, part);
  CHECK(mentions(explanations, "PATH_EXISTS", "module.network.aws_route_table.private"));
  CHECK(mentions(explanations, "PATH_EXISTS", "module.network.aws_nat_gateway.main"));
}

TEST_CASE("a dropped part's evidence ends where it stopped with the code and the deciding resource", "[intent]") {
  Loaded after(example + "after/moat.json");
  auto traced = trace(after.environment, "aws_ecs_service.app", "aws_lb.app", scenario::parse_intent_protocol("tcp"),
                      scenario::parse_intent_port("22"));
  REQUIRE_FALSE(traced.result.dropped.empty());
  for (const auto& part : traced.result.dropped) {
    auto why = dropped_explanation(part);
    CHECK(why.code == fwd::to_string(part.code));
    CHECK(why.resource == part.address);
    CHECK_FALSE(why.message.empty());
    auto path = dropped_path(after.environment, part);
    REQUIRE(path.size() == part.path.size() + 1);
    CHECK(path.back().node == after.environment.network().graph().node(part.at).name);
    CHECK(path.back().decision == "dropped: " + why.code + ": " + why.message);
  }
}

TEST_CASE("resolution_path has one step per resolution step with its deciding resource", "[intent]") {
  Loaded after(example + "after/moat.json");
  auto resolutions = resolve_from(after.environment, "onprem", "app.example.com");
  REQUIRE(resolutions.size() == 1);
  auto path = resolution_path(resolutions.front());
  REQUIRE(path.size() == resolutions.front().steps.size());
  CHECK(mentions(path, "aws_route53_record.app"));
  CHECK(mentions(path, "aws_route53_resolver_endpoint.inbound"));
}

TEST_CASE("the reachability matrix answers each source and destination pair, row-major", "[intent]") {
  Loaded after(example + "after/moat.json");
  auto tcp = scenario::parse_intent_protocol("tcp");
  auto https = scenario::parse_intent_port("443");
  auto matrix = reachability_matrix(after.environment, {"onprem", "aws_ecs_service.app", "internet"},
                                    {"aws_lb.app", "internet"}, tcp, https);
  REQUIRE(matrix.cells.size() == 6);
  CHECK(matrix.at(0, 0).intent.name == "onprem -> aws_lb.app");
  CHECK(matrix.at(2, 1).intent.name == "internet -> internet");
  CHECK(matrix.at(0, 0).holds);  // on-prem reaches the internal ALB's listener over DX
  CHECK_FALSE(matrix.at(0, 1).holds);
  CHECK_FALSE(matrix.at(1, 1).holds);  // the closed tasks have no way out
  CHECK_FALSE(matrix.at(2, 0).holds);  // nor does the internet get in
  CHECK(matrix.at(1, 1).witness.has_value());

  Loaded before(example + "before/moat.json");
  auto open = reachability_matrix(before.environment, {"internet", "aws_ecs_service.app"}, {"aws_lb.app", "internet"}, tcp, https);
  CHECK(open.at(0, 0).holds);  // the internet-facing ALB takes 443 from anywhere
  CHECK(open.at(1, 1).holds);  // the tasks go out through the NAT
}

TEST_CASE("a reachability matrix with a selector that matches nothing throws before evaluating", "[intent]") {
  Loaded after(example + "after/moat.json");
  CHECK_THROWS_AS(reachability_matrix(after.environment, {"onprem"}, {"aws_lb.nope"}, net::ProtocolSet::all(), net::PortSet::all()),
                  ParseError);
  CHECK_THROWS_WITH(reachability_matrix(after.environment, {"onprem"}, {"aws_lb.nope"}, net::ProtocolSet::all(), net::PortSet::all()),
                    Catch::Contains("onprem -> aws_lb.nope") && Catch::Contains("to"));
  CHECK(reachability_matrix(after.environment, {}, {"internet"}, net::ProtocolSet::all(), net::PortSet::all()).cells.empty());
}

}  // namespace moat::intent
