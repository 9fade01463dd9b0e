#pragma once
// The default DNS names of AWS services, which interface endpoints with private DNS
// take over inside their VPC (R6.10) and which otherwise resolve publicly (R2.15).
// The per-service facts live in lib/dns/service_dns_names.cpp (with their sources).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace moat::dns {

// The names private DNS serves for an endpoint service, "*." prefixed for wildcards:
// "com.amazonaws.eu-west-1.ecr.dkr" -> {"dkr.ecr.eu-west-1.amazonaws.com",
// "*.dkr.ecr.eu-west-1.amazonaws.com"}. Empty for names that are not
// "com.amazonaws.<region>.<service>".
std::vector<std::string> private_dns_names(std::string_view service_name);

// The endpoint service a public AWS name belongs to:
// "api.ecr.eu-west-1.amazonaws.com" -> "com.amazonaws.eu-west-1.ecr.api".
std::optional<std::string> service_for_dns_name(std::string_view name);

// Whether moat knows `service` ("ecr.dkr", "logs", "s3", ...) as an AWS service short
// name — the ones whose DNS names the facts in service_dns_names.cpp are sourced for.
// Other names still resolve by the general rule; callers warn, since a misspelt name
// ("secretsmanger") would resolve to a public name nobody serves.
bool is_known_service(std::string_view service);

}  // namespace moat::dns
