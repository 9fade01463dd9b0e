// The scenario-file reader: the one place that turns moat.json into a Scenario.
// nlohmann_json stays private to this file; every error names the JSON pointer.

#include "moat/scenario/load_scenario.hpp"

#include <charconv>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

#include "moat/core/error.hpp"
#include "moat/scenario/address_selector.hpp"

namespace moat::scenario {
namespace {

using nlohmann::json;

// Every key the format knows, per object.
const std::set<std::string> top_keys{"states", "region", "networks", "profile", "intents"};
const std::set<std::string> network_keys{"cidrs", "via", "dns_forwarders", "dns_servers", "dns_zones", "dns_records"};
const std::set<std::string> record_keys{"name", "type", "values"};
const std::set<std::string> forwarder_keys{"domain", "to"};
const std::set<std::string> intent_keys{"name", "from", "to", "protocol", "port", "expect"};

// A key as a JSON pointer token (RFC 6901): "~" is written "~0" and "/" is written "~1".
std::string pointer_token(const std::string& key) {
  std::string token;
  for (char c : key) {
    if (c == '~') token += "~0";
    else if (c == '/') token += "~1";
    else token += c;
  }
  return token;
}

struct Reader {
  std::string file;
  std::vector<Warning> warnings;

  [[noreturn]] void fail(const std::string& pointer, const std::string& message) const {
    throw LoadError(file, pointer, "", message);
  }

  void expect_object(const json& value, const std::string& pointer) const {
    if (!value.is_object()) fail(pointer, "expected an object");
  }
  void check_keys(const json& object, const std::set<std::string>& known, const std::string& pointer) const {
    for (const auto& item : object.items()) {
      if (!known.contains(item.key())) {
        std::string list;
        for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
        fail(pointer + "/" + pointer_token(item.key()), "unknown key \"" + item.key() + "\" (known: " + list + ")");
      }
    }
  }
  std::string string_at(const json& value, const std::string& pointer) const {
    if (!value.is_string()) fail(pointer, "expected a string");
    return value.get<std::string>();
  }
  std::vector<std::string> strings_at(const json& value, const std::string& pointer) const {
    if (!value.is_array()) fail(pointer, "expected a list of strings");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < value.size(); ++i) out.push_back(string_at(value[i], pointer + "/" + std::to_string(i)));
    return out;
  }

  // A CIDR's network; host bits set are a warning naming the fallback (cidr.host_bits).
  net::Prefix cidr(const std::string& text, const std::string& pointer, const std::string& what) {
    auto parsed = net::parse_prefix(text);
    if (parsed.host_bits_set)
      warnings.push_back({"cidr.host_bits", pointer,
                          what + ": \"" + text + "\" has host bits set: using " + parsed.prefix.to_string()});
    return parsed.prefix;
  }

  NetworkDeclaration network(const std::string& name, const json& value, const std::string& pointer) {
    expect_object(value, pointer);
    check_keys(value, network_keys, pointer);
    // A from/to naming the network must select it: names that selectors read as
    // something else (an address, the internet, every interface, a DNS name or a
    // service) could never be chosen.
    if (name.empty() || name == "internet" || name == "*" || name.starts_with("dns:") || name.starts_with("service:") ||
        written_as_address(name))
      fail(pointer, "network name \"" + name + "\" cannot be selected: a from/to reads it as " +
                        (written_as_address(name) ? "an address" : "something else") +
                        " (rename it; \"internet\", \"*\", dns:, service: and address-shaped names are taken)");
    NetworkDeclaration network;
    network.name = name;
    if (value.contains("cidrs")) {
      auto texts = strings_at(value["cidrs"], pointer + "/cidrs");
      for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::string at = pointer + "/cidrs/" + std::to_string(i);
        try {
          network.cidrs.push_back(cidr(texts[i], at, "network " + name));
        } catch (const ParseError& error) {
          fail(at, std::string("not a CIDR: ") + error.what());
        }
      }
    }
    if (value.contains("via")) {
      const auto& via = value["via"];
      if (!via.is_array()) fail(pointer + "/via", "expected a list of {\"dx_gateway\"|\"vpn_gateway\"|\"transit_gateway\"|\"vpn_connection\": NAME}");
      for (std::size_t i = 0; i < via.size(); ++i) {
        std::string at = pointer + "/via/" + std::to_string(i);
        expect_object(via[i], at);
        if (via[i].size() != 1) fail(at, "expected exactly one of dx_gateway, vpn_gateway, transit_gateway, vpn_connection");
        // Copy the key out of the one member: items() yields a temporary proxy.
        const auto member = via[i].begin();
        const std::string key = member.key();
        const json& target = member.value();
        Attachment attachment;
        if (key == "dx_gateway") attachment.kind = Attachment::Kind::dx_gateway;
        else if (key == "vpn_gateway") attachment.kind = Attachment::Kind::vpn_gateway;
        else if (key == "transit_gateway") attachment.kind = Attachment::Kind::transit_gateway;
        else if (key == "vpn_connection") attachment.kind = Attachment::Kind::vpn_connection;
        else fail(at + "/" + pointer_token(key), "unknown key \"" + key + "\" (known: dx_gateway, transit_gateway, vpn_connection, vpn_gateway)");
        attachment.target = string_at(target, at + "/" + key);
        attachment.key = "networks." + name + ".via[" + std::to_string(i) + "]." + key;
        network.via.push_back(std::move(attachment));
      }
    }
    if (value.contains("dns_forwarders")) {
      const auto& forwarders = value["dns_forwarders"];
      if (!forwarders.is_array()) fail(pointer + "/dns_forwarders", "expected a list of {\"domain\", \"to\"}");
      for (std::size_t i = 0; i < forwarders.size(); ++i) {
        std::string at = pointer + "/dns_forwarders/" + std::to_string(i);
        expect_object(forwarders[i], at);
        check_keys(forwarders[i], forwarder_keys, at);
        if (!forwarders[i].contains("domain")) fail(at, "missing key \"domain\"");
        if (!forwarders[i].contains("to")) fail(at, "missing key \"to\"");
        DnsForwarder forwarder;
        forwarder.domain = string_at(forwarders[i]["domain"], at + "/domain");
        const auto& to = forwarders[i]["to"];
        if (to.is_string()) forwarder.resolver_endpoint = to.get<std::string>();
        else if (to.is_array()) forwarder.addresses = strings_at(to, at + "/to");
        else fail(at + "/to", "expected a resolver endpoint (address or id) or a list of IP addresses");
        for (std::size_t k = 0; k < forwarder.addresses.size(); ++k) {
          if (!net::IpAddress::try_parse(forwarder.addresses[k]))
            fail(at + "/to/" + std::to_string(k), "\"" + forwarder.addresses[k] + "\" is not an IP address");
        }
        forwarder.key = "networks." + name + ".dns_forwarders[" + std::to_string(i) + "]";
        network.dns_forwarders.push_back(std::move(forwarder));
      }
    }
    if (value.contains("dns_servers")) {
      auto texts = strings_at(value["dns_servers"], pointer + "/dns_servers");
      for (std::size_t i = 0; i < texts.size(); ++i) {
        auto ip = net::IpAddress::try_parse(texts[i]);
        if (!ip) fail(pointer + "/dns_servers/" + std::to_string(i), "\"" + texts[i] + "\" is not an IP address");
        network.dns_servers.push_back(*ip);
      }
    }
    if (value.contains("dns_zones")) {
      network.dns_zones = strings_at(value["dns_zones"], pointer + "/dns_zones");
      for (std::size_t i = 0; i < network.dns_zones.size(); ++i)
        if (network.dns_zones[i].empty()) fail(pointer + "/dns_zones/" + std::to_string(i), "a zone needs a name");
    }
    if (value.contains("dns_records")) {
      const auto& records = value["dns_records"];
      if (!records.is_array()) fail(pointer + "/dns_records", "expected a list of {\"name\", \"type\", \"values\"}");
      for (std::size_t i = 0; i < records.size(); ++i)
        network.dns_records.push_back(dns_record(records[i], pointer + "/dns_records/" + std::to_string(i)));
    }
    return network;
  }

  // One declared record: A values are IPv4 addresses, AAAA values IPv6, CNAME one name.
  DnsRecordDeclaration dns_record(const json& value, const std::string& at) const {
    expect_object(value, at);
    check_keys(value, record_keys, at);
    for (const char* key : {"name", "type", "values"})
      if (!value.contains(key)) fail(at, std::string("missing key \"") + key + "\"");
    DnsRecordDeclaration record;
    record.name = string_at(value["name"], at + "/name");
    if (record.name.empty()) fail(at + "/name", "a record needs a name");
    record.type = string_at(value["type"], at + "/type");
    if (record.type != "A" && record.type != "AAAA" && record.type != "CNAME")
      fail(at + "/type", "unknown record type \"" + record.type + "\" (known: A, AAAA, CNAME)");
    record.values = strings_at(value["values"], at + "/values");
    if (record.values.empty()) fail(at + "/values", "a record needs at least one value");
    if (record.type == "CNAME" && record.values.size() != 1) fail(at + "/values", "a CNAME record has exactly one value");
    for (std::size_t k = 0; record.type != "CNAME" && k < record.values.size(); ++k) {
      auto ip = net::IpAddress::try_parse(record.values[k]);
      if (!ip || ip->is_v4() != (record.type == "A"))
        fail(at + "/values/" + std::to_string(k),
             "\"" + record.values[k] + "\" is not an " + (record.type == "A" ? "IPv4" : "IPv6") + " address");
    }
    return record;
  }

  IntentDeclaration intent(const json& value, const std::string& pointer) {
    expect_object(value, pointer);
    check_keys(value, intent_keys, pointer);
    IntentDeclaration intent;
    for (const char* key : {"name", "from", "to"}) {
      if (!value.contains(key)) fail(pointer, std::string("missing key \"") + key + "\"");
    }
    intent.name = string_at(value["name"], pointer + "/name");
    if (intent.name.empty()) fail(pointer + "/name", "an intent needs a non-empty name");
    std::string where = "intent \"" + intent.name + "\": ";
    intent.from = string_at(value["from"], pointer + "/from");
    intent.to = string_at(value["to"], pointer + "/to");
    if (intent.from.empty()) fail(pointer + "/from", where + "empty selector");
    if (intent.to.empty()) fail(pointer + "/to", where + "empty selector");
    // An address selector is checked here, where the error can name the file and pointer;
    // names are bound against the model later.
    for (const auto& [side, text] : {std::pair{"/from", &intent.from}, std::pair{"/to", &intent.to}}) {
      if (!written_as_address(*text)) continue;
      try {
        parse_address_selector(*text);
      } catch (const ParseError& error) {
        fail(pointer + side, where + error.what());
      }
      if (text->find('/') != std::string::npos) cidr(*text, pointer + side, where + (side + 1));
    }
    if (value.contains("protocol")) {
      intent.protocol = string_at(value["protocol"], pointer + "/protocol");
      try {
        intent.protocols = parse_intent_protocol(intent.protocol);
      } catch (const ParseError& error) {
        fail(pointer + "/protocol", where + error.what());
      }
    }
    if (value.contains("port")) {
      const auto& port = value["port"];
      if (port.is_number_integer()) {
        auto n = port.get<long long>();
        if (n < 0 || n > 65535) fail(pointer + "/port", where + "port " + std::to_string(n) + " is outside 0-65535");
        intent.port = std::to_string(n);
      } else if (port.is_string()) {
        intent.port = port.get<std::string>();
      } else {
        fail(pointer + "/port", where + "expected a port number or \"from-to\"");
      }
      try {
        intent.ports = parse_intent_port(intent.port);
      } catch (const ParseError& error) {
        fail(pointer + "/port", where + error.what());
      }
      if (!intent.ports.is_all() && !intent.protocols.contains(net::protocol::tcp) &&
          !intent.protocols.contains(net::protocol::udp))
        fail(pointer + "/port", where + "a port needs protocol tcp, udp or all");
    }
    if (value.contains("expect")) {
      auto expect = string_at(value["expect"], pointer + "/expect");
      if (expect == "reachable") intent.expect = Expect::reachable;
      else if (expect == "unreachable") intent.expect = Expect::unreachable;
      else fail(pointer + "/expect", where + "expect must be \"reachable\" or \"unreachable\", not \"" + expect + "\"");
    }
    return intent;
  }

  Scenario scenario(std::string_view text, const std::filesystem::path& base) {
    json document;
    try {
      document = json::parse(text);
    } catch (const json::parse_error& error) {
      fail("byte " + std::to_string(error.byte), std::string("malformed JSON: ") + error.what());
    }
    expect_object(document, "");
    check_keys(document, top_keys, "");
    Scenario scenario;
    scenario.file = file;
    if (document.contains("states")) {
      for (const auto& state : strings_at(document["states"], "/states")) scenario.states.push_back(base / state);
    }
    if (document.contains("region")) scenario.region = string_at(document["region"], "/region");
    if (document.contains("profile")) {
      scenario.profile = string_at(document["profile"], "/profile");
      if (scenario.profile != "closed" && !scenario.profile.empty())
        fail("/profile", "unknown profile \"" + scenario.profile + "\" (known: closed)");
    }
    if (document.contains("networks")) {
      const auto& networks = document["networks"];
      expect_object(networks, "/networks");
      for (const auto& item : networks.items())
        scenario.networks.push_back(network(item.key(), item.value(), "/networks/" + pointer_token(item.key())));
    }
    if (document.contains("intents")) {
      const auto& intents = document["intents"];
      if (!intents.is_array()) fail("/intents", "expected a list of intents");
      std::set<std::string> names;
      for (std::size_t i = 0; i < intents.size(); ++i) {
        auto declared = intent(intents[i], "/intents/" + std::to_string(i));
        if (!names.insert(declared.name).second)
          fail("/intents/" + std::to_string(i) + "/name", "duplicate intent name \"" + declared.name + "\"");
        scenario.intents.push_back(std::move(declared));
      }
    }
    scenario.warnings = std::move(warnings);
    return scenario;
  }
};

}  // namespace

net::ProtocolSet parse_intent_protocol(std::string_view text) {
  if (text == "tcp") return net::ProtocolSet::of(net::protocol::tcp);
  if (text == "udp") return net::ProtocolSet::of(net::protocol::udp);
  if (text == "icmp") return net::ProtocolSet::of(net::protocol::icmp);
  if (text == "icmpv6") return net::ProtocolSet::of(net::protocol::icmpv6);
  if (text == "all") return net::ProtocolSet::all();
  throw ParseError("[moat.scenario] protocol \"" + std::string(text) + "\" is not one of tcp, udp, icmp, icmpv6, all");
}

net::PortSet parse_intent_port(std::string_view text) {
  if (text == "all") return net::PortSet::all();
  auto number = [&](std::string_view part) -> std::uint16_t {
    unsigned value = 0;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (part.empty() || ec != std::errc{} || end != part.data() + part.size() || value > 65535)
      throw ParseError("[moat.scenario] port \"" + std::string(text) +
                       "\" is not a port number 0-65535, a range \"from-to\" or \"all\"");
    return static_cast<std::uint16_t>(value);
  };
  auto dash = text.find('-');
  if (dash == std::string_view::npos) return net::PortSet::of(number(text));
  auto first = number(text.substr(0, dash));
  auto last = number(text.substr(dash + 1));
  if (first > last) throw ParseError("[moat.scenario] port range \"" + std::string(text) + "\" is empty (from > to)");
  return net::PortSet::range(first, last);
}

Scenario parse_scenario(std::string_view text, const std::string& file_name, const std::filesystem::path& base_directory) {
  Reader reader{file_name, {}};
  return reader.scenario(text, base_directory);
}

std::vector<model::Diagnostic> scenario_diagnostics(const Scenario& scenario) {
  std::vector<model::Diagnostic> out;
  const std::string file = scenario.file.string();
  for (const auto& warning : scenario.warnings)
    out.push_back({model::Severity::warning, warning.code, file, "",
                   file + " (" + warning.pointer + "): " + warning.message});
  return out;
}

void require_no_warnings(const Scenario& scenario) {
  if (scenario.warnings.empty()) return;
  const auto& warning = scenario.warnings.front();
  throw LoadError(scenario.file.string(), warning.pointer, "", warning.message + " [" + warning.code + ", --strict]");
}

Scenario load_scenario(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw LoadError(file.string(), "", "", "cannot read the scenario file");
  std::ostringstream text;
  text << in.rdbuf();
  auto scenario = parse_scenario(text.str(), file.string(), file.parent_path());
  scenario.file = file;
  return scenario;
}

namespace {

// Terraform writes one of these keys at the top of every state, show -json and plan
// document; a scenario has none of them. Unparsable text is left to the state loader,
// which names the error.
bool is_terraform_document(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw LoadError(file.string(), "", "", "cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  json document = json::parse(text.str(), nullptr, false);
  return document.is_discarded() || !document.is_object() || document.contains("terraform_version") ||
         document.contains("format_version") || document.contains("resources") || document.contains("lineage");
}

}  // namespace

Scenario load_scenario_or_state(const std::filesystem::path& file) {
  if (!is_terraform_document(file)) return load_scenario(file);
  Scenario scenario;
  scenario.file = file;
  scenario.states.push_back(file);
  return scenario;
}

Scenario load_scenario_or_states(const std::vector<std::filesystem::path>& files) {
  if (files.empty()) throw LoadError("", "", "", "no state or scenario file given");
  std::optional<Scenario> merged;
  std::vector<std::filesystem::path> states;
  for (const auto& file : files) {
    if (is_terraform_document(file)) {
      states.push_back(file);
    } else if (merged) {
      throw LoadError(file.string(), "", "", "a second scenario file: give one scenario (here " + merged->file.string() +
                                               ") and any number of state files");
    } else {
      merged = load_scenario(file);
    }
  }
  if (!merged) {
    merged = Scenario{};
    merged->file = files.front();
  }
  merged->states.insert(merged->states.end(), states.begin(), states.end());
  return *merged;
}

}  // namespace moat::scenario
