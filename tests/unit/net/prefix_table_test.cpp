#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <vector>

#include "moat/net/prefix_index.hpp"
#include "moat/net/prefix_table.hpp"

using namespace moat;
using namespace moat::net;

namespace {

using Table = PrefixTable<int>;  // value = entry id (insertion index)

// The naive oracle: ids of every entry whose prefix is the longest one containing an
// address, by scanning every prefix (as plain integer ranges, to keep the scan cheap).
class NaiveLpm {
 public:
  explicit NaiveLpm(const std::vector<Prefix>& prefixes) {
    for (const auto& p : prefixes) ranges_.push_back({p.first().value(), p.last().value(), p.length(), p.family()});
  }
  std::vector<int> lookup(const IpAddress& address) const {
    int best = -1;
    for (const auto& r : ranges_) {
      if (r.family == address.family() && r.first <= address.value() && address.value() <= r.last) {
        best = std::max(best, r.length);
      }
    }
    std::vector<int> ids;
    for (std::size_t i = 0; i < ranges_.size(); ++i) {
      const auto& r = ranges_[i];
      if (r.length == best && r.family == address.family() && r.first <= address.value() && address.value() <= r.last) {
        ids.push_back(static_cast<int>(i));
      }
    }
    return ids;
  }

 private:
  struct Range {
    uint128 first;
    uint128 last;
    int length;
    IpFamily family;
  };
  std::vector<Range> ranges_;
};

Table table_of(IpFamily family, const std::vector<Prefix>& prefixes) {
  std::vector<Table::Entry> entries;
  for (std::size_t i = 0; i < prefixes.size(); ++i) entries.push_back({prefixes[i], static_cast<int>(i)});
  return Table(family, std::move(entries));
}

std::vector<int> values_of(std::span<const Table::Entry> entries) {
  std::vector<int> values;
  for (const auto& e : entries) values.push_back(e.value);
  return values;
}

// Index, table and oracle agree on one address.
void check_address(const PrefixIndex& index, const Table& table, const std::vector<Prefix>& prefixes,
                   const NaiveLpm& naive, const IpAddress& address) {
  INFO("address " << address.to_string());
  const auto expected = naive.lookup(address);
  const auto group = index.lookup(address);
  REQUIRE(group.has_value() == !expected.empty());
  if (group) {
    CHECK(index.group_prefix(*group) == prefixes[static_cast<std::size_t>(expected.front())]);
    const auto entries = index.group_entries(*group);
    CHECK(std::vector<int>(entries.begin(), entries.end()) == expected);
  }
  CHECK(values_of(table.lookup(address)) == expected);
  if (address.is_v4()) CHECK(index.lookup_v4(address.v4().value()) == group);
}

// partition(): disjoint, non-empty parts covering the query, each group once, ordered by
// first address, every address of a part looked up to the part's group.
void check_partition(const PrefixIndex& index, const AddressSet& query, bool every_address) {
  const auto parts = index.partition(query);
  AddressSet covered(query.family());
  std::set<std::optional<PrefixIndex::Group>> seen;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto& part = parts[i];
    CHECK_FALSE(part.addresses.empty());
    CHECK_FALSE(part.addresses.intersects(covered));
    covered = covered | part.addresses;
    CHECK(seen.insert(part.group).second);
    if (i > 0) CHECK(*parts[i - 1].addresses.first() < *part.addresses.first());
    for (const auto& interval : part.addresses.intervals()) {
      if (every_address) {
        for (uint128 v = interval.first;; ++v) {  // stops at last, which may be the top address
          CHECK(index.lookup(IpAddress::from_value(query.family(), v)) == part.group);
          if (v == interval.last) break;
        }
      } else {
        CHECK(index.lookup(IpAddress::from_value(query.family(), interval.first)) == part.group);
        CHECK(index.lookup(IpAddress::from_value(query.family(), interval.last)) == part.group);
      }
    }
  }
  CHECK(covered == query);
}

// The first and last address of every IPv4 prefix and their neighbours (wrapping at the
// ends of the space).
std::vector<std::uint32_t> boundary_probes(const std::vector<Prefix>& prefixes) {
  std::vector<std::uint32_t> probes;
  for (const auto& p : prefixes) {
    const auto first = p.first().v4().value();
    const auto last = p.last().v4().value();
    for (std::uint32_t v : {first, last, first - 1, last + 1}) probes.push_back(v);
  }
  return probes;
}

// Random prefixes in and around 10.0.0.0/20, with duplicates and some wide covers.
std::vector<Prefix> random_v4_prefixes(std::mt19937& random, int count) {
  std::vector<Prefix> prefixes;
  for (int i = 0; i < count; ++i) {
    const auto r = random() % 20;
    if (r == 0) {
      prefixes.push_back(Prefix::parse("0.0.0.0/0"));
    } else if (r == 1) {
      prefixes.push_back(Prefix::parse("10.0.0.0/8"));
    } else if (r == 2 && !prefixes.empty()) {
      prefixes.push_back(prefixes[random() % prefixes.size()]);  // duplicate
    } else {
      const auto offset = static_cast<std::uint32_t>(random() % 4096);
      prefixes.emplace_back(Ipv4Address(0x0a000000u + offset), 18 + static_cast<int>(random() % 15));
    }
  }
  return prefixes;
}

}  // namespace

TEST_CASE("longest match prefers /24 over /16", "[lpm]") {
  const std::vector<Prefix> prefixes{Prefix::parse("10.0.0.0/16"), Prefix::parse("10.0.1.0/24")};
  const Table table = table_of(IpFamily::v4, prefixes);
  CHECK(values_of(table.lookup(IpAddress::parse("10.0.1.7"))) == std::vector<int>{1});
  CHECK(values_of(table.lookup(IpAddress::parse("10.0.2.7"))) == std::vector<int>{0});
  CHECK(table.lookup(IpAddress::parse("10.1.0.0")).empty());
  CHECK(table.size() == 2);
}

TEST_CASE("lookup and partition agree with a linear scan on random IPv4 tables", "[lpm]") {
  std::mt19937 random(31337);
  for (int iteration = 0; iteration < 10; ++iteration) {
    // Small tables search the flat range table; the last two (700+ draws)
    // take the /16 layout (enough draws for 256 distinct prefixes).
    const int count = iteration < 8 ? 1 + static_cast<int>(random() % 60) : 700 + static_cast<int>(random() % 100);
    const auto prefixes = random_v4_prefixes(random, count);
    const PrefixIndex index(IpFamily::v4, prefixes);
    if (iteration >= 8) REQUIRE(index.group_count() >= 256);  // the /16 layout is built
    const Table table = table_of(IpFamily::v4, prefixes);
    const NaiveLpm naive(prefixes);
    // Every address of the /20 and 512 addresses on either side.
    for (std::uint32_t v = 0x0a000000u - 512; v < 0x0a001000u + 512; ++v) {
      check_address(index, table, prefixes, naive, Ipv4Address(v));
    }
    check_address(index, table, prefixes, naive, Ipv4Address(0));
    check_address(index, table, prefixes, naive, Ipv4Address(0xffffffffu));
    // Random queries inside the window, checked address by address.
    for (int q = 0; q < 6; ++q) {
      AddressSet query(IpFamily::v4);
      for (int k = 0; k < 3; ++k) {
        const auto first = 0x0a000000u - 512 + static_cast<std::uint32_t>(random() % 5120);
        const auto last = first + static_cast<std::uint32_t>(random() % 700);
        query = query | AddressSet::range(Ipv4Address(first), Ipv4Address(last));
      }
      check_partition(index, query, true);
    }
    check_partition(index, AddressSet::all(IpFamily::v4), false);
    check_partition(index, AddressSet(IpFamily::v4), false);
  }
}

TEST_CASE("lookup agrees with a linear scan on a large table spread over the whole IPv4 space", "[lpm]") {
  std::mt19937 random(2024);
  std::vector<Prefix> prefixes;
  for (int i = 0; i < 2000; ++i) {
    const int length = static_cast<int>(random() % 4 == 0 ? random() % 33 : 8 + random() % 25);
    prefixes.emplace_back(Ipv4Address(static_cast<std::uint32_t>(random())), length);
  }
  const PrefixIndex index(IpFamily::v4, prefixes);
  const Table table = table_of(IpFamily::v4, prefixes);
  const NaiveLpm naive(prefixes);
  // Boundaries of every prefix (first, last and their neighbours) plus random addresses.
  std::vector<std::uint32_t> probes = boundary_probes(prefixes);
  for (int i = 0; i < 1000; ++i) probes.push_back(static_cast<std::uint32_t>(random()));
  for (auto v : probes) check_address(index, table, prefixes, naive, Ipv4Address(v));
  check_partition(index, AddressSet::all(IpFamily::v4), false);
  CHECK(index.group_count() <= prefixes.size());
  CHECK(index.lookup_memory_bytes() > 0);
  CHECK(index.lookup_memory_bytes() < index.memory_bytes());
}

TEST_CASE("lookup and partition agree with a linear scan on IPv6 tables", "[lpm]") {
  std::mt19937 random(606);
  const uint128 base = Ipv6Address::parse("2001:db8::").value();
  const uint128 top = uint128_max;
  for (int iteration = 0; iteration < 10; ++iteration) {
    std::vector<Prefix> prefixes;
    const int count = 1 + static_cast<int>(random() % 40);
    for (int i = 0; i < count; ++i) {
      const auto r = random() % 16;
      if (r == 0) {
        prefixes.push_back(Prefix::parse("::/0"));
      } else if (r == 1) {
        prefixes.push_back(Prefix::parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ff00/120"));
      } else if (r == 2) {
        prefixes.push_back(Prefix::parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"));
      } else if (r == 3 && !prefixes.empty()) {
        prefixes.push_back(prefixes[random() % prefixes.size()]);
      } else {
        prefixes.emplace_back(Ipv6Address(base + random() % 4096), 114 + static_cast<int>(random() % 15));
      }
    }
    const PrefixIndex index(IpFamily::v6, prefixes);
    const Table table = table_of(IpFamily::v6, prefixes);
    const NaiveLpm naive(prefixes);
    for (uint128 v = base - 64; v < base + 4096 + 64; ++v) check_address(index, table, prefixes, naive, Ipv6Address(v));
    for (uint128 v = top - 300; v != 0; ++v) check_address(index, table, prefixes, naive, Ipv6Address(v));  // up to the top
    check_address(index, table, prefixes, naive, Ipv6Address(0));
    AddressSet query = AddressSet::range(Ipv6Address(base - 10), Ipv6Address(base + 3000)) |
                       AddressSet::range(Ipv6Address(top - 280), Ipv6Address(top));
    check_partition(index, query, true);
    check_partition(index, AddressSet::all(IpFamily::v6), false);
  }
}

TEST_CASE("duplicate prefixes are one group with every entry in insertion order", "[lpm]") {
  const std::vector<Prefix> prefixes{Prefix::parse("10.0.0.0/16"), Prefix::parse("0.0.0.0/0"),
                                     Prefix::parse("10.0.0.0/16"), Prefix::parse("10.0.5.0/24"),
                                     Prefix::parse("10.0.0.0/16")};
  const PrefixIndex index(IpFamily::v4, prefixes);
  CHECK(index.group_count() == 3);
  const auto group = index.lookup(IpAddress::parse("10.0.9.9"));
  REQUIRE(group);
  CHECK(index.group_prefix(*group) == Prefix::parse("10.0.0.0/16"));
  const auto ids = index.group_entries(*group);
  CHECK(std::vector<std::uint32_t>(ids.begin(), ids.end()) == std::vector<std::uint32_t>{0, 2, 4});

  const Table table = table_of(IpFamily::v4, prefixes);
  CHECK(values_of(table.lookup(IpAddress::parse("10.0.9.9"))) == std::vector<int>{0, 2, 4});
  CHECK(values_of(table.lookup(IpAddress::parse("10.0.5.1"))) == std::vector<int>{3});
  CHECK(values_of(table.lookup(IpAddress::parse("11.0.0.0"))) == std::vector<int>{1});

  // The tie-break sees every candidate and its choice labels the part.
  const auto chosen = table.partition(AddressSet::of(Prefix::parse("10.0.0.0/16")),
                                      [](std::span<const Table::Entry> c) { return &c.back().value; });
  REQUIRE(chosen.size() == 2);
  CHECK(chosen[0].addresses ==
        (AddressSet::of(Prefix::parse("10.0.0.0/16")) - AddressSet::of(Prefix::parse("10.0.5.0/24"))));
  REQUIRE(chosen[0].value != nullptr);
  CHECK(*chosen[0].value == 4);
  CHECK(*chosen[1].value == 3);
  const auto parts = table.partition(AddressSet::of(Prefix::parse("10.0.0.0/8")));
  REQUIRE(parts.size() == 3);
  // Ordered by first address: the /16 (from 10.0.0.0), the /24, then the default route
  // for the rest of 10.0.0.0/8 (from 10.1.0.0).
  CHECK(values_of(parts[0].candidates) == std::vector<int>{0, 2, 4});
  CHECK(values_of(parts[1].candidates) == std::vector<int>{3});
  CHECK(values_of(parts[2].candidates) == std::vector<int>{1});
  CHECK(parts[2].addresses == AddressSet::range(IpAddress::parse("10.1.0.0"), IpAddress::parse("10.255.255.255")));
}

TEST_CASE("an empty table matches nothing and partitions into one unmatched part", "[lpm]") {
  const PrefixIndex index(IpFamily::v4, {});
  CHECK(index.group_count() == 0);
  CHECK(index.lookup(IpAddress::parse("1.2.3.4")) == std::nullopt);
  CHECK(index.lookup(IpAddress::parse("255.255.255.255")) == std::nullopt);
  const auto parts = index.partition(AddressSet::of(Prefix::parse("10.0.0.0/8")));
  REQUIRE(parts.size() == 1);
  CHECK(parts[0].group == std::nullopt);
  CHECK(parts[0].addresses == AddressSet::of(Prefix::parse("10.0.0.0/8")));
  CHECK(index.partition(AddressSet(IpFamily::v4)).empty());
  const PrefixIndex index6(IpFamily::v6, {});
  CHECK(index6.lookup(IpAddress::parse("::1")) == std::nullopt);
  CHECK(index6.partition(AddressSet::all(IpFamily::v6)).size() == 1);
}

TEST_CASE("default routes, host routes and the top address are matched exactly", "[lpm]") {
  const std::vector<Prefix> v4{Prefix::parse("0.0.0.0/0"), Prefix::parse("255.255.255.255/32"),
                               Prefix::parse("0.0.0.0/32"), Prefix::parse("255.255.0.0/16")};
  const Table table4 = table_of(IpFamily::v4, v4);
  CHECK(values_of(table4.lookup(IpAddress::parse("255.255.255.255"))) == std::vector<int>{1});
  CHECK(values_of(table4.lookup(IpAddress::parse("255.255.255.254"))) == std::vector<int>{3});
  CHECK(values_of(table4.lookup(IpAddress::parse("0.0.0.0"))) == std::vector<int>{2});
  CHECK(values_of(table4.lookup(IpAddress::parse("0.0.0.1"))) == std::vector<int>{0});
  CHECK(table4.lookup(IpAddress::parse("::1")).empty());  // other family
  const auto other = table4.partition(AddressSet::of(Prefix::parse("2001:db8::/32")));
  REQUIRE(other.size() == 1);
  CHECK(other[0].candidates.empty());
  CHECK(other[0].addresses == AddressSet::of(Prefix::parse("2001:db8::/32")));
  const auto parts4 = table4.partition(AddressSet::all(IpFamily::v4));
  CHECK(parts4.size() == 4);

  const std::vector<Prefix> v6{Prefix::parse("::/0"), Prefix::parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"),
                               Prefix::parse("::/128")};
  const Table table6 = table_of(IpFamily::v6, v6);
  CHECK(values_of(table6.lookup(IpAddress::from_value(IpFamily::v6, uint128_max))) == std::vector<int>{1});
  CHECK(values_of(table6.lookup(IpAddress::from_value(IpFamily::v6, uint128_max - 1))) == std::vector<int>{0});
  CHECK(values_of(table6.lookup(IpAddress::parse("::"))) == std::vector<int>{2});
  const auto parts6 = table6.partition(AddressSet::all(IpFamily::v6));
  REQUIRE(parts6.size() == 3);
  CHECK(values_of(parts6[0].candidates) == std::vector<int>{2});
  CHECK(values_of(parts6[1].candidates) == std::vector<int>{0});
  CHECK(parts6[1].addresses.size() == uint128_max - 1);  // 2^128 - 2
  CHECK(values_of(parts6[2].candidates) == std::vector<int>{1});
}

TEST_CASE("a part that spans many /16 slots comes back as one merged part", "[lpm]") {
  const std::vector<Prefix> prefixes{Prefix::parse("10.0.0.0/8"), Prefix::parse("10.1.2.0/24"),
                                     Prefix::parse("10.200.0.0/16")};
  const PrefixIndex index(IpFamily::v4, prefixes);
  const auto parts = index.partition(AddressSet::of(Prefix::parse("10.0.0.0/8")));
  REQUIRE(parts.size() == 3);
  CHECK(index.group_prefix(*parts[0].group) == Prefix::parse("10.0.0.0/8"));
  CHECK(parts[0].addresses.intervals().size() == 3);  // cut by the /24 and the /16 only
  CHECK(parts[0].addresses.size() == (uint128{1} << 24) - 256 - 65536);
}

namespace {

// An oracle for tables too large to scan per address: every prefix in a map keyed by
// (length, network), probed from /32 down to /0 — 33 look-ups per address.
class HashedLpm {
 public:
  explicit HashedLpm(const std::vector<Prefix>& prefixes) {
    for (std::size_t i = 0; i < prefixes.size(); ++i) {
      const auto key = key_of(prefixes[i].length(), prefixes[i].network().v4().value());
      ids_[key].push_back(static_cast<int>(i));
    }
  }
  std::vector<int> lookup(std::uint32_t address) const {
    for (int length = 32; length >= 0; --length) {
      const std::uint32_t mask = length == 0 ? 0 : ~std::uint32_t{0} << (32 - length);
      const auto it = ids_.find(key_of(length, address & mask));
      if (it != ids_.end()) return it->second;
    }
    return {};
  }

 private:
  static std::uint64_t key_of(int length, std::uint32_t network) {
    return (static_cast<std::uint64_t>(length) << 32) | network;
  }
  std::map<std::uint64_t, std::vector<int>> ids_;
};

// The index's answer for one address as entry ids (empty when nothing matches).
std::vector<int> index_entries(const PrefixIndex& index, std::uint32_t address) {
  const auto group = index.lookup_v4(address);
  if (!group) return {};
  const auto ids = index.group_entries(*group);
  return std::vector<int>(ids.begin(), ids.end());
}

}  // namespace

TEST_CASE("a table of 2^16 or more distinct IPv4 prefixes takes the wide layout and agrees with an oracle", "[lpm]") {
  std::mt19937 random(4242);
  std::vector<Prefix> prefixes{Prefix::parse("0.0.0.0/0"), Prefix::parse("0.0.0.0/32"),
                               Prefix::parse("255.255.255.255/32"), Prefix::parse("255.255.255.0/24"),
                               Prefix::parse("20.0.0.0/12"),   // 256 /20 chunks that are one range each
                               Prefix::parse("30.1.16.0/20"),  // exactly one chunk
                               Prefix::parse("30.1.32.0/21"),  // half a chunk: two ranges
                               Prefix::parse("30.1.32.0/21")};  // duplicate
  // Every /32 of 10.0.0.0/20: 4,096 ranges in one chunk (a count too large for the slot).
  for (std::uint32_t v = 0x0a000000u; v < 0x0a001000u; ++v) prefixes.emplace_back(Ipv4Address(v), 32);
  // Around the 511-range limit of a slot's count: chunks of about 300 and 600 ranges.
  for (int i = 0; i < 150; ++i) prefixes.emplace_back(Ipv4Address(0x0b000000u + random() % 4096), 32);
  for (int i = 0; i < 300; ++i) prefixes.emplace_back(Ipv4Address(0x0b001000u + random() % 4096), 30);
  // The rest spread over the whole space, nested at random lengths.
  while (prefixes.size() < 90'000) {
    const int length = static_cast<int>(random() % 8 == 0 ? random() % 33 : 12 + random() % 21);
    prefixes.emplace_back(Ipv4Address(static_cast<std::uint32_t>(random())), length);
  }
  const PrefixIndex index(IpFamily::v4, prefixes);
  REQUIRE(index.group_count() >= PrefixIndex::wide_from_groups);
  // The wide layout's first level alone is 2^20 four-byte slots.
  CHECK(index.lookup_memory_bytes() >= (std::size_t{4} << 20));
  const HashedLpm oracle(prefixes);

  // Boundaries of every prefix and their neighbours, random addresses, and every address
  // of the special chunks (the first and the last of the space among them).
  std::vector<std::uint32_t> probes = boundary_probes(prefixes);
  for (int i = 0; i < 100'000; ++i) probes.push_back(static_cast<std::uint32_t>(random()));
  for (std::uint32_t chunk : {0x00000000u, 0x0a000000u, 0x0b000000u, 0x0b001000u, 0x14000000u, 0x1e011000u,
                              0x1e012000u, 0xfffff000u}) {
    for (std::uint32_t low = 0; low < 0x1000u; ++low) probes.push_back(chunk + low);  // chunk + 0xfff may be the top
  }
  std::size_t mismatches = 0;
  std::uint32_t first_mismatch = 0;
  for (const std::uint32_t v : probes) {
    if (index_entries(index, v) != oracle.lookup(v) && mismatches++ == 0) first_mismatch = v;
  }
  INFO("first mismatch at " << Ipv4Address(first_mismatch).to_string());
  CHECK(mismatches == 0);

  const Table table = table_of(IpFamily::v4, prefixes);
  const NaiveLpm naive(prefixes);
  for (const char* address : {"0.0.0.0", "0.0.0.1", "255.255.255.255", "255.255.255.254", "255.255.254.255",
                              "10.0.0.0", "10.0.15.255", "10.0.16.0", "20.0.0.0", "20.15.255.255", "30.1.16.0",
                              "30.1.31.255", "30.1.39.255", "30.1.40.0"}) {
    check_address(index, table, prefixes, naive, IpAddress::parse(address));
  }

  // partition() address by address over the special chunks and across chunk borders.
  AddressSet query = AddressSet::range(Ipv4Address(0x0a000000u - 300), Ipv4Address(0x0a002000u + 300)) |
                     AddressSet::range(Ipv4Address(0x1e010ff0u), Ipv4Address(0x1e012010u)) |
                     AddressSet::range(Ipv4Address(0xffffe000u), Ipv4Address(0xffffffffu)) |
                     AddressSet::of(Prefix::parse("0.0.0.0/20"));
  check_partition(index, query, true);

  // partition() of the whole space: its parts tile it, each group once, each interval
  // looked up (at both ends) to its part's group.
  const auto parts = index.partition(AddressSet::all(IpFamily::v4));
  std::set<std::optional<PrefixIndex::Group>> seen;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> tiles;
  std::size_t wrong = 0;
  for (const auto& part : parts) {
    CHECK(seen.insert(part.group).second);
    for (const auto& interval : part.addresses.intervals()) {
      const auto first = static_cast<std::uint32_t>(interval.first);
      const auto last = static_cast<std::uint32_t>(interval.last);
      tiles.emplace_back(first, last);
      if (index.lookup_v4(first) != part.group || index.lookup_v4(last) != part.group) ++wrong;
    }
  }
  CHECK(wrong == 0);
  std::sort(tiles.begin(), tiles.end());
  REQUIRE_FALSE(tiles.empty());
  CHECK(tiles.front().first == 0);
  CHECK(tiles.back().second == 0xffffffffu);
  std::size_t gaps = 0;
  for (std::size_t i = 1; i < tiles.size(); ++i) gaps += tiles[i].first != tiles[i - 1].second + 1 ? 1 : 0;
  CHECK(gaps == 0);
}
