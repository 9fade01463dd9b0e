#include "moat/net/packet.hpp"

#include "moat/net/protocol_set.hpp"

namespace moat::net {

std::string Packet::to_string() const {
  const std::string from = source.to_string();
  const std::string to = destination.to_string();
  if (has_ports(protocol)) {
    const std::string host = destination.is_v4() ? to : "[" + to + "]";
    return protocol_name(protocol) + " " + from + " -> " + host + ":" + std::to_string(port);
  }
  if (protocol == protocol::icmp || protocol == protocol::icmpv6) {
    return protocol_name(protocol) + " " + from + " -> " + to + " type " + std::to_string(port >> 8) + " code " +
           std::to_string(port & 0xff);
  }
  return "proto " + std::to_string(protocol) + " " + from + " -> " + to;
}

}  // namespace moat::net
