#include "packet_set_workload.hpp"

#include <algorithm>
#include <random>
#include <set>
#include <stdexcept>
#include <vector>

namespace moat::bench {
namespace {

constexpr std::uint32_t source_space = 0x0a000000;       // 10.0.0.0/10
constexpr std::uint32_t destination_space = 0x0a400000;  // 10.64.0.0/10
constexpr int space_length = 10;

std::vector<net::Prefix> disjoint_prefixes(std::uint32_t space, std::size_t count, int min_length, int max_length,
                                           std::mt19937_64& rng) {
  std::uniform_int_distribution<int> length(min_length, max_length);
  std::uniform_int_distribution<std::uint32_t> offset(0, (1u << (32 - space_length)) - 1);
  std::vector<net::Prefix> chosen;
  for (std::size_t attempt = 0; chosen.size() < count; ++attempt) {
    if (attempt > 1000 * count) throw std::runtime_error("[moat.bench] cannot place that many disjoint prefixes");
    const net::Prefix candidate(net::Ipv4Address(space | offset(rng)), length(rng));
    const bool overlaps = std::any_of(chosen.begin(), chosen.end(), [&](const net::Prefix& p) {
      return p.contains(candidate) || candidate.contains(p);
    });
    if (!overlaps) chosen.push_back(candidate);
  }
  return chosen;
}

// count distinct values in [low, high], in random order.
std::vector<std::uint16_t> distinct_ports(std::size_t count, std::uint16_t low, std::uint16_t high,
                                          std::mt19937_64& rng) {
  std::uniform_int_distribution<int> port(low, high);
  std::set<int> seen;
  std::vector<std::uint16_t> ports;
  while (ports.size() < count) {
    const int p = port(rng);
    if (seen.insert(p).second) ports.push_back(static_cast<std::uint16_t>(p));
  }
  return ports;
}

net::PacketSet union_of(const std::vector<net::HeaderBox>& boxes) {
  net::PacketSet set;
  for (const auto& box : boxes) set = set | net::PacketSet::of(box);
  return set;
}

}  // namespace

net::PacketSet random_packet_set(const PacketSetShape& shape, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const auto v4 = net::IpFamily::v4;

  std::vector<net::HeaderBox> rows;
  const auto sources = disjoint_prefixes(source_space, shape.rows, shape.min_length, shape.max_length, rng);
  const auto firsts = distinct_ports(shape.rows, 0, 29999, rng);
  for (std::size_t i = 0; i < shape.rows; ++i) {
    net::HeaderBox box = net::HeaderBox::all(v4);
    box.source = net::AddressSet::of(sources[i]);
    box.ports = net::PortSet::range(firsts[i], 65535);
    rows.push_back(std::move(box));
  }

  std::vector<net::HeaderBox> columns;
  const auto destinations =
      disjoint_prefixes(destination_space, shape.columns, shape.min_length, shape.max_length, rng);
  const auto lasts = distinct_ports(shape.columns, 35000, 65535, rng);
  std::uniform_int_distribution<int> protocol_choice(0, 2);
  const auto tcp = net::ProtocolSet::of(net::protocol::tcp);
  const auto udp = net::ProtocolSet::of(net::protocol::udp);
  for (std::size_t j = 0; j < shape.columns; ++j) {
    net::HeaderBox box = net::HeaderBox::all(v4);
    box.destination = net::AddressSet::of(destinations[j]);
    const int choice = protocol_choice(rng);
    box.protocols = choice == 0 ? tcp : choice == 1 ? udp : (tcp | udp);
    box.ports = net::PortSet::range(0, lasts[j]);
    columns.push_back(std::move(box));
  }
  return union_of(rows) & union_of(columns);
}

}  // namespace moat::bench
