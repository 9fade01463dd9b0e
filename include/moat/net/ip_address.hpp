#pragma once
// IpFamily, Ipv4Address, Ipv6Address and IpAddress (either family).
//
// Addresses are plain values. Text parsing follows the usual forms: dotted quad for
// IPv4 (no leading zeros beyond a single "0", each octet 0..255) and RFC 4291/5952
// text for IPv6 (with "::" compression and an optional embedded dotted quad).
// parse() throws moat::ParseError naming the text and what is wrong; try_parse()
// returns std::nullopt instead. to_string() is canonical (RFC 5952 for IPv6).

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "moat/core/uint128.hpp"

namespace moat::net {

enum class IpFamily : std::uint8_t { v4 = 4, v6 = 6 };

// Number of address bits of a family (32 or 128).
constexpr int address_bits(IpFamily family) { return family == IpFamily::v4 ? 32 : 128; }
// The largest address value of a family, as a uint128.
constexpr uint128 max_address_value(IpFamily family) {
  return family == IpFamily::v4 ? uint128{0xffffffffu} : uint128_max;
}
std::string_view to_string(IpFamily family);

class Ipv4Address {
 public:
  constexpr Ipv4Address() = default;
  constexpr explicit Ipv4Address(std::uint32_t value) : value_(value) {}

  static Ipv4Address parse(std::string_view text);
  static std::optional<Ipv4Address> try_parse(std::string_view text);

  constexpr std::uint32_t value() const { return value_; }
  std::string to_string() const;

  friend constexpr auto operator<=>(Ipv4Address, Ipv4Address) = default;

 private:
  std::uint32_t value_ = 0;
};

class Ipv6Address {
 public:
  constexpr Ipv6Address() = default;
  constexpr explicit Ipv6Address(uint128 value) : value_(value) {}

  static Ipv6Address parse(std::string_view text);
  static std::optional<Ipv6Address> try_parse(std::string_view text);

  constexpr uint128 value() const { return value_; }
  std::string to_string() const;

  friend constexpr bool operator==(Ipv6Address a, Ipv6Address b) { return a.value_ == b.value_; }
  friend constexpr auto operator<=>(Ipv6Address a, Ipv6Address b) {
    return a.value_ < b.value_ ? std::strong_ordering::less
         : a.value_ > b.value_ ? std::strong_ordering::greater
                               : std::strong_ordering::equal;
  }

 private:
  uint128 value_ = 0;
};

// An address of either family. Ordered by family (v4 first), then by value.
class IpAddress {
 public:
  constexpr IpAddress() = default;
  constexpr IpAddress(Ipv4Address a) : family_(IpFamily::v4), value_(a.value()) {}  // NOLINT: implicit by design
  constexpr IpAddress(Ipv6Address a) : family_(IpFamily::v6), value_(a.value()) {}  // NOLINT: implicit by design
  // value must fit the family (checked with MOAT_ASSERT in the implementation).
  static IpAddress from_value(IpFamily family, uint128 value);

  // Parses either family; the presence of ':' decides which.
  static IpAddress parse(std::string_view text);
  static std::optional<IpAddress> try_parse(std::string_view text);

  constexpr IpFamily family() const { return family_; }
  constexpr bool is_v4() const { return family_ == IpFamily::v4; }
  constexpr uint128 value() const { return value_; }
  Ipv4Address v4() const;  // precondition: is_v4()
  Ipv6Address v6() const;  // precondition: !is_v4()
  std::string to_string() const;

  friend constexpr bool operator==(const IpAddress& a, const IpAddress& b) {
    return a.family_ == b.family_ && a.value_ == b.value_;
  }
  friend constexpr std::strong_ordering operator<=>(const IpAddress& a, const IpAddress& b) {
    if (a.family_ != b.family_) return a.family_ < b.family_ ? std::strong_ordering::less : std::strong_ordering::greater;
    return a.value_ < b.value_ ? std::strong_ordering::less
         : a.value_ > b.value_ ? std::strong_ordering::greater
                               : std::strong_ordering::equal;
  }

 private:
  IpFamily family_ = IpFamily::v4;
  uint128 value_ = 0;
};

}  // namespace moat::net
