#pragma once
// PortSet: an exact set of 16-bit port values (0..65535) as sorted, disjoint,
// non-adjacent closed intervals. For ICMP and ICMPv6 the same 16-bit dimension holds
// (type << 8) | code, so "type 8, any code" is the range [0x0800, 0x08ff].

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace moat::net {

struct PortRange {
  std::uint16_t first = 0;
  std::uint16_t last = 0;
  friend bool operator==(const PortRange&, const PortRange&) = default;
};

class PortSet {
 public:
  PortSet() = default;  // empty
  static PortSet all();
  static PortSet of(std::uint16_t port);
  // [first, last]; empty when first > last.
  static PortSet range(std::uint16_t first, std::uint16_t last);
  // "443", "1024-65535", "all"/"*"; throws ParseError otherwise.
  static PortSet parse(std::string_view text);
  // The ICMP/ICMPv6 encoding: type -1 means every type, code -1 every code of the type.
  static PortSet icmp(int type, int code);

  bool empty() const { return ranges_.empty(); }
  bool is_all() const;
  std::uint32_t size() const;
  bool contains(std::uint16_t port) const;
  bool subset_of(const PortSet& other) const;
  bool intersects(const PortSet& other) const;
  std::optional<std::uint16_t> first() const;

  PortSet union_with(const PortSet& other) const;
  PortSet intersection(const PortSet& other) const;
  PortSet difference(const PortSet& other) const;
  PortSet complement() const;

  std::span<const PortRange> ranges() const { return ranges_; }
  std::string to_string() const;  // "443", "80,443", "1024-65535", "all", "{}"

  friend bool operator==(const PortSet&, const PortSet&) = default;
  friend PortSet operator|(const PortSet& a, const PortSet& b) { return a.union_with(b); }
  friend PortSet operator&(const PortSet& a, const PortSet& b) { return a.intersection(b); }
  friend PortSet operator-(const PortSet& a, const PortSet& b) { return a.difference(b); }

  static PortSet from_ranges(std::vector<PortRange> ranges);

 private:
  std::vector<PortRange> ranges_;
};

}  // namespace moat::net
