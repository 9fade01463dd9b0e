// fwd_estate: the in-memory estate of bench_fwd (issue 4) and what it holds, counted.
//
// One transit gateway; `vpcs` VPCs (10.0.0.0/8 cut into /18s), each with `subnets_per_vpc`
// /22 subnets (one ECS service each, so one source each), one route table holding the
// implicit local route, 0.0.0.0/0 -> TGW and `tgw_routes_per_table - 1` on-prem /24s
// -> TGW, an allow-all default network ACL and an egress-all security group. One TGW
// route table associates and propagates every VPC attachment and has no default route,
// so no internet path exists and every source is traversed to its end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "moat/core/assert.hpp"
#include "moat/model/snapshot.hpp"
#include "moat/net/prefix.hpp"

namespace moat::bench {

struct FwdEstateSize {
  std::uint32_t vpcs = 1000;
  std::uint32_t subnets_per_vpc = 10;
  std::uint32_t tgw_routes_per_table = 100;  // 0.0.0.0/0 plus 99 on-prem /24s, at most 256
};

// What a generated snapshot holds, counted from the snapshot (not from the size asked for).
struct FwdEstateCounts {
  std::size_t vpcs = 0;
  std::size_t subnets = 0;
  std::size_t sources = 0;     // ECS services
  std::size_t routes = 0;      // every entry of every VPC route table, implicit local routes included
  std::size_t tgw_routes = 0;  // of which routes to a transit gateway
};

namespace detail {

inline net::Prefix v4_prefix(std::uint32_t network, int length) {
  return net::Prefix(net::IpAddress(net::Ipv4Address(network)), length);
}

inline model::Origin made(const std::string& type, const std::string& name, const std::string& id) {
  return {type + "." + name, "generated", id};
}

}  // namespace detail

inline model::Snapshot generate_fwd_estate(const FwdEstateSize& size = {}) {
  using detail::made;
  using detail::v4_prefix;
  MOAT_ASSERT(size.vpcs <= 1024 && size.subnets_per_vpc <= 16 && size.tgw_routes_per_table <= 256,
              "the address plan holds 1,024 /18 VPCs of 16 /22 subnets and 256 on-prem /24s");
  const std::uint32_t vpcs = size.vpcs;
  const std::uint32_t subnets_per_vpc = size.subnets_per_vpc;
  const std::uint32_t routes_per_table = size.tgw_routes_per_table;
  model::Snapshot s;
  model::TransitGateway hub;
  hub.origin = made("aws_ec2_transit_gateway", "hub", "tgw-hub");
  auto tgw = s.add(std::move(hub));
  model::TransitGatewayRouteTable tgw_table;
  tgw_table.origin = made("aws_ec2_transit_gateway_route_table", "hub", "tgw-rtb-hub");
  tgw_table.transit_gateway = {"tgw-hub", tgw};
  std::vector<model::TransitGatewayRouteTableLink> links;
  for (std::uint32_t v = 0; v < vpcs; ++v) {
    const std::string n = std::to_string(v);
    const std::uint32_t base = (10u << 24) | (v << 14);  // 10.0.0.0/8 cut into /18s
    model::Vpc vpc;
    vpc.origin = made("aws_vpc", "v" + n, "vpc-" + n);
    vpc.ipv4_cidrs = {v4_prefix(base, 18)};
    auto vpc_id = s.add(std::move(vpc));

    model::RouteTable table;
    table.origin = made("aws_route_table", "v" + n, "rtb-" + n);
    table.vpc = {"vpc-" + n, vpc_id};
    model::Route local;
    local.destination.prefix = v4_prefix(base, 18);
    local.target = {model::RouteTargetKind::local, "local", std::monostate{}};
    local.source = model::RouteSource::implicit_local;
    table.routes.push_back(local);
    model::Route to_tgw;
    to_tgw.target = {model::RouteTargetKind::transit_gateway, "tgw-hub", tgw};
    to_tgw.origin = made("aws_route", "v" + n + "_default", "");
    to_tgw.destination.prefix = v4_prefix(0, 0);
    table.routes.push_back(to_tgw);
    for (std::uint32_t r = 1; r < routes_per_table; ++r) {
      to_tgw.destination.prefix = v4_prefix((172u << 24) | (16u << 16) | (r << 8), 24);  // on-prem ranges
      table.routes.push_back(to_tgw);
    }
    auto table_id = s.add(std::move(table));
    s.get(vpc_id).main_route_table = {"rtb-" + n, table_id};

    model::NetworkAcl acl;
    acl.origin = made("aws_default_network_acl", "v" + n, "acl-" + n);
    acl.vpc = {"vpc-" + n, vpc_id};
    for (bool egress : {false, true}) {
      acl.entries.push_back({100, egress, model::NetworkAclAction::allow, net::ProtocolSet::all(), net::PortSet::all(),
                             v4_prefix(0, 0), acl.origin});
    }
    auto acl_id = s.add(std::move(acl));
    s.get(vpc_id).default_network_acl = {"acl-" + n, acl_id};

    model::SecurityGroup sg;
    sg.origin = made("aws_security_group", "v" + n, "sg-" + n);
    sg.vpc = {"vpc-" + n, vpc_id};
    model::SecurityGroupRule out;
    out.direction = model::RuleDirection::egress;
    out.protocols = net::ProtocolSet::all();
    out.ports = net::PortSet::all();
    out.peer.prefix = v4_prefix(0, 0);
    sg.rules.push_back(out);
    auto sg_id = s.add(std::move(sg));

    model::TransitGatewayAttachment attachment;
    attachment.origin = made("aws_ec2_transit_gateway_vpc_attachment", "v" + n, "tgw-attach-" + n);
    attachment.attachment_kind = model::TransitGatewayAttachmentKind::vpc;
    attachment.transit_gateway = {"tgw-hub", tgw};
    attachment.vpc = {"vpc-" + n, vpc_id};
    for (std::uint32_t k = 0; k < subnets_per_vpc; ++k) {
      const std::string sn = n + "-" + std::to_string(k);
      model::Subnet subnet;
      subnet.origin = made("aws_subnet", "s" + sn, "subnet-" + sn);
      subnet.vpc = {"vpc-" + n, vpc_id};
      subnet.ipv4_cidr = v4_prefix(base | (k << 10), 22);
      subnet.availability_zone = k % 2 ? "eu-west-1b" : "eu-west-1a";
      auto subnet_id = s.add(std::move(subnet));
      if (k < 2) attachment.subnets.push_back({"subnet-" + sn, subnet_id});
      model::EcsService service;
      service.origin = made("aws_ecs_service", "s" + sn, "svc-" + sn);
      service.subnets = {{"subnet-" + sn, subnet_id}};
      service.security_groups = {{"sg-" + n, sg_id}};
      s.add(std::move(service));
    }
    auto attachment_id = s.add(std::move(attachment));
    links.push_back({{"tgw-attach-" + n, attachment_id}, true, {}});
  }
  tgw_table.associations = links;
  tgw_table.propagations = links;
  s.add(std::move(tgw_table));
  return s;
}

inline FwdEstateCounts count_fwd_estate(const model::Snapshot& snapshot) {
  FwdEstateCounts counts;
  counts.vpcs = snapshot.vpcs.size();
  counts.subnets = snapshot.subnets.size();
  counts.sources = snapshot.ecs_services.size();
  for (const auto& table : snapshot.route_tables) {
    counts.routes += table.routes.size();
    for (const auto& route : table.routes) {
      counts.tgw_routes += route.target.kind == model::RouteTargetKind::transit_gateway ? 1 : 0;
    }
  }
  return counts;
}

}  // namespace moat::bench
