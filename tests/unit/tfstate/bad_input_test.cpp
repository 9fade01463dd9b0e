#include <algorithm>

#include <catch2/catch.hpp>

#include "fixture_paths.hpp"
#include "moat/core/error.hpp"
#include "moat/tfstate/load_states.hpp"

using namespace moat;
using namespace moat::model;
using Catch::Matchers::Contains;

namespace {

std::filesystem::path bad(const std::string& name) { return tfstate_fixture("bad/" + name); }

// Loads and returns the LoadError (fails the test if none is thrown).
LoadError load_error(const std::vector<std::filesystem::path>& files, const tfstate::LoadOptions& options = {}) {
  try {
    tfstate::load_states(files, options);
  } catch (const LoadError& error) {
    return error;
  }
  FAIL("no LoadError thrown");
  return LoadError("", "", "", "");
}

const Diagnostic* find_diagnostic(const Snapshot& snapshot, const std::string& code) {
  auto it = std::find_if(snapshot.diagnostics.begin(), snapshot.diagnostics.end(),
                         [&](const Diagnostic& d) { return d.code == code; });
  return it == snapshot.diagnostics.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("malformed JSON names the file, line and column", "[tfstate]") {
  auto error = load_error({bad("malformed.tfstate")});
  CHECK(error.file() == bad("malformed.tfstate").string());
  CHECK(error.location().rfind("line 4, column", 0) == 0);
  CHECK_THAT(error.what(), Contains("[moat.load] " + bad("malformed.tfstate").string() + " (line 4"));
  CHECK_THAT(error.what(), Contains("malformed JSON"));
}

TEST_CASE("an invalid CIDR names the file, the resource address and the value", "[tfstate]") {
  auto error = load_error({bad("invalid_cidr.tfstate")});
  CHECK(error.file() == bad("invalid_cidr.tfstate").string());
  CHECK(error.address() == "module.net.aws_subnet.bad_cidr[0]");
  CHECK(error.location() == "/resources/0/instances/0/attributes/cidr_block");
  CHECK_THAT(error.what(), Contains("module.net.aws_subnet.bad_cidr[0]"));
  CHECK_THAT(error.what(), Contains("\"10.0.0.0/33\" is not a CIDR"));
}

TEST_CASE("a wrong type for a known attribute names the attribute and the resource", "[tfstate]") {
  auto error = load_error({bad("wrong_type.tfstate")});
  CHECK(error.address() == "aws_security_group.bad_type[0]");
  CHECK(error.location() == "/resources/0/instances/0/attributes/ingress");
  CHECK_THAT(error.what(), Contains(bad("wrong_type.tfstate").string()));
  CHECK_THAT(error.what(), Contains("ingress should be a list of blocks"));
}

TEST_CASE("a reference to an id in no loaded state is a diagnostic naming file and address", "[tfstate]") {
  auto snapshot = tfstate::load_states({bad("dangling.tfstate")});
  auto it = std::find_if(snapshot.diagnostics.begin(), snapshot.diagnostics.end(), [](const Diagnostic& d) {
    return d.code == "ref.unresolved" && d.address == "aws_route.to_nat[0]";
  });
  REQUIRE(it != snapshot.diagnostics.end());
  CHECK(it->severity == Severity::warning);
  CHECK(it->file == bad("dangling.tfstate").string());
  CHECK_THAT(it->message, Contains("nat-0123"));
  CHECK_THAT(it->message, Contains("not in the loaded state"));
  CHECK_THAT(it->message, Contains("treated as unknown"));
  // The route itself is kept, with its kind from the id prefix and no resolved object.
  const auto& table = snapshot.route_tables.at(0);
  auto route = std::find_if(table.routes.begin(), table.routes.end(),
                            [](const Route& r) { return r.target.aws_id == "nat-0123"; });
  REQUIRE(route != table.routes.end());
  CHECK(route->target.kind == RouteTargetKind::nat_gateway);
  CHECK_FALSE(route->target.resolved());
}

TEST_CASE("a CIDR with host bits set is a warning and the network is used", "[tfstate]") {
  auto snapshot = tfstate::load_states({bad("dangling.tfstate")});
  const Diagnostic* warning = find_diagnostic(snapshot, "cidr.host_bits");
  REQUIRE(warning != nullptr);
  CHECK(warning->address == "aws_subnet.host_bits[0]");
  CHECK(warning->file == bad("dangling.tfstate").string());
  CHECK_THAT(warning->message, Contains("10.9.1.7/24"));
  auto subnet = snapshot.find<Subnet>("subnet-0hb");
  REQUIRE(subnet.has_value());
  CHECK(snapshot.get(*subnet).ipv4_cidr == net::Prefix::parse("10.9.1.0/24"));
}

TEST_CASE("strict mode turns warnings into a LoadError", "[tfstate]") {
  tfstate::LoadOptions strict;
  strict.strict = true;
  auto error = load_error({bad("dangling.tfstate")}, strict);
  CHECK(error.file() == bad("dangling.tfstate").string());
  CHECK_THAT(error.what(), Contains("--strict"));
}

TEST_CASE("the same managed resource in two states is a LoadError naming both", "[tfstate]") {
  auto error = load_error({tfstate_fixture("network.tfstate"), bad("duplicate_vpc.tfstate")});
  CHECK(error.file() == bad("duplicate_vpc.tfstate").string());
  CHECK(error.address() == "module.other.aws_vpc.copy[0]");
  CHECK_THAT(error.what(), Contains("module.network.aws_vpc.main"));
  CHECK_THAT(error.what(), Contains(tfstate_fixture("network.tfstate").string()));
  CHECK_THAT(error.what(), Contains("vpc-0a1b2c3d4e5f60001"));
}

TEST_CASE("an unsupported state version is a diagnostic, not an exception", "[tfstate]") {
  auto snapshot = tfstate::load_states({bad("version2.tfstate")});
  const Diagnostic* d = find_diagnostic(snapshot, "state.unsupported_version");
  REQUIRE(d != nullptr);
  CHECK(d->file == bad("version2.tfstate").string());
  CHECK(snapshot.vpcs.empty());
}

TEST_CASE("a JSON document that is not a state is a LoadError", "[tfstate]") {
  auto error = load_error({bad("not_state.json")});
  CHECK(error.file() == bad("not_state.json").string());
  CHECK_THAT(error.what(), Contains("not a Terraform state"));
}

TEST_CASE("a missing file is a LoadError naming it", "[tfstate]") {
  auto error = load_error({bad("does-not-exist.tfstate")});
  CHECK(error.file() == bad("does-not-exist.tfstate").string());
  CHECK_THAT(error.what(), Contains("cannot open"));
}

TEST_CASE("text input reports the given file name", "[tfstate]") {
  try {
    tfstate::load_state_text("{\"version\": 4, \"resources\": [", "inline.tfstate");
    FAIL("no LoadError thrown");
  } catch (const LoadError& error) {
    CHECK(error.file() == "inline.tfstate");
    CHECK_THAT(error.what(), Contains("malformed JSON"));
  }
}

TEST_CASE("hostile JSON is rejected with a LoadError, never with a foreign exception", "[tfstate]") {
  // A number nlohmann cannot hold: out_of_range, not parse_error.
  CHECK_THROWS_AS(tfstate::load_state_text(R"({"version": 4, "serial": 1e400, "resources": []})", "big.tfstate"), LoadError);
  // A float port far outside int64: rejected as a wrong type, no undefined cast.
  constexpr const char* float_port = R"({"version": 4, "resources": [{"mode": "managed", "type": "aws_lb_listener",
    "name": "l", "instances": [{"attributes": {"id": "arn:l", "port": -1e300}}]}]})";
  CHECK_THROWS_AS(tfstate::load_state_text(float_port, "float.tfstate"), LoadError);
  // A flatmap key with thousands of segments loads (the deep part is kept as one key).
  std::string key = "a";
  for (int i = 0; i < 5000; ++i) key += ".b";
  std::string flat = R"({"version": 3, "modules": [{"path": ["root"], "resources": {"aws_vpc.v": {"type": "aws_vpc",
    "primary": {"id": "vpc-1", "attributes": {"id": "vpc-1", "cidr_block": "10.0.0.0/16", ")" + key + R"(": "x"}}}}}]})";
  auto snapshot = tfstate::load_state_text(flat, "deep.tfstate");
  CHECK(snapshot.vpcs.size() == 1);
}
