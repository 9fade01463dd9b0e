#pragma once
// ResolverRuleAssociation: a resolver rule applied to a VPC.

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"

namespace moat::model {

struct ResolverRuleAssociation {
  using Id = ResolverRuleAssociationId;
  static constexpr ObjectKind kind = ObjectKind::resolver_rule_association;

  Origin origin;
  Ref<ResolverRuleId> resolver_rule;
  Ref<VpcId> vpc;
};

}  // namespace moat::model
