#pragma once
// Seeded PacketSets for the PacketSet benchmarks, shaped like what forwarding and
// security rules produce: destination prefixes x protocols x port ranges.
//
// random_packet_set(d, p, seed) is the intersection of
//   A: d disjoint destination boxes — random prefixes of length 18..28 inside
//      10.0.0.0/10, each with protocol tcp, udp or both, any port, any source;
//   B: p port boxes — disjoint random port ranges, any protocol, destination and source,
// so it holds d x p pairwise-disjoint boxes (one per destination/port-range pair)
// whatever the PacketSet implementation's cost of building A and B (d and p stay small).

#include <cstddef>
#include <cstdint>

#include "moat/net/packet_set.hpp"

namespace moat::bench {

net::PacketSet random_packet_set(std::size_t destinations, std::size_t port_ranges, std::uint64_t seed);

}  // namespace moat::bench
