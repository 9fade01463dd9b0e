#pragma once
// VpcEndpoint: Interface endpoints are ENIs in subnets with SGs (empty = the VPC
// default SG, R3.2) and optional private DNS (R6.10); Gateway endpoints add prefix-list
// routes to route_tables (R2.16); GatewayLoadBalancer endpoints are route targets.
// ENI addresses are usually not in state: "some address of each subnet".

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"
#include "moat/net/ip_address.hpp"
#include "moat/net/prefix.hpp"

namespace moat::model {

enum class VpcEndpointType : std::uint8_t { interface, gateway, gateway_load_balancer, unknown };

std::string_view to_string(VpcEndpointType type);  // "Interface", "Gateway", ...

struct VpcEndpointDnsEntry {
  std::string dns_name;
  std::string hosted_zone_id;
  friend bool operator==(const VpcEndpointDnsEntry&, const VpcEndpointDnsEntry&) = default;
};

// An interface endpoint ENI address, when state holds it (subnet_configuration, provider v5).
struct VpcEndpointSubnetAddress {
  Ref<SubnetId> subnet;
  std::optional<net::IpAddress> ipv4;
  std::optional<net::IpAddress> ipv6;
};

struct VpcEndpoint {
  using Id = VpcEndpointId;
  static constexpr ObjectKind kind = ObjectKind::vpc_endpoint;

  Origin origin;
  Ref<VpcId> vpc;
  VpcEndpointType type = VpcEndpointType::unknown;
  std::string service_name;  // "com.amazonaws.eu-west-1.ecr.dkr"
  std::vector<Ref<SubnetId>> subnets;
  std::vector<Ref<SecurityGroupId>> security_groups;
  std::vector<Ref<NetworkInterfaceId>> network_interfaces;
  std::vector<VpcEndpointSubnetAddress> subnet_addresses;  // empty = "some address of each subnet"
  bool private_dns_enabled = false;
  bool ipv6 = false;  // interface endpoints: ip_address_type "dualstack" or "ipv6" (the ENIs have IPv6)
  std::vector<Ref<RouteTableId>> route_tables;  // gateway endpoints
  std::string prefix_list_id;                   // gateway endpoints: the service's pl-…
  std::vector<net::Prefix> cidr_blocks;         // gateway endpoints, when state holds them
  std::string policy;                           // the policy document, raw JSON text
  std::vector<VpcEndpointDnsEntry> dns_entries;
};

}  // namespace moat::model
