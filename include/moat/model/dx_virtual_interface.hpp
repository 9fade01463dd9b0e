#pragma once
// DxVirtualInterface: a Direct Connect private virtual interface — one of this account's,
// a hosted one created for another account, or the accepted side of a hosted one — and
// the DX gateway or VGW it ends on (R7.1). The engine does not route over it yet:
// on-premises networks reach AWS through the scenario's `via` gateway, whatever VIFs the
// state holds.

#include <cstdint>
#include <optional>
#include <string>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"
#include "moat/net/ip_address.hpp"
#include "moat/net/prefix.hpp"

namespace moat::model {

enum class DxAddressFamily : std::uint8_t { ipv4, ipv6, unknown };

// One end of the VIF's BGP peering: its address and the link prefix it sits on
// ("169.254.0.1/30" -> 169.254.0.1 on 169.254.0.0/30).
struct DxPeerAddress {
  net::IpAddress address;
  net::Prefix link;
  friend bool operator==(const DxPeerAddress&, const DxPeerAddress&) = default;
};

struct DxVirtualInterface {
  using Id = DxVirtualInterfaceId;
  static constexpr ObjectKind kind = ObjectKind::dx_virtual_interface;

  Origin origin;                  // aws_id "dxvif-…"
  std::string name;
  std::string connection_id;      // "dxcon-…" (connections are not modelled)
  bool hosted = false;            // created by a connection owner for another account
  std::string owner_account_id;   // hosted: the account the VIF is for
  Ref<DxGatewayId> dx_gateway;    // at most one of dx_gateway / vpn_gateway is set
  Ref<VpnGatewayId> vpn_gateway;
  Origin acceptance;              // the accepter resource of a hosted VIF, when loaded
  std::optional<std::uint16_t> vlan;
  DxAddressFamily address_family = DxAddressFamily::unknown;
  std::optional<std::uint32_t> bgp_asn;   // the customer side
  std::optional<DxPeerAddress> amazon_address;    // BGP peer addresses; absent when state has none
  std::optional<DxPeerAddress> customer_address;  // (or an unreadable one, with a load warning)
  std::optional<std::uint16_t> mtu;
};

}  // namespace moat::model
