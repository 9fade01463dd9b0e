#pragma once
// Hop: one step of a path — the forwarding point passed, the model object and Terraform
// address of the resource that let the packets through there, and the rule it applied
// ("route 10.0.0.0/22 -> vgw-0abc", "sg rule tcp 443 from 10.0.0.0/22").

#include <string>

#include "moat/graph/node_id.hpp"

namespace moat::fwd {

struct Hop {
  graph::NodeId node{};
  std::string object;   // AWS id or label of the forwarding point ("subnet-0abc", "internet")
  std::string address;  // Terraform address of the deciding resource (may be empty)
  std::string rule;     // what passed the packets

  std::string to_string() const;  // "subnet-0abc: nacl rule 100 allow (aws_network_acl.private)"
};

}  // namespace moat::fwd
