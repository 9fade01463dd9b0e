// Selector syntax: the kinds a `from`/`to` value can be, and its syntax errors.
#include <catch2/catch.hpp>

#include "moat/core/error.hpp"
#include "moat/intent/selector.hpp"

namespace moat::intent {

TEST_CASE("selectors are classified by their syntax", "[intent]") {
  CHECK(parse_selector("internet").kind == SelectorKind::internet);
  CHECK(parse_selector("*").kind == SelectorKind::everything);
  auto dns = parse_selector("dns:app.example.com");
  CHECK(dns.kind == SelectorKind::dns);
  CHECK(dns.value == "app.example.com");
  auto service = parse_selector("service:ecr.dkr");
  CHECK(service.kind == SelectorKind::service);
  CHECK(service.value == "ecr.dkr");
  auto cidr = parse_selector("10.0.0.0/22");
  CHECK(cidr.kind == SelectorKind::addresses);
  CHECK(cidr.addresses == net::AddressSet::of(net::Prefix::parse("10.0.0.0/22")));
  auto ip = parse_selector("10.1.1.10");
  CHECK(ip.kind == SelectorKind::addresses);
  CHECK(ip.addresses == net::AddressSet::of(net::IpAddress::parse("10.1.1.10")));
  auto address = parse_selector("module.network.aws_subnet.private[\"1a\"]");
  CHECK(address.kind == SelectorKind::name);
  CHECK(address.value == "module.network.aws_subnet.private[\"1a\"]");
  CHECK(parse_selector("onprem").kind == SelectorKind::name);
  CHECK(parse_selector("aws_ecs_service.app").kind == SelectorKind::name);
}

TEST_CASE("malformed selectors are parse errors", "[intent]") {
  CHECK_THROWS_AS(parse_selector(""), ParseError);
  CHECK_THROWS_AS(parse_selector("dns:"), ParseError);
  CHECK_THROWS_AS(parse_selector("service:"), ParseError);
  CHECK_THROWS_AS(parse_selector("10.0.0.0/33"), ParseError);
  CHECK_THROWS_AS(parse_selector("10.0.0.300"), ParseError);
  CHECK_THROWS_AS(parse_selector("fd00::/8"), ParseError);
}

}  // namespace moat::intent
