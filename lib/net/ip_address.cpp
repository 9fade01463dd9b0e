#include "moat/net/ip_address.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <utility>

#include "moat/core/assert.hpp"
#include "net_error.hpp"

namespace moat::net {
namespace {

// Parsing reports failures as a reason string; parse() turns it into a ParseError and
// try_parse() into nullopt, so both share one grammar.
struct V4Result {
  std::uint32_t value = 0;
  std::string error;  // empty on success
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string quote_char(char c) {
  if (c >= 0x20 && c < 0x7f) return std::string("'") + c + "'";
  static const char* digits = "0123456789abcdef";
  const auto byte = static_cast<unsigned char>(c);
  return std::string("byte 0x") + digits[byte >> 4] + digits[byte & 0xf];
}

V4Result parse_v4(std::string_view text) {
  V4Result result;
  if (text.empty()) {
    result.error = "empty IPv4 address";
    return result;
  }
  std::uint32_t value = 0;
  std::size_t pos = 0;
  for (int octet = 0; octet < 4; ++octet) {
    if (octet > 0) {
      if (pos >= text.size()) {
        result.error = "expected 4 octets, found " + std::to_string(octet);
        return result;
      }
      if (text[pos] != '.') {
        result.error = "unexpected " + quote_char(text[pos]) + " at position " + std::to_string(pos);
        return result;
      }
      ++pos;
    }
    const std::size_t start = pos;
    while (pos < text.size() && is_digit(text[pos])) ++pos;
    const std::string_view digits = text.substr(start, pos - start);
    if (digits.empty()) {
      if (start < text.size() && text[start] != '.') {
        result.error = "unexpected " + quote_char(text[start]) + " at position " + std::to_string(start);
      } else {
        result.error = "octet " + std::to_string(octet + 1) + " is empty";
      }
      return result;
    }
    if (digits.size() > 1 && digits[0] == '0') {
      result.error = "octet \"" + std::string(digits) + "\" has a leading zero";
      return result;
    }
    if (digits.size() > 3) {
      result.error = "octet \"" + std::string(digits) + "\" exceeds 255";
      return result;
    }
    unsigned number = 0;
    for (char c : digits) number = number * 10 + static_cast<unsigned>(c - '0');
    if (number > 255) {
      result.error = "octet " + std::string(digits) + " exceeds 255";
      return result;
    }
    value = (value << 8) | number;
  }
  if (pos != text.size()) {
    if (text[pos] == '.') {
      result.error = "more than 4 octets";
    } else {
      result.error = "unexpected " + quote_char(text[pos]) + " at position " + std::to_string(pos);
    }
    return result;
  }
  result.value = value;
  return result;
}

struct V6Result {
  uint128 value = 0;
  std::string error;
};

// Parses colon-separated groups (no "::" inside). The last group may be a dotted quad
// when allow_v4_tail; it then counts as two groups. offset locates text in the input.
bool parse_v6_groups(std::string_view text, std::size_t offset, bool allow_v4_tail,
                     std::array<std::uint16_t, 8>& groups, int& count, std::string& error) {
  count = 0;
  if (text.empty()) return true;
  std::size_t pos = 0;
  while (true) {
    const std::size_t start = pos;
    std::size_t end = text.find(':', pos);
    const bool last = end == std::string_view::npos;
    if (last) end = text.size();
    const std::string_view group = text.substr(start, end - start);
    if (group.empty()) {
      error = "empty group at position " + std::to_string(offset + start);
      return false;
    }
    if (last && allow_v4_tail && group.find('.') != std::string_view::npos) {
      const V4Result v4 = parse_v4(group);
      if (!v4.error.empty()) {
        error = "embedded IPv4 address \"" + std::string(group) + "\": " + v4.error;
        return false;
      }
      if (count > 6) {
        error = "more than 8 groups";
        return false;
      }
      groups[static_cast<std::size_t>(count++)] = static_cast<std::uint16_t>(v4.value >> 16);
      groups[static_cast<std::size_t>(count++)] = static_cast<std::uint16_t>(v4.value & 0xffff);
      return true;
    }
    unsigned value = 0;
    for (std::size_t i = 0; i < group.size(); ++i) {
      const int digit = hex_value(group[i]);
      if (digit < 0) {
        error = "unexpected " + quote_char(group[i]) + " at position " + std::to_string(offset + start + i);
        return false;
      }
      value = value * 16 + static_cast<unsigned>(digit);
    }
    if (group.size() > 4) {
      error = "group \"" + std::string(group) + "\" has more than 4 hex digits";
      return false;
    }
    if (count >= 8) {
      error = "more than 8 groups";
      return false;
    }
    groups[static_cast<std::size_t>(count++)] = static_cast<std::uint16_t>(value);
    if (last) return true;
    pos = end + 1;
    if (pos == text.size()) {
      error = "trailing ':' at position " + std::to_string(offset + end);
      return false;
    }
  }
}

V6Result parse_v6(std::string_view text) {
  V6Result result;
  if (text.empty()) {
    result.error = "empty IPv6 address";
    return result;
  }
  std::array<std::uint16_t, 8> head{};
  std::array<std::uint16_t, 8> tail{};
  int head_count = 0;
  int tail_count = 0;
  const std::size_t gap = text.find("::");
  if (gap == std::string_view::npos) {
    if (!parse_v6_groups(text, 0, true, head, head_count, result.error)) return result;
    if (head_count != 8) {
      result.error = "expected 8 groups, found " + std::to_string(head_count) + " (and no \"::\")";
      return result;
    }
  } else {
    if (text.find("::", gap + 1) != std::string_view::npos) {
      result.error = "more than one \"::\"";
      return result;
    }
    const std::string_view before = text.substr(0, gap);
    const std::string_view after = text.substr(gap + 2);
    if (!after.empty() && after.front() == ':') {
      result.error = "unexpected ':' at position " + std::to_string(gap + 2);
      return result;
    }
    if (!parse_v6_groups(before, 0, false, head, head_count, result.error)) return result;
    if (!parse_v6_groups(after, gap + 2, true, tail, tail_count, result.error)) return result;
    if (head_count + tail_count > 7) {
      result.error = "too many groups for \"::\" (" + std::to_string(head_count + tail_count) + " given)";
      return result;
    }
  }
  std::array<std::uint16_t, 8> all{};
  for (int i = 0; i < head_count; ++i) all[static_cast<std::size_t>(i)] = head[static_cast<std::size_t>(i)];
  for (int i = 0; i < tail_count; ++i) {
    all[static_cast<std::size_t>(8 - tail_count + i)] = tail[static_cast<std::size_t>(i)];
  }
  uint128 value = 0;
  for (auto group : all) value = (value << 16) | group;
  result.value = value;
  return result;
}

constexpr uint128 v4_mapped_prefix = uint128{0xffff} << 32;  // ::ffff:0:0/96

template <class Address, class Result>
Address value_or_throw(std::string_view text, const Result& result) {
  if (!result.error.empty()) detail::throw_parse_error(text, result.error);
  return Address(result.value);
}

template <class Address, class Result>
std::optional<Address> value_or_nullopt(const Result& result) {
  if (!result.error.empty()) return std::nullopt;
  return Address(result.value);
}

}  // namespace

std::string_view to_string(IpFamily family) { return family == IpFamily::v4 ? "IPv4" : "IPv6"; }

Ipv4Address Ipv4Address::parse(std::string_view text) { return value_or_throw<Ipv4Address>(text, parse_v4(text)); }

std::optional<Ipv4Address> Ipv4Address::try_parse(std::string_view text) {
  return value_or_nullopt<Ipv4Address>(parse_v4(text));
}

std::string Ipv4Address::to_string() const {
  std::string text;
  text.reserve(15);
  for (int shift = 24; shift >= 0; shift -= 8) {
    text += std::to_string((value_ >> shift) & 0xff);
    if (shift > 0) text += '.';
  }
  return text;
}

Ipv6Address Ipv6Address::parse(std::string_view text) { return value_or_throw<Ipv6Address>(text, parse_v6(text)); }

std::optional<Ipv6Address> Ipv6Address::try_parse(std::string_view text) {
  return value_or_nullopt<Ipv6Address>(parse_v6(text));
}

// RFC 5952: lowercase hex without leading zeros; the longest run of two or more zero
// groups (the first one on a tie) becomes "::"; IPv4-mapped addresses (::ffff:0:0/96)
// end in a dotted quad (section 5).
std::string Ipv6Address::to_string() const {
  std::array<std::uint16_t, 8> groups{};
  for (int i = 0; i < 8; ++i) {
    groups[static_cast<std::size_t>(i)] = static_cast<std::uint16_t>(value_ >> (16 * (7 - i)));
  }
  const bool mapped = (value_ >> 32) == (v4_mapped_prefix >> 32);
  const int group_count = mapped ? 6 : 8;
  int best_start = -1;
  int best_length = 1;
  for (int i = 0; i < group_count;) {
    if (groups[static_cast<std::size_t>(i)] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < group_count && groups[static_cast<std::size_t>(j)] == 0) ++j;
    if (j - i > best_length) {
      best_start = i;
      best_length = j - i;
    }
    i = j;
  }
  static const char* digits = "0123456789abcdef";
  std::string text;
  text.reserve(39);
  for (int i = 0; i < group_count; ++i) {
    if (i == best_start) {
      text += "::";
      i += best_length - 1;
      continue;
    }
    if (!text.empty() && text.back() != ':') text += ':';
    const unsigned group = groups[static_cast<std::size_t>(i)];
    bool started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      const unsigned digit = (group >> shift) & 0xf;
      if (digit != 0 || started || shift == 0) {
        text += digits[digit];
        started = true;
      }
    }
  }
  if (mapped) {
    if (text.back() != ':') text += ':';
    text += Ipv4Address(static_cast<std::uint32_t>(value_)).to_string();
  }
  return text;
}

IpAddress IpAddress::from_value(IpFamily family, uint128 value) {
  MOAT_ASSERT(value <= max_address_value(family), "address value exceeds its family's range");
  if (family == IpFamily::v4) return IpAddress(Ipv4Address(static_cast<std::uint32_t>(value)));
  return IpAddress(Ipv6Address(value));
}

IpAddress IpAddress::parse(std::string_view text) {
  if (text.find(':') != std::string_view::npos) return Ipv6Address::parse(text);
  return Ipv4Address::parse(text);
}

std::optional<IpAddress> IpAddress::try_parse(std::string_view text) {
  std::string error;
  return detail::parse_address(text, error);
}

Ipv4Address IpAddress::v4() const {
  MOAT_ASSERT(is_v4(), "v4() called on an IPv6 address");
  return Ipv4Address(static_cast<std::uint32_t>(value_));
}

Ipv6Address IpAddress::v6() const {
  MOAT_ASSERT(!is_v4(), "v6() called on an IPv4 address");
  return Ipv6Address(value_);
}

namespace detail {

std::optional<IpAddress> parse_address(std::string_view text, std::string& error) {
  if (text.find(':') != std::string_view::npos) {
    V6Result result = parse_v6(text);
    error = std::move(result.error);
    return error.empty() ? std::optional<IpAddress>(Ipv6Address(result.value)) : std::nullopt;
  }
  V4Result result = parse_v4(text);
  error = std::move(result.error);
  return error.empty() ? std::optional<IpAddress>(Ipv4Address(result.value)) : std::nullopt;
}

}  // namespace detail

std::string IpAddress::to_string() const { return is_v4() ? v4().to_string() : v6().to_string(); }

}  // namespace moat::net
