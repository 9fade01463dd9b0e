#include "moat/model/security_group_rule.hpp"

namespace moat::model {

std::string_view to_string(RuleDirection direction) {
  return direction == RuleDirection::ingress ? "ingress" : "egress";
}

std::string SecurityGroupPeer::to_string() const {
  switch (kind) {
    case SecurityGroupPeerKind::prefix: return prefix ? prefix->to_string() : std::string("?");
    case SecurityGroupPeerKind::prefix_list: return prefix_list_id;
    case SecurityGroupPeerKind::security_group: return security_group.aws_id;
    case SecurityGroupPeerKind::self: return "self";
  }
  return "?";
}

}  // namespace moat::model
