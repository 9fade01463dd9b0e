#pragma once
// ResolverRule: FORWARD (send queries for domain to target IPs through an outbound
// endpoint), SYSTEM (answer locally) or RECURSIVE (the autodefined "." rule).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"
#include "moat/net/ip_address.hpp"

namespace moat::model {

enum class ResolverRuleType : std::uint8_t { forward, system, recursive };

std::string_view to_string(ResolverRuleType type);  // "FORWARD", "SYSTEM", "RECURSIVE"

struct ResolverTarget {
  net::IpAddress ip;
  std::uint16_t port = 53;
  friend bool operator==(const ResolverTarget&, const ResolverTarget&) = default;
};

struct ResolverRule {
  using Id = ResolverRuleId;
  static constexpr ObjectKind kind = ObjectKind::resolver_rule;

  Origin origin;
  std::string name;
  std::string domain_name;  // lower case, no trailing dot; "" for "."
  ResolverRuleType type = ResolverRuleType::forward;
  std::vector<ResolverTarget> targets;
  Ref<ResolverEndpointId> resolver_endpoint;  // outbound endpoint of FORWARD rules
};

}  // namespace moat::model
