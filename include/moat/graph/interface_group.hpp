#pragma once
// InterfaceGroup: the ENIs of one owner in one subnet, treated as one forwarding point —
// an ECS service's tasks, a load balancer's nodes, an interface endpoint's ENIs, a
// resolver endpoint address, an instance, a standalone ENI, a NAT gateway.
// Addresses come from state where it has them (an interface endpoint's ENIs, else its
// subnet_configuration; an instance's or ENI's private IPs; a NAT gateway's; LB subnet
// mappings). When state lacks them the group ranges over its subnet's CIDR ("some address
// of its subnet") and addresses_known is false. The same holds per family: a group with
// IPv6 (listed addresses, or an owner that takes them from a dual-stack subnet) ranges
// over the subnet's IPv6 CIDR when state lacks them; a group without IPv6 has none.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/net/address_set.hpp"

namespace moat::graph {

enum class InterfaceRole : std::uint8_t {
  ecs_service,
  load_balancer,
  interface_endpoint,
  resolver_endpoint,
  instance,
  network_interface,
  nat_gateway,
};

std::string_view to_string(InterfaceRole role);

struct InterfaceGroup {
  InterfaceRole role = InterfaceRole::network_interface;
  model::ObjectRef object;  // the owner (EcsService, LoadBalancer, VpcEndpoint, ...)
  model::SubnetId subnet{};
  model::VpcId vpc{};
  std::string name;         // "aws_ecs_service.api in subnet-0abc"
  model::Origin origin;     // the owner's origin
  net::AddressSet addresses{net::IpFamily::v4};  // private IPv4 addresses
  bool addresses_known = false;
  // IPv6 addresses (globally routable, no public mapping needed, R2.4); empty = no IPv6.
  net::AddressSet ipv6_addresses{net::IpFamily::v6};
  bool ipv6_addresses_known = false;
  // Non-empty: the group has IPv6 addresses only if this holds, which state cannot tell
  // (an ECS account setting, an instance state lists no IPv6 for) — paths over them are
  // possible, never proven (R0.1).
  std::string ipv6_assumption;
  // Private addresses of the group that carry a public IPv4 (EIP, auto-assigned, NAT EIP).
  net::AddressSet public_mapped{net::IpFamily::v4};
  std::vector<model::SecurityGroupId> security_groups;  // empty for NAT gateways (no SG)
  bool forwards = false;  // source/destination check disabled: may route others' packets
};

}  // namespace moat::graph
