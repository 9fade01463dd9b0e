#pragma once
// ElasticIp: a public IPv4 address and what it is associated with (instance, ENI or,
// through its allocation, a NAT gateway). The AWS id is the allocation id "eipalloc-…".
// The domain says whether the address is for use in a VPC or was an EC2-Classic one
// ("standard"), which AWS retired in 2023: such an address can reach no VPC interface.

#include <cstdint>
#include <optional>
#include <string>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"
#include "moat/net/ip_address.hpp"

namespace moat::model {

enum class ElasticIpDomain : std::uint8_t { vpc, standard };

struct ElasticIp {
  using Id = ElasticIpId;
  static constexpr ObjectKind kind = ObjectKind::elastic_ip;

  Origin origin;
  ElasticIpDomain domain = ElasticIpDomain::vpc;
  std::optional<net::IpAddress> public_ip;
  std::optional<net::IpAddress> private_ip;  // the associated private address, if any
  Ref<InstanceId> instance;
  Ref<NetworkInterfaceId> network_interface;
  Ref<NatGatewayId> nat_gateway;  // set when a NAT gateway uses this allocation
  Origin association;             // aws_eip_association, when separate
};

}  // namespace moat::model
