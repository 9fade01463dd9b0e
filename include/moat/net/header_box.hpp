#pragma once
// HeaderBox: the product of one set per header dimension — the building block of
// PacketSet. A box is empty as soon as one of its dimensions is empty.

#include <string>

#include "moat/net/address_set.hpp"
#include "moat/net/port_set.hpp"
#include "moat/net/protocol_set.hpp"

namespace moat::net {

struct HeaderBox {
  AddressSet source;       // family decides the box's family
  AddressSet destination;  // same family as source
  ProtocolSet protocols;
  PortSet ports;

  // Every packet of one family.
  static HeaderBox all(IpFamily family);

  IpFamily family() const { return source.family(); }
  bool empty() const {
    return source.empty() || destination.empty() || protocols.empty() || ports.empty();
  }
  std::string to_string() const;

  friend bool operator==(const HeaderBox&, const HeaderBox&) = default;
};

}  // namespace moat::net
