#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "moat/core/error.hpp"
#include "moat/net/prefix.hpp"

using namespace moat;
using namespace moat::net;

TEST_CASE("prefixes parse to their network and format as CIDR", "[net]") {
  const Prefix p = Prefix::parse("10.0.0.0/16");
  CHECK(p.family() == IpFamily::v4);
  CHECK(p.length() == 16);
  CHECK(p.network() == IpAddress::parse("10.0.0.0"));
  CHECK(p.first() == IpAddress::parse("10.0.0.0"));
  CHECK(p.last() == IpAddress::parse("10.0.255.255"));
  CHECK(p.to_string() == "10.0.0.0/16");
  CHECK(Prefix::parse("2001:DB8::/32").to_string() == "2001:db8::/32");
  CHECK(Prefix::parse("2001:db8::/32").last() == IpAddress::parse("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"));
}

TEST_CASE("a prefix with host bits set parses to its network and says so", "[net]") {
  const ParsedPrefix parsed = parse_prefix("10.0.1.0/22");
  CHECK(parsed.host_bits_set);
  CHECK(parsed.prefix.to_string() == "10.0.0.0/22");
  CHECK_FALSE(parse_prefix("10.0.0.0/22").host_bits_set);
  CHECK(parse_prefix("2001:db8::1/64").host_bits_set);
  CHECK(parse_prefix("2001:db8::1/64").prefix.to_string() == "2001:db8::/64");
  CHECK(Prefix::parse("10.0.1.0/22") == Prefix::parse("10.0.0.0/22"));
  CHECK(Prefix(IpAddress::parse("192.168.7.9"), 20).to_string() == "192.168.0.0/20");
}

TEST_CASE("the extreme prefix lengths cover everything or one address", "[net]") {
  const Prefix all4 = Prefix::parse("0.0.0.0/0");
  CHECK(all4 == Prefix::all(IpFamily::v4));
  CHECK(all4.last() == IpAddress::parse("255.255.255.255"));
  CHECK(all4.contains(IpAddress::parse("255.255.255.255")));
  CHECK(parse_prefix("1.2.3.4/0").host_bits_set);
  const Prefix all6 = Prefix::parse("::/0");
  CHECK(all6 == Prefix::all(IpFamily::v6));
  CHECK(all6.last().value() == uint128_max);
  const Prefix host4 = Prefix::parse("255.255.255.255/32");
  CHECK(host4.first() == host4.last());
  CHECK(host4.contains(IpAddress::parse("255.255.255.255")));
  CHECK_FALSE(host4.contains(IpAddress::parse("255.255.255.254")));
  const Prefix host6 = Prefix::parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128");
  CHECK(host6.first().value() == uint128_max);
  CHECK(host6.last().value() == uint128_max);
  CHECK(host6.to_string() == "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128");
}

TEST_CASE("prefix parse errors name the problem", "[net]") {
  CHECK_THROWS_AS(Prefix::parse("10.0.1.0/33"), ParseError);
  CHECK_THROWS_WITH(Prefix::parse("10.0.1.0/33"), "[moat.net] \"10.0.1.0/33\": prefix length 33 exceeds 32");
  CHECK_THROWS_WITH(Prefix::parse("::/129"), "[moat.net] \"::/129\": prefix length 129 exceeds 128");
  CHECK_THROWS_WITH(Prefix::parse("10.0.0.0"), Catch::Contains("missing \"/length\""));
  CHECK_THROWS_WITH(Prefix::parse("10.0.0.0/"), Catch::Contains("missing prefix length"));
  CHECK_THROWS_WITH(Prefix::parse("10.0.0.0/x"), Catch::Contains("is not a number"));
  CHECK_THROWS_WITH(Prefix::parse("10.0.0.0/8 "), Catch::Contains("is not a number"));
  CHECK_THROWS_WITH(Prefix::parse("10.0.0.0/08"), Catch::Contains("leading zero"));
  CHECK_THROWS_WITH(Prefix::parse("10.0.0.0/1234"), Catch::Contains("too long"));
  CHECK_THROWS_WITH(Prefix::parse("10.0.0.0/8/8"), Catch::Contains("is not a number"));
  CHECK_THROWS_WITH(Prefix::parse("10.0.300.0/24"), "[moat.net] \"10.0.300.0/24\": bad address: octet 300 exceeds 255");
  CHECK_THROWS_WITH(Prefix::parse(" 10.0.0.0/8"), Catch::Contains("bad address"));
  CHECK_THROWS_WITH(Prefix::parse("garbage"), Catch::Contains("missing \"/length\""));
  CHECK_THROWS_WITH(Prefix::parse("x/8"), Catch::Contains("bad address: unexpected 'x'"));
  CHECK_THROWS_WITH(Prefix::parse(""), Catch::Contains("empty CIDR"));
  CHECK_THROWS_WITH(parse_prefix("2001:db8::g/32"), Catch::Contains("bad address"));
  CHECK(Prefix::try_parse("10.0.0.0/33") == std::nullopt);
  CHECK(Prefix::try_parse("10.0.0.0/8") == Prefix::parse("10.0.0.0/8"));
}

TEST_CASE("prefix containment respects family and specificity", "[net]") {
  const Prefix p16 = Prefix::parse("10.1.0.0/16");
  CHECK(p16.contains(IpAddress::parse("10.1.255.255")));
  CHECK_FALSE(p16.contains(IpAddress::parse("10.2.0.0")));
  CHECK_FALSE(p16.contains(IpAddress::parse("::a01:0")));
  CHECK(p16.contains(Prefix::parse("10.1.2.0/24")));
  CHECK(p16.contains(p16));
  CHECK_FALSE(p16.contains(Prefix::parse("10.0.0.0/8")));
  CHECK_FALSE(Prefix::parse("::/0").contains(p16));
  CHECK(Prefix::parse("::/0").contains(IpAddress::parse("::1")));
}

TEST_CASE("prefixes order by family, then network, then shorter first", "[net]") {
  std::vector<Prefix> prefixes{Prefix::parse("::/0"), Prefix::parse("10.0.0.0/16"), Prefix::parse("10.0.0.0/8"),
                               Prefix::parse("9.0.0.0/8"), Prefix::parse("0.0.0.0/0")};
  std::sort(prefixes.begin(), prefixes.end());
  std::vector<std::string> texts;
  for (const auto& p : prefixes) texts.push_back(p.to_string());
  CHECK(texts == std::vector<std::string>{"0.0.0.0/0", "9.0.0.0/8", "10.0.0.0/8", "10.0.0.0/16", "::/0"});
}
