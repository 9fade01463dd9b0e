#include "moat/model/resolver_endpoint.hpp"

namespace moat::model {

std::string_view to_string(ResolverDirection direction) {
  return direction == ResolverDirection::inbound ? "INBOUND" : "OUTBOUND";
}

}  // namespace moat::model
