#pragma once
// Seeded PacketSets for the PacketSet benchmarks, shaped like security-group and route
// sets: source prefix x destination prefix x protocol x port range.
//
// random_packet_set(shape, seed) builds rows x columns pairwise-disjoint boxes as the
// intersection of two small sets:
//   rows     box i = (source s_i, any destination, any protocol, ports [a_i, 65535])
//   columns  box j = (any source, destination d_j, protocol tcp/udp/both, ports [0, b_j])
// with the s_i pairwise disjoint (inside 10.0.0.0/10), the d_j pairwise disjoint (inside
// 10.64.0.0/10), all a_i distinct below 30000 and all b_j distinct above 35000. Cell
// (i, j) = (s_i, d_j, protocol_j, [a_i, b_j]) differs from every other cell in at least
// two dimensions, so PacketSet's coalescing cannot merge any two: the set really holds
// rows x columns boxes, and building it costs one rows x columns intersection instead of
// a quadratic series of unions.

#include <cstddef>
#include <cstdint>

#include "moat/net/packet_set.hpp"

namespace moat::bench {

struct PacketSetShape {
  std::size_t rows = 1;
  std::size_t columns = 1;
  int min_length = 18;  // prefix lengths of the s_i and d_j
  int max_length = 28;
};

net::PacketSet random_packet_set(const PacketSetShape& shape, std::uint64_t seed);

}  // namespace moat::bench
