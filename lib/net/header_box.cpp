#include "moat/net/header_box.hpp"

namespace moat::net {

HeaderBox HeaderBox::all(IpFamily family) {
  return HeaderBox{AddressSet::all(family), AddressSet::all(family), ProtocolSet::all(), PortSet::all()};
}

std::string HeaderBox::to_string() const {
  return "src " + source.to_string() + " dst " + destination.to_string() + " proto " + protocols.to_string() +
         " port " + ports.to_string();
}

}  // namespace moat::net
