#pragma once
// ExternalNetwork: a network outside the state (on premises), declared by the caller:
// its address space and the AWS gateways it is attached to. A DX gateway attachment
// stands for the private/transit VIF that state does not hold; a VGW attachment for a
// private VIF (or VPN) straight on the VGW. The network advertises its cidrs to every
// gateway it is attached to; it learns what AWS advertises back (R7.2, R7.3).

#include <string>
#include <variant>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/net/prefix.hpp"

namespace moat::graph {

struct Attachment {
  std::variant<model::DxGatewayId, model::VpnGatewayId, model::TransitGatewayId, model::VpnConnectionId> gateway;
  friend bool operator==(const Attachment&, const Attachment&) = default;
};

struct ExternalNetwork {
  std::string name;
  std::vector<net::Prefix> cidrs;
  std::vector<Attachment> via;
};

}  // namespace moat::graph
