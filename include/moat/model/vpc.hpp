#pragma once
// Vpc: address space, DNS attributes and the VPC's default objects.

#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"
#include "moat/net/prefix.hpp"

namespace moat::model {

struct Vpc {
  using Id = VpcId;
  static constexpr ObjectKind kind = ObjectKind::vpc;

  Origin origin;
  std::vector<net::Prefix> ipv4_cidrs;  // primary first, then secondary associations
  std::vector<net::Prefix> ipv6_cidrs;
  bool enable_dns_support = true;     // AWS and Terraform default
  bool enable_dns_hostnames = false;  // Terraform default (default VPCs: true)
  bool is_default = false;            // aws_default_vpc / data.aws_vpc.default
  Ref<RouteTableId> main_route_table;
  Ref<SecurityGroupId> default_security_group;
  Ref<NetworkAclId> default_network_acl;
  Origin main_route_table_association;  // aws_main_route_table_association, if any
};

}  // namespace moat::model
