#pragma once
// NatGateway: public (translates to its EIP, R2.8) or private (to its private IP, R2.9).

#include <cstdint>
#include <optional>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"
#include "moat/net/ip_address.hpp"

namespace moat::model {

enum class NatConnectivity : std::uint8_t { public_connectivity, private_connectivity };

struct NatGateway {
  using Id = NatGatewayId;
  static constexpr ObjectKind kind = ObjectKind::nat_gateway;

  Origin origin;
  NatConnectivity connectivity = NatConnectivity::public_connectivity;
  Ref<SubnetId> subnet;
  Ref<ElasticIpId> allocation;             // the EIP (allocation_id "eipalloc-…")
  std::optional<net::IpAddress> private_ip;  // when state holds it
  std::optional<net::IpAddress> public_ip;
  Ref<NetworkInterfaceId> network_interface;
};

}  // namespace moat::model
