#pragma once
// Scenario: the parsed contents of a scenario file (moat.json): which states to load,
// the region, the external networks the user declares, the profile and the intents.
// Values are as the user wrote them (selectors stay text); binding them to the model
// happens in the intent layer. See load_scenario.hpp for the file format.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "moat/net/port_set.hpp"
#include "moat/net/prefix.hpp"
#include "moat/net/protocol_set.hpp"

namespace moat::scenario {

// One `via` entry: {"dx_gateway": "aws_dx_gateway.example"}.
struct Attachment {
  enum class Kind : std::uint8_t { dx_gateway, vpn_gateway, transit_gateway, vpn_connection };
  Kind kind = Kind::dx_gateway;
  std::string target;  // Terraform address, AWS id or name
  std::string key;     // where it was written: "networks.onprem.via[0].dx_gateway"
};

// One `dns_forwarders` entry: `domain` forwarded to a resolver endpoint (by address or
// id) or to a list of IP addresses.
struct DnsForwarder {
  std::string domain;
  std::string resolver_endpoint;          // set when `to` is a string
  std::vector<std::string> addresses;     // set when `to` is a list
  std::string key;                        // "networks.onprem.dns_forwarders[0]"
};

// One `dns_records` entry: a record the network's DNS servers answer with.
struct DnsRecordDeclaration {
  std::string name;                 // "db.corp.example.com" ("*.corp.example.com" allowed)
  std::string type;                 // "A", "AAAA" or "CNAME"
  std::vector<std::string> values;  // addresses of that family, or one name for CNAME
};

struct NetworkDeclaration {
  std::string name;
  std::vector<net::Prefix> cidrs;
  std::vector<Attachment> via;
  std::vector<DnsForwarder> dns_forwarders;
  // The network's own DNS: its servers (targets of Route 53 FORWARD rules, sources of its
  // forwarded queries), the zones they answer for, and the records of those zones.
  std::vector<net::IpAddress> dns_servers;
  std::vector<std::string> dns_zones;
  std::vector<DnsRecordDeclaration> dns_records;
};

// Odd but usable input in the scenario file: what was found, where, and the fallback
// taken. Reported with the load diagnostics; `moat check --strict` makes it an error.
struct Warning {
  std::string code;     // stable, dotted: "cidr.host_bits"
  std::string pointer;  // JSON pointer into the file: "/networks/onprem/cidrs/0"
  std::string message;  // "network onprem: \"10.0.0.1/16\" has host bits set: using 10.0.0.0/16"
};

enum class Expect : std::uint8_t { reachable, unreachable };

struct IntentDeclaration {
  std::string name;
  std::string from;
  std::string to;
  std::string protocol = "all";  // as written
  std::string port = "all";      // as written ("443", "1024-65535", "all")
  net::ProtocolSet protocols = net::ProtocolSet::all();
  net::PortSet ports = net::PortSet::all();
  Expect expect = Expect::reachable;
};

struct Scenario {
  std::filesystem::path file;                 // the scenario file as named ("" for in-memory text)
  std::vector<std::filesystem::path> states;  // resolved against the scenario's directory
  std::string region;
  std::vector<NetworkDeclaration> networks;   // in file order
  std::string profile;                        // "" or "closed"
  std::vector<IntentDeclaration> intents;     // in file order
  std::vector<Warning> warnings;              // in file order
};

}  // namespace moat::scenario
