#pragma once
// SecurityGroup: stateful allow-list of one VPC (R3.1-R3.6). rules is the de-duplicated
// union of all sources; a Terraform aws_security_group without egress blocks (and no
// egress rule resources) has NO egress rules (R3.2).

#include <string>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"
#include "moat/model/security_group_rule.hpp"

namespace moat::model {

struct SecurityGroup {
  using Id = SecurityGroupId;
  static constexpr ObjectKind kind = ObjectKind::security_group;

  Origin origin;
  std::string name;
  Ref<VpcId> vpc;
  bool is_default = false;  // the VPC's default SG (aws_default_security_group)
  // False when state does not hold the rules (data.aws_security_group): consumers must
  // then treat the SG as unknown rather than as "allows nothing" (R0.1).
  bool rules_known = true;
  std::vector<SecurityGroupRule> rules;
};

}  // namespace moat::model
