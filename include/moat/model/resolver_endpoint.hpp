#pragma once
// ResolverEndpoint: Route 53 Resolver inbound (accepts queries, R6.11) or outbound
// (sends forward-rule queries, R6.7) endpoint: ENIs in subnets with SGs.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"
#include "moat/net/ip_address.hpp"

namespace moat::model {

enum class ResolverDirection : std::uint8_t { inbound, outbound };

std::string_view to_string(ResolverDirection direction);  // "INBOUND" / "OUTBOUND"

struct ResolverEndpointAddress {
  Ref<SubnetId> subnet;
  std::optional<net::IpAddress> ip;    // empty = some address of the subnet
  std::optional<net::IpAddress> ipv6;  // resolver_endpoint_type IPV6 / DUALSTACK; empty = some address
};

struct ResolverEndpoint {
  using Id = ResolverEndpointId;
  static constexpr ObjectKind kind = ObjectKind::resolver_endpoint;

  Origin origin;
  std::string name;
  ResolverDirection direction = ResolverDirection::inbound;
  Ref<VpcId> vpc;  // host_vpc_id
  std::vector<Ref<SecurityGroupId>> security_groups;
  std::vector<ResolverEndpointAddress> addresses;
  bool ipv6 = false;  // resolver_endpoint_type IPV6 or DUALSTACK: the ENIs have IPv6 addresses
};

}  // namespace moat::model
