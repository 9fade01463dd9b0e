#pragma once
// NetworkInterface: an ENI. private_ips empty = state does not hold the address:
// "some address of its subnet" — never invent one.

#include <optional>
#include <string>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"
#include "moat/net/ip_address.hpp"

namespace moat::model {

struct NetworkInterface {
  using Id = NetworkInterfaceId;
  static constexpr ObjectKind kind = ObjectKind::network_interface;

  Origin origin;
  Ref<SubnetId> subnet;
  std::vector<Ref<SecurityGroupId>> security_groups;
  std::vector<net::IpAddress> private_ips;  // primary first
  std::vector<net::IpAddress> ipv6_addresses;
  std::optional<net::IpAddress> public_ip;  // association, when state holds it
  bool source_dest_check = true;
  std::string interface_type;  // "interface", "nat_gateway", "vpc_endpoint", ... may be empty
  std::string description;
  Ref<InstanceId> instance;  // attachment
};

}  // namespace moat::model
