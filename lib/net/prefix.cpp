#include "moat/net/prefix.hpp"

#include <string>

#include "address_math.hpp"
#include "moat/core/assert.hpp"
#include "net_error.hpp"

namespace moat::net {
namespace {

struct PrefixResult {
  std::optional<ParsedPrefix> parsed;
  std::string error;
};

PrefixResult parse_prefix_text(std::string_view text) {
  PrefixResult result;
  if (text.empty()) {
    result.error = "empty CIDR";
    return result;
  }
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) {
    result.error = "missing \"/length\"";
    return result;
  }
  const std::string_view address_text = text.substr(0, slash);
  const std::string_view length_text = text.substr(slash + 1);
  std::string address_error;
  const std::optional<IpAddress> address = detail::parse_address(address_text, address_error);
  if (!address) {
    result.error = "bad address: " + address_error;
    return result;
  }
  if (length_text.empty()) {
    result.error = "missing prefix length after '/'";
    return result;
  }
  int length = 0;
  for (std::size_t i = 0; i < length_text.size(); ++i) {
    const char c = length_text[i];
    if (c < '0' || c > '9') {
      result.error = "prefix length \"" + std::string(length_text) + "\" is not a number";
      return result;
    }
    if (length_text.size() > 3) {
      result.error = "prefix length \"" + std::string(length_text) + "\" is too long";
      return result;
    }
    length = length * 10 + (c - '0');
  }
  if (length_text.size() > 1 && length_text[0] == '0') {
    result.error = "prefix length \"" + std::string(length_text) + "\" has a leading zero";
    return result;
  }
  const int bits = address_bits(address->family());
  if (length > bits) {
    result.error = "prefix length " + std::to_string(length) + " exceeds " + std::to_string(bits);
    return result;
  }
  const bool host_bits_set = (address->value() & detail::host_mask(address->family(), length)) != 0;
  result.parsed = ParsedPrefix{Prefix(*address, length), host_bits_set};
  return result;
}

}  // namespace

Prefix Prefix::all(IpFamily family) {
  return Prefix(IpAddress::from_value(family, 0), 0);
}

Prefix::Prefix(IpAddress address, int length) : length_(length) {
  MOAT_ASSERT(length >= 0 && length <= address_bits(address.family()), "prefix length out of range");
  network_ = IpAddress::from_value(address.family(),
                                   address.value() & ~detail::host_mask(address.family(), length));
}

Prefix Prefix::parse(std::string_view text) { return parse_prefix(text).prefix; }

std::optional<Prefix> Prefix::try_parse(std::string_view text) {
  PrefixResult result = parse_prefix_text(text);
  if (!result.parsed) return std::nullopt;
  return result.parsed->prefix;
}

ParsedPrefix parse_prefix(std::string_view text) {
  PrefixResult result = parse_prefix_text(text);
  if (!result.parsed) detail::throw_parse_error(text, result.error);
  return *result.parsed;
}

IpAddress Prefix::last() const {
  return IpAddress::from_value(family(), network_.value() | detail::host_mask(family(), length_));
}

bool Prefix::contains(const IpAddress& address) const {
  if (address.family() != family()) return false;
  return (address.value() & ~detail::host_mask(family(), length_)) == network_.value();
}

bool Prefix::contains(const Prefix& other) const {
  return other.family() == family() && other.length_ >= length_ && contains(other.network_);
}

std::string Prefix::to_string() const { return network_.to_string() + "/" + std::to_string(length_); }

std::strong_ordering operator<=>(const Prefix& a, const Prefix& b) {
  if (auto order = a.network_ <=> b.network_; order != 0) return order;
  return a.length_ <=> b.length_;
}

}  // namespace moat::net
