#include "moat/model/network_acl_entry.hpp"

namespace moat::model {

std::string_view to_string(NetworkAclAction action) { return action == NetworkAclAction::allow ? "allow" : "deny"; }

}  // namespace moat::model
