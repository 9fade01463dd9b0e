#pragma once
// IntentResult: the verdict on one intent with its evidence: a witness packet (for a
// failure), the path it took or where it stopped (each step names the forwarding point,
// the Terraform resource that decided and the decision), and explanations.

#include <optional>
#include <string>
#include <vector>

#include "moat/intent/explanation.hpp"
#include "moat/intent/intent.hpp"
#include "moat/net/packet.hpp"

namespace moat::intent {

struct PathStep {
  std::string node;      // forwarding point: "subnet-0abc", "internet", "aws_lb.app in subnet-…"
  std::string resource;  // Terraform address of the deciding resource
  std::string decision;  // "route 0.0.0.0/0 -> igw-…", "DROP ENI_SG_RULES_MISMATCH: …"
};

struct IntentResult {
  Intent intent;
  bool holds = false;
  // "holds", "fails" or "unknown" (unknown: rests on data absent from state; counts as a
  // failure for `unreachable`, as holding with stated assumptions for `reachable`).
  std::string status;
  std::optional<net::Packet> witness;
  std::vector<PathStep> path;
  std::vector<Explanation> explanations;
};

}  // namespace moat::intent
