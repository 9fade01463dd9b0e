#include "moat/scenario/address_selector.hpp"

#include <algorithm>
#include <string>

#include "moat/core/error.hpp"
#include "moat/net/ip_address.hpp"
#include "moat/net/prefix.hpp"

namespace moat::scenario {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

}  // namespace

bool written_as_address(std::string_view text) {
  auto all_of = [&](auto accept) { return std::all_of(text.begin(), text.end(), accept); };
  if (text.find(':') != std::string_view::npos)  // IPv6 ("fd00::1", "fd00::/8", "::ffff:10.0.0.1")
    return all_of([](char c) { return is_hex(c) || c == ':' || c == '.' || c == '/'; });
  // IPv4 ("10.0.0.1", "10.0.0.0/16"); a bare number ("10") is not an address.
  return std::any_of(text.begin(), text.end(), is_digit) && text.find('.') != std::string_view::npos &&
         all_of([](char c) { return is_digit(c) || c == '.' || c == '/'; });
}

net::AddressSet parse_address_selector(std::string_view text) {
  if (auto address = net::IpAddress::try_parse(text)) return net::AddressSet::of(*address);
  if (auto prefix = net::Prefix::try_parse(text)) return net::AddressSet::of(*prefix);
  throw ParseError("[moat.scenario] selector \"" + std::string(text) + "\" is neither an IP address nor a CIDR");
}

}  // namespace moat::scenario
