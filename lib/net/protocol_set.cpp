#include "moat/net/protocol_set.hpp"

#include <bit>
#include <string>

#include "net_error.hpp"

namespace moat::net {

std::string protocol_name(std::uint8_t number) {
  switch (number) {
    case protocol::icmp: return "icmp";
    case protocol::tcp: return "tcp";
    case protocol::udp: return "udp";
    case protocol::icmpv6: return "icmpv6";
    default: return std::to_string(number);
  }
}

ProtocolSet ProtocolSet::all() {
  ProtocolSet set;
  for (auto& word : set.bits_) word = ~std::uint64_t{0};
  return set;
}

ProtocolSet ProtocolSet::of(std::uint8_t number) {
  ProtocolSet set;
  set.bits_[number >> 6] = std::uint64_t{1} << (number & 63);
  return set;
}

ProtocolSet ProtocolSet::from_aws(int number) {
  if (number == -1) return all();
  if (number < 0 || number > 255) {
    detail::throw_parse_error(std::to_string(number), "protocol number must be -1 (all) or 0..255");
  }
  return of(static_cast<std::uint8_t>(number));
}

ProtocolSet ProtocolSet::parse(std::string_view text) {
  if (text == "all" || text == "-1") return all();
  if (text == "tcp") return of(protocol::tcp);
  if (text == "udp") return of(protocol::udp);
  if (text == "icmp") return of(protocol::icmp);
  if (text == "icmpv6") return of(protocol::icmpv6);
  if (text.empty()) detail::throw_parse_error(text, "empty protocol");
  unsigned value = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || text.size() > 3) {
      detail::throw_parse_error(text, "not a protocol (expected tcp, udp, icmp, icmpv6, all, -1 or 0..255)");
    }
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  if (value > 255) detail::throw_parse_error(text, "protocol number " + std::string(text) + " exceeds 255");
  return of(static_cast<std::uint8_t>(value));
}

bool ProtocolSet::is_all() const {
  for (auto word : bits_) {
    if (word != ~std::uint64_t{0}) return false;
  }
  return true;
}

int ProtocolSet::size() const {
  int total = 0;
  for (auto word : bits_) total += std::popcount(word);
  return total;
}

bool ProtocolSet::contains(std::uint8_t number) const { return (bits_[number >> 6] >> (number & 63)) & 1; }

bool ProtocolSet::subset_of(const ProtocolSet& other) const {
  for (int i = 0; i < 4; ++i) {
    if ((bits_[i] & ~other.bits_[i]) != 0) return false;
  }
  return true;
}

bool ProtocolSet::intersects(const ProtocolSet& other) const {
  for (int i = 0; i < 4; ++i) {
    if ((bits_[i] & other.bits_[i]) != 0) return true;
  }
  return false;
}

std::optional<std::uint8_t> ProtocolSet::first() const {
  for (int i = 0; i < 4; ++i) {
    if (bits_[i] != 0) return static_cast<std::uint8_t>(i * 64 + std::countr_zero(bits_[i]));
  }
  return std::nullopt;
}

ProtocolSet ProtocolSet::union_with(const ProtocolSet& other) const {
  ProtocolSet set;
  for (int i = 0; i < 4; ++i) set.bits_[i] = bits_[i] | other.bits_[i];
  return set;
}

ProtocolSet ProtocolSet::intersection(const ProtocolSet& other) const {
  ProtocolSet set;
  for (int i = 0; i < 4; ++i) set.bits_[i] = bits_[i] & other.bits_[i];
  return set;
}

ProtocolSet ProtocolSet::difference(const ProtocolSet& other) const {
  ProtocolSet set;
  for (int i = 0; i < 4; ++i) set.bits_[i] = bits_[i] & ~other.bits_[i];
  return set;
}

ProtocolSet ProtocolSet::complement() const {
  ProtocolSet set;
  for (int i = 0; i < 4; ++i) set.bits_[i] = ~bits_[i];
  return set;
}

std::string ProtocolSet::to_string() const {
  if (empty()) return "{}";
  if (is_all()) return "all";
  std::string text;
  for (int n = 0; n < 256; ++n) {
    if (!contains(static_cast<std::uint8_t>(n))) continue;
    if (!text.empty()) text += ',';
    text += protocol_name(static_cast<std::uint8_t>(n));
  }
  return text;
}

}  // namespace moat::net
