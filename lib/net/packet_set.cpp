#include "moat/net/packet_set.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <utility>

#include "moat/core/assert.hpp"

namespace moat::net {
namespace {

// ---- per-box operations -------------------------------------------------------------

bool boxes_intersect(const HeaderBox& a, const HeaderBox& b) {
  return a.family() == b.family() && a.destination.intersects(b.destination) && a.source.intersects(b.source) &&
         a.protocols.intersects(b.protocols) && a.ports.intersects(b.ports);
}

// a ∩ b; empty (and then meaningless) when the boxes do not meet.
HeaderBox intersect_boxes(const HeaderBox& a, const HeaderBox& b) {
  return HeaderBox{a.source & b.source, a.destination & b.destination, a.protocols & b.protocols, a.ports & b.ports};
}

// Appends a \ b as pairwise-disjoint non-empty boxes: peel off the part of a outside b
// one dimension at a time (destination, source, protocols, ports), keeping the rest
// inside b for the next dimension. At most four pieces.
void subtract_box(const HeaderBox& a, const HeaderBox& b, std::vector<HeaderBox>& out) {
  if (!boxes_intersect(a, b)) {
    out.push_back(a);
    return;
  }
  HeaderBox rest = a;
  if (auto outside = rest.destination - b.destination; !outside.empty()) {
    out.push_back(HeaderBox{rest.source, std::move(outside), rest.protocols, rest.ports});
    rest.destination = rest.destination & b.destination;
  }
  if (auto outside = rest.source - b.source; !outside.empty()) {
    out.push_back(HeaderBox{std::move(outside), rest.destination, rest.protocols, rest.ports});
    rest.source = rest.source & b.source;
  }
  if (auto outside = rest.protocols - b.protocols; !outside.empty()) {
    out.push_back(HeaderBox{rest.source, rest.destination, outside, rest.ports});
    rest.protocols = rest.protocols & b.protocols;
  }
  if (auto outside = rest.ports - b.ports; !outside.empty()) {
    out.push_back(HeaderBox{rest.source, rest.destination, rest.protocols, std::move(outside)});
  }
  // What is left of rest lies inside b and is dropped.
}

// box \ (union of others): pairwise-disjoint pieces.
std::vector<HeaderBox> subtract_all(const HeaderBox& box, std::span<const HeaderBox> others) {
  std::vector<HeaderBox> pieces{box};
  std::vector<HeaderBox> next;
  for (const auto& other : others) {
    next.clear();
    for (const auto& piece : pieces) subtract_box(piece, other, next);
    pieces.swap(next);
    if (pieces.empty()) break;
  }
  return pieces;
}

// ---- coalescing ---------------------------------------------------------------------
// Two disjoint boxes that agree in three dimensions are one box whose fourth dimension
// is the union of theirs; merging keeps the result disjoint from every other box.

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h;
}

std::uint64_t hash_of(const AddressSet& set) {
  std::uint64_t h = static_cast<std::uint64_t>(set.family());
  for (const auto& interval : set.intervals()) {
    h = mix(h, static_cast<std::uint64_t>(interval.first));
    h = mix(h, static_cast<std::uint64_t>(interval.first >> 64));
    h = mix(h, static_cast<std::uint64_t>(interval.last));
    h = mix(h, static_cast<std::uint64_t>(interval.last >> 64));
  }
  return h;
}

std::uint64_t hash_of(const PortSet& set) {
  std::uint64_t h = 0x5bd1e995;
  for (const auto& range : set.ranges()) h = mix(h, (std::uint64_t{range.first} << 16) | range.last);
  return h;
}

std::uint64_t hash_of(const ProtocolSet& set) {
  // ProtocolSet is four 64-bit words of membership bits.
  static_assert(sizeof(ProtocolSet) == 4 * sizeof(std::uint64_t));
  std::uint64_t h = 0x27d4eb2f;
  for (auto word : std::bit_cast<std::array<std::uint64_t, 4>>(set)) h = mix(h, word);
  return h;
}

enum class Dimension { destination, source, protocols, ports };

struct BoxHashes {
  std::uint64_t source, destination, protocols, ports;
};

BoxHashes hashes_of(const HeaderBox& box) {
  return {hash_of(box.source), hash_of(box.destination), hash_of(box.protocols), hash_of(box.ports)};
}

// Hash of every dimension but the free one.
std::uint64_t key_without(const BoxHashes& h, Dimension free) {
  std::uint64_t key = static_cast<std::uint64_t>(free) + 1;
  if (free != Dimension::source) key = mix(key, h.source);
  if (free != Dimension::destination) key = mix(key, h.destination);
  if (free != Dimension::protocols) key = mix(key, h.protocols);
  if (free != Dimension::ports) key = mix(key, h.ports);
  return key;
}

bool equal_except(const HeaderBox& a, const HeaderBox& b, Dimension free) {
  return (free == Dimension::source || a.source == b.source) &&
         (free == Dimension::destination || a.destination == b.destination) &&
         (free == Dimension::protocols || a.protocols == b.protocols) &&
         (free == Dimension::ports || a.ports == b.ports);
}

void absorb(HeaderBox& into, const HeaderBox& from, Dimension free) {
  switch (free) {
    case Dimension::source: into.source = into.source | from.source; break;
    case Dimension::destination: into.destination = into.destination | from.destination; break;
    case Dimension::protocols: into.protocols = into.protocols | from.protocols; break;
    case Dimension::ports: into.ports = into.ports | from.ports; break;
  }
}

// One pass over one free dimension: boxes are bucketed by the hash of the other three
// dimensions (sort, O(n log n)); equal boxes in a bucket merge into the earliest one.
bool coalesce_along(std::vector<HeaderBox>& boxes, Dimension free) {
  std::vector<std::pair<std::uint64_t, std::size_t>> keys;
  keys.reserve(boxes.size());
  for (std::size_t i = 0; i < boxes.size(); ++i) keys.emplace_back(key_without(hashes_of(boxes[i]), free), i);
  std::sort(keys.begin(), keys.end());
  std::vector<bool> gone(boxes.size(), false);
  bool merged = false;
  for (std::size_t begin = 0; begin < keys.size();) {
    std::size_t end = begin + 1;
    while (end < keys.size() && keys[end].first == keys[begin].first) ++end;
    for (std::size_t i = begin; i < end; ++i) {
      const std::size_t target = keys[i].second;
      if (gone[target]) continue;
      for (std::size_t j = i + 1; j < end; ++j) {
        const std::size_t source = keys[j].second;
        if (gone[source] || !equal_except(boxes[target], boxes[source], free)) continue;
        absorb(boxes[target], boxes[source], free);
        gone[source] = true;
        merged = true;
      }
    }
    begin = end;
  }
  if (merged) {
    std::size_t out = 0;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      if (!gone[i]) {
        if (out != i) boxes[out] = std::move(boxes[i]);
        ++out;
      }
    }
    boxes.resize(out);
  }
  return merged;
}

// Merges boxes that differ in exactly one dimension until none do (each round shrinks
// the list, so this ends; a handful of rounds in practice).
void coalesce(std::vector<HeaderBox>& boxes) {
  if (boxes.size() < 2) return;
  bool merged = true;
  while (merged && boxes.size() > 1) {
    merged = false;
    for (Dimension free : {Dimension::destination, Dimension::source, Dimension::ports, Dimension::protocols}) {
      merged = coalesce_along(boxes, free) || merged;
    }
  }
}

// ---- address-dimension helpers -------------------------------------------------------

using AddressDimension = AddressSet HeaderBox::*;

// The union of one address dimension over the boxes of a family.
AddressSet project(std::span<const HeaderBox> boxes, IpFamily family, AddressDimension dimension) {
  std::vector<AddressInterval> intervals;
  for (const auto& box : boxes) {
    if (box.family() != family) continue;
    const auto& set = box.*dimension;
    intervals.insert(intervals.end(), set.intervals().begin(), set.intervals().end());
  }
  return AddressSet::from_intervals(family, std::move(intervals));
}

// The boxes with one address dimension narrowed to addresses (other family dropped).
std::vector<HeaderBox> restrict_to(std::span<const HeaderBox> boxes, const AddressSet& addresses,
                                   AddressDimension dimension) {
  std::vector<HeaderBox> kept;
  for (const auto& box : boxes) {
    if (box.family() != addresses.family()) continue;
    HeaderBox narrowed = box;
    narrowed.*dimension = box.*dimension & addresses;
    if (!(narrowed.*dimension).empty()) kept.push_back(std::move(narrowed));
  }
  coalesce(kept);
  return kept;
}

}  // namespace

// ---- PacketSet ----------------------------------------------------------------------

PacketSet PacketSet::all() {
  PacketSet set;
  set.boxes_ = {HeaderBox::all(IpFamily::v4), HeaderBox::all(IpFamily::v6)};
  return set;
}

PacketSet PacketSet::all(IpFamily family) { return of(HeaderBox::all(family)); }

PacketSet PacketSet::of(const HeaderBox& box) {
  MOAT_ASSERT(box.source.family() == box.destination.family(), "box with source and destination of different families");
  PacketSet set;
  if (!box.empty()) set.boxes_.push_back(box);
  return set;
}

PacketSet PacketSet::of(const Packet& packet) {
  return of(HeaderBox{AddressSet::of(packet.source), AddressSet::of(packet.destination),
                      ProtocolSet::of(packet.protocol), PortSet::of(packet.port)});
}

bool PacketSet::subset_of(const PacketSet& other) const {
  for (const auto& box : boxes_) {
    if (!subtract_all(box, other.boxes_).empty()) return false;
  }
  return true;
}

bool PacketSet::intersects(const PacketSet& other) const {
  for (const auto& a : boxes_) {
    for (const auto& b : other.boxes_) {
      if (boxes_intersect(a, b)) return true;
    }
  }
  return false;
}

bool PacketSet::contains(const Packet& packet) const {
  for (const auto& box : boxes_) {
    if (box.family() == packet.source.family() && box.source.contains(packet.source) &&
        box.destination.contains(packet.destination) && box.protocols.contains(packet.protocol) &&
        box.ports.contains(packet.port)) {
      return true;
    }
  }
  return false;
}

std::optional<Packet> PacketSet::witness() const {
  if (boxes_.empty()) return std::nullopt;
  const HeaderBox& box = boxes_.front();
  return Packet{*box.source.first(), *box.destination.first(), *box.protocols.first(), *box.ports.first()};
}

PacketSet PacketSet::union_with(const PacketSet& other) const {
  PacketSet set;
  set.boxes_ = boxes_;
  for (const auto& box : other.boxes_) {
    auto pieces = subtract_all(box, boxes_);
    for (auto& piece : pieces) set.boxes_.push_back(std::move(piece));
  }
  coalesce(set.boxes_);
  return set;
}

PacketSet PacketSet::intersection(const PacketSet& other) const {
  PacketSet set;
  for (const auto& a : boxes_) {
    for (const auto& b : other.boxes_) {
      if (boxes_intersect(a, b)) set.boxes_.push_back(intersect_boxes(a, b));
    }
  }
  coalesce(set.boxes_);
  return set;
}

PacketSet PacketSet::intersection(const HeaderBox& box) const { return intersection(of(box)); }

PacketSet PacketSet::difference(const PacketSet& other) const {
  PacketSet set;
  for (const auto& box : boxes_) {
    auto pieces = subtract_all(box, other.boxes_);
    for (auto& piece : pieces) set.boxes_.push_back(std::move(piece));
  }
  coalesce(set.boxes_);
  return set;
}

AddressSet PacketSet::sources(IpFamily family) const { return project(boxes_, family, &HeaderBox::source); }

AddressSet PacketSet::destinations(IpFamily family) const {
  return project(boxes_, family, &HeaderBox::destination);
}

PacketSet PacketSet::with_destination_in(const AddressSet& addresses) const {
  PacketSet set;
  set.boxes_ = restrict_to(boxes_, addresses, &HeaderBox::destination);
  return set;
}

PacketSet PacketSet::with_source_in(const AddressSet& addresses) const {
  PacketSet set;
  set.boxes_ = restrict_to(boxes_, addresses, &HeaderBox::source);
  return set;
}

PacketSet PacketSet::with_source_rewritten(const AddressSet& new_sources) const {
  PacketSet set;
  if (new_sources.empty()) return set;
  for (const auto& box : boxes_) {
    if (box.family() != new_sources.family()) continue;
    set = set.union_with(of(HeaderBox{new_sources, box.destination, box.protocols, box.ports}));
  }
  return set;
}

PacketSet PacketSet::reversed(const PortSet& reply_ports) const {
  static const ProtocolSet port_protocols = ProtocolSet::of(protocol::tcp) | ProtocolSet::of(protocol::udp);
  static const ProtocolSet icmp_protocols = ProtocolSet::of(protocol::icmp) | ProtocolSet::of(protocol::icmpv6);
  PacketSet set;
  for (const auto& box : boxes_) {
    const ProtocolSet with_ports = box.protocols & port_protocols;
    const ProtocolSet icmp = box.protocols & icmp_protocols;
    const ProtocolSet other = box.protocols - port_protocols - icmp_protocols;
    set = set.union_with(of(HeaderBox{box.destination, box.source, with_ports, reply_ports}));
    set = set.union_with(of(HeaderBox{box.destination, box.source, icmp, PortSet::all()}));
    set = set.union_with(of(HeaderBox{box.destination, box.source, other, box.ports}));
  }
  return set;
}

std::string PacketSet::to_string() const {
  if (boxes_.empty()) return "{}";
  std::string text;
  for (const auto& box : boxes_) {
    if (!text.empty()) text += " | ";
    text += "(" + box.to_string() + ")";
  }
  return text;
}

}  // namespace moat::net
