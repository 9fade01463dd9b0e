#pragma once
// Reading a scenario file (moat.json):
//   {"states": [...], "region": "...", "networks": {NAME: {"cidrs": [...], "via": [...],
//    "dns_forwarders": [...]}}, "profile": "closed", "intents": [{"name", "from", "to",
//    "protocol", "port", "expect"}]}
// `states` are relative to the scenario file. Unknown keys, wrong types, a malformed
// CIDR, protocol or port, a missing name/from/to, a from/to written as an address that is
// not one (address_selector.hpp), duplicate intent names: moat::LoadError naming the file
// and the JSON pointer of the offending key. Other selectors are checked against the model
// later (intent::bind_*). A CIDR with host bits set (in `cidrs`, or a from/to written as
// one) is a warning (code cidr.host_bits): the network address is used.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "moat/model/diagnostic.hpp"
#include "moat/scenario/scenario.hpp"

namespace moat::scenario {

// Reads and parses the file; states become paths relative to its directory.
Scenario load_scenario(const std::filesystem::path& file);
// For commands that take "STATE_OR_SCENARIO": a scenario file as load_scenario reads it,
// or (for a Terraform state, show -json or plan file) a scenario with just that state.
Scenario load_scenario_or_state(const std::filesystem::path& file);
// For commands that take "STATE_OR_SCENARIO...": each file as load_scenario_or_state reads
// it, merged — the one scenario file (if any) with every state file appended to its states,
// in order. Two scenario files, or none at all, throw LoadError.
Scenario load_scenario_or_states(const std::vector<std::filesystem::path>& files);
// Parses text reported under file_name; states are resolved against base_directory.
Scenario parse_scenario(std::string_view text, const std::string& file_name,
                        const std::filesystem::path& base_directory = {});

// The scenario's warnings as load diagnostics (severity warning), each message naming the
// file and pointer: `moat.json (/networks/onprem/cidrs/0): network onprem: "10.0.0.1/16"
// has host bits set: using 10.0.0.0/16`.
std::vector<model::Diagnostic> scenario_diagnostics(const Scenario& scenario);
// A --strict mode: throws the first warning as a LoadError naming the file and pointer.
void require_no_warnings(const Scenario& scenario);

// "tcp", "udp", "icmp", "icmpv6", "all": throws ParseError otherwise.
net::ProtocolSet parse_intent_protocol(std::string_view text);
// "443", "1024-65535", "all": throws ParseError otherwise (also for "0-0x", "70000", "5-3").
net::PortSet parse_intent_port(std::string_view text);

}  // namespace moat::scenario
