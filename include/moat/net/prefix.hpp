#pragma once
// Prefix: an IPv4 or IPv6 CIDR block, always stored as its network address.
//
// Prefix::parse("10.0.1.0/33") throws ParseError:
//   [moat.net] "10.0.1.0/33": prefix length 33 exceeds 32
// A prefix written with host bits set ("10.0.1.0/22") parses to its network
// (10.0.0.0/22); parse_prefix() reports that so a caller can turn it into a warning.

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "moat/net/ip_address.hpp"

namespace moat::net {

class Prefix {
 public:
  // The whole address space of a family (0.0.0.0/0 or ::/0).
  static Prefix all(IpFamily family);
  // Host bits of address beyond length are cleared. Precondition: length <= address_bits.
  Prefix(IpAddress address, int length);

  static Prefix parse(std::string_view text);
  static std::optional<Prefix> try_parse(std::string_view text);

  IpFamily family() const { return network_.family(); }
  IpAddress network() const { return network_; }
  int length() const { return length_; }
  IpAddress first() const { return network_; }
  IpAddress last() const;
  bool contains(const IpAddress& address) const;
  bool contains(const Prefix& other) const;  // other is equal or more specific
  std::string to_string() const;

  friend bool operator==(const Prefix&, const Prefix&) = default;
  // Ordered by family, then network address, then length (shorter first).
  friend std::strong_ordering operator<=>(const Prefix& a, const Prefix& b);

 private:
  Prefix() = default;
  IpAddress network_;
  int length_ = 0;
};

struct ParsedPrefix {
  Prefix prefix;
  bool host_bits_set = false;  // the text had bits set beyond the prefix length
};

// Parses a CIDR and says whether host bits had to be cleared. Throws ParseError.
ParsedPrefix parse_prefix(std::string_view text);

}  // namespace moat::net
