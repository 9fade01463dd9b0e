#pragma once
// NetworkAcl: what is listed and nothing else (R3.8): entries sorted by (egress,
// rule_number); the implicit final deny is not stored. A default NACL loaded from state
// (aws_default_network_acl, or an aws_network_acl flagged default) also holds exactly
// its listed entries. Subnet associations live on Subnet::network_acl.

#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/network_acl_entry.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"

namespace moat::model {

struct NetworkAcl {
  using Id = NetworkAclId;
  static constexpr ObjectKind kind = ObjectKind::network_acl;

  Origin origin;
  Ref<VpcId> vpc;
  bool is_default = false;
  std::vector<NetworkAclEntry> entries;
};

}  // namespace moat::model
