#include "moat/net/address_set.hpp"

#include <string>
#include <utility>

#include "address_math.hpp"
#include "interval_algebra.hpp"
#include "moat/core/assert.hpp"

namespace moat::net {
namespace {

AddressSet with_intervals(IpFamily family, std::vector<AddressInterval> intervals) {
  // from_intervals normalises in linear time when the input is already sorted.
  return AddressSet::from_intervals(family, std::move(intervals));
}

void require_same_family([[maybe_unused]] const AddressSet& a, [[maybe_unused]] const AddressSet& b) {
  MOAT_ASSERT(a.family() == b.family(), "combining address sets of different families");
}

// The largest prefix that starts at first and ends no later than last.
int widest_block(IpFamily family, uint128 first, uint128 last) {
  const int bits = address_bits(family);
  int length = bits - detail::trailing_zeros(first, bits);
  while ((first | detail::host_mask(family, length)) > last) ++length;
  return length;
}

}  // namespace

AddressSet AddressSet::all(IpFamily family) {
  return with_intervals(family, {AddressInterval{0, max_address_value(family)}});
}

AddressSet AddressSet::of(const Prefix& prefix) {
  return with_intervals(prefix.family(), {AddressInterval{prefix.first().value(), prefix.last().value()}});
}

AddressSet AddressSet::of(const IpAddress& address) {
  return with_intervals(address.family(), {AddressInterval{address.value(), address.value()}});
}

AddressSet AddressSet::range(const IpAddress& first, const IpAddress& last) {
  MOAT_ASSERT(first.family() == last.family(), "address range ends of different families");
  return with_intervals(first.family(), {AddressInterval{first.value(), last.value()}});
}

AddressSet AddressSet::of(IpFamily family, std::span<const Prefix> prefixes) {
  std::vector<AddressInterval> intervals;
  intervals.reserve(prefixes.size());
  for (const auto& prefix : prefixes) {
    MOAT_ASSERT(prefix.family() == family, "prefix of the wrong family");
    intervals.push_back({prefix.first().value(), prefix.last().value()});
  }
  return with_intervals(family, std::move(intervals));
}

AddressSet AddressSet::from_intervals(IpFamily family, std::vector<AddressInterval> intervals) {
  for ([[maybe_unused]] const auto& interval : intervals) {
    MOAT_ASSERT(interval.last <= max_address_value(family) || interval.first > interval.last,
                "interval beyond the family's address space");
  }
  AddressSet set(family);
  set.intervals_ = detail::normalise(std::move(intervals));
  return set;
}

bool AddressSet::is_all() const {
  return intervals_.size() == 1 && intervals_[0].first == 0 && intervals_[0].last == max_address_value(family_);
}

uint128 AddressSet::size() const {
  uint128 total = 0;
  for (const auto& interval : intervals_) {
    const uint128 span = interval.last - interval.first;  // count - 1
    if (span == uint128_max || uint128_max - total < span + 1) return uint128_max;
    total += span + 1;
  }
  return total;
}

bool AddressSet::contains(const IpAddress& address) const {
  return address.family() == family_ && detail::contains_value(intervals_, address.value());
}

bool AddressSet::subset_of(const AddressSet& other) const {
  require_same_family(*this, other);
  return detail::is_subset(intervals_, other.intervals_);
}

bool AddressSet::intersects(const AddressSet& other) const {
  require_same_family(*this, other);
  return detail::overlaps(intervals_, other.intervals_);
}

std::optional<IpAddress> AddressSet::first() const {
  if (intervals_.empty()) return std::nullopt;
  return IpAddress::from_value(family_, intervals_.front().first);
}

AddressSet AddressSet::union_with(const AddressSet& other) const {
  require_same_family(*this, other);
  AddressSet set(family_);
  set.intervals_ = detail::unite(intervals_, other.intervals_);
  return set;
}

AddressSet AddressSet::intersection(const AddressSet& other) const {
  require_same_family(*this, other);
  AddressSet set(family_);
  set.intervals_ = detail::intersect(intervals_, other.intervals_);
  return set;
}

AddressSet AddressSet::difference(const AddressSet& other) const {
  require_same_family(*this, other);
  AddressSet set(family_);
  set.intervals_ = detail::subtract(intervals_, other.intervals_);
  return set;
}

AddressSet AddressSet::complement() const {
  AddressSet set(family_);
  set.intervals_ = detail::complement(intervals_, max_address_value(family_));
  return set;
}

std::vector<Prefix> AddressSet::to_prefixes() const {
  std::vector<Prefix> prefixes;
  for (const auto& interval : intervals_) {
    uint128 first = interval.first;
    while (true) {
      const int length = widest_block(family_, first, interval.last);
      prefixes.emplace_back(IpAddress::from_value(family_, first), length);
      const uint128 block_last = first | detail::host_mask(family_, length);
      if (block_last == interval.last) break;
      first = block_last + 1;
    }
  }
  return prefixes;
}

std::string AddressSet::to_string() const {
  if (intervals_.empty()) return "{}";
  std::string text;
  for (const auto& interval : intervals_) {
    if (!text.empty()) text += ", ";
    const int length = widest_block(family_, interval.first, interval.last);
    const uint128 block_last = interval.first | detail::host_mask(family_, length);
    if (block_last == interval.last) {
      text += Prefix(IpAddress::from_value(family_, interval.first), length).to_string();
    } else {
      text += IpAddress::from_value(family_, interval.first).to_string() + "-" +
              IpAddress::from_value(family_, interval.last).to_string();
    }
  }
  return text;
}

}  // namespace moat::net
