#pragma once
// Private to lib/fwd: the two address families side by side. IPv4 and IPv6 are separate
// worlds in AWS (separate route tables R1.8, separate SG/NACL rules R3.5/R3.7), so the
// engine keeps one AddressSet / PrefixTable per family and filters PacketSets family by
// family. An empty family costs nothing: the IPv4-only path does no IPv6 work.

#include <span>
#include <string>
#include <vector>

#include "moat/graph/interface_group.hpp"
#include "moat/net/address_set.hpp"
#include "moat/net/packet_set.hpp"
#include "moat/net/prefix_table.hpp"

namespace moat::fwd::detail {

inline constexpr net::IpFamily families[] = {net::IpFamily::v4, net::IpFamily::v6};

// The addresses of a place in both families (a VPC's CIDRs, an interface group, a location).
struct DualAddressSet {
  net::AddressSet v4{net::IpFamily::v4};
  net::AddressSet v6{net::IpFamily::v6};

  // One set into its family's slot.
  static DualAddressSet of(const net::AddressSet& set) {
    DualAddressSet dual;
    dual[set.family()] = set;
    return dual;
  }
  // Prefixes of any mix of families.
  static DualAddressSet of(std::span<const net::Prefix> prefixes) {
    DualAddressSet dual;
    std::vector<net::Prefix> by_family[2];
    for (const auto& prefix : prefixes) by_family[prefix.family() == net::IpFamily::v4 ? 0 : 1].push_back(prefix);
    dual.v4 = net::AddressSet::of(net::IpFamily::v4, by_family[0]);
    dual.v6 = net::AddressSet::of(net::IpFamily::v6, by_family[1]);
    return dual;
  }
  // The private IPv4 and the IPv6 addresses of an interface group.
  static DualAddressSet of(const graph::InterfaceGroup& group) { return {group.addresses, group.ipv6_addresses}; }

  net::AddressSet& operator[](net::IpFamily family) { return family == net::IpFamily::v4 ? v4 : v6; }
  const net::AddressSet& operator[](net::IpFamily family) const { return family == net::IpFamily::v4 ? v4 : v6; }
  bool empty() const { return v4.empty() && v6.empty(); }
  bool intersects(const DualAddressSet& other) const { return v4.intersects(other.v4) || v6.intersects(other.v6); }
  // "10.0.0.0/16, 2600:1f18::/56"; "{}" when empty.
  std::string to_string() const {
    if (v6.empty()) return v4.to_string();
    if (v4.empty()) return v6.to_string();
    return v4.to_string() + ", " + v6.to_string();
  }

  friend DualAddressSet operator|(const DualAddressSet& a, const DualAddressSet& b) { return {a.v4 | b.v4, a.v6 | b.v6}; }
  friend DualAddressSet operator&(const DualAddressSet& a, const DualAddressSet& b) { return {a.v4 & b.v4, a.v6 & b.v6}; }
  friend DualAddressSet operator-(const DualAddressSet& a, const DualAddressSet& b) { return {a.v4 - b.v4, a.v6 - b.v6}; }
};

// Only the packets whose destination (source) lies in `v4` or `v6`.
inline net::PacketSet with_destination_in(const net::PacketSet& packets, const net::AddressSet& v4, const net::AddressSet& v6) {
  if (v6.empty()) return packets.with_destination_in(v4);
  if (v4.empty()) return packets.with_destination_in(v6);
  return packets.with_destination_in(v4) | packets.with_destination_in(v6);
}
inline net::PacketSet with_destination_in(const net::PacketSet& packets, const DualAddressSet& addresses) {
  return with_destination_in(packets, addresses.v4, addresses.v6);
}
// The packets addressed to an interface group (either family), without copying its sets.
inline net::PacketSet with_destination_in(const net::PacketSet& packets, const graph::InterfaceGroup& group) {
  return with_destination_in(packets, group.addresses, group.ipv6_addresses);
}
inline net::PacketSet with_source_in(const net::PacketSet& packets, const DualAddressSet& addresses) {
  if (addresses.v6.empty()) return packets.with_source_in(addresses.v4);
  if (addresses.v4.empty()) return packets.with_source_in(addresses.v6);
  return packets.with_source_in(addresses.v4) | packets.with_source_in(addresses.v6);
}
// The packets of one family.
inline net::PacketSet of_family(const net::PacketSet& packets, net::IpFamily family) {
  return packets.with_destination_in(net::AddressSet::all(family));
}

// A longest-prefix-match table per family, built from entries of any mix of families.
// Built once, in place (tables of 256+ distinct IPv4 prefixes add a first level for
// lookups; see net/prefix_index.hpp).
template <class T>
struct DualPrefixTable {
  using Entries = std::vector<typename net::PrefixTable<T>::Entry>;

  net::PrefixTable<T> v4;
  net::PrefixTable<T> v6;

  explicit DualPrefixTable(Entries entries) : DualPrefixTable(split(std::move(entries))) {}

  const net::PrefixTable<T>& of(net::IpFamily family) const { return family == net::IpFamily::v4 ? v4 : v6; }

 private:
  struct Split {
    Entries v4, v6;
  };
  static Split split(Entries entries) {
    Split parts;
    for (auto& entry : entries) (entry.prefix.family() == net::IpFamily::v4 ? parts.v4 : parts.v6).push_back(std::move(entry));
    return parts;
  }
  explicit DualPrefixTable(Split parts)
      : v4(net::IpFamily::v4, std::move(parts.v4)), v6(net::IpFamily::v6, std::move(parts.v6)) {}
};

}  // namespace moat::fwd::detail
