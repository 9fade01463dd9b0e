// The mutation suite: models/examples/closed-ecs/after/ passes every intent; each single
// change below breaks closure or a flow the closed environment needs, and `moat check`
// must catch it — the right intent fails and its explanations name the Terraform
// address responsible. The changes are JSON edits of the two state files (the same
// edit a `terraform apply` of that change would leave in state); the scenario is
// after/moat.json unchanged.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "moat/intent/check.hpp"
#include "moat/scenario/load_scenario.hpp"

namespace moat::intent {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const fs::path after_dir = fs::path(MOAT_SOURCE_DIR) / "models" / "examples" / "closed-ecs" / "after";

json read_json(const fs::path& file) {
  std::ifstream in(file);
  return json::parse(in);
}

// ---- Terraform addresses over state JSON -------------------------------------------------

// "module.network.aws_subnet.private[\"1a\"]" -> module, mode, type, name, index key.
struct Address {
  std::string module;  // "module.network" or ""
  std::string mode = "managed";
  std::string type;
  std::string name;
  json index_key;  // null when the resource has no count/for_each
};

Address parse_address(const std::string& text) {
  Address address;
  std::string rest = text;
  if (auto bracket = rest.find('['); bracket != std::string::npos) {
    auto key = rest.substr(bracket + 1, rest.size() - bracket - 2);
    address.index_key = key.front() == '"' ? json(key.substr(1, key.size() - 2)) : json(std::stoi(key));
    rest = rest.substr(0, bracket);
  }
  std::vector<std::string> parts;
  std::stringstream in(rest);
  for (std::string part; std::getline(in, part, '.');) parts.push_back(part);
  std::size_t i = 0;
  while (i + 1 < parts.size() && parts[i] == "module") {
    address.module += (address.module.empty() ? "" : ".") + parts[i] + "." + parts[i + 1];
    i += 2;
  }
  if (i < parts.size() && parts[i] == "data") {
    address.mode = "data";
    ++i;
  }
  if (i + 2 != parts.size()) throw std::invalid_argument("not a resource address: " + text);
  address.type = parts[i];
  address.name = parts[i + 1];
  return address;
}

bool same_resource(const json& resource, const Address& address) {
  return resource.value("module", "") == address.module && resource["mode"] == address.mode &&
         resource["type"] == address.type && resource["name"] == address.name;
}

bool same_instance(const json& instance, const Address& address) {
  return instance.contains("index_key") ? instance["index_key"] == address.index_key : address.index_key.is_null();
}

// The attributes of the resource instance at `address`; throws when the state has none.
json& attributes(json& state, const std::string& text) {
  auto address = parse_address(text);
  for (auto& resource : state["resources"]) {
    if (!same_resource(resource, address)) continue;
    for (auto& instance : resource["instances"]) {
      if (same_instance(instance, address)) return instance["attributes"];
    }
  }
  throw std::invalid_argument("no resource " + text + " in state");
}

// Adds a managed resource instance at `address` (a new resource block when needed).
void add_resource(json& state, const std::string& text, json attributes) {
  auto address = parse_address(text);
  json instance = {{"schema_version", 0}, {"attributes", std::move(attributes)}, {"sensitive_attributes", json::array()}};
  if (!address.index_key.is_null()) instance["index_key"] = address.index_key;
  for (auto& resource : state["resources"]) {
    if (same_resource(resource, address)) {
      resource["instances"].push_back(std::move(instance));
      return;
    }
  }
  json resource = {{"mode", address.mode},
                   {"type", address.type},
                   {"name", address.name},
                   {"provider", "provider[\"registry.terraform.io/hashicorp/aws\"]"},
                   {"instances", json::array({std::move(instance)})}};
  if (!address.module.empty()) resource["module"] = address.module;
  state["resources"].push_back(std::move(resource));
}

// Removes the resource instance at `address` (and its block when it was the last one).
void remove_resource(json& state, const std::string& text) {
  auto address = parse_address(text);
  auto& resources = state["resources"];
  for (auto it = resources.begin(); it != resources.end(); ++it) {
    if (!same_resource(*it, address)) continue;
    auto& instances = (*it)["instances"];
    auto before = instances.size();
    instances.erase(std::remove_if(instances.begin(), instances.end(),
                                   [&](const json& instance) { return same_instance(instance, address); }),
                    instances.end());
    if (instances.size() == before) break;
    if (instances.empty()) resources.erase(it);
    return;
  }
  throw std::invalid_argument("no resource " + text + " in state");
}

// One inline route of aws_route_table as the provider writes it: every target key
// present, the unused ones "".
json inline_route(const std::string& cidr, const std::string& target_key, const std::string& target) {
  json route = json::object();
  for (const char* key : {"carrier_gateway_id", "core_network_arn", "destination_prefix_list_id", "egress_only_gateway_id",
                          "gateway_id", "ipv6_cidr_block", "local_gateway_id", "nat_gateway_id", "network_interface_id",
                          "transit_gateway_id", "vpc_endpoint_id", "vpc_peering_connection_id"})
    route[key] = "";
  route["cidr_block"] = cidr;
  route[target_key] = target;
  return route;
}

json sg_rule(const std::string& protocol, int from_port, int to_port, std::vector<std::string> cidrs) {
  return {{"cidr_blocks", std::move(cidrs)}, {"description", ""},       {"from_port", from_port},
          {"ipv6_cidr_blocks", json::array()}, {"prefix_list_ids", json::array()}, {"protocol", protocol},
          {"security_groups", json::array()},  {"self", false},           {"to_port", to_port}};
}

json nacl_rule(int rule_no, const std::string& protocol, int from_port, int to_port) {
  return {{"action", "allow"},     {"cidr_block", "0.0.0.0/0"}, {"from_port", from_port}, {"icmp_code", 0},
          {"icmp_type", 0},        {"ipv6_cidr_block", ""},     {"protocol", protocol},   {"rule_no", rule_no},
          {"to_port", to_port}};
}

// ---- the environment under test ------------------------------------------------------------

const std::string vpc_id = "vpc-038faba71b3a6cfc9";
const std::string subnet_1a = "subnet-0f5cf596dc5e31aeb";
const std::string subnet_1c = "subnet-039566d4ddc51ef1c";
const std::string private_table = "module.network.aws_route_table.private";

struct States {
  json network = read_json(after_dir / "network.tfstate");
  json app = read_json(after_dir / "app.tfstate");
};

// Writes the states and after/moat.json into a fresh directory and runs check_scenario
// on it, exactly as `moat check` would.
class MutatedExample {
 public:
  explicit MutatedExample(const std::string& name)
      : directory_(fs::temp_directory_path() / ("moat-mutation-" + std::to_string(::getpid()) + "-" + name)) {
    fs::remove_all(directory_);
    fs::create_directories(directory_);
  }
  ~MutatedExample() {
    std::error_code ignored;
    fs::remove_all(directory_, ignored);
  }
  MutatedExample(const MutatedExample&) = delete;
  MutatedExample& operator=(const MutatedExample&) = delete;

  CheckReport check(const States& states) const {
    std::ofstream(directory_ / "network.tfstate") << states.network.dump(2);
    std::ofstream(directory_ / "app.tfstate") << states.app.dump(2);
    fs::copy_file(after_dir / "moat.json", directory_ / "moat.json", fs::copy_options::overwrite_existing);
    return check_scenario(scenario::load_scenario(directory_ / "moat.json"));
  }

 private:
  fs::path directory_;
};

const IntentResult* find(const CheckReport& report, const std::string& name) {
  auto it = std::find_if(report.intents.begin(), report.intents.end(), [&](const auto& r) { return r.intent.name == name; });
  return it == report.intents.end() ? nullptr : &*it;
}

bool names(const std::vector<Explanation>& explanations, const std::string& address) {
  return std::any_of(explanations.begin(), explanations.end(), [&](const Explanation& e) { return e.resource == address; });
}

std::string dump(const IntentResult& r) {
  std::string text = r.intent.name + " " + r.status + "\n";
  for (const auto& e : r.explanations) text += "  " + e.code + " " + e.resource + ": " + e.message + "\n";
  return text;
}

// ---- the mutations ------------------------------------------------------------------------

// An expectation: `intent` does not hold and one of its explanations names `address`.
struct Caught {
  std::string intent;
  std::string address;
};

struct Mutation {
  std::string name;
  std::function<void(States&)> apply;
  std::vector<Caught> caught;
};

void attach_internet_gateway(States& s) {
  add_resource(s.network, "module.network.aws_internet_gateway.main",
               {{"id", "igw-0c0ffee000000001"}, {"vpc_id", vpc_id}, {"owner_id", "123456789012"}, {"tags", {{"Name", "app-igw"}}}});
}

void route_private_table_to_internet_gateway(States& s) {
  attributes(s.network, private_table)["route"].push_back(inline_route("0.0.0.0/0", "gateway_id", "igw-0c0ffee000000001"));
}

// IGW + public IP: the tasks get a public IP and their table a default route to an IGW.
void igw_and_task_public_ip(States& s) {
  attach_internet_gateway(s);
  route_private_table_to_internet_gateway(s);
  attributes(s.app, "aws_ecs_service.app")["network_configuration"][0]["assign_public_ip"] = true;
}

// IGW + public IP on launch: subnet 1a auto-assigns public IPs and routes to an IGW; an
// instance launched there has the public IP the state records.
void igw_and_public_ip_on_launch(States& s) {
  attach_internet_gateway(s);
  route_private_table_to_internet_gateway(s);
  attributes(s.network, "module.network.aws_subnet.private[\"1a\"]")["map_public_ip_on_launch"] = true;
  add_resource(s.app, "aws_instance.bastion",
               {{"id", "i-0c0ffee000000001"},
                {"ami", "ami-0123456789abcdef0"},
                {"instance_type", "t3.micro"},
                {"subnet_id", subnet_1a},
                {"private_ip", "10.1.1.50"},
                {"associate_public_ip_address", true},
                {"public_ip", "198.51.100.50"},
                {"vpc_security_group_ids", {"sg-0b117e8487cc1105b"}},
                {"primary_network_interface_id", "eni-0c0ffee000000001"}});
}

// NAT egress: a public subnet with an IGW route, a public NAT there and the tasks' table
// sending 0.0.0.0/0 to it (the before/ design brought back).
void nat_egress(States& s) {
  attach_internet_gateway(s);
  add_resource(s.network, "module.network.aws_subnet.public[\"1a\"]",
               {{"id", "subnet-0c0ffee0000public"}, {"vpc_id", vpc_id}, {"cidr_block", "10.1.101.0/24"},
                {"availability_zone", "ap-northeast-1a"}, {"map_public_ip_on_launch", false}});
  add_resource(s.network, "module.network.aws_route_table.public",
               {{"id", "rtb-0c0ffee0000public"}, {"vpc_id", vpc_id},
                {"route", {inline_route("0.0.0.0/0", "gateway_id", "igw-0c0ffee000000001")}}});
  add_resource(s.network, "module.network.aws_route_table_association.public[\"1a\"]",
               {{"id", "rtbassoc-0c0ffee000000001"}, {"route_table_id", "rtb-0c0ffee0000public"},
                {"subnet_id", "subnet-0c0ffee0000public"}});
  add_resource(s.network, "module.network.aws_eip.nat",
               {{"id", "eipalloc-0c0ffee000000001"}, {"allocation_id", "eipalloc-0c0ffee000000001"}, {"domain", "vpc"},
                {"public_ip", "203.0.113.10"}, {"private_ip", "10.1.101.5"}});
  add_resource(s.network, "module.network.aws_nat_gateway.main",
               {{"id", "nat-0c0ffee000000001"}, {"allocation_id", "eipalloc-0c0ffee000000001"},
                {"subnet_id", "subnet-0c0ffee0000public"}, {"connectivity_type", "public"}, {"private_ip", "10.1.101.5"},
                {"public_ip", "203.0.113.10"}});
  attributes(s.network, private_table)["route"].push_back(inline_route("0.0.0.0/0", "nat_gateway_id", "nat-0c0ffee000000001"));
}

// An internet-facing ALB (new DNS name, the record follows it) with its SG open to the
// world, in subnets routed to an IGW.
void internet_facing_alb(States& s) {
  attach_internet_gateway(s);
  route_private_table_to_internet_gateway(s);
  auto& lb = attributes(s.app, "aws_lb.app");
  lb["internal"] = false;
  lb["dns_name"] = "app-alb-1184932061.ap-northeast-1.elb.amazonaws.com";
  attributes(s.app, "aws_route53_record.app")["alias"][0]["name"] = lb["dns_name"];
  attributes(s.app, "aws_security_group.alb")["ingress"][0]["cidr_blocks"] = {"0.0.0.0/0"};
}

// A TGW to a shared egress VPC (TGW attachment subnet -> NAT -> IGW) and the tasks'
// default route to the TGW: centralised egress (R2.12).
void tgw_to_egress_vpc(States& s) {
  const std::string tgw = "tgw-0c0ffee000000001", tgw_table = "tgw-rtb-0c0ffee00000001";
  const std::string egress_vpc = "vpc-0c0ffee0000egress", egress_attachment = "tgw-attach-0c0ffee0egress";
  add_resource(s.network, "aws_ec2_transit_gateway.hub",
               {{"id", tgw}, {"amazon_side_asn", 64520}, {"association_default_route_table_id", tgw_table},
                {"propagation_default_route_table_id", tgw_table}, {"default_route_table_association", "enable"},
                {"default_route_table_propagation", "enable"}});
  add_resource(s.network, "aws_ec2_transit_gateway_route_table.default",
               {{"id", tgw_table}, {"transit_gateway_id", tgw}, {"default_association_route_table", true},
                {"default_propagation_route_table", true}});
  auto attachment = [&](const std::string& id, const std::string& vpc, std::vector<std::string> subnets) {
    return json{{"id", id}, {"transit_gateway_id", tgw}, {"vpc_id", vpc}, {"subnet_ids", std::move(subnets)},
                {"appliance_mode_support", "disable"}, {"dns_support", "enable"}, {"ipv6_support", "disable"},
                {"transit_gateway_default_route_table_association", true},
                {"transit_gateway_default_route_table_propagation", true}};
  };
  add_resource(s.network, "aws_ec2_transit_gateway_vpc_attachment.app",
               attachment("tgw-attach-0c0ffee00000app", vpc_id, {subnet_1a, subnet_1c}));
  add_resource(s.network, "aws_ec2_transit_gateway_route.egress",
               {{"id", tgw_table + "_0.0.0.0/0"}, {"destination_cidr_block", "0.0.0.0/0"},
                {"transit_gateway_attachment_id", egress_attachment}, {"transit_gateway_route_table_id", tgw_table},
                {"blackhole", false}});
  attributes(s.network, private_table)["route"].push_back(inline_route("0.0.0.0/0", "transit_gateway_id", tgw));
  // The egress VPC.
  add_resource(s.network, "module.egress.aws_vpc.main",
               {{"id", egress_vpc}, {"cidr_block", "10.9.0.0/16"}, {"enable_dns_support", true}, {"enable_dns_hostnames", true}});
  add_resource(s.network, "module.egress.aws_internet_gateway.main", {{"id", "igw-0c0ffee0000egress"}, {"vpc_id", egress_vpc}});
  add_resource(s.network, "module.egress.aws_subnet.tgw[\"1a\"]",
               {{"id", "subnet-0c0ffee00000tgw1a"}, {"vpc_id", egress_vpc}, {"cidr_block", "10.9.1.0/24"},
                {"availability_zone", "ap-northeast-1a"}});
  add_resource(s.network, "module.egress.aws_subnet.tgw[\"1c\"]",
               {{"id", "subnet-0c0ffee00000tgw1c"}, {"vpc_id", egress_vpc}, {"cidr_block", "10.9.2.0/24"},
                {"availability_zone", "ap-northeast-1c"}});
  add_resource(s.network, "module.egress.aws_subnet.public[\"1a\"]",
               {{"id", "subnet-0c0ffee00000pub1a"}, {"vpc_id", egress_vpc}, {"cidr_block", "10.9.101.0/24"},
                {"availability_zone", "ap-northeast-1a"}});
  add_resource(s.network, "module.egress.aws_eip.nat",
               {{"id", "eipalloc-0c0ffee000000002"}, {"allocation_id", "eipalloc-0c0ffee000000002"}, {"domain", "vpc"},
                {"public_ip", "203.0.113.20"}, {"private_ip", "10.9.101.5"}});
  add_resource(s.network, "module.egress.aws_nat_gateway.main",
               {{"id", "nat-0c0ffee000000002"}, {"allocation_id", "eipalloc-0c0ffee000000002"},
                {"subnet_id", "subnet-0c0ffee00000pub1a"}, {"connectivity_type", "public"}, {"private_ip", "10.9.101.5"},
                {"public_ip", "203.0.113.20"}});
  add_resource(s.network, "module.egress.aws_route_table.tgw",
               {{"id", "rtb-0c0ffee00000tgw"}, {"vpc_id", egress_vpc},
                {"route", {inline_route("0.0.0.0/0", "nat_gateway_id", "nat-0c0ffee000000002")}}});
  add_resource(s.network, "module.egress.aws_route_table.public",
               {{"id", "rtb-0c0ffee00000pub"}, {"vpc_id", egress_vpc},
                {"route", {inline_route("0.0.0.0/0", "gateway_id", "igw-0c0ffee0000egress"),
                           inline_route("10.1.0.0/16", "transit_gateway_id", tgw)}}});
  for (const char* az : {"1a", "1c"}) {
    add_resource(s.network, std::string("module.egress.aws_route_table_association.tgw[\"") + az + "\"]",
                 {{"id", std::string("rtbassoc-0c0ffee0tgw") + az}, {"route_table_id", "rtb-0c0ffee00000tgw"},
                  {"subnet_id", std::string("subnet-0c0ffee00000tgw") + az}});
  }
  add_resource(s.network, "module.egress.aws_route_table_association.public",
               {{"id", "rtbassoc-0c0ffee0000pub"}, {"route_table_id", "rtb-0c0ffee00000pub"},
                {"subnet_id", "subnet-0c0ffee00000pub1a"}});
  add_resource(s.network, "module.egress.aws_ec2_transit_gateway_vpc_attachment.egress",
               attachment(egress_attachment, egress_vpc, {"subnet-0c0ffee00000tgw1a", "subnet-0c0ffee00000tgw1c"}));
}

const std::vector<Mutation>& mutations() {
  static const std::vector<Mutation> all = {
      {"igw-and-task-public-ip", igw_and_task_public_ip,
       {{"closed/no-internet-egress", "aws_ecs_service.app"},
        {"closed/no-internet-egress", "module.network.aws_internet_gateway.main"},
        {"closed/no-internet-egress", private_table},
        {"no-internet-egress", "module.network.aws_internet_gateway.main"}}},
      {"igw-and-public-ip-on-launch", igw_and_public_ip_on_launch,
       {{"closed/no-internet-egress", "aws_instance.bastion"},
        {"closed/no-internet-egress", private_table},
        {"closed/no-internet-egress", "module.network.aws_internet_gateway.main"}}},
      {"nat-egress", nat_egress,
       {{"closed/no-internet-egress", "module.network.aws_nat_gateway.main"},
        {"closed/no-internet-egress", private_table},
        {"closed/no-internet-egress", "module.network.aws_route_table.public"}}},
      {"internet-facing-alb-with-open-sg", internet_facing_alb,
       {{"closed/no-internet-ingress", "aws_lb.app"}, {"closed/no-internet-ingress", "aws_security_group.alb"}}},
      {"tgw-to-egress-vpc", tgw_to_egress_vpc,
       {{"closed/no-internet-egress", private_table},
        {"closed/no-internet-egress", "aws_ec2_transit_gateway_route.egress"},
        {"closed/no-internet-egress", "module.egress.aws_nat_gateway.main"}}},
      {"endpoint-sg-too-narrow",
       [](States& s) {  // HTTPS to the endpoints only from subnet 1a: tasks in 1c are cut off
         attributes(s.network, "aws_security_group.vpce")["ingress"] = {sg_rule("tcp", 443, 443, {"10.1.1.0/24"})};
       },
       {{"tasks-pull-images", "aws_security_group.vpce"},
        {"closed/ecs:aws_ecs_service.app->ecr.api", "aws_security_group.vpce"},
        {"closed/ecs:aws_ecs_service.app->logs", "aws_security_group.vpce"}}},
      {"private-dns-off",
       [](States& s) { attributes(s.network, "aws_vpc_endpoint.interface[\"ecr.dkr\"]")["private_dns_enabled"] = false; },
       {{"tasks-pull-images", "aws_vpc_endpoint.interface[\"ecr.dkr\"]"},
        {"closed/ecs:aws_ecs_service.app->ecr.dkr", "aws_vpc_endpoint.interface[\"ecr.dkr\"]"}}},
      {"phz-not-associated",
       [](States& s) {  // the zone is associated with another VPC only
         attributes(s.app, "aws_route53_zone.private")["vpc"] = {{{"vpc_id", "vpc-0c0ffee00000other"}, {"vpc_region", "ap-northeast-1"}}};
       },
       {{"closed/dns:onprem->app.example.com", "aws_route53_zone.private"},
        {"onprem-reaches-app", "aws_route53_zone.private"}}},
      {"logs-endpoint-missing",
       [](States& s) { remove_resource(s.network, "aws_vpc_endpoint.interface[\"logs\"]"); },
       // logs.<region>.amazonaws.com now resolves to public addresses the tasks' table cannot reach
       {{"closed/ecs:aws_ecs_service.app->logs", private_table}}},
      {"onprem-return-route-missing",
       [](States& s) {  // the standalone route and its refreshed copy in the table
         remove_resource(s.network, "module.network.aws_route.onprem");
         attributes(s.network, private_table)["route"] = json::array();
       },
       {{"onprem-reaches-app", private_table},
        {"closed/net:onprem->aws_lb_listener.https", private_table},
        {"closed/dns:onprem->app.example.com", private_table}}},
      {"allowed-prefixes-narrowed",
       [](States& s) {
         attributes(s.network, "module.network.aws_dx_gateway_association.example")["allowed_prefixes"] = {"10.1.1.0/24"};
       },
       {{"closed/net:onprem->aws_lb_listener.https", "module.network.aws_dx_gateway_association.example"},
        {"onprem-reaches-app", "module.network.aws_dx_gateway_association.example"}}},
      {"nacl-blocks-return-ports",
       [](States& s) {  // outbound only to well-known ports: replies to ephemeral ports are denied
         attributes(s.network, "module.network.aws_default_network_acl.default")["egress"] = {nacl_rule(100, "tcp", 0, 1023),
                                                                                               nacl_rule(110, "udp", 53, 53)};
       },
       {{"onprem-reaches-app", "module.network.aws_default_network_acl.default"},
        {"closed/net:onprem->aws_lb_listener.https", "module.network.aws_default_network_acl.default"},
        {"closed/lb:aws_lb_listener.https->aws_ecs_service.app", "module.network.aws_default_network_acl.default"}}},
      {"resolver-sg-without-53",
       [](States& s) { attributes(s.app, "aws_security_group.resolver")["ingress"] = {sg_rule("tcp", 443, 443, {"10.0.0.0/22"})}; },
       {{"closed/dns:onprem->app.example.com", "aws_security_group.resolver"},
        {"onprem-reaches-app", "aws_security_group.resolver"}}},
      // The article's own mistakes (/work/shared/seed, README "deliberately left out").
      {"article-allowed-prefixes-not-covering-vpc",
       [](States& s) {
         attributes(s.network, "module.network.aws_dx_gateway_association.example")["allowed_prefixes"] = {"210.52.109.0/24",
                                                                                                            "175.45.176.0/22"};
       },
       {{"closed/net:onprem->aws_lb_listener.https", "module.network.aws_dx_gateway_association.example"},
        {"onprem-reaches-app", "module.network.aws_dx_gateway_association.example"},
        {"closed/dns:onprem->app.example.com", "module.network.aws_dx_gateway_association.example"}}},
      {"article-association-names-undeclared-vgw",
       [](States& s) {  // associated_gateway_id = aws_vpn_gateway.example.id, which was never declared
         auto& association = attributes(s.network, "module.network.aws_dx_gateway_association.example");
         association["associated_gateway_id"] = "vgw-0c0ffee0000000bad";
         association["id"] = "ga-fedb6567-1341-493c-afd2-9c7210e1cd3cvgw-0c0ffee0000000bad";
       },
       {{"closed/net:onprem->aws_lb_listener.https", "module.network.aws_dx_gateway_association.example"},
        {"onprem-reaches-app", "module.network.aws_dx_gateway_association.example"}}},
      // More single changes a closed environment must survive.
      {"alb-sg-without-onprem",
       [](States& s) { attributes(s.app, "aws_security_group.alb")["ingress"] = {sg_rule("tcp", 443, 443, {"10.1.0.0/16"})}; },
       {{"closed/net:onprem->aws_lb_listener.https", "aws_security_group.alb"},
        {"onprem-reaches-app", "aws_security_group.alb"}}},
      {"s3-endpoint-off-the-task-table",
       [](States& s) { attributes(s.network, "aws_vpc_endpoint.s3")["route_table_ids"] = json::array(); },
       {{"closed/ecs:aws_ecs_service.app->s3", private_table}}},
      {"image-from-docker-hub",
       [](States& s) {
         auto& task = attributes(s.app, "aws_ecs_task_definition.app");
         auto containers = json::parse(task["container_definitions"].get<std::string>());
         containers[0]["image"] = "nginx:1.27";
         task["container_definitions"] = containers.dump();
       },
       {{"closed/ecs:aws_ecs_service.app->registry:docker.io", "aws_ecs_task_definition.app"}}},
      {"vpc-dns-hostnames-off",
       [](States& s) { attributes(s.network, "module.network.aws_vpc.main")["enable_dns_hostnames"] = false; },
       {{"tasks-pull-images", "module.network.aws_vpc.main"},
        {"closed/ecs:aws_ecs_service.app->logs", "module.network.aws_vpc.main"}}},
      {"task-sg-egress-narrowed",
       [](States& s) { attributes(s.app, "aws_security_group.app")["egress"] = {sg_rule("tcp", 443, 443, {"10.1.1.0/24"})}; },
       // S3 too: 10.1.1.0/24 holds no address of the S3 prefix list (the gateway endpoint
       // path starts at the task SG's egress, R2.16).
       {{"tasks-pull-images", "aws_security_group.app"},
        {"closed/ecs:aws_ecs_service.app->ssm", "aws_security_group.app"},
        {"closed/ecs:aws_ecs_service.app->s3", "aws_security_group.app"}}},
  };
  return all;
}

const Mutation& mutation(const std::string& name) {
  for (const auto& m : mutations()) {
    if (m.name == name) return m;
  }
  throw std::invalid_argument("no mutation " + name);
}

// Applies the named mutation to after/ and checks that every expectation is caught.
void check_caught(const std::string& name) {
  const auto& m = mutation(name);
  States states;
  m.apply(states);
  auto report = MutatedExample(name).check(states);
  CHECK_FALSE(report.ok());
  for (const auto& expected : m.caught) {
    INFO("mutation " << name << ": " << expected.intent << " must fail naming " << expected.address);
    const auto* result = find(report, expected.intent);
    REQUIRE(result != nullptr);
    INFO(dump(*result));
    CHECK_FALSE(result->holds);
    CHECK(names(result->explanations, expected.address));
  }
}

}  // namespace

TEST_CASE("the mutation harness leaves the unchanged after/ example passing", "[intent][mutation]") {
  States states;
  auto report = MutatedExample("unchanged").check(states);
  for (const auto& r : report.intents) {
    INFO(dump(r));
    CHECK(r.holds);
  }
  CHECK(report.ok());
  CHECK(mutations().size() >= 12);
}

TEST_CASE("the address helpers find, add and remove resource instances of state JSON", "[intent][mutation]") {
  States s;
  CHECK(attributes(s.network, "module.network.aws_subnet.private[\"1c\"]")["cidr_block"] == "10.1.2.0/24");
  CHECK(attributes(s.app, "data.aws_subnet.private[\"1a\"]")["id"] == subnet_1a);
  CHECK_THROWS_AS(attributes(s.network, "aws_vpc_endpoint.interface[\"kms\"]"), std::invalid_argument);
  add_resource(s.network, "module.network.aws_subnet.private[\"1d\"]", {{"id", "subnet-new"}});
  CHECK(attributes(s.network, "module.network.aws_subnet.private[\"1d\"]")["id"] == "subnet-new");
  remove_resource(s.network, "aws_vpc_endpoint.interface[\"logs\"]");
  CHECK_THROWS_AS(attributes(s.network, "aws_vpc_endpoint.interface[\"logs\"]"), std::invalid_argument);
  CHECK(attributes(s.network, "aws_vpc_endpoint.interface[\"ssm\"]")["private_dns_enabled"] == true);
  remove_resource(s.network, "module.network.aws_route.onprem");
  CHECK_THROWS_AS(remove_resource(s.network, "module.network.aws_route.onprem"), std::invalid_argument);
}

TEST_CASE("mutation: a task public IP with an IGW route is caught by no-internet-egress", "[intent][mutation]") {
  check_caught("igw-and-task-public-ip");
}

TEST_CASE("mutation: an instance in a subnet with map_public_ip_on_launch and an IGW route is caught", "[intent][mutation]") {
  check_caught("igw-and-public-ip-on-launch");
}

TEST_CASE("mutation: an IGW route and map_public_ip_on_launch without a public interface is only a latent-exposure warning",
          "[intent][mutation]") {
  States states;
  attach_internet_gateway(states);
  route_private_table_to_internet_gateway(states);
  attributes(states.network, "module.network.aws_subnet.private[\"1a\"]")["map_public_ip_on_launch"] = true;
  auto report = MutatedExample("latent-igw-route").check(states);
  CHECK(report.ok());  // nothing has a public IPv4 yet (Fargate ignores map_public_ip_on_launch)
  bool warned = std::any_of(report.warnings.begin(), report.warnings.end(), [](const Explanation& w) {
    return w.code == "LATENT_INTERNET_EXPOSURE" && w.message.find(private_table) != std::string::npos;
  });
  CHECK(warned);
}

TEST_CASE("mutation: NAT egress is caught naming the NAT and the route to it", "[intent][mutation]") {
  check_caught("nat-egress");
}

TEST_CASE("mutation: an internet-facing ALB with an open SG is caught by no-internet-ingress", "[intent][mutation]") {
  check_caught("internet-facing-alb-with-open-sg");
}

TEST_CASE("an internet-facing ALB is warned about only when the internet cannot reach it", "[intent][mutation]") {
  // Reachable (open SG, IGW route): a failing intent, not an "is blocked" warning, even
  // though replies to S3's ranges take the gateway endpoint route.
  States open;
  internet_facing_alb(open);
  auto report = MutatedExample("alb-open").check(open);
  auto blocked = [](const CheckReport& r) {
    return std::any_of(r.warnings.begin(), r.warnings.end(), [](const Explanation& w) {
      return w.code == "INTERNET_FACING_LB_BLOCKED" && w.resource == "aws_lb.app";
    });
  };
  CHECK_FALSE(blocked(report));
  // Internet-facing in subnets without an IGW route: latent exposure, warned.
  States closed;
  attributes(closed.app, "aws_lb.app")["internal"] = false;
  CHECK(blocked(MutatedExample("alb-blocked").check(closed)));
}

TEST_CASE("mutation: a TGW default route to an egress VPC is caught naming the TGW route and the egress NAT",
          "[intent][mutation]") {
  check_caught("tgw-to-egress-vpc");
}

TEST_CASE("mutation: an endpoint SG too narrow for the tasks is caught naming the SG", "[intent][mutation]") {
  check_caught("endpoint-sg-too-narrow");
}

TEST_CASE("mutation: private DNS off on the ecr.dkr endpoint is caught naming the endpoint", "[intent][mutation]") {
  check_caught("private-dns-off");
}

TEST_CASE("mutation: a private hosted zone not associated with the VPC is caught naming the zone", "[intent][mutation]") {
  check_caught("phz-not-associated");
}

TEST_CASE("mutation: a missing logs endpoint is caught by the awslogs requirement", "[intent][mutation]") {
  check_caught("logs-endpoint-missing");
}

TEST_CASE("mutation: a missing on-prem return route is caught naming the route table", "[intent][mutation]") {
  check_caught("onprem-return-route-missing");
}

TEST_CASE("mutation: allowed_prefixes narrower than the VPC are caught naming the DX gateway association",
          "[intent][mutation]") {
  check_caught("allowed-prefixes-narrowed");
}

TEST_CASE("mutation: a NACL blocking the return (ephemeral) ports is caught naming the NACL", "[intent][mutation]") {
  check_caught("nacl-blocks-return-ports");
}

TEST_CASE("mutation: a resolver inbound endpoint SG without port 53 is caught naming the SG", "[intent][mutation]") {
  check_caught("resolver-sg-without-53");
}

TEST_CASE("mutation: the article's allowed_prefixes that do not cover the VPC are caught", "[intent][mutation]") {
  check_caught("article-allowed-prefixes-not-covering-vpc");
}

TEST_CASE("mutation: the article's DX gateway association naming a VGW not in the state is caught", "[intent][mutation]") {
  check_caught("article-association-names-undeclared-vgw");
}

TEST_CASE("mutation: the article's on-prem CIDR written with host bits is a warning naming the route", "[intent][mutation]") {
  States states;  // aws_route.r's destination_cidr_block = "10.0.1.0/22" in the article
  attributes(states.network, "module.network.aws_route.onprem")["destination_cidr_block"] = "10.0.1.0/22";
  attributes(states.network, private_table)["route"][0]["cidr_block"] = "10.0.1.0/22";
  auto report = MutatedExample("article-host-bits").check(states);
  CHECK(report.ok());  // the network address 10.0.0.0/22 is used, as AWS stores it
  bool warned = std::any_of(report.warnings.begin(), report.warnings.end(), [](const Explanation& w) {
    return w.code == "cidr.host_bits" && w.resource == "module.network.aws_route.onprem" &&
           w.message.find("10.0.0.0/22") != std::string::npos;
  });
  CHECK(warned);
}

TEST_CASE("mutation: an ALB SG that admits only the VPC is caught for on-prem clients", "[intent][mutation]") {
  check_caught("alb-sg-without-onprem");
}

TEST_CASE("mutation: an S3 gateway endpoint off the tasks' route table is caught by the image-layer requirement",
          "[intent][mutation]") {
  check_caught("s3-endpoint-off-the-task-table");
}

TEST_CASE("mutation: an image from Docker Hub is caught naming the task definition", "[intent][mutation]") {
  check_caught("image-from-docker-hub");
}

TEST_CASE("mutation: enable_dns_hostnames off is caught naming the VPC", "[intent][mutation]") {
  check_caught("vpc-dns-hostnames-off");
}

TEST_CASE("with enable_dns_hostnames off a private zone's answer is an assumption: on-prem reaching the app is unknown",
          "[intent][mutation]") {
  States states;
  attributes(states.network, "module.network.aws_vpc.main")["enable_dns_hostnames"] = false;
  auto report = MutatedExample("hostnames-off-phz").check(states);
  const auto* app = find(report, "onprem-reaches-app");
  REQUIRE(app != nullptr);
  INFO(dump(*app));
  CHECK(app->status == "unknown");  // R6.3 documents the zone as needing it; R0.1 under-approximates
  CHECK_FALSE(app->holds);
  CHECK(std::any_of(app->explanations.begin(), app->explanations.end(), [](const Explanation& e) {
    return e.code == "ASSUMPTION" && e.message.find("enable_dns_hostnames") != std::string::npos;
  }));
}

TEST_CASE("mutation: task SG egress narrowed to one subnet is caught naming the task SG", "[intent][mutation]") {
  check_caught("task-sg-egress-narrowed");
}

}  // namespace moat::intent
