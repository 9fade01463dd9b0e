#pragma once
// Selector: one `from`/`to` value of an intent, classified by its syntax:
//   "internet", "*", "dns:NAME", "service:NAME", a CIDR or IP (written as one, see
//   scenario/address_selector.hpp), or a name (a Terraform address of an interface owner
//   or subnet, or a declared network name such as "dc1.a"; which one is decided when
//   binding against the scenario and the model).
// parse_selector checks syntax only and throws ParseError for an empty selector, an
// empty dns:/service: name and a CIDR-looking value that is not a CIDR.

#include <cstdint>
#include <string>
#include <string_view>

#include "moat/net/address_set.hpp"

namespace moat::intent {

enum class SelectorKind : std::uint8_t { name, internet, everything, addresses, dns, service };

std::string_view to_string(SelectorKind kind);  // "name", "internet", "*", ...

struct Selector {
  SelectorKind kind = SelectorKind::name;
  std::string text;   // as written
  std::string value;  // name, DNS name or service short name
  net::AddressSet addresses{net::IpFamily::v4};  // kind addresses
};

Selector parse_selector(std::string_view text);

}  // namespace moat::intent
