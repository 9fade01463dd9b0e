#pragma once
// Instance: an EC2 instance's primary network facts.

#include <optional>
#include <string>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"
#include "moat/net/ip_address.hpp"

namespace moat::model {

struct Instance {
  using Id = InstanceId;
  static constexpr ObjectKind kind = ObjectKind::instance;

  Origin origin;
  Ref<SubnetId> subnet;
  std::vector<Ref<SecurityGroupId>> security_groups;  // vpc_security_group_ids
  std::optional<net::IpAddress> private_ip;
  std::optional<net::IpAddress> public_ip;
  std::vector<net::IpAddress> ipv6_addresses;
  bool associate_public_ip_address = false;
  bool source_dest_check = true;
  Ref<NetworkInterfaceId> primary_network_interface;
  std::string availability_zone;
  std::string state;  // "running", "stopped", ... empty when unknown
};

}  // namespace moat::model
