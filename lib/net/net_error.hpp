#pragma once
// Private helpers of the net module: the one place that spells "[moat.net]" errors.

#include <optional>
#include <string>
#include <string_view>

#include "moat/core/error.hpp"
#include "moat/net/ip_address.hpp"

namespace moat::net::detail {

// Throws ParseError reading: [moat.net] "TEXT": WHAT
[[noreturn]] inline void throw_parse_error(std::string_view text, const std::string& what) {
  std::string message = "[moat.net] \"";
  message.append(text);
  message += "\": ";
  message += what;
  throw ParseError(message);
}

}  // namespace moat::net::detail

namespace moat::net::detail {

// Parses an address of either family (':' decides); on failure returns nullopt and
// stores the reason (without the quoted text) in error. Defined in ip_address.cpp.
std::optional<IpAddress> parse_address(std::string_view text, std::string& error);

}  // namespace moat::net::detail
