#pragma once
// Packet: one concrete packet header, the witness type of PacketSet.
// The port is the destination port for TCP/UDP and (type << 8) | code for ICMP/ICMPv6
// (see port_set.hpp); it is 0 and meaningless for other protocols.

#include <cstdint>
#include <string>

#include "moat/net/ip_address.hpp"

namespace moat::net {

struct Packet {
  IpAddress source;
  IpAddress destination;
  std::uint8_t protocol = 0;
  std::uint16_t port = 0;

  IpFamily family() const { return source.family(); }
  // "tcp 10.0.0.5 -> 10.1.2.3:443", "icmp 10.0.0.5 -> 10.1.2.3 type 8 code 0", "proto 50 a -> b".
  std::string to_string() const;

  friend bool operator==(const Packet&, const Packet&) = default;
};

}  // namespace moat::net
