// The seed example models/examples/closed-ecs: `after` passes every intent, `before`
// fails closure naming the IGW route, the NAT and the internet-facing ALB; and the
// binding errors a scenario can make against real state.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "moat/core/error.hpp"
#include "moat/intent/check.hpp"
#include "moat/intent/environment.hpp"
#include "moat/intent/trace.hpp"
#include "moat/net/prefix.hpp"
#include "moat/scenario/load_scenario.hpp"
#include "moat/tfstate/load_states.hpp"

namespace moat::intent {

namespace {

const std::string example = std::string(MOAT_SOURCE_DIR) + "/models/examples/closed-ecs/";

const IntentResult* find(const CheckReport& report, const std::string& name) {
  auto it = std::find_if(report.intents.begin(), report.intents.end(), [&](const auto& r) { return r.intent.name == name; });
  return it == report.intents.end() ? nullptr : &*it;
}

bool names(const IntentResult& result, const std::string& address) {
  return std::any_of(result.explanations.begin(), result.explanations.end(),
                     [&](const Explanation& e) { return e.resource.find(address) != std::string::npos; });
}

std::string dump(const IntentResult& r) {
  std::string text = r.intent.name + " " + r.status + "\n";
  for (const auto& s : r.path) text += "  step " + s.node + " [" + s.resource + "] " + s.decision + "\n";
  for (const auto& e : r.explanations) text += "  " + e.code + " " + e.resource + ": " + e.message + "\n";
  return text;
}

// The error message of check_scenario over a scenario text evaluated in after/.
std::string error_in_after(const std::string& text) {
  try {
    check_scenario(scenario::parse_scenario(text, "test.json", example + "after"));
  } catch (const Error& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the closed example (after) satisfies its intents and the closed profile", "[intent][scenario]") {
  auto report = check_scenario(scenario::load_scenario(example + "after/moat.json"));
  for (const auto& r : report.intents) {
    INFO(dump(r));
    CHECK(r.holds);
  }
  CHECK(report.ok());
  for (const char* name : {"closed/no-internet-egress", "closed/no-internet-ingress", "onprem-reaches-app", "tasks-pull-images",
                           "closed/ecs:aws_ecs_service.app->ecr.api", "closed/ecs:aws_ecs_service.app->ecr.dkr",
                           "closed/ecs:aws_ecs_service.app->s3", "closed/ecs:aws_ecs_service.app->logs",
                           "closed/ecs:aws_ecs_service.app->ssm", "closed/lb:aws_lb_listener.https->aws_ecs_service.app",
                           "closed/net:onprem->aws_lb_listener.https", "closed/dns:onprem->app.example.com"}) {
    INFO(name);
    CHECK(find(report, name) != nullptr);
  }
  CHECK(report.states.size() == 2);
}

TEST_CASE("the ordinary example (before) fails closure naming the IGW route, the NAT and the ALB", "[intent][scenario]") {
  auto report = check_scenario(scenario::load_scenario(example + "before/moat.json"));
  CHECK_FALSE(report.ok());
  const auto* egress = find(report, "closed/no-internet-egress");
  REQUIRE(egress != nullptr);
  INFO(dump(*egress));
  CHECK_FALSE(egress->holds);
  REQUIRE(egress->witness.has_value());
  // The witness is the packet as the task sends it, before the NAT rewrites its source.
  CHECK(net::Prefix::parse("10.1.0.0/16").contains(egress->witness->source));
  CHECK_FALSE(egress->path.empty());
  CHECK(names(*egress, "module.network.aws_route_table.public"));
  CHECK(names(*egress, "module.network.aws_nat_gateway.main"));
  const auto* ingress = find(report, "closed/no-internet-ingress");
  REQUIRE(ingress != nullptr);
  INFO(dump(*ingress));
  CHECK_FALSE(ingress->holds);
  CHECK(names(*ingress, "aws_lb.app"));
  CHECK(names(*ingress, "module.network.aws_route_table.public"));
  for (const char* name : {"no-internet-egress", "no-internet-ingress"}) {
    const auto* r = find(report, name);
    REQUIRE(r != nullptr);
    CHECK_FALSE(r->holds);
  }
}

TEST_CASE("a selector that matches nothing is an error naming the intent and the side", "[intent]") {
  auto message = error_in_after(R"({"states": ["network.tfstate", "app.tfstate"],
      "intents": [{"name": "ghost", "from": "aws_ecs_service.nope", "to": "internet", "expect": "unreachable"}]})");
  CHECK_THAT(message, Catch::Contains("intent \"ghost\": from") && Catch::Contains("aws_ecs_service.nope") &&
                          Catch::Contains("matches nothing"));
  message = error_in_after(R"({"states": ["network.tfstate", "app.tfstate"],
      "intents": [{"name": "ghost2", "from": "*", "to": "offprem"}]})");
  CHECK_THAT(message, Catch::Contains("intent \"ghost2\": to") && Catch::Contains("offprem"));
  message = error_in_after(R"({"states": ["network.tfstate", "app.tfstate"],
      "intents": [{"name": "vpc-level", "from": "aws_iam_role.task_execution", "to": "internet"}]})");
  CHECK_THAT(message, Catch::Contains("vpc-level"));
  message = error_in_after(R"({"states": ["network.tfstate", "app.tfstate"],
      "intents": [{"name": "src-dns", "from": "dns:app.example.com", "to": "internet"}]})");
  CHECK_THAT(message, Catch::Contains("src-dns") && Catch::Contains("destinations"));
}

TEST_CASE("a network attached through a gateway that is not in the state is an error naming the key", "[intent]") {
  auto message = error_in_after(R"({"states": ["network.tfstate", "app.tfstate"],
      "networks": {"onprem": {"cidrs": ["10.0.0.0/22"], "via": [{"dx_gateway": "aws_dx_gateway.missing"}]}}, "intents": []})");
  CHECK_THAT(message, Catch::Contains("networks.onprem.via[0].dx_gateway") && Catch::Contains("aws_dx_gateway.missing"));
  message = error_in_after(R"({"states": ["network.tfstate", "app.tfstate"],
      "networks": {"onprem": {"cidrs": ["10.0.0.0/22"], "dns_forwarders": [{"domain": "example.com", "to": "aws_route53_resolver_endpoint.x"}]}},
      "intents": []})");
  CHECK_THAT(message, Catch::Contains("networks.onprem.dns_forwarders[0].to"));
  message = error_in_after(R"({"intents": []})");
  CHECK_THAT(message, Catch::Contains("no state files"));
}

TEST_CASE("subnets, addresses and module-less instance lists select interfaces", "[intent]") {
  auto scenario = scenario::parse_scenario(R"({"states": ["network.tfstate", "app.tfstate"], "region": "ap-northeast-1",
      "intents": [
        {"name": "subnet-to-internet", "from": "module.network.aws_subnet.private[\"1a\"]", "to": "internet", "expect": "unreachable"},
        {"name": "all-private-subnets", "from": "module.network.aws_subnet.private", "to": "8.8.8.8", "expect": "unreachable"},
        {"name": "lb-to-tasks", "from": "aws_lb.app", "to": "aws_ecs_service.app", "protocol": "tcp", "port": 80},
        {"name": "tasks-to-logs", "from": "aws_ecs_service.app", "to": "service:logs", "protocol": "tcp", "port": 443},
        {"name": "tasks-to-lb-on-22", "from": "aws_ecs_service.app", "to": "aws_lb.app", "protocol": "tcp", "port": 22}
      ]})",
                                           "test.json", example + "after");
  auto report = check_scenario(scenario);
  for (const auto& r : report.intents) INFO(dump(r));
  CHECK(find(report, "subnet-to-internet")->holds);
  CHECK(find(report, "all-private-subnets")->holds);
  CHECK(find(report, "lb-to-tasks")->holds);
  CHECK(find(report, "tasks-to-logs")->holds);
  const auto* blocked = find(report, "tasks-to-lb-on-22");
  INFO(dump(*blocked));
  CHECK_FALSE(blocked->holds);
  CHECK(blocked->witness.has_value());
  CHECK_FALSE(blocked->explanations.empty());
}

}  // namespace moat::intent

namespace moat::intent {

TEST_CASE("without a declared region the subnets' availability zones give it, unless they disagree", "[intent]") {
  auto snapshot = tfstate::load_states({example + "before/network.tfstate"});
  scenario::Scenario scenario;
  CHECK(Environment(snapshot, scenario).region() == "ap-northeast-1");
  scenario.region = "eu-west-1";
  CHECK(Environment(snapshot, scenario).region() == "eu-west-1");
  scenario.region.clear();
  snapshot.subnets.front().availability_zone = "us-gov-west-1b";
  CHECK(Environment(snapshot, scenario).region().empty());
  for (auto& subnet : snapshot.subnets) subnet.availability_zone = "us-west-2-lax-1a";
  CHECK(Environment(snapshot, scenario).region() == "us-west-2");
}

}  // namespace moat::intent

namespace moat::intent {

TEST_CASE("check_scenario reports loading, every intent in turn and the end to the progress callback", "[intent]") {
  std::vector<CheckProgress> seen;
  CheckOptions options;
  options.progress = [&](const CheckProgress& p) { seen.push_back(p); };
  auto report = check_scenario(scenario::load_scenario(example + "after/moat.json"), options);
  auto n = report.intents.size();
  REQUIRE(seen.size() == n + 2);
  CHECK(seen.front().stage == CheckProgress::Stage::loading);
  CHECK(seen.front().total == 2);  // two state files
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = seen[i + 1];
    CHECK(p.stage == CheckProgress::Stage::checking);
    CHECK(p.done == i);
    CHECK(p.total == n);
    CHECK(find(report, p.intent) != nullptr);
  }
  CHECK(seen.back().stage == CheckProgress::Stage::finished);
  CHECK(seen.back().done == n);
}

}  // namespace moat::intent

namespace moat::intent {

TEST_CASE("a declared intent named like a derived closed/ intent is an error", "[intent]") {
  auto message = error_in_after(R"({"states": ["network.tfstate", "app.tfstate"], "profile": "closed",
      "intents": [{"name": "closed/no-internet-egress", "from": "*", "to": "internet", "expect": "unreachable"}]})");
  CHECK_THAT(message, Catch::Contains("two intents are named \"closed/no-internet-egress\""));
  // Without the profile the name is free.
  CHECK(error_in_after(R"({"states": ["network.tfstate", "app.tfstate"],
      "intents": [{"name": "closed/no-internet-egress", "from": "*", "to": "internet", "expect": "unreachable"}]})")
            .empty());
  scenario::Scenario scenario = scenario::load_scenario(example + "after/moat.json");
  CHECK_THROWS_WITH(check_scenario(scenario, {{}, "open", {}}), Catch::Contains("unknown profile \"open\""));
}

TEST_CASE("a declared network's own DNS servers answer for its zones with the records the scenario declares",
          "[intent]") {
  auto scenario = scenario::parse_scenario(R"({"states": ["network.tfstate", "app.tfstate"], "region": "ap-northeast-1",
      "networks": {"onprem": {"cidrs": ["10.0.0.0/22"], "via": [{"dx_gateway": "module.network.aws_dx_gateway.example"}],
                              "dns_forwarders": [{"domain": "example.com", "to": "aws_route53_resolver_endpoint.inbound"}],
                              "dns_servers": ["10.0.0.53"], "dns_zones": ["corp.example.com"],
                              "dns_records": [{"name": "db.corp.example.com", "type": "A", "values": ["10.0.1.5"]},
                                              {"name": "www.corp.example.com", "type": "CNAME", "values": ["db.corp.example.com"]}]}},
      "intents": []})",
                                           "test.json", example + "after");
  auto snapshot = tfstate::load_states(scenario.states);
  Environment environment(snapshot, scenario);
  auto resolutions = resolve_from(environment, "onprem", "www.corp.example.com");
  REQUIRE(resolutions.size() == 1);
  const auto& resolution = resolutions.front();
  INFO(resolution.to_string());
  REQUIRE(resolution.resolved());
  REQUIRE(resolution.answers.size() == 1);
  CHECK(resolution.answers.front().to_string().find("10.0.1.5") != std::string::npos);
  // A name of the zone without a declared record: the answer is outside the model.
  auto unknown = resolve_from(environment, "onprem", "mail.corp.example.com").front();
  CHECK(unknown.outcome == dns::Outcome::unknown_outside_model);
  // example.com still goes to the inbound endpoint, as forwarded.
  CHECK(resolve_from(environment, "onprem", "app.example.com").front().resolved());
}

TEST_CASE("a service: name moat does not know and no endpoint serves is warned about", "[intent]") {
  auto report = check_scenario(scenario::parse_scenario(R"({"states": ["network.tfstate", "app.tfstate"],
      "region": "ap-northeast-1",
      "intents": [{"name": "typo", "from": "aws_ecs_service.app", "to": "service:secretsmanger", "protocol": "tcp",
                   "port": 443, "expect": "unreachable"},
                  {"name": "known", "from": "aws_ecs_service.app", "to": "service:logs", "protocol": "tcp", "port": 443}]})",
                                                        "test.json", example + "after"));
  auto unknown_service = [](const Explanation& e) { return e.code == "UNKNOWN_SERVICE"; };
  const auto* typo = find(report, "typo");
  REQUIRE(typo != nullptr);
  INFO(dump(*typo));
  CHECK(std::any_of(typo->explanations.begin(), typo->explanations.end(), [](const Explanation& e) {
    return e.code == "UNKNOWN_SERVICE" && e.message.find("secretsmanger.ap-northeast-1.amazonaws.com") != std::string::npos;
  }));
  CHECK(std::count_if(report.warnings.begin(), report.warnings.end(), unknown_service) == 1);
  const auto* known = find(report, "known");
  REQUIRE(known != nullptr);
  CHECK(known->holds);
  CHECK(std::none_of(known->explanations.begin(), known->explanations.end(), unknown_service));
}

TEST_CASE("a forwarder target that cannot be reached is a lost failover, not a blocker, when another answers",
          "[intent]") {
  // 10.1.1.10 is an inbound endpoint address; 10.1.3.99 answers nothing on-prem can reach.
  auto report = check_scenario(scenario::parse_scenario(R"({"states": ["network.tfstate", "app.tfstate"],
      "region": "ap-northeast-1",
      "networks": {"onprem": {"cidrs": ["10.0.0.0/22"], "via": [{"dx_gateway": "module.network.aws_dx_gateway.example"}],
                              "dns_forwarders": [{"domain": "example.com", "to": ["10.1.1.10", "10.1.3.99"]}]}},
      "intents": [{"name": "ssh-closed", "from": "onprem", "to": "dns:app.example.com", "protocol": "tcp", "port": 22,
                   "expect": "unreachable"},
                  {"name": "https-open", "from": "onprem", "to": "dns:app.example.com", "protocol": "tcp", "port": 443}]})",
                                                        "test.json", example + "after"));
  for (const auto& r : report.intents) {
    INFO(dump(r));
    CHECK(r.holds);
    CHECK(std::any_of(r.explanations.begin(), r.explanations.end(), [](const Explanation& e) {
      return e.code == "RESOLVER_UNREACHABLE" && e.message.find("10.1.3.99") != std::string::npos;
    }));
  }
  CHECK(std::any_of(report.warnings.begin(), report.warnings.end(),
                    [](const Explanation& e) { return e.code == "RESOLVER_UNREACHABLE"; }));
}

TEST_CASE("a network's gateway may be named by Terraform address, AWS id or name", "[intent]") {
  for (const char* dx : {"module.network.aws_dx_gateway.example", "fedb6567-1341-493c-afd2-9c7210e1cd3c", "tf-dxg-example"}) {
    INFO(dx);
    auto report = check_scenario(scenario::parse_scenario(
        std::string(R"({"states": ["network.tfstate", "app.tfstate"], "region": "ap-northeast-1",
          "networks": {"onprem": {"cidrs": ["10.0.0.0/22"], "via": [{"dx_gateway": ")") +
            dx + R"("}],
                      "dns_forwarders": [{"domain": "example.com", "to": "rslvr-in-05aefbf90f274314f"}]}},
          "intents": [{"name": "onprem-reaches-app", "from": "onprem", "to": "dns:app.example.com", "protocol": "tcp", "port": 443},
                      {"name": "onprem-reaches-resolver", "from": "onprem", "to": "aws_route53_resolver_endpoint.inbound", "protocol": "udp", "port": 53}]})",
        "test.json", example + "after"));
    for (const auto& r : report.intents) {
      INFO(dump(r));
      CHECK(r.holds);
    }
  }
  CHECK_THAT(error_in_after(R"({"states": ["network.tfstate", "app.tfstate"],
      "networks": {"onprem": {"cidrs": ["10.0.0.0/22"], "via": [{"vpn_gateway": "vgw-0notthere"}]}}, "intents": []})"),
             Catch::Contains("networks.onprem.via[0].vpn_gateway") && Catch::Contains("matches no VPN gateway"));
  CHECK_THAT(error_in_after(R"({"states": ["network.tfstate", "app.tfstate"],
      "networks": {"onprem": {"cidrs": ["10.0.0.0/22"], "via": [{"transit_gateway": "tgw-0notthere"}]}}, "intents": []})"),
             Catch::Contains("networks.onprem.via[0].transit_gateway"));
}

}  // namespace moat::intent

namespace moat::intent {

TEST_CASE("intents from or to a declared network state the on-prem assumption they rest on (R7.9)", "[intent]") {
  auto report = check_scenario(scenario::load_scenario(example + "after/moat.json"));
  auto assumes_onprem = [](const IntentResult& r) {
    return std::any_of(r.explanations.begin(), r.explanations.end(), [](const Explanation& e) {
      return e.code == "ASSUMPTION" && e.message.find("(R7.9): network onprem") != std::string::npos;
    });
  };
  for (const char* name : {"onprem-reaches-app", "closed/net:onprem->aws_lb_listener.https", "closed/dns:onprem->app.example.com"}) {
    INFO(name);
    REQUIRE(find(report, name) != nullptr);
    CHECK(find(report, name)->holds);
    CHECK(assumes_onprem(*find(report, name)));
  }
  for (const char* name : {"tasks-pull-images", "closed/no-internet-egress"}) {
    INFO(name);
    CHECK_FALSE(assumes_onprem(*find(report, name)));
  }
}

}  // namespace moat::intent
