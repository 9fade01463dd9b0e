#pragma once
// PrefixTable<T>: longest-prefix match from prefixes to values of type T, immutable
// once built. Several entries may share a prefix (AWS allows a static and a propagated
// route to the same CIDR); lookups return every candidate of the winning prefix, and the
// caller's tie-break picks one — AWS's order differs between VPC and TGW tables.
//
//   PrefixTable<Route> table(IpFamily::v4, {{Prefix::parse("10.0.0.0/16"), local}, ...});
//   auto candidates = table.lookup(address);          // span<const Entry>, empty if no match
//   for (auto& part : table.partition(destinations))  // exact split of an AddressSet
//     ... part.addresses, part.candidates ...
//   table.partition(destinations, tie_break)          // with a caller-supplied choice

#include <algorithm>
#include <span>
#include <utility>
#include <vector>

#include "moat/net/prefix_index.hpp"

namespace moat::net {

template <class T>
class PrefixTable {
 public:
  struct Entry {
    Prefix prefix;
    T value;
  };
  struct Part {
    AddressSet addresses;
    std::span<const Entry> candidates;  // empty: no route matches these addresses
  };
  struct ChosenPart {
    AddressSet addresses;
    const T* value;  // nullptr: no route matches, or the tie-break chose none
  };

  PrefixTable(IpFamily family, std::vector<Entry> entries)
      : index_(family, prefixes_of(entries)), entries_(group_ordered(index_, std::move(entries))) {}

  IpFamily family() const { return index_.family(); }
  std::size_t size() const { return entries_.size(); }
  std::span<const Entry> entries() const { return entries_; }

  // Every entry with the longest prefix containing address, in insertion order.
  std::span<const Entry> lookup(const IpAddress& address) const {
    auto group = index_.lookup(address);
    return group ? candidates(*group) : std::span<const Entry>{};
  }

  std::vector<Part> partition(const AddressSet& addresses) const {
    std::vector<Part> parts;
    for (auto& part : index_.partition(addresses)) {
      parts.push_back({std::move(part.addresses), part.group ? candidates(*part.group) : std::span<const Entry>{}});
    }
    return parts;
  }

  // tie_break: (std::span<const Entry>) -> const T*; called only with non-empty spans.
  template <class TieBreak>
  std::vector<ChosenPart> partition(const AddressSet& addresses, TieBreak&& tie_break) const {
    std::vector<ChosenPart> parts;
    for (auto& part : partition(addresses)) {
      const T* chosen = part.candidates.empty() ? nullptr : tie_break(part.candidates);
      parts.push_back({std::move(part.addresses), chosen});
    }
    return parts;
  }

  std::size_t memory_bytes() const { return index_.memory_bytes() + entries_.capacity() * sizeof(Entry); }

 private:
  static std::vector<Prefix> prefixes_of(const std::vector<Entry>& entries) {
    std::vector<Prefix> prefixes;
    prefixes.reserve(entries.size());
    for (const auto& entry : entries) prefixes.push_back(entry.prefix);
    return prefixes;
  }
  // Reorders entries so that each group's entries are contiguous (group order, then
  // insertion order), and records where each group starts.
  std::vector<Entry> group_ordered(const PrefixIndex& index, std::vector<Entry> entries) {
    std::vector<Entry> ordered;
    ordered.reserve(entries.size());
    group_start_.reserve(index.group_count() + 1);
    for (PrefixIndex::Group g = 0; g < index.group_count(); ++g) {
      group_start_.push_back(static_cast<std::uint32_t>(ordered.size()));
      for (auto id : index.group_entries(g)) ordered.push_back(std::move(entries[id]));
    }
    group_start_.push_back(static_cast<std::uint32_t>(ordered.size()));
    return ordered;
  }
  std::span<const Entry> candidates(PrefixIndex::Group group) const {
    // Without duplicate prefixes group g owns exactly entries_[g]: skip the group_start_ read.
    if (entries_.size() == group_start_.size() - 1) return std::span<const Entry>(entries_).subspan(group, 1);
    return std::span<const Entry>(entries_).subspan(group_start_[group], group_start_[group + 1] - group_start_[group]);
  }

  PrefixIndex index_;
  std::vector<std::uint32_t> group_start_;
  std::vector<Entry> entries_;
};

}  // namespace moat::net
