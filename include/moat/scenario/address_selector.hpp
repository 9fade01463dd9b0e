#pragma once
// Address selectors: a `from`/`to` value written as an IP address or a CIDR. The shape
// decides, not the letters: IPv4 is digits and dots with an optional "/LEN"; IPv6 has a
// colon and otherwise only hex digits, dots and "/". Anything else is a name (a declared
// network or a Terraform address), so "dc1.a" or "cafe.b2" — hex letters and dots — stays
// a name, while "10.0.0.300" and "10.0.0.0/33" are malformed addresses, not names.
//
//   written_as_address     the shape test above
//   parse_address_selector the addresses of such a value; throws ParseError when it is
//                          neither an IP address nor a CIDR
// The scenario reader runs both on every intent's from/to (so the error names the file
// and JSON pointer); intent::parse_selector classifies with them.

#include <string_view>

#include "moat/net/address_set.hpp"

namespace moat::scenario {

bool written_as_address(std::string_view text);
net::AddressSet parse_address_selector(std::string_view text);

}  // namespace moat::scenario
