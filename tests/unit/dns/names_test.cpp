// Name helpers, the service DNS-name table and the outcome codes.

#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "moat/dns/domain_name.hpp"
#include "moat/dns/outcome.hpp"
#include "moat/dns/service_dns_names.hpp"

namespace moat::dns {
namespace {

TEST_CASE("names compare in lower case without the trailing dot", "[dns]") {
  CHECK(canonical_name("App.Example.COM.") == "app.example.com");
  CHECK(canonical_name(".").empty());
  CHECK(in_domain("a.example.com", "example.com"));
  CHECK(in_domain("example.com", "example.com"));
  CHECK_FALSE(in_domain("badexample.com", "example.com"));
  CHECK(in_domain("anything", ""));
  CHECK(label_count("") == 0);
  CHECK(label_count("a.b.c") == 3);
  CHECK(parent_name("a.b.c") == "b.c");
  CHECK(parent_name("c").empty());
}

TEST_CASE("endpoint services map to their private DNS names", "[dns]") {
  using Names = std::vector<std::string>;
  CHECK(private_dns_names("com.amazonaws.eu-west-1.ecr.dkr") ==
        Names{"dkr.ecr.eu-west-1.amazonaws.com", "*.dkr.ecr.eu-west-1.amazonaws.com"});
  CHECK(private_dns_names("com.amazonaws.eu-west-1.ecr.api") == Names{"api.ecr.eu-west-1.amazonaws.com"});
  CHECK(private_dns_names("com.amazonaws.eu-west-1.logs") == Names{"logs.eu-west-1.amazonaws.com"});
  CHECK(private_dns_names("com.amazonaws.us-gov-west-1.ssm") == Names{"ssm.us-gov-west-1.amazonaws.com"});
  CHECK(private_dns_names("com.amazonaws.vpce.eu-west-1.vpce-svc-0123").empty());
  CHECK(private_dns_names("com.amazonaws.eu-west-1.unknown.dotted").empty());
}

TEST_CASE("public AWS names map back to their endpoint service", "[dns]") {
  CHECK(service_for_dns_name("api.ecr.eu-west-1.amazonaws.com") == "com.amazonaws.eu-west-1.ecr.api");
  CHECK(service_for_dns_name("123.dkr.ecr.eu-west-1.amazonaws.com.") == "com.amazonaws.eu-west-1.ecr.dkr");
  CHECK(service_for_dns_name("my-bucket.s3.eu-west-1.amazonaws.com") == "com.amazonaws.eu-west-1.s3");
  CHECK(service_for_dns_name("logs.eu-west-1.amazonaws.com") == "com.amazonaws.eu-west-1.logs");
  CHECK_FALSE(service_for_dns_name("example.com"));
  CHECK_FALSE(service_for_dns_name("internal-app.eu-west-1.elb.amazonaws.com.cn"));
}

TEST_CASE("every outcome code has a distinct stable name and a meaning", "[dns]") {
  std::set<std::string> names;
  for (int i = 0; i <= static_cast<int>(Outcome::unsupported_query_type); ++i) {
    auto outcome = static_cast<Outcome>(i);
    CHECK_FALSE(meaning(outcome).empty());
    names.insert(std::string(to_string(outcome)));
  }
  CHECK(names.size() == static_cast<std::size_t>(Outcome::unsupported_query_type) + 1);
  CHECK(to_string(Outcome::nxdomain_in_private_zone) == "NXDOMAIN_IN_PRIVATE_ZONE");
  CHECK(is_answer(Outcome::resolves_to_public));
  CHECK_FALSE(is_answer(Outcome::cname_loop));
}

}  // namespace
}  // namespace moat::dns
