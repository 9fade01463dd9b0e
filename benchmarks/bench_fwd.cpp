// bench_fwd: "is any source isolated from the internet?" over a generated in-memory
// estate behind one transit gateway: 1,000 VPCs, 10,000 subnets (one ECS service each),
// 100,000 VPC routes (0.0.0.0/0 and 99 on-prem /24s per VPC table, all -> TGW), one TGW
// route table with every VPC attachment associated and propagated and no default route
// (so no internet path exists and every source is traversed to its end).
//
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DMOAT_BUILD_BENCHMARKS=ON
//   cmake --build build-bench --target bench_fwd && build-bench/benchmarks/bench_fwd

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <string>

#include "moat/fwd/network.hpp"

namespace {

using namespace moat;

net::Prefix v4_prefix(std::uint32_t network, int length) {
  return net::Prefix(net::IpAddress(net::Ipv4Address(network)), length);
}

model::Origin made(const std::string& type, const std::string& name, const std::string& id) {
  return {type + "." + name, "generated", id};
}

model::Snapshot generate_estate(std::uint32_t vpcs, std::uint32_t subnets_per_vpc, std::uint32_t routes_per_table) {
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

const model::Snapshot& estate() {
  static const model::Snapshot snapshot = generate_estate(1000, 10, 100);
  return snapshot;
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void BM_BuildNetwork(benchmark::State& state) {
  const auto& snapshot = estate();
  for (auto _ : state) {
    fwd::Network network(snapshot);
    benchmark::DoNotOptimize(network.graph().node_count());
  }
  state.counters["peak_rss_MiB"] = peak_rss_mib();
}
BENCHMARK(BM_BuildNetwork)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_AnySourceReachesInternet(benchmark::State& state) {
  const auto& snapshot = estate();
  fwd::Network network(snapshot);
  std::vector<fwd::Endpoint> sources;
  for (std::uint32_t i = 0; i < snapshot.ecs_services.size(); ++i) {
    sources.push_back(fwd::Endpoint::of({model::ObjectKind::ecs_service, i}));
  }
  bool isolated = false;
  for (auto _ : state) {
    auto verdict = network.isolated(sources, {fwd::Endpoint::internet()});
    isolated = verdict.holds();
    benchmark::DoNotOptimize(verdict);
  }
  state.counters["sources"] = static_cast<double>(sources.size());
  state.counters["routes"] = 100000;
  state.counters["isolated"] = isolated ? 1 : 0;
  state.counters["peak_rss_MiB"] = peak_rss_mib();
}
BENCHMARK(BM_AnySourceReachesInternet)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
