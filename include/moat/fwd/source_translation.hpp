#pragma once
// SourceTranslation: a source rewrite a delivered part went through (NAT gateway, IGW
// 1:1 NAT), kept so the reply can be translated back on its way (R0.2, R2.8).

#include <cstdint>

#include "moat/graph/node_id.hpp"
#include "moat/net/address_set.hpp"
#include "moat/net/packet_set.hpp"

namespace moat::fwd {

struct SourceTranslation {
  enum class Kind : std::uint8_t { nat_gateway, internet_gateway } kind = Kind::nat_gateway;
  graph::NodeId at{};                                    // the NAT gateway's group or the IGW
  net::AddressSet original_sources{net::IpFamily::v4};  // sources before the rewrite
  net::PacketSet before;                                 // packets before the rewrite
};

}  // namespace moat::fwd
