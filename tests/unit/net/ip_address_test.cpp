#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>

#include "moat/core/error.hpp"
#include "moat/net/ip_address.hpp"

using namespace moat;
using namespace moat::net;

namespace {

uint128 v6(std::string_view text) { return Ipv6Address::parse(text).value(); }

uint128 make128(std::uint64_t high, std::uint64_t low) { return (uint128{high} << 64) | low; }

}  // namespace

TEST_CASE("IPv4 dotted quads parse and format canonically", "[net]") {
  CHECK(Ipv4Address::parse("10.0.1.2").value() == 0x0a000102u);
  CHECK(Ipv4Address::parse("0.0.0.0").value() == 0u);
  CHECK(Ipv4Address::parse("255.255.255.255").value() == 0xffffffffu);
  CHECK(Ipv4Address(0xc0a80001u).to_string() == "192.168.0.1");
  CHECK(Ipv4Address(0xffffffffu).to_string() == "255.255.255.255");
  CHECK(Ipv4Address::try_parse("10.0.0.256") == std::nullopt);
  CHECK(Ipv4Address::try_parse("172.16.0.1") == Ipv4Address(0xac100001u));
}

TEST_CASE("IPv4 parse errors say what is wrong and quote the text", "[net]") {
  CHECK_THROWS_AS(Ipv4Address::parse("1.2.3"), ParseError);
  CHECK_THROWS_WITH(Ipv4Address::parse("10.0.0.256"), "[moat.net] \"10.0.0.256\": octet 256 exceeds 255");
  CHECK_THROWS_WITH(Ipv4Address::parse("1.2.3"), Catch::Contains("expected 4 octets, found 3"));
  CHECK_THROWS_WITH(Ipv4Address::parse("1.2.3.4.5"), Catch::Contains("more than 4 octets"));
  CHECK_THROWS_WITH(Ipv4Address::parse("01.2.3.4"), Catch::Contains("leading zero"));
  CHECK_THROWS_WITH(Ipv4Address::parse(""), Catch::Contains("empty"));
  CHECK_THROWS_WITH(Ipv4Address::parse("1..3.4"), Catch::Contains("octet 2 is empty"));
  CHECK_THROWS_WITH(Ipv4Address::parse("a.b.c.d"), Catch::Contains("unexpected 'a' at position 0"));
  CHECK_THROWS_WITH(Ipv4Address::parse(" 1.2.3.4"), Catch::Contains("position 0"));
  CHECK_THROWS_WITH(Ipv4Address::parse("1.2.3.4 "), Catch::Contains("unexpected ' ' at position 7"));
  CHECK_THROWS_WITH(Ipv4Address::parse("1.2.3.4x"), Catch::Contains("unexpected 'x' at position 7"));
  CHECK_THROWS_WITH(Ipv4Address::parse("1.2.3.1234"), Catch::Contains("exceeds 255"));
  CHECK_THROWS_WITH(Ipv4Address::parse("1.2.3.99999999999"), Catch::Contains("exceeds 255"));
  CHECK_THROWS_WITH(Ipv4Address::parse("1.2.3.-4"), Catch::Contains("unexpected '-'"));
}

TEST_CASE("IPv6 text parses with :: compression and embedded dotted quads", "[net]") {
  CHECK(v6("::") == 0);
  CHECK(v6("::1") == 1);
  CHECK(v6("1::") == make128(0x0001000000000000ULL, 0));
  CHECK(v6("2001:db8::1") == make128(0x20010db800000000ULL, 1));
  CHECK(v6("2001:0DB8:0000:0000:0000:0000:0000:0001") == make128(0x20010db800000000ULL, 1));
  CHECK(v6("1:2:3:4:5:6:7:8") == make128(0x0001000200030004ULL, 0x0005000600070008ULL));
  CHECK(v6("1:2:3:4:5:6:7::") == make128(0x0001000200030004ULL, 0x0005000600070000ULL));
  CHECK(v6("::2:3:4:5:6:7:8") == make128(0x0000000200030004ULL, 0x0005000600070008ULL));
  CHECK(v6("::ffff:192.0.2.1") == make128(0, 0x0000ffffc0000201ULL));
  CHECK(v6("64:ff9b::10.0.0.1") == make128(0x0064ff9b00000000ULL, 0x000000000a000001ULL));
  CHECK(v6("1:2:3:4:5:6:1.2.3.4") == make128(0x0001000200030004ULL, 0x0005000601020304ULL));
  CHECK(v6("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff") == uint128_max);
}

TEST_CASE("IPv6 formatting follows RFC 5952", "[net]") {
  auto canonical = [](std::string_view text) { return Ipv6Address::parse(text).to_string(); };
  CHECK(canonical("2001:0db8:0000:0000:0000:0000:0000:0001") == "2001:db8::1");
  CHECK(canonical("2001:DB8::A:B") == "2001:db8::a:b");
  CHECK(canonical("0:0:0:0:0:0:0:0") == "::");
  CHECK(canonical("0:0:0:0:0:0:0:1") == "::1");
  CHECK(canonical("1:0:0:0:0:0:0:0") == "1::");
  // A single zero group is not compressed.
  CHECK(canonical("2001:db8:0:1:1:1:1:1") == "2001:db8:0:1:1:1:1:1");
  // The longest run wins; on a tie the first one.
  CHECK(canonical("2001:0:0:1:0:0:0:1") == "2001:0:0:1::1");
  CHECK(canonical("2001:db8:0:0:1:0:0:1") == "2001:db8::1:0:0:1");
  CHECK(canonical("1:0:0:2:3:4:0:0") == "1::2:3:4:0:0");
  // IPv4-mapped addresses end in a dotted quad.
  CHECK(canonical("::ffff:c000:0201") == "::ffff:192.0.2.1");
  CHECK(canonical("::ffff:0.0.0.0") == "::ffff:0.0.0.0");
  CHECK(canonical("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff") == "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
  CHECK(canonical("fe80::0001:0000") == "fe80::1:0");
}

TEST_CASE("IPv6 parse errors say what is wrong", "[net]") {
  CHECK_THROWS_AS(Ipv6Address::parse("1::2::3"), ParseError);
  CHECK_THROWS_WITH(Ipv6Address::parse("1::2::3"), "[moat.net] \"1::2::3\": more than one \"::\"");
  CHECK_THROWS_WITH(Ipv6Address::parse(":::"), Catch::Contains("more than one"));
  CHECK_THROWS_WITH(Ipv6Address::parse("::1::"), Catch::Contains("more than one"));
  CHECK_THROWS_WITH(Ipv6Address::parse("1:::2"), Catch::Contains("more than one"));
  CHECK_THROWS_WITH(Ipv6Address::parse("12345::"), Catch::Contains("more than 4 hex digits"));
  CHECK_THROWS_WITH(Ipv6Address::parse("g::"), Catch::Contains("unexpected 'g' at position 0"));
  CHECK_THROWS_WITH(Ipv6Address::parse("1:2:3:4:5:6:7:8:9"), Catch::Contains("more than 8 groups"));
  CHECK_THROWS_WITH(Ipv6Address::parse("1:2:3:4:5:6:7"), Catch::Contains("expected 8 groups, found 7"));
  CHECK_THROWS_WITH(Ipv6Address::parse("1:2:3:4::5:6:7:8"), Catch::Contains("too many groups"));
  CHECK_THROWS_WITH(Ipv6Address::parse(":1::"), Catch::Contains("empty group at position 0"));
  CHECK_THROWS_WITH(Ipv6Address::parse("1::2:"), Catch::Contains("trailing ':'"));
  CHECK_THROWS_WITH(Ipv6Address::parse("::1.2.3.256"), Catch::Contains("octet 256 exceeds 255"));
  CHECK_THROWS_WITH(Ipv6Address::parse("1.2.3.4::"), Catch::Contains("unexpected '.'"));
  CHECK_THROWS_WITH(Ipv6Address::parse("fe80::1%eth0"), Catch::Contains("unexpected '%'"));
  CHECK_THROWS_WITH(Ipv6Address::parse(""), Catch::Contains("empty"));
  CHECK_THROWS_WITH(Ipv6Address::parse("1:2:3:4:5:6:7:1.2.3.4"), Catch::Contains("more than 8 groups"));
  CHECK(Ipv6Address::try_parse("::g") == std::nullopt);
}

TEST_CASE("IPv6 formatting round-trips through parsing", "[net]") {
  std::mt19937_64 random(20261125);
  for (int i = 0; i < 2000; ++i) {
    uint128 value = 0;
    for (int group = 0; group < 8; ++group) {
      // Mostly zero groups, so runs of every length and position are exercised.
      const std::uint64_t pick = random() % 4;
      const std::uint64_t g = pick == 0 ? (random() & 0xffff) : pick == 1 ? 1 : 0;
      value = (value << 16) | g;
    }
    const Ipv6Address address(value);
    const std::string text = address.to_string();
    INFO(text);
    CHECK(Ipv6Address::parse(text) == address);
    CHECK(text.find(":::") == std::string::npos);
    // "::" appears exactly when some run of two or more zero groups exists.
    int run = 0;
    int longest = 0;
    for (int group = 7; group >= 0; --group) {
      run = ((value >> (16 * group)) & 0xffff) == 0 ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    const auto gap = text.find("::");
    CHECK((gap != std::string::npos) == (longest >= 2));
    if (gap != std::string::npos) CHECK(text.find("::", gap + 1) == std::string::npos);
  }
}

TEST_CASE("IpAddress picks the family from the text and orders v4 before v6", "[net]") {
  const IpAddress a = IpAddress::parse("10.0.0.1");
  const IpAddress b = IpAddress::parse("::1");
  CHECK(a.is_v4());
  CHECK(a.family() == IpFamily::v4);
  CHECK(b.family() == IpFamily::v6);
  CHECK(a < b);
  CHECK(IpAddress::parse("10.0.0.2") > a);
  CHECK(IpAddress(Ipv4Address(1)) != IpAddress(Ipv6Address(1)));
  CHECK(a.v4() == Ipv4Address(0x0a000001u));
  CHECK(b.v6() == Ipv6Address(1));
  CHECK(a.to_string() == "10.0.0.1");
  CHECK(b.to_string() == "::1");
  CHECK(IpAddress::from_value(IpFamily::v6, 1) == b);
  CHECK(IpAddress::try_parse("nonsense") == std::nullopt);
  CHECK(IpAddress::try_parse("::zz") == std::nullopt);
  CHECK_THROWS_WITH(IpAddress::parse("10.0.0.1/8"), Catch::Contains("unexpected '/'"));
  CHECK(to_string(IpFamily::v4) == "IPv4");
  CHECK(address_bits(IpFamily::v6) == 128);
  CHECK(max_address_value(IpFamily::v4) == 0xffffffffu);
}
