#pragma once
// VpcPeeringConnection: requester and accepter VPCs (possibly another account/region).

#include <string>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"

namespace moat::model {

struct VpcPeeringConnection {
  using Id = VpcPeeringConnectionId;
  static constexpr ObjectKind kind = ObjectKind::vpc_peering_connection;

  Origin origin;
  Ref<VpcId> requester_vpc;
  Ref<VpcId> accepter_vpc;
  std::string peer_owner_id;
  std::string peer_region;    // empty = same region
  std::string accept_status;  // "active", "pending-acceptance", ... (empty when unknown)
  bool requester_allow_remote_vpc_dns_resolution = false;
  bool accepter_allow_remote_vpc_dns_resolution = false;

  // Routes to a peering that is not active are blackholes (R8.9); unknown status counts as active.
  bool active() const { return accept_status.empty() || accept_status == "active"; }
};

}  // namespace moat::model
