#pragma once
// PacketSet: an exact set of packet headers over (source address, destination address,
// protocol, destination port), for IPv4 and IPv6 together.
//
// Representation: a union of pairwise-disjoint HeaderBoxes (products of per-dimension
// interval sets), the classic header-space representation. Disjointness makes emptiness
// and witness() O(1) and keeps every stored box non-empty (smart constructors drop
// empty boxes). With n and m boxes and d = 4 dimensions:
//   intersection   O(n * m) box intersections (each linear in the interval counts)
//   difference     subtracting one box from another yields at most d disjoint boxes;
//                  each box of a is cut by the m boxes of b in turn, so the pieces are
//                  bounded by the arrangement of m boxes, O((2m + 1)^d) per box in the
//                  adversarial worst case and O(m * d) work per piece. In practice boxes
//                  stay few because forwarding splits mostly along the destination
//                  dimension and merging (below) folds the pieces back together
//   union          a ∪ b = a + (b \ a), so it costs one difference
//   subset_of      (a \ b).empty(), stopping at the first box with a remainder
// Box subtraction peels dimensions in the order destination, source, protocols, ports.
// After union, intersection, difference and the with_* filters, boxes that agree in
// three dimensions are merged into one (their union in the fourth stays disjoint from
// the rest): boxes are bucketed by a hash of the other three dimensions, O(n log n)
// per round, repeated until nothing merges. The decomposition is canonical only up to
// this merging, so operator== compares sets, not boxes.
// Boxes are never enumerated address by address.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "moat/net/header_box.hpp"
#include "moat/net/packet.hpp"

namespace moat::net {

class PacketSet {
 public:
  PacketSet() = default;  // the empty set
  static PacketSet none() { return {}; }
  static PacketSet all();                 // both families
  static PacketSet all(IpFamily family);  // one family
  static PacketSet of(const HeaderBox& box);
  static PacketSet of(const Packet& packet);

  bool empty() const { return boxes_.empty(); }
  bool subset_of(const PacketSet& other) const;
  bool intersects(const PacketSet& other) const;
  bool contains(const Packet& packet) const;
  // One concrete packet of the set (the smallest value in each dimension of the first box).
  std::optional<Packet> witness() const;

  PacketSet union_with(const PacketSet& other) const;
  PacketSet intersection(const PacketSet& other) const;
  PacketSet intersection(const HeaderBox& box) const;
  PacketSet difference(const PacketSet& other) const;

  // Projections: every source / destination address of the given family in the set.
  AddressSet sources(IpFamily family) const;
  AddressSet destinations(IpFamily family) const;
  // Only the packets whose destination lies in addresses (same family kept, other dropped).
  PacketSet with_destination_in(const AddressSet& addresses) const;
  PacketSet with_source_in(const AddressSet& addresses) const;
  // Source rewrite (NAT): every packet of the family keeps its other fields and gets a
  // source from new_sources. Packets of the other family are dropped.
  PacketSet with_source_rewritten(const AddressSet& new_sources) const;
  // The reply direction: source and destination swapped, destination ports set to
  // reply_ports (e.g. the ephemeral range 1024-65535 for TCP/UDP). ICMP boxes keep an
  // all-types reply dimension; other protocols keep their (meaningless) port dimension.
  PacketSet reversed(const PortSet& reply_ports) const;

  std::span<const HeaderBox> boxes() const { return boxes_; }
  std::size_t box_count() const { return boxes_.size(); }
  std::string to_string() const;

  // Set equality (not structural: two different box decompositions of one set are equal).
  friend bool operator==(const PacketSet& a, const PacketSet& b) { return a.subset_of(b) && b.subset_of(a); }
  friend PacketSet operator|(const PacketSet& a, const PacketSet& b) { return a.union_with(b); }
  friend PacketSet operator&(const PacketSet& a, const PacketSet& b) { return a.intersection(b); }
  friend PacketSet operator-(const PacketSet& a, const PacketSet& b) { return a.difference(b); }

 private:
  std::vector<HeaderBox> boxes_;  // pairwise disjoint, none empty
};

}  // namespace moat::net
