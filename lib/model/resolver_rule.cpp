#include "moat/model/resolver_rule.hpp"

namespace moat::model {

std::string_view to_string(ResolverRuleType type) {
  switch (type) {
    case ResolverRuleType::forward: return "FORWARD";
    case ResolverRuleType::system: return "SYSTEM";
    case ResolverRuleType::recursive: return "RECURSIVE";
  }
  return "unknown";
}

}  // namespace moat::model
