#include <catch2/catch.hpp>

#include <array>
#include <random>
#include <vector>

#include "moat/net/packet_set.hpp"

using namespace moat;
using namespace moat::net;

namespace {

// The universe of the property tests: sources 10.0.0.0/29, destinations 10.0.1.0/29,
// protocols icmp/tcp/udp and ports 0..15: 8 * 8 * 3 * 16 = 3072 packets.
constexpr std::uint32_t src_base = 0x0a000000u;
constexpr std::uint32_t dst_base = 0x0a000100u;
constexpr std::array<std::uint8_t, 3> protocols{protocol::icmp, protocol::tcp, protocol::udp};
constexpr std::size_t packet_count = 8 * 8 * 3 * 16;
using Model = std::vector<bool>;

std::size_t index_of(std::uint32_t s, std::uint32_t d, std::size_t p, std::uint32_t port) {
  return ((s * 8 + d) * 3 + p) * 16 + port;
}

Packet packet_at(std::size_t index) {
  const auto port = static_cast<std::uint16_t>(index % 16);
  const std::size_t p = (index / 16) % 3;
  const auto d = static_cast<std::uint32_t>((index / 48) % 8);
  const auto s = static_cast<std::uint32_t>(index / 384);
  return Packet{Ipv4Address(src_base + s), Ipv4Address(dst_base + d), protocols[p], port};
}

const AddressSet all_sources = AddressSet::range(Ipv4Address(src_base), Ipv4Address(src_base + 7));
const AddressSet all_destinations = AddressSet::range(Ipv4Address(dst_base), Ipv4Address(dst_base + 7));
const ProtocolSet all_protocols = ProtocolSet::of(protocol::icmp) | ProtocolSet::of(protocol::tcp) | ProtocolSet::of(protocol::udp);
const HeaderBox universe_box{all_sources, all_destinations, all_protocols, PortSet::range(0, 15)};

AddressSet random_addresses(std::mt19937& random, std::uint32_t base) {
  if (random() % 5 == 0) return AddressSet::range(Ipv4Address(base), Ipv4Address(base + 7));
  AddressSet set(IpFamily::v4);
  const int pieces = 1 + static_cast<int>(random() % 2);
  for (int i = 0; i < pieces; ++i) {
    const auto a = static_cast<std::uint32_t>(random() % 8);
    const auto b = std::min<std::uint32_t>(a + static_cast<std::uint32_t>(random() % 4), 7);
    set = set | AddressSet::range(Ipv4Address(base + a), Ipv4Address(base + b));
  }
  return set;
}

HeaderBox random_box(std::mt19937& random) {
  HeaderBox box{random_addresses(random, src_base), random_addresses(random, dst_base), ProtocolSet(), PortSet()};
  while (box.protocols.empty()) {
    for (auto p : protocols) {
      if (random() % 2 == 0) box.protocols = box.protocols | ProtocolSet::of(p);
    }
  }
  if (random() % 4 == 0) {
    box.ports = PortSet::range(0, 15);
  } else {
    const int pieces = 1 + static_cast<int>(random() % 2);
    for (int i = 0; i < pieces; ++i) {
      const auto a = static_cast<std::uint16_t>(random() % 16);
      const auto b = static_cast<std::uint16_t>(std::min<unsigned>(a + random() % 6, 15));
      box.ports = box.ports | PortSet::range(a, b);
    }
  }
  return box;
}

PacketSet random_packet_set(std::mt19937& random) {
  PacketSet set;
  const int boxes = static_cast<int>(random() % 5);
  for (int i = 0; i < boxes; ++i) set = set | PacketSet::of(random_box(random));
  if (random() % 3 == 0) set = set - PacketSet::of(random_box(random));
  return set;
}

// The explicit model of a set inside the universe. Also checks the representation:
// every box non-empty, inside the universe, and disjoint from the others.
Model model_of(const PacketSet& set) {
  Model model(packet_count, false);
  for (const auto& box : set.boxes()) {
    REQUIRE_FALSE(box.empty());
    REQUIRE(box.family() == IpFamily::v4);
    REQUIRE(box.source.subset_of(all_sources));
    REQUIRE(box.destination.subset_of(all_destinations));
    REQUIRE(box.protocols.subset_of(all_protocols));
    REQUIRE(box.ports.subset_of(PortSet::range(0, 15)));
    for (std::size_t i = 0; i < packet_count; ++i) {
      const Packet p = packet_at(i);
      if (box.source.contains(p.source) && box.destination.contains(p.destination) &&
          box.protocols.contains(p.protocol) && box.ports.contains(p.port)) {
        REQUIRE_FALSE(model[i]);  // boxes are pairwise disjoint
        model[i] = true;
      }
    }
  }
  return model;
}

Model combine(const Model& a, const Model& b, bool (*op)(bool, bool)) {
  Model out(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) out[i] = op(a[i], b[i]);
  return out;
}

bool none_of(const Model& m) { return std::find(m.begin(), m.end(), true) == m.end(); }

}  // namespace

TEST_CASE("packet set algebra agrees with an explicit set of packets", "[packet_set]") {
  std::mt19937 random(5150);
  for (int iteration = 0; iteration < 100; ++iteration) {
    const PacketSet a = random_packet_set(random);
    const PacketSet b = random_packet_set(random);
    INFO("a = " << a.to_string() << "\nb = " << b.to_string());
    const Model ma = model_of(a);
    const Model mb = model_of(b);
    const Model both = combine(ma, mb, [](bool x, bool y) { return x && y; });
    const Model only_a = combine(ma, mb, [](bool x, bool y) { return x && !y; });
    CHECK(model_of(a | b) == combine(ma, mb, [](bool x, bool y) { return x || y; }));
    CHECK(model_of(a & b) == both);
    CHECK(model_of(a - b) == only_a);
    CHECK(model_of(a.intersection(universe_box)) == ma);
    CHECK(a.subset_of(b) == none_of(only_a));
    CHECK(a.intersects(b) == !none_of(both));
    CHECK((a == b) == (ma == mb));
    CHECK(a.empty() == none_of(ma));
    for (std::size_t i = 0; i < packet_count; i += 5) CHECK(a.contains(packet_at(i)) == ma[i]);
    if (auto w = a.witness()) {
      CHECK(a.contains(*w));
    } else {
      CHECK(a.empty());
    }
    if (auto w = (a - b).witness()) {
      CHECK(a.contains(*w));
      CHECK_FALSE(b.contains(*w));
    }
    CHECK(((a - b) | (a & b)) == a);
    CHECK((a | b).subset_of(PacketSet::of(universe_box)));
  }
}

TEST_CASE("packet set projections and rewrites agree with the explicit model", "[packet_set]") {
  std::mt19937 random(8086);
  const PortSet reply_ports = PortSet::range(3, 9);
  for (int iteration = 0; iteration < 60; ++iteration) {
    const PacketSet a = random_packet_set(random);
    const Model ma = model_of(a);
    INFO("a = " << a.to_string());
    AddressSet sources(IpFamily::v4);
    AddressSet destinations(IpFamily::v4);
    for (std::size_t i = 0; i < packet_count; ++i) {
      if (!ma[i]) continue;
      sources = sources | AddressSet::of(packet_at(i).source);
      destinations = destinations | AddressSet::of(packet_at(i).destination);
    }
    CHECK(a.sources(IpFamily::v4) == sources);
    CHECK(a.destinations(IpFamily::v4) == destinations);
    CHECK(a.sources(IpFamily::v6).empty());

    const AddressSet keep = random_addresses(random, dst_base);
    Model kept(packet_count, false);
    for (std::size_t i = 0; i < packet_count; ++i) kept[i] = ma[i] && keep.contains(packet_at(i).destination);
    CHECK(model_of(a.with_destination_in(keep)) == kept);
    const AddressSet from = random_addresses(random, src_base);
    for (std::size_t i = 0; i < packet_count; ++i) kept[i] = ma[i] && from.contains(packet_at(i).source);
    CHECK(model_of(a.with_source_in(from)) == kept);

    // NAT: (s', d, p, port) is in the result iff s' is a new source and some (s, d, p, port) is in a.
    const AddressSet nat = random_addresses(random, src_base);
    Model rewritten(packet_count, false);
    for (std::size_t i = 0; i < packet_count; ++i) {
      if (!ma[i]) continue;
      const Packet p = packet_at(i);
      for (std::uint32_t s = 0; s < 8; ++s) {
        if (nat.contains(Ipv4Address(src_base + s))) {
          rewritten[index_of(s, p.destination.v4().value() - dst_base, i / 16 % 3, p.port)] = true;
        }
      }
    }
    CHECK(model_of(a.with_source_rewritten(nat)) == rewritten);
    CHECK(a.with_source_rewritten(AddressSet(IpFamily::v4)).empty());
    CHECK(a.with_source_rewritten(AddressSet::of(IpAddress::parse("::1"))).empty());

    // Replies: source and destination swap; TCP/UDP replies go to reply_ports, ICMP
    // replies may be of any type. A reply packet (d -> s, proto, port) exists iff a holds
    // some (s -> d, proto, any port) and the port fits the protocol's reply rule.
    const PacketSet reply = a.reversed(reply_ports);
    for (std::uint32_t s = 0; s < 8; ++s) {
      for (std::uint32_t d = 0; d < 8; ++d) {
        for (std::size_t p = 0; p < 3; ++p) {
          bool pair_present = false;
          for (std::uint32_t port = 0; port < 16; ++port) pair_present = pair_present || ma[index_of(s, d, p, port)];
          for (std::uint16_t port = 0; port < 16; ++port) {
            const bool expected = pair_present && (protocols[p] == protocol::icmp || reply_ports.contains(port));
            const Packet back{Ipv4Address(dst_base + d), Ipv4Address(src_base + s), protocols[p], port};
            CHECK(reply.contains(back) == expected);
          }
        }
      }
    }
    const HeaderBox swapped{all_destinations, all_sources, all_protocols, PortSet::all()};
    CHECK(reply.subset_of(PacketSet::of(swapped)));
    CHECK(reply.sources(IpFamily::v4) == destinations);
    CHECK(reply.destinations(IpFamily::v4) == sources);
  }
}

TEST_CASE("reversing a TCP flow yields the reply on ephemeral ports and ICMP replies of any type", "[packet_set]") {
  const AddressSet client = AddressSet::of(IpAddress::parse("10.0.0.5"));
  const AddressSet server = AddressSet::of(Prefix::parse("10.1.0.0/24"));
  const PacketSet flow = PacketSet::of(HeaderBox{client, server, ProtocolSet::of(protocol::tcp), PortSet::of(443)}) |
                         PacketSet::of(HeaderBox{client, server, ProtocolSet::of(protocol::icmp), PortSet::icmp(8, 0)}) |
                         PacketSet::of(HeaderBox{client, server, ProtocolSet::of(50), PortSet::of(0)});
  const PortSet ephemeral = PortSet::range(1024, 65535);
  const PacketSet expected =
      PacketSet::of(HeaderBox{server, client, ProtocolSet::of(protocol::tcp), ephemeral}) |
      PacketSet::of(HeaderBox{server, client, ProtocolSet::of(protocol::icmp), PortSet::all()}) |
      PacketSet::of(HeaderBox{server, client, ProtocolSet::of(50), PortSet::of(0)});
  CHECK(flow.reversed(ephemeral) == expected);
  CHECK(flow.reversed(ephemeral).box_count() == 3);
}

TEST_CASE("subtracting one packet from everything leaves four boxes", "[packet_set]") {
  const Packet packet{IpAddress::parse("10.0.0.1"), IpAddress::parse("10.0.0.2"), protocol::tcp, 443};
  const PacketSet rest = PacketSet::all(IpFamily::v4) - PacketSet::of(packet);
  CHECK(rest.box_count() == 4);
  CHECK_FALSE(rest.contains(packet));
  CHECK(rest.contains(Packet{packet.source, packet.destination, protocol::tcp, 444}));
  CHECK(rest.contains(Packet{packet.source, packet.destination, protocol::udp, 443}));
  CHECK((rest | PacketSet::of(packet)) == PacketSet::all(IpFamily::v4));
  CHECK((rest | PacketSet::of(packet)).box_count() <= 4);
  const PacketSet ends{PacketSet::of(Packet{IpAddress::parse("255.255.255.255"), IpAddress::parse("0.0.0.0"), 255, 65535})};
  CHECK((PacketSet::all(IpFamily::v4) - ends).box_count() == 4);
  CHECK(((PacketSet::all(IpFamily::v4) - ends) | ends) == PacketSet::all(IpFamily::v4));
}

TEST_CASE("boxes that differ in one dimension are merged", "[packet_set]") {
  const AddressSet a = AddressSet::of(IpAddress::parse("10.0.0.1"));
  const AddressSet low = AddressSet::of(Prefix::parse("10.1.0.0/25"));
  const AddressSet high = AddressSet::of(Prefix::parse("10.1.0.128/25"));
  const ProtocolSet tcp = ProtocolSet::of(protocol::tcp);
  const PacketSet by_destination = PacketSet::of(HeaderBox{a, low, tcp, PortSet::of(80)}) |
                                   PacketSet::of(HeaderBox{a, high, tcp, PortSet::of(80)});
  CHECK(by_destination.box_count() == 1);
  CHECK(by_destination.boxes()[0].destination == AddressSet::of(Prefix::parse("10.1.0.0/24")));
  PacketSet by_port;
  for (std::uint16_t port = 8000; port < 8010; ++port) by_port = by_port | PacketSet::of(HeaderBox{a, low, tcp, PortSet::of(port)});
  CHECK(by_port.box_count() == 1);
  CHECK(by_port.boxes()[0].ports == PortSet::range(8000, 8009));
  const PacketSet by_protocol = PacketSet::of(HeaderBox{a, low, tcp, PortSet::of(53)}) |
                                PacketSet::of(HeaderBox{a, low, ProtocolSet::of(protocol::udp), PortSet::of(53)});
  CHECK(by_protocol.box_count() == 1);
  // Forwarding-style splitting: carve 16 /24s out of a /16 destination, then put them back.
  const PacketSet whole = PacketSet::of(HeaderBox{a, AddressSet::of(Prefix::parse("10.2.0.0/16")), tcp, PortSet::all()});
  PacketSet carved = whole;
  PacketSet pieces;
  for (int i = 0; i < 16; ++i) {
    const Prefix slice(Ipv4Address(0x0a020000u + (static_cast<std::uint32_t>(i) << 8)), 24);  // 10.2.i.0/24
    const PacketSet piece = whole.with_destination_in(AddressSet::of(slice));
    carved = carved - piece;
    pieces = pieces | piece;
  }
  CHECK(carved.box_count() == 1);
  CHECK(pieces.box_count() == 1);
  CHECK((carved | pieces) == whole);
  CHECK((carved | pieces).box_count() == 1);
}

TEST_CASE("packet sets hold both families and keep them apart", "[packet_set]") {
  const PacketSet all = PacketSet::all();
  CHECK(all.box_count() == 2);
  const Packet v4{IpAddress::parse("1.2.3.4"), IpAddress::parse("5.6.7.8"), protocol::udp, 53};
  const Packet v6{IpAddress::parse("2001:db8::1"), IpAddress::parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), protocol::icmpv6, 0x8000};
  CHECK(all.contains(v4));
  CHECK(all.contains(v6));
  CHECK((all - PacketSet::all(IpFamily::v4)) == PacketSet::all(IpFamily::v6));
  CHECK_FALSE((all - PacketSet::all(IpFamily::v4)).contains(v4));
  CHECK_FALSE(PacketSet::all(IpFamily::v4).intersects(PacketSet::all(IpFamily::v6)));
  CHECK((PacketSet::of(v4) & PacketSet::of(v6)).empty());
  CHECK(PacketSet::of(v6).witness() == v6);
  CHECK(PacketSet::of(v4).sources(IpFamily::v4) == AddressSet::of(v4.source));
  CHECK(all.with_destination_in(AddressSet::of(Prefix::parse("2001:db8::/32"))).destinations(IpFamily::v6) ==
        AddressSet::of(Prefix::parse("2001:db8::/32")));
  CHECK(all.with_destination_in(AddressSet::of(Prefix::parse("2001:db8::/32"))).sources(IpFamily::v4).empty());
  CHECK(all.with_source_rewritten(AddressSet::of(IpAddress::parse("192.0.2.1"))).sources(IpFamily::v4) ==
        AddressSet::of(IpAddress::parse("192.0.2.1")));
}

TEST_CASE("empty packet sets and empty boxes", "[packet_set]") {
  const PacketSet empty;
  CHECK(empty.empty());
  CHECK(empty == PacketSet::none());
  CHECK(empty.witness() == std::nullopt);
  CHECK(empty.to_string() == "{}");
  CHECK(empty.subset_of(PacketSet::all()));
  CHECK_FALSE(PacketSet::all().subset_of(empty));
  CHECK(PacketSet::of(HeaderBox{AddressSet::all(IpFamily::v4), AddressSet(IpFamily::v4), ProtocolSet::all(), PortSet::all()}).empty());
  CHECK(PacketSet::of(HeaderBox{AddressSet::all(IpFamily::v4), AddressSet::all(IpFamily::v4), ProtocolSet(), PortSet::all()}).empty());
  CHECK(PacketSet::of(HeaderBox{AddressSet::all(IpFamily::v4), AddressSet::all(IpFamily::v4), ProtocolSet::all(), PortSet()}).empty());
  CHECK((PacketSet::all() - PacketSet::all()).empty());
  CHECK((PacketSet::all() - PacketSet::all()).box_count() == 0);
  CHECK(empty.reversed(PortSet::all()).empty());
}

TEST_CASE("packets and boxes print readably", "[packet_set]") {
  CHECK(Packet{IpAddress::parse("10.0.0.5"), IpAddress::parse("10.1.2.3"), protocol::tcp, 443}.to_string() ==
        "tcp 10.0.0.5 -> 10.1.2.3:443");
  CHECK(Packet{IpAddress::parse("10.0.0.5"), IpAddress::parse("10.1.2.3"), protocol::icmp, 0x0800}.to_string() ==
        "icmp 10.0.0.5 -> 10.1.2.3 type 8 code 0");
  CHECK(Packet{IpAddress::parse("10.0.0.5"), IpAddress::parse("10.1.2.3"), 50, 0}.to_string() ==
        "proto 50 10.0.0.5 -> 10.1.2.3");
  CHECK(Packet{IpAddress::parse("::1"), IpAddress::parse("2001:db8::1"), protocol::udp, 53}.to_string() ==
        "udp ::1 -> [2001:db8::1]:53");
  const HeaderBox box{AddressSet::of(Prefix::parse("10.0.0.0/8")), AddressSet::of(IpAddress::parse("10.1.2.3")),
                      ProtocolSet::of(protocol::tcp), PortSet::of(443)};
  CHECK(box.to_string() == "src 10.0.0.0/8 dst 10.1.2.3/32 proto tcp port 443");
  CHECK(PacketSet::of(box).to_string() == "(src 10.0.0.0/8 dst 10.1.2.3/32 proto tcp port 443)");
  CHECK(HeaderBox::all(IpFamily::v6).to_string() == "src ::/0 dst ::/0 proto all port all");
}
