#pragma once
// ProtocolSet: an exact set of IP protocol numbers (0..255).
// AWS writes "all protocols" as -1 (or "-1"/"all" in Terraform); names tcp (6),
// udp (17), icmp (1) and icmpv6 (58) are accepted wherever AWS accepts them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace moat::net {

namespace protocol {
inline constexpr std::uint8_t icmp = 1;
inline constexpr std::uint8_t tcp = 6;
inline constexpr std::uint8_t udp = 17;
inline constexpr std::uint8_t icmpv6 = 58;
}  // namespace protocol

// True for protocols whose port dimension is meaningful as ports (TCP, UDP).
constexpr bool has_ports(std::uint8_t number) { return number == protocol::tcp || number == protocol::udp; }
// "tcp", "udp", "icmp", "icmpv6" or the decimal number.
std::string protocol_name(std::uint8_t number);

class ProtocolSet {
 public:
  ProtocolSet() = default;  // empty
  static ProtocolSet all();
  static ProtocolSet of(std::uint8_t number);
  // AWS number: -1 means all, 0..255 one protocol; anything else throws ParseError.
  static ProtocolSet from_aws(int number);
  // "tcp", "udp", "icmp", "icmpv6", "all", "-1" or a number 0..255; throws ParseError.
  static ProtocolSet parse(std::string_view text);

  bool empty() const { return bits_[0] == 0 && bits_[1] == 0 && bits_[2] == 0 && bits_[3] == 0; }
  bool is_all() const;
  int size() const;
  bool contains(std::uint8_t number) const;
  bool subset_of(const ProtocolSet& other) const;
  bool intersects(const ProtocolSet& other) const;
  std::optional<std::uint8_t> first() const;

  ProtocolSet union_with(const ProtocolSet& other) const;
  ProtocolSet intersection(const ProtocolSet& other) const;
  ProtocolSet difference(const ProtocolSet& other) const;
  ProtocolSet complement() const;

  std::string to_string() const;  // "tcp", "tcp,udp", "all", "{}"

  friend bool operator==(const ProtocolSet&, const ProtocolSet&) = default;
  friend ProtocolSet operator|(const ProtocolSet& a, const ProtocolSet& b) { return a.union_with(b); }
  friend ProtocolSet operator&(const ProtocolSet& a, const ProtocolSet& b) { return a.intersection(b); }
  friend ProtocolSet operator-(const ProtocolSet& a, const ProtocolSet& b) { return a.difference(b); }

 private:
  std::uint64_t bits_[4] = {0, 0, 0, 0};  // bit n set = protocol n in the set
};

}  // namespace moat::net
