#include "moat/net/port_set.hpp"

#include <string>
#include <utility>

#include "interval_algebra.hpp"
#include "moat/core/assert.hpp"
#include "net_error.hpp"

namespace moat::net {
namespace {

constexpr std::uint16_t max_port = 0xffff;

PortSet from_normal(std::vector<PortRange> ranges) { return PortSet::from_ranges(std::move(ranges)); }

// A decimal port 0..65535 (digits is part of whole); throws ParseError otherwise.
std::uint16_t parse_port(std::string_view whole, std::string_view digits) {
  if (digits.empty()) detail::throw_parse_error(whole, "missing port number");
  unsigned value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') {
      detail::throw_parse_error(whole, "port \"" + std::string(digits) + "\" is not a number");
    }
    value = value * 10 + static_cast<unsigned>(c - '0');
    if (value > max_port) detail::throw_parse_error(whole, "port " + std::string(digits) + " exceeds 65535");
  }
  return static_cast<std::uint16_t>(value);
}

}  // namespace

PortSet PortSet::all() { return from_normal({PortRange{0, max_port}}); }

PortSet PortSet::of(std::uint16_t port) { return from_normal({PortRange{port, port}}); }

PortSet PortSet::range(std::uint16_t first, std::uint16_t last) { return from_normal({PortRange{first, last}}); }

PortSet PortSet::parse(std::string_view text) {
  if (text == "all" || text == "*") return all();
  const std::size_t dash = text.find('-');
  if (dash == std::string_view::npos) return of(parse_port(text, text));
  const auto first = parse_port(text, text.substr(0, dash));
  const auto last = parse_port(text, text.substr(dash + 1));
  if (first > last) {
    detail::throw_parse_error(text, "port range starts after it ends (" + std::to_string(first) + " > " +
                                        std::to_string(last) + ")");
  }
  return range(first, last);
}

PortSet PortSet::icmp(int type, int code) {
  if (type < 0) return all();
  MOAT_ASSERT(type <= 255 && code <= 255, "ICMP type and code are 8-bit values");
  const auto base = static_cast<std::uint16_t>(type << 8);
  if (code < 0) return range(base, static_cast<std::uint16_t>(base | 0xff));
  return of(static_cast<std::uint16_t>(base | code));
}

bool PortSet::is_all() const { return ranges_.size() == 1 && ranges_[0].first == 0 && ranges_[0].last == max_port; }

std::uint32_t PortSet::size() const {
  std::uint32_t total = 0;
  for (const auto& range : ranges_) total += static_cast<std::uint32_t>(range.last - range.first) + 1;
  return total;
}

bool PortSet::contains(std::uint16_t port) const { return detail::contains_value(ranges_, port); }

bool PortSet::subset_of(const PortSet& other) const { return detail::is_subset(ranges_, other.ranges_); }

bool PortSet::intersects(const PortSet& other) const { return detail::overlaps(ranges_, other.ranges_); }

std::optional<std::uint16_t> PortSet::first() const {
  if (ranges_.empty()) return std::nullopt;
  return ranges_.front().first;
}

PortSet PortSet::union_with(const PortSet& other) const {
  PortSet set;
  set.ranges_ = detail::unite(ranges_, other.ranges_);
  return set;
}

PortSet PortSet::intersection(const PortSet& other) const {
  PortSet set;
  set.ranges_ = detail::intersect(ranges_, other.ranges_);
  return set;
}

PortSet PortSet::difference(const PortSet& other) const {
  PortSet set;
  set.ranges_ = detail::subtract(ranges_, other.ranges_);
  return set;
}

PortSet PortSet::complement() const {
  PortSet set;
  set.ranges_ = detail::complement(ranges_, max_port);
  return set;
}

std::string PortSet::to_string() const {
  if (ranges_.empty()) return "{}";
  if (is_all()) return "all";
  std::string text;
  for (const auto& range : ranges_) {
    if (!text.empty()) text += ',';
    text += std::to_string(range.first);
    if (range.last != range.first) text += "-" + std::to_string(range.last);
  }
  return text;
}

PortSet PortSet::from_ranges(std::vector<PortRange> ranges) {
  PortSet set;
  set.ranges_ = detail::normalise(std::move(ranges));
  return set;
}

}  // namespace moat::net
