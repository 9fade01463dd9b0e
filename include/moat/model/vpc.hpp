#pragma once
// Vpc: address space, DNS attributes and the VPC's default objects.

#include <optional>
#include <string>
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
  // DHCP options (R6.2): the DNS servers instances are told to use. nullopt = the DHCP
  // options set is not in the loaded state; {"AmazonProvidedDNS"} is the AWS default.
  std::string dhcp_options_id;
  std::optional<std::vector<std::string>> domain_name_servers;
};

}  // namespace moat::model
