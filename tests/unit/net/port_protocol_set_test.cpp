#include <catch2/catch.hpp>

#include <algorithm>
#include <bitset>
#include <memory>
#include <random>
#include <vector>

#include "moat/core/error.hpp"
#include "moat/net/port_set.hpp"
#include "moat/net/protocol_set.hpp"

using namespace moat;
using namespace moat::net;

namespace {

using PortModel = std::bitset<65536>;

// Endpoints favour the edges (0, 65535) and a small window so that ranges touch often.
std::uint16_t random_port(std::mt19937& random) {
  switch (random() % 4) {
    case 0: return static_cast<std::uint16_t>(random() % 3);
    case 1: return static_cast<std::uint16_t>(65535 - random() % 3);
    case 2: return static_cast<std::uint16_t>(1000 + random() % 64);
    default: return static_cast<std::uint16_t>(random());
  }
}

PortSet random_ports(std::mt19937& random) {
  PortSet set;
  const int pieces = static_cast<int>(random() % 5);
  for (int i = 0; i < pieces; ++i) {
    const auto a = random_port(random);
    const auto b = random_port(random);
    set = set | PortSet::range(std::min(a, b), std::max(a, b));
  }
  return set;
}

std::unique_ptr<PortModel> model_of(const PortSet& set) {
  auto model = std::make_unique<PortModel>();
  for (const auto& range : set.ranges()) {
    for (std::uint32_t p = range.first; p <= range.last; ++p) model->set(p);
  }
  return model;
}

bool is_canonical(const PortSet& set) {
  const auto ranges = set.ranges();
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    if (ranges[i].first > ranges[i].last) return false;
    if (i > 0 && std::uint32_t{ranges[i - 1].last} + 1 >= ranges[i].first) return false;
  }
  return true;
}

ProtocolSet random_protocols(std::mt19937& random) {
  ProtocolSet set;
  const int count = static_cast<int>(random() % 6);
  for (int i = 0; i < count; ++i) {
    const auto n = static_cast<std::uint8_t>(random() % 3 == 0 ? random() % 256 : random() % 8 + 250 * (random() % 2));
    set = set | ProtocolSet::of(n);
  }
  if (random() % 10 == 0) set = ProtocolSet::all() - set;
  return set;
}

std::vector<bool> protocol_model(const ProtocolSet& set) {
  std::vector<bool> model(256);
  for (int n = 0; n < 256; ++n) model[static_cast<std::size_t>(n)] = set.contains(static_cast<std::uint8_t>(n));
  return model;
}

std::vector<bool> apply(const std::vector<bool>& a, const std::vector<bool>& b, bool (*op)(bool, bool)) {
  std::vector<bool> out(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) out[i] = op(a[i], b[i]);
  return out;
}

std::size_t count_of(const std::vector<bool>& model) { return static_cast<std::size_t>(std::count(model.begin(), model.end(), true)); }

}  // namespace

TEST_CASE("port set algebra agrees with a bitset model", "[net]") {
  std::mt19937 random(1234);
  for (int iteration = 0; iteration < 200; ++iteration) {
    const PortSet a = random_ports(random);
    const PortSet b = random_ports(random);
    INFO("a = " << a.to_string() << "; b = " << b.to_string());
    const auto ma = model_of(a);
    const auto mb = model_of(b);
    CHECK(is_canonical(a));
    CHECK(is_canonical(a | b));
    CHECK(is_canonical(a - b));
    CHECK(*model_of(a | b) == (*ma | *mb));
    CHECK(*model_of(a & b) == (*ma & *mb));
    CHECK(*model_of(a - b) == (*ma & ~*mb));
    CHECK(*model_of(a.complement()) == ~*ma);
    CHECK(a.complement().complement() == a);
    CHECK(a.subset_of(b) == (*ma & ~*mb).none());
    CHECK(a.intersects(b) == (*ma & *mb).any());
    CHECK(a.size() == ma->count());
    CHECK(a.empty() == ma->none());
    CHECK(a.is_all() == ma->all());
    CHECK((a == b) == (*ma == *mb));
    for (std::uint32_t p : {0u, 1u, 2u, 1000u, 1063u, 65533u, 65534u, 65535u}) {
      CHECK(a.contains(static_cast<std::uint16_t>(p)) == ma->test(p));
    }
    if (!a.empty()) CHECK(ma->test(*a.first()));
    CHECK(((a | b).complement()) == (a.complement() & b.complement()));
  }
}

TEST_CASE("port sets cover 0 and 65535 and print compactly", "[net]") {
  CHECK(PortSet::all().is_all());
  CHECK(PortSet::all().size() == 65536);
  CHECK(PortSet::all().complement().empty());
  CHECK(PortSet().complement().is_all());
  CHECK(PortSet::of(65535).complement() == PortSet::range(0, 65534));
  CHECK(PortSet::of(0).complement() == PortSet::range(1, 65535));
  CHECK((PortSet::range(0, 100) | PortSet::range(101, 65535)).is_all());
  CHECK(PortSet::range(10, 9).empty());
  CHECK(PortSet().to_string() == "{}");
  CHECK(PortSet::all().to_string() == "all");
  CHECK((PortSet::of(80) | PortSet::of(443)).to_string() == "80,443");
  CHECK(PortSet::range(1024, 65535).to_string() == "1024-65535");
  CHECK(PortSet().first() == std::nullopt);
  CHECK(PortSet::from_ranges({{10, 20}, {5, 9}, {30, 25}}) == PortSet::range(5, 20));
}

TEST_CASE("port sets parse single ports, ranges and all", "[net]") {
  CHECK(PortSet::parse("443") == PortSet::of(443));
  CHECK(PortSet::parse("0") == PortSet::of(0));
  CHECK(PortSet::parse("1024-65535") == PortSet::range(1024, 65535));
  CHECK(PortSet::parse("all").is_all());
  CHECK(PortSet::parse("*").is_all());
  CHECK_THROWS_AS(PortSet::parse("65536"), ParseError);
  CHECK_THROWS_WITH(PortSet::parse("65536"), "[moat.net] \"65536\": port 65536 exceeds 65535");
  CHECK_THROWS_WITH(PortSet::parse("99999999999"), Catch::Contains("exceeds 65535"));
  CHECK_THROWS_WITH(PortSet::parse("http"), Catch::Contains("is not a number"));
  CHECK_THROWS_WITH(PortSet::parse(""), Catch::Contains("missing port"));
  CHECK_THROWS_WITH(PortSet::parse("80-"), Catch::Contains("missing port"));
  CHECK_THROWS_WITH(PortSet::parse("90-80"), Catch::Contains("starts after it ends"));
  CHECK_THROWS_WITH(PortSet::parse(" 80"), Catch::Contains("is not a number"));
}

TEST_CASE("ICMP type and code are encoded in the port dimension", "[net]") {
  CHECK(PortSet::icmp(8, 0) == PortSet::of(0x0800));
  CHECK(PortSet::icmp(8, -1) == PortSet::range(0x0800, 0x08ff));
  CHECK(PortSet::icmp(-1, -1).is_all());
  CHECK(PortSet::icmp(255, 255) == PortSet::of(65535));
  CHECK(PortSet::icmp(3, 4).contains((3 << 8) | 4));
  CHECK_FALSE(PortSet::icmp(3, -1).contains((4 << 8) | 0));
}

TEST_CASE("protocol set algebra agrees with a bitset model", "[net]") {
  std::mt19937 random(77);
  for (int iteration = 0; iteration < 300; ++iteration) {
    const ProtocolSet a = random_protocols(random);
    const ProtocolSet b = random_protocols(random);
    const auto ma = protocol_model(a);
    const auto mb = protocol_model(b);
    const std::vector<bool> none(256, false);
    CHECK(protocol_model(a | b) == apply(ma, mb, [](bool x, bool y) { return x || y; }));
    CHECK(protocol_model(a & b) == apply(ma, mb, [](bool x, bool y) { return x && y; }));
    const auto outside = apply(ma, mb, [](bool x, bool y) { return x && !y; });
    CHECK(protocol_model(a - b) == outside);
    CHECK(protocol_model(a.complement()) == apply(ma, ma, [](bool x, bool) { return !x; }));
    CHECK(a.subset_of(b) == (outside == none));
    CHECK(a.intersects(b) == (apply(ma, mb, [](bool x, bool y) { return x && y; }) != none));
    CHECK(a.size() == static_cast<int>(count_of(ma)));
    CHECK(a.empty() == (ma == none));
    CHECK((a == b) == (ma == mb));
    if (ma != none) {
      std::size_t lowest = 0;
      while (!ma[lowest]) ++lowest;
      CHECK(a.first() == static_cast<std::uint8_t>(lowest));
    } else {
      CHECK(a.first() == std::nullopt);
    }
  }
}

TEST_CASE("protocol -1 means all and names parse as AWS writes them", "[net]") {
  CHECK(ProtocolSet::from_aws(-1).is_all());
  CHECK(ProtocolSet::from_aws(-1).size() == 256);
  CHECK(ProtocolSet::from_aws(6) == ProtocolSet::of(protocol::tcp));
  CHECK(ProtocolSet::from_aws(0) == ProtocolSet::of(0));
  CHECK(ProtocolSet::from_aws(255).contains(255));
  CHECK_THROWS_WITH(ProtocolSet::from_aws(256), Catch::Contains("-1 (all) or 0..255"));
  CHECK_THROWS_AS(ProtocolSet::from_aws(-2), ParseError);
  CHECK(ProtocolSet::parse("tcp") == ProtocolSet::of(6));
  CHECK(ProtocolSet::parse("udp") == ProtocolSet::of(17));
  CHECK(ProtocolSet::parse("icmp") == ProtocolSet::of(1));
  CHECK(ProtocolSet::parse("icmpv6") == ProtocolSet::of(58));
  CHECK(ProtocolSet::parse("-1").is_all());
  CHECK(ProtocolSet::parse("all").is_all());
  CHECK(ProtocolSet::parse("50") == ProtocolSet::of(50));
  CHECK_THROWS_WITH(ProtocolSet::parse("256"), "[moat.net] \"256\": protocol number 256 exceeds 255");
  CHECK_THROWS_WITH(ProtocolSet::parse("tcpx"), Catch::Contains("not a protocol"));
  CHECK_THROWS_WITH(ProtocolSet::parse("-2"), Catch::Contains("not a protocol"));
  CHECK_THROWS_WITH(ProtocolSet::parse(""), Catch::Contains("empty protocol"));
  CHECK((ProtocolSet::of(6) | ProtocolSet::of(17)).to_string() == "tcp,udp");
  CHECK(ProtocolSet::all().to_string() == "all");
  CHECK(ProtocolSet().to_string() == "{}");
  CHECK(ProtocolSet::of(50).to_string() == "50");
  CHECK(protocol_name(58) == "icmpv6");
  CHECK(has_ports(protocol::udp));
  CHECK_FALSE(has_ports(protocol::icmp));
}
