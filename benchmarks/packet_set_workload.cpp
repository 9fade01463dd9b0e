#include "packet_set_workload.hpp"

#include <algorithm>
#include <random>
#include <set>
#include <vector>

namespace moat::bench {
namespace {

constexpr std::uint32_t universe = 0x0a000000;  // 10.0.0.0/10
constexpr int universe_length = 10;

std::vector<net::Prefix> disjoint_prefixes(std::size_t count, std::mt19937_64& rng) {
  std::uniform_int_distribution<int> length(18, 28);
  std::uniform_int_distribution<std::uint32_t> offset(0, (1u << (32 - universe_length)) - 1);
  std::vector<net::Prefix> chosen;
  while (chosen.size() < count) {
    const net::Prefix candidate(net::Ipv4Address(universe | offset(rng)), length(rng));
    const bool overlaps = std::any_of(chosen.begin(), chosen.end(), [&](const net::Prefix& p) {
      return p.contains(candidate) || candidate.contains(p);
    });
    if (!overlaps) chosen.push_back(candidate);
  }
  return chosen;
}

std::vector<net::PortRange> disjoint_port_ranges(std::size_t count, std::mt19937_64& rng) {
  std::uniform_int_distribution<std::uint32_t> port(0, 65535);
  std::set<std::uint32_t> cuts;
  while (cuts.size() < 2 * count) cuts.insert(port(rng));
  std::vector<net::PortRange> ranges;
  for (auto it = cuts.begin(); it != cuts.end(); std::advance(it, 2)) {
    ranges.push_back({static_cast<std::uint16_t>(*it), static_cast<std::uint16_t>(*std::next(it))});
  }
  return ranges;
}

}  // namespace

net::PacketSet random_packet_set(std::size_t destinations, std::size_t port_ranges, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> protocol_choice(0, 2);
  const auto v4 = net::IpFamily::v4;

  net::PacketSet by_destination;
  for (const auto& prefix : disjoint_prefixes(destinations, rng)) {
    net::HeaderBox box = net::HeaderBox::all(v4);
    box.destination = net::AddressSet::of(prefix);
    switch (protocol_choice(rng)) {
      case 0: box.protocols = net::ProtocolSet::of(net::protocol::tcp); break;
      case 1: box.protocols = net::ProtocolSet::of(net::protocol::udp); break;
      default:
        box.protocols = net::ProtocolSet::of(net::protocol::tcp) | net::ProtocolSet::of(net::protocol::udp);
    }
    by_destination = by_destination | net::PacketSet::of(box);
  }

  net::PacketSet by_port;
  for (const auto& range : disjoint_port_ranges(port_ranges, rng)) {
    net::HeaderBox box = net::HeaderBox::all(v4);
    box.ports = net::PortSet::range(range.first, range.last);
    by_port = by_port | net::PacketSet::of(box);
  }
  return by_destination & by_port;
}

}  // namespace moat::bench
