#pragma once
// HostedZone: a Route 53 zone; private when associated with VPCs (inline vpc blocks or
// aws_route53_zone_association). Names are lower case without the trailing dot.

#include <string>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"

namespace moat::model {

struct HostedZoneVpcAssociation {
  Ref<VpcId> vpc;
  std::string region;  // may be empty
  Origin origin;       // the zone (inline) or the association resource
};

struct HostedZone {
  using Id = HostedZoneId;
  static constexpr ObjectKind kind = ObjectKind::hosted_zone;

  Origin origin;  // aws_id is the zone id "Z0123…"
  std::string name;  // "example.com"
  bool private_zone = false;
  std::vector<HostedZoneVpcAssociation> vpcs;
};

}  // namespace moat::model
