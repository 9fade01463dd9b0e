#pragma once
// CustomerGateway: the on-premises end of a Site-to-Site VPN.

#include <cstdint>
#include <optional>
#include <string>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/net/ip_address.hpp"

namespace moat::model {

struct CustomerGateway {
  using Id = CustomerGatewayId;
  static constexpr ObjectKind kind = ObjectKind::customer_gateway;

  Origin origin;
  std::optional<net::IpAddress> ip_address;
  std::optional<std::uint32_t> bgp_asn;
  std::string type;  // "ipsec.1"
};

}  // namespace moat::model
