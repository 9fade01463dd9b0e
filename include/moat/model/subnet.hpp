#pragma once
// Subnet: CIDRs, placement, public-IP defaults and its explicit associations.
// The explicit associations may be empty: Snapshot::effective_route_table and
// Snapshot::effective_network_acl fall back to the VPC main table / default NACL.

#include <optional>
#include <string>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"
#include "moat/net/prefix.hpp"

namespace moat::model {

struct Subnet {
  using Id = SubnetId;
  static constexpr ObjectKind kind = ObjectKind::subnet;

  Origin origin;
  Ref<VpcId> vpc;
  std::optional<net::Prefix> ipv4_cidr;
  std::optional<net::Prefix> ipv6_cidr;
  std::string availability_zone;     // "eu-west-1a"
  std::string availability_zone_id;  // "euw1-az1", may be empty
  bool map_public_ip_on_launch = false;
  bool assign_ipv6_address_on_creation = false;

  Ref<RouteTableId> route_table;   // explicit association; empty = VPC main table
  Origin route_table_association;  // the association resource, if any
  Ref<NetworkAclId> network_acl;   // explicit association; empty = VPC default NACL
  Origin network_acl_association;  // the NACL (subnet_ids) or aws_network_acl_association
};

}  // namespace moat::model
