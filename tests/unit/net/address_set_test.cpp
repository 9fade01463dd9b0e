#include <catch2/catch.hpp>

#include <algorithm>
#include <bitset>
#include <random>
#include <vector>

#include "moat/net/address_set.hpp"

using namespace moat;
using namespace moat::net;

namespace {

// The universe of the property tests: 10.0.0.0/20 (4096 addresses).
constexpr std::uint32_t base = 0x0a000000u;
constexpr std::size_t universe_size = 4096;
using Model = std::bitset<universe_size>;

IpAddress at(std::uint32_t offset) { return Ipv4Address(base + offset); }

const AddressSet universe = AddressSet::of(Prefix::parse("10.0.0.0/20"));

// A random set inside the universe: the union of a few prefixes and ranges.
AddressSet random_set(std::mt19937& random) {
  AddressSet set(IpFamily::v4);
  const int pieces = static_cast<int>(random() % 5);
  for (int i = 0; i < pieces; ++i) {
    if (random() % 2 == 0) {
      const int length = 20 + static_cast<int>(random() % 13);
      set = set | AddressSet::of(Prefix(at(static_cast<std::uint32_t>(random() % universe_size)), length));
    } else {
      const auto first = static_cast<std::uint32_t>(random() % universe_size);
      const auto span = static_cast<std::uint32_t>(random() % 3 == 0 ? random() % universe_size : random() % 40);
      const auto last = std::min<std::uint32_t>(first + span, universe_size - 1);
      set = set | AddressSet::range(at(first), at(last));
    }
  }
  if (random() % 25 == 0) set = universe;
  return set;
}

// The model of a set, which must lie inside the universe.
Model model_of(const AddressSet& set) {
  Model model;
  for (const auto& interval : set.intervals()) {
    REQUIRE(interval.first >= base);
    REQUIRE(interval.last < base + universe_size);
    for (auto v = interval.first; v <= interval.last; ++v) model.set(static_cast<std::size_t>(v - base));
  }
  return model;
}

// Sorted, disjoint, non-adjacent, non-empty intervals.
bool is_canonical(const AddressSet& set) {
  const auto intervals = set.intervals();
  for (std::size_t i = 0; i < intervals.size(); ++i) {
    if (intervals[i].first > intervals[i].last) return false;
    if (i > 0 && intervals[i - 1].last + 1 >= intervals[i].first) return false;
  }
  return true;
}

// to_prefixes() is the unique minimal cover: every prefix lies in the set, its parent
// does not, and together they are exactly the set, in address order.
void check_prefix_cover(const AddressSet& set) {
  const auto prefixes = set.to_prefixes();
  const AddressSet rebuilt = AddressSet::of(set.family(), prefixes);
  CHECK(rebuilt == set);
  for (std::size_t i = 0; i < prefixes.size(); ++i) {
    const AddressSet block = AddressSet::of(prefixes[i]);
    CHECK(block.subset_of(set));
    if (prefixes[i].length() > 0) {
      CHECK_FALSE(AddressSet::of(Prefix(prefixes[i].network(), prefixes[i].length() - 1)).subset_of(set));
    }
    if (i > 0) CHECK(prefixes[i - 1].last() < prefixes[i].first());
  }
}

}  // namespace

TEST_CASE("address set algebra agrees with a bitset model on a /20", "[net]") {
  std::mt19937 random(4242);
  for (int iteration = 0; iteration < 300; ++iteration) {
    const AddressSet a = random_set(random);
    const AddressSet b = random_set(random);
    const Model ma = model_of(a);
    const Model mb = model_of(b);
    INFO("a = " << a.to_string() << "; b = " << b.to_string());
    REQUIRE(is_canonical(a));
    REQUIRE(is_canonical(b));

    const AddressSet u = a | b;
    const AddressSet i = a & b;
    const AddressSet d = a - b;
    CHECK(is_canonical(u));
    CHECK(is_canonical(i));
    CHECK(is_canonical(d));
    CHECK(model_of(u) == (ma | mb));
    CHECK(model_of(i) == (ma & mb));
    CHECK(model_of(d) == (ma & ~mb));
    const AddressSet c = a.complement();
    CHECK(is_canonical(c));
    CHECK(model_of(c & universe) == ~ma);
    CHECK((c - universe) == universe.complement());
    CHECK(c.complement() == a);

    CHECK(a.subset_of(b) == (ma & ~mb).none());
    CHECK(a.intersects(b) == (ma & mb).any());
    CHECK(a.empty() == ma.none());
    CHECK(a.size() == ma.count());
    CHECK((a == b) == (ma == mb));
    if (ma.any()) {
      std::size_t lowest = 0;
      while (!ma.test(lowest)) ++lowest;
      CHECK(a.first() == at(static_cast<std::uint32_t>(lowest)));
    } else {
      CHECK(a.first() == std::nullopt);
    }
    for (std::uint32_t offset = 0; offset < universe_size; offset += 7) CHECK(a.contains(at(offset)) == ma.test(offset));
    CHECK_FALSE(a.contains(Ipv4Address(base - 1)));
    CHECK_FALSE(a.contains(IpAddress(Ipv6Address(base))));
    check_prefix_cover(a);
  }
}

TEST_CASE("address set laws hold on random sets", "[net]") {
  std::mt19937 random(7);
  for (int iteration = 0; iteration < 200; ++iteration) {
    const AddressSet a = random_set(random);
    const AddressSet b = random_set(random);
    const AddressSet c = random_set(random);
    CHECK((a | b).complement() == (a.complement() & b.complement()));
    CHECK((a & b).complement() == (a.complement() | b.complement()));
    CHECK(((a - b) | (a & b)) == a);
    CHECK((a - b).intersects(b) == false);
    CHECK(a.subset_of(b) == (a - b).empty());
    CHECK((a | b) == (b | a));
    CHECK((a & b) == (b & a));
    CHECK(((a | b) | c) == (a | (b | c)));
    CHECK((a & (b | c)) == ((a & b) | (a & c)));
    CHECK((a - b) == (a & b.complement()));
    CHECK((a & b).subset_of(a));
    CHECK(a.subset_of(a | b));
  }
}

TEST_CASE("from_intervals sorts, merges overlaps and adjacency, and drops reversed intervals", "[net]") {
  std::mt19937 random(99);
  for (int iteration = 0; iteration < 100; ++iteration) {
    std::vector<AddressInterval> intervals;
    Model model;
    const int count = static_cast<int>(random() % 12);
    for (int k = 0; k < count; ++k) {
      const auto first = static_cast<std::uint32_t>(random() % universe_size);
      const auto last = std::min<std::uint32_t>(first + static_cast<std::uint32_t>(random() % 30), universe_size - 1);
      intervals.push_back({base + first, base + last});
      for (auto v = first; v <= last; ++v) model.set(v);
    }
    intervals.push_back({base + 10, base + 5});  // reversed: empty
    const AddressSet set = AddressSet::from_intervals(IpFamily::v4, intervals);
    CHECK(is_canonical(set));
    CHECK(model_of(set) == model);
  }
  const AddressSet merged = AddressSet::of(Prefix::parse("10.0.0.0/25")) | AddressSet::of(Prefix::parse("10.0.0.128/25"));
  CHECK(merged.intervals().size() == 1);
  CHECK(merged == AddressSet::of(Prefix::parse("10.0.0.0/24")));
  CHECK(merged.to_string() == "10.0.0.0/24");
  const AddressSet overlapping =
      AddressSet::range(IpAddress::parse("10.0.0.5"), IpAddress::parse("10.0.0.20")) |
      AddressSet::range(IpAddress::parse("10.0.0.10"), IpAddress::parse("10.0.0.30"));
  CHECK(overlapping.intervals().size() == 1);
  CHECK(overlapping.size() == 26);
  CHECK(AddressSet::range(IpAddress::parse("10.0.0.9"), IpAddress::parse("10.0.0.1")).empty());
}

TEST_CASE("address sets handle the whole space and the top address without overflow", "[net]") {
  const AddressSet all4 = AddressSet::all(IpFamily::v4);
  CHECK(all4.is_all());
  CHECK(all4.size() == (uint128{1} << 32));
  CHECK(all4.complement().empty());
  CHECK(AddressSet::none(IpFamily::v4).complement() == all4);
  CHECK(all4.to_prefixes() == std::vector<Prefix>{Prefix::parse("0.0.0.0/0")});
  CHECK(all4.to_string() == "0.0.0.0/0");

  const IpAddress top4 = IpAddress::parse("255.255.255.255");
  const AddressSet top = AddressSet::of(top4);
  CHECK(top.contains(top4));
  CHECK(top.size() == 1);
  CHECK((all4 - top).size() == 0xffffffffu);
  CHECK((all4 - top).complement() == top);
  CHECK(top.complement() == AddressSet::range(IpAddress::parse("0.0.0.0"), IpAddress::parse("255.255.255.254")));
  CHECK((top | AddressSet::of(IpAddress::parse("255.255.255.254"))).to_string() == "255.255.255.254/31");
  CHECK((all4 - top).to_prefixes().size() == 32);
  CHECK(AddressSet::of(IpAddress::parse("0.0.0.0")).complement().to_prefixes().size() == 32);

  const AddressSet all6 = AddressSet::all(IpFamily::v6);
  CHECK(all6.is_all());
  CHECK(all6.size() == uint128_max);  // 2^128 saturates
  CHECK(all6.complement().empty());
  CHECK(all6.to_prefixes() == std::vector<Prefix>{Prefix::parse("::/0")});
  const IpAddress top6 = IpAddress::from_value(IpFamily::v6, uint128_max);
  const AddressSet without_top = all6 - AddressSet::of(top6);
  CHECK(without_top.size() == uint128_max);  // exactly 2^128 - 1
  CHECK_FALSE(without_top.contains(top6));
  CHECK(without_top.complement() == AddressSet::of(top6));
  CHECK(without_top.to_prefixes().size() == 128);
  CHECK((without_top | AddressSet::of(top6)).is_all());
  const AddressSet halves = AddressSet::of(Prefix::parse("::/1")) | AddressSet::of(Prefix::parse("8000::/1"));
  CHECK(halves.is_all());
  CHECK((AddressSet::of(Prefix::parse("8000::/1")) - AddressSet::of(top6)).size() == (uint128{1} << 127) - 1);
  CHECK(AddressSet::of(top6).to_string() == "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128");
}

TEST_CASE("empty address sets behave as the identity of union", "[net]") {
  const AddressSet empty(IpFamily::v6);
  const AddressSet some = AddressSet::of(Prefix::parse("2001:db8::/32"));
  CHECK(empty.empty());
  CHECK(empty.size() == 0);
  CHECK(empty.first() == std::nullopt);
  CHECK(empty.to_string() == "{}");
  CHECK(empty.to_prefixes().empty());
  CHECK((empty | some) == some);
  CHECK((some & empty).empty());
  CHECK((some - empty) == some);
  CHECK(empty.subset_of(some));
  CHECK(empty.subset_of(empty));
  CHECK_FALSE(empty.intersects(some));
  CHECK_FALSE(some.subset_of(empty));
}

TEST_CASE("address sets print prefixes where exact and ranges otherwise", "[net]") {
  const std::vector<Prefix> prefixes{Prefix::parse("10.0.0.0/16"), Prefix::parse("10.3.0.0/16")};
  const AddressSet set = AddressSet::of(IpFamily::v4, prefixes) |
                         AddressSet::range(IpAddress::parse("10.2.0.0"), IpAddress::parse("10.2.0.9"));
  CHECK(set.to_string() == "10.0.0.0/16, 10.2.0.0-10.2.0.9, 10.3.0.0/16");
  CHECK(set.first() == IpAddress::parse("10.0.0.0"));
  CHECK(set.to_prefixes().size() == 4);  // 10.2.0.0/29 and 10.2.0.8/31 in the middle
  CHECK(AddressSet::of(IpAddress::parse("::1")).to_string() == "::1/128");
}
