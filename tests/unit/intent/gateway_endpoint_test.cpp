// S3 and DynamoDB gateway endpoints in the forwarding engine (SEMANTICS R2.15, R2.16,
// R1.11, R0.1, R5.8): `moat check` and `moat trace` to service:s3 / service:dynamodb go
// through the same engine path — task SG egress, the task subnet's NACL outbound, the
// route table's prefix-list route, the endpoint, the service — and traffic that entered
// the VPC from outside never uses the endpoint.
//
// Fixture tests/fixtures/tfstate/gateway-endpoint.tfstate (provider v5 shapes): one VPC, an
// ECS service in a private subnet with no route to the internet, an S3 gateway endpoint
// whose state lists the prefix list's cidr_blocks and a DynamoDB gateway endpoint whose
// state does not (a symbolic list), both on the private table; a TGW with a VPN to
// on-prem whose route table sends 52.219.0.0/16 (S3 ranges) into the VPC.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "moat/intent/check.hpp"
#include "moat/intent/environment.hpp"
#include "moat/intent/trace.hpp"
#include "moat/scenario/load_scenario.hpp"
#include "moat/tfstate/load_states.hpp"

namespace moat::intent {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const fs::path fixture = fs::path(MOAT_SOURCE_DIR) / "tests" / "fixtures" / "tfstate" / "gateway-endpoint.tfstate";
const std::string s3 = "com.amazonaws.ap-northeast-1.s3";

const std::string scenario_text = R"({
  "states": ["gateway-endpoint.tfstate"],
  "region": "ap-northeast-1",
  "networks": {"onprem": {"cidrs": ["192.168.0.0/16"], "via": [{"vpn_connection": "aws_vpn_connection.office"}]}},
  "intents": [
    {"name": "tasks-reach-s3", "from": "aws_ecs_service.app", "to": "service:s3", "protocol": "tcp", "port": 443, "expect": "reachable"},
    {"name": "tasks-reach-dynamodb", "from": "aws_ecs_service.app", "to": "service:dynamodb", "protocol": "tcp", "port": 443, "expect": "reachable"},
    {"name": "tasks-isolated-from-dynamodb", "from": "aws_ecs_service.app", "to": "service:dynamodb", "protocol": "tcp", "port": 443, "expect": "unreachable"}
  ]})";

json read_fixture() {
  std::ifstream in(fixture);
  return json::parse(in);
}

json& attributes(json& state, const std::string& type, const std::string& name) {
  for (auto& resource : state["resources"]) {
    if (resource["type"] == type && resource["name"] == name) return resource["instances"][0]["attributes"];
  }
  throw std::invalid_argument("no " + type + "." + name + " in the fixture");
}

// An inline SG egress rule as the provider writes it.
json egress(std::vector<std::string> cidrs, std::vector<std::string> prefix_lists = {}) {
  return {{"cidr_blocks", cidrs},   {"description", ""}, {"from_port", 443},       {"ipv6_cidr_blocks", json::array()},
          {"prefix_list_ids", prefix_lists}, {"protocol", "tcp"}, {"security_groups", json::array()},
          {"self", false},         {"to_port", 443}};
}

// The fixture (edited) in a directory of its own, with the scenario, loaded.
struct Estate {
  fs::path dir;
  scenario::Scenario scenario;
  model::Snapshot snapshot;
  std::unique_ptr<Environment> environment;

  Estate(const std::string& name, const json& state)
      : dir(fs::temp_directory_path() / ("moat-gateway-endpoint-" + name + "-" + std::to_string(::getpid()))) {
    fs::create_directories(dir);
    std::ofstream(dir / "gateway-endpoint.tfstate") << state.dump(2);
    scenario = scenario::parse_scenario(scenario_text, "moat.json", dir);
    snapshot = tfstate::load_states(scenario.states);
    environment = std::make_unique<Environment>(snapshot, scenario);
  }
  ~Estate() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }

  IntentResult check(const std::string& intent) const {
    for (const auto& declared : scenario_intents(scenario)) {
      if (declared.name == intent) return check_intent(*environment, declared);
    }
    throw std::invalid_argument("no intent " + intent);
  }
  TracedFlow trace(const std::string& to) const {
    return intent::trace(*environment, "aws_ecs_service.app", to, net::ProtocolSet::of(net::protocol::tcp),
                         net::PortSet::of(443));
  }
};

const Explanation* explained(const IntentResult& result, const std::string& code, const std::string& resource) {
  auto it = std::find_if(result.explanations.begin(), result.explanations.end(),
                         [&](const Explanation& e) { return e.code == code && e.resource == resource; });
  return it == result.explanations.end() ? nullptr : &*it;
}

std::string dump(const IntentResult& r) {
  std::string text = r.intent.name + " " + r.status + "\n";
  for (const auto& e : r.explanations) text += "  " + e.code + " " + e.resource + ": " + e.message + "\n";
  return text;
}

bool passes(const std::vector<fwd::Hop>& path, const std::string& address) {
  return std::any_of(path.begin(), path.end(), [&](const fwd::Hop& hop) { return hop.address == address; });
}

// Neither service is reached, check and trace agree on the code and the resource that
// stops the packets, and nothing gets to the symbolic DynamoDB list: a "must not reach"
// proof.
void check_blocked(const Estate& estate, fwd::ExplanationCode code, const std::string& address) {
  for (const char* intent : {"tasks-reach-s3", "tasks-reach-dynamodb"}) {
    auto result = estate.check(intent);
    INFO(dump(result));
    CHECK(result.status == "fails");
    CHECK(explained(result, std::string(fwd::to_string(code)), address) != nullptr);
  }
  auto traced = estate.trace("service:s3");
  CHECK_FALSE(traced.delivered());
  CHECK(traced.result.delivered.empty());
  REQUIRE_FALSE(traced.result.dropped.empty());
  for (const auto& drop : traced.result.dropped) {
    CHECK(drop.code == code);
    CHECK(drop.address == address);
  }
  CHECK(estate.check("tasks-isolated-from-dynamodb").holds);
}

}  // namespace

TEST_CASE("ECS tasks reach S3 through the gateway endpoint, and check and trace agree on it", "[intent][fwd]") {
  Estate estate("reach", read_fixture());
  auto result = estate.check("tasks-reach-s3");
  INFO(dump(result));
  CHECK(result.holds);
  // The endpoint policy is not evaluated: a stated assumption naming the endpoint (R5.8).
  CHECK(explained(result, "ENDPOINT_POLICY_NOT_EVALUATED", "aws_vpc_endpoint.s3") != nullptr);

  auto traced = estate.trace("service:s3");
  CHECK(traced.delivered() == result.holds);
  CHECK(traced.result.dropped.empty());
  // One part per S3 range of the prefix list (the endpoint's cidr_blocks), each by the
  // same path: task SG egress -> NACL -> the endpoint's prefix-list route -> endpoint -> S3.
  REQUIRE(traced.result.delivered.size() == 8);
  const auto& graph = estate.environment->network().graph();
  for (const auto& part : traced.result.delivered) {
    CHECK(part.certain);
    CHECK(graph.node(part.destination).name == s3);
    REQUIRE(part.path.size() == 6);
    CHECK(part.path[0].address == "aws_ecs_service.app");
    CHECK(part.path[1].address == "aws_security_group.app");
    CHECK(part.path[2].address == "aws_default_network_acl.default");
    CHECK(part.path[3].address == "aws_vpc_endpoint.s3");  // the route the endpoint adds
    CHECK(part.path[3].rule.starts_with("route pl-61a54008 -> vpce-0s3e00000000000s3 (entry "));
    CHECK(graph.node(part.path[4].node).kind == graph::NodeKind::gateway_endpoint);
    CHECK(part.path[4].address == "aws_vpc_endpoint.s3");
    CHECK(part.path[4].rule == "gateway endpoint to " + s3);
    CHECK(part.path[5].node == part.destination);
  }
}

TEST_CASE("an SG egress narrowed to the VPC CIDR stops S3 at the task's security group", "[intent][fwd]") {
  auto state = read_fixture();
  attributes(state, "aws_security_group", "app")["egress"] = json::array({egress({"10.1.0.0/16"})});
  check_blocked(Estate("sg-narrowed", state), fwd::ExplanationCode::ENI_SG_RULES_MISMATCH, "aws_security_group.app");
}

TEST_CASE("a NACL that does not allow the service's addresses drops S3 leaving the task subnet", "[intent][fwd]") {
  auto state = read_fixture();
  auto& rules = attributes(state, "aws_default_network_acl", "default")["egress"];
  rules[0]["cidr_block"] = "10.0.0.0/8";
  check_blocked(Estate("nacl", state), fwd::ExplanationCode::SUBNET_ACL_RESTRICTION, "aws_default_network_acl.default");
}

TEST_CASE("a symbolic prefix list proves a must-reach only through rules that allow the whole list", "[intent][fwd]") {
  SECTION("0.0.0.0/0 allows every address the DynamoDB list may hold, and the note says the list is symbolic") {
    Estate estate("symbolic-open", read_fixture());
    auto result = estate.check("tasks-reach-dynamodb");
    INFO(dump(result));
    CHECK(result.holds);
    auto note = std::find_if(result.explanations.begin(), result.explanations.end(), [](const Explanation& e) {
      return e.code == "UNKNOWN_DATA" && e.message.find("pl-78a54011") != std::string::npos &&
             e.message.find("R1.11") != std::string::npos;
    });
    CHECK(note != result.explanations.end());
    CHECK(explained(result, "ENDPOINT_POLICY_NOT_EVALUATED", "aws_vpc_endpoint.dynamodb") != nullptr);
    CHECK(estate.check("tasks-isolated-from-dynamodb").status == "fails");
  }
  SECTION("an egress rule naming the list allows it, and may or may not hold S3's ranges") {
    auto state = read_fixture();
    attributes(state, "aws_security_group", "app")["egress"] = json::array({egress({}, {"pl-78a54011"})});
    Estate estate("symbolic-list-rule", state);
    auto dynamodb = estate.check("tasks-reach-dynamodb");
    INFO(dump(dynamodb));
    CHECK(dynamodb.holds);
    // Whether the DynamoDB list holds S3's addresses is not in state: no proof (R0.1).
    auto s3_result = estate.check("tasks-reach-s3");
    INFO(dump(s3_result));
    CHECK(s3_result.status == "unknown");
  }
  SECTION("a CIDR covering only some public addresses proves nothing either way") {
    auto state = read_fixture();
    attributes(state, "aws_security_group", "app")["egress"] = json::array({egress({"52.0.0.0/8"})});
    Estate estate("symbolic-partial", state);
    auto reach = estate.check("tasks-reach-dynamodb");
    INFO(dump(reach));
    CHECK_FALSE(reach.holds);
    CHECK(explained(reach, "ENI_SG_RULES_MISMATCH", "aws_security_group.app") != nullptr);
    // Must not reach: a possible path (R0.1), not a proof of isolation.
    auto isolated = estate.check("tasks-isolated-from-dynamodb");
    INFO(dump(isolated));
    CHECK(isolated.status == "unknown");
    // S3's ranges are in state: 3.5.152.0/21 is outside 52.0.0.0/8, so S3 fails for certain.
    CHECK(estate.check("tasks-reach-s3").status == "fails");
  }
}

TEST_CASE("traffic from on-premises over the TGW never uses the VPC's gateway endpoint", "[intent][fwd]") {
  Estate estate("onprem", read_fixture());
  const auto& network = estate.environment->network();
  auto space = net::PacketSet::of(net::HeaderBox{net::AddressSet::all(net::IpFamily::v4), net::AddressSet::all(net::IpFamily::v4),
                                                 net::ProtocolSet::of(net::protocol::tcp), net::PortSet::of(443)});
  auto result = network.flow({fwd::Endpoint::external("onprem")}, space, {fwd::Endpoint::aws_service(s3)});
  CHECK(result.delivered.empty());
  auto edge = std::find_if(result.dropped.begin(), result.dropped.end(), [](const fwd::DroppedPart& d) {
    return d.code == fwd::ExplanationCode::EDGE_TO_EDGE_NOT_SUPPORTED;
  });
  REQUIRE(edge != result.dropped.end());
  CHECK(edge->address == "aws_vpc_endpoint.s3");
  CHECK(edge->certain);
  // The packets did enter the VPC by the TGW attachment before the route lookup sent them
  // to the endpoint (R2.16, R7.10).
  CHECK(passes(edge->path, "aws_ec2_transit_gateway_vpc_attachment.hub"));
  CHECK(network.isolated({fwd::Endpoint::external("onprem")}, {fwd::Endpoint::aws_service(s3)}, space).holds());
  // The tasks of the VPC itself do use it.
  CHECK(network.reachable({fwd::Endpoint::of({model::ObjectKind::ecs_service, 0})}, {fwd::Endpoint::aws_service(s3)},
                          net::ProtocolSet::of(net::protocol::tcp), net::PortSet::of(443))
            .holds());
}

}  // namespace moat::intent
