#pragma once
// Private to the net module: the set algebra over sorted, disjoint, non-adjacent closed
// intervals, shared by AddressSet (uint128 values) and PortSet (uint16 values).
// Every operation is a linear merge over the two interval lists.
//
// Interval is any struct with members first and last of one unsigned type V; max is
// the largest value of the universe (intervals never exceed it).

#include <algorithm>
#include <vector>

#include "moat/core/assert.hpp"

namespace moat::net::detail {

// b starts at most one past a's end, so a and b merge into one interval.
template <class V>
bool touches(V a_last, V b_first) {
  return b_first == 0 || static_cast<V>(b_first - 1) <= a_last;
}

// Appends interval to out (whose last interval starts no later), merging when it
// overlaps or touches the last one.
template <class Interval>
void append_merged(std::vector<Interval>& out, const Interval& interval) {
  if (!out.empty() && touches(out.back().last, interval.first)) {
    out.back().last = std::max(out.back().last, interval.last);
  } else {
    out.push_back(interval);
  }
}

// Sorts and merges arbitrary intervals; drops those with first > last.
template <class Interval>
std::vector<Interval> normalise(std::vector<Interval> intervals) {
  std::erase_if(intervals, [](const Interval& i) { return i.first > i.last; });
  const bool sorted = std::is_sorted(intervals.begin(), intervals.end(),
                                     [](const Interval& a, const Interval& b) { return a.first < b.first; });
  if (!sorted) {
    std::sort(intervals.begin(), intervals.end(),
              [](const Interval& a, const Interval& b) { return a.first < b.first; });
  }
  std::vector<Interval> out;
  out.reserve(intervals.size());
  for (const auto& interval : intervals) append_merged(out, interval);
  return out;
}

// True when intervals are sorted, disjoint and non-adjacent (the class invariant).
template <class Interval>
bool is_normal(const std::vector<Interval>& intervals) {
  for (std::size_t i = 0; i < intervals.size(); ++i) {
    if (intervals[i].first > intervals[i].last) return false;
    if (i > 0 && touches(intervals[i - 1].last, intervals[i].first)) return false;
  }
  return true;
}

template <class Interval>
std::vector<Interval> unite(const std::vector<Interval>& a, const std::vector<Interval>& b) {
  std::vector<Interval> out;
  out.reserve(a.size() + b.size());
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].first <= b[j].first)) {
      append_merged(out, a[i++]);
    } else {
      append_merged(out, b[j++]);
    }
  }
  return out;
}

template <class Interval>
std::vector<Interval> intersect(const std::vector<Interval>& a, const std::vector<Interval>& b) {
  std::vector<Interval> out;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    const auto first = std::max(a[i].first, b[j].first);
    const auto last = std::min(a[i].last, b[j].last);
    if (first <= last) out.push_back(Interval{first, last});
    if (a[i].last < b[j].last) {
      ++i;
    } else {
      ++j;
    }
  }
  return out;
}

// a minus b.
template <class Interval>
std::vector<Interval> subtract(const std::vector<Interval>& a, const std::vector<Interval>& b) {
  std::vector<Interval> out;
  std::size_t j = 0;
  for (const auto& interval : a) {
    auto first = interval.first;
    const auto last = interval.last;
    bool consumed = false;
    while (j < b.size() && b[j].last < first) ++j;
    std::size_t k = j;
    while (k < b.size() && b[k].first <= last) {
      if (b[k].first > first) out.push_back(Interval{first, static_cast<decltype(first)>(b[k].first - 1)});
      if (b[k].last >= last) {
        consumed = true;
        break;
      }
      first = static_cast<decltype(first)>(b[k].last + 1);
      ++k;
    }
    if (!consumed) out.push_back(Interval{first, last});
  }
  return out;
}

template <class Interval, class V>
std::vector<Interval> complement(const std::vector<Interval>& a, V max) {
  std::vector<Interval> out;
  out.reserve(a.size() + 1);
  V next = 0;
  bool exhausted = false;  // next would be max + 1
  for (const auto& interval : a) {
    if (interval.first > next) out.push_back(Interval{next, static_cast<V>(interval.first - 1)});
    if (interval.last == max) {
      exhausted = true;
      break;
    }
    next = static_cast<V>(interval.last + 1);
  }
  if (!exhausted) out.push_back(Interval{next, max});
  return out;
}

// Every interval of a lies inside one interval of b (b is non-adjacent, so no interval
// of a can span two of b's).
template <class Interval>
bool is_subset(const std::vector<Interval>& a, const std::vector<Interval>& b) {
  std::size_t j = 0;
  for (const auto& interval : a) {
    while (j < b.size() && b[j].last < interval.first) ++j;
    if (j == b.size() || b[j].first > interval.first || b[j].last < interval.last) return false;
  }
  return true;
}

template <class Interval>
bool overlaps(const std::vector<Interval>& a, const std::vector<Interval>& b) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].last < b[j].first) {
      ++i;
    } else if (b[j].last < a[i].first) {
      ++j;
    } else {
      return true;
    }
  }
  return false;
}

// True when value lies in one of the intervals (binary search).
template <class Interval, class V>
bool contains_value(const std::vector<Interval>& a, V value) {
  auto it = std::upper_bound(a.begin(), a.end(), value, [](V v, const Interval& i) { return v < i.first; });
  if (it == a.begin()) return false;
  --it;
  return value <= it->last;
}

}  // namespace moat::net::detail
