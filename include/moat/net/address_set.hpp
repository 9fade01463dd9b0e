#pragma once
// AddressSet: an exact set of addresses of one family, kept as sorted, disjoint,
// non-adjacent closed intervals [first, last] (adjacent intervals are merged, so two
// equal sets have identical interval lists and operator== is structural).
//
// Complexity: union, intersection and difference are linear merges, O(n + m) in the
// interval counts; contains() is a binary search, O(log n); complement is O(n).
// Combining sets of different families is a precondition violation (MOAT_ASSERT).

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "moat/core/uint128.hpp"
#include "moat/net/ip_address.hpp"
#include "moat/net/prefix.hpp"

namespace moat::net {

// A closed interval of address values of one family.
struct AddressInterval {
  uint128 first = 0;
  uint128 last = 0;
  friend bool operator==(const AddressInterval&, const AddressInterval&) = default;
};

class AddressSet {
 public:
  explicit AddressSet(IpFamily family = IpFamily::v4) : family_(family) {}

  static AddressSet none(IpFamily family) { return AddressSet(family); }
  static AddressSet all(IpFamily family);
  static AddressSet of(const Prefix& prefix);
  static AddressSet of(const IpAddress& address);
  // Every address from first to last inclusive; empty when first > last. Same family required.
  static AddressSet range(const IpAddress& first, const IpAddress& last);
  // The union of prefixes, all of one family.
  static AddressSet of(IpFamily family, std::span<const Prefix> prefixes);

  IpFamily family() const { return family_; }
  bool empty() const { return intervals_.empty(); }
  bool is_all() const;
  // Number of addresses; saturates at uint128_max for the full IPv6 space (2^128).
  uint128 size() const;
  bool contains(const IpAddress& address) const;
  bool subset_of(const AddressSet& other) const;
  bool intersects(const AddressSet& other) const;
  // The smallest address of the set.
  std::optional<IpAddress> first() const;

  AddressSet union_with(const AddressSet& other) const;
  AddressSet intersection(const AddressSet& other) const;
  AddressSet difference(const AddressSet& other) const;
  AddressSet complement() const;

  std::span<const AddressInterval> intervals() const { return intervals_; }
  // The smallest list of prefixes whose union is this set, in address order.
  std::vector<Prefix> to_prefixes() const;
  // "10.0.0.0/16, 10.2.0.0-10.2.0.9" style: prefixes where exact, ranges otherwise; "{}" when empty.
  std::string to_string() const;

  friend bool operator==(const AddressSet&, const AddressSet&) = default;
  friend AddressSet operator|(const AddressSet& a, const AddressSet& b) { return a.union_with(b); }
  friend AddressSet operator&(const AddressSet& a, const AddressSet& b) { return a.intersection(b); }
  friend AddressSet operator-(const AddressSet& a, const AddressSet& b) { return a.difference(b); }

  // Builds from arbitrary intervals (any order, overlapping allowed); normalises.
  static AddressSet from_intervals(IpFamily family, std::vector<AddressInterval> intervals);

 private:
  IpFamily family_;
  std::vector<AddressInterval> intervals_;
};

}  // namespace moat::net
