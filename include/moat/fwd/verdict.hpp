#pragma once
// Verdict: the answer to reachable() or isolated(), with its evidence — every blocker of
// a failed "must reach", a counterexample path of a failed "must not reach", the barriers
// that keep a "must not reach" true, and the findings (latent exposures, assumptions) met on the way.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "moat/fwd/flow_result.hpp"

namespace moat::fwd {

enum class VerdictStatus : std::uint8_t {
  holds,    // proven
  fails,    // disproven: blockers / counterexamples say why
  unknown,  // the answer rests on data absent from state (R0.1); see the parts flagged !certain
};

std::string_view to_string(VerdictStatus status);  // "holds", "fails", "unknown"

struct Verdict {
  VerdictStatus status = VerdictStatus::unknown;
  // reachable(): every drop of requested packets; a failed verdict's list ends with the
  // blockers found behind an earlier one (DroppedPart::behind non-empty, FlowOptions).
  std::vector<DroppedPart> blockers;
  std::vector<DeliveredPart> counterexamples;  // isolated(): delivered (or maybe delivered) parts
  // isolated(): the certain drops that keep the sources apart — why a "must not reach"
  // holds, each naming the resource that stops its packets.
  std::vector<DroppedPart> barriers;
  std::vector<Finding> findings;
  std::string summary;

  bool holds() const { return status == VerdictStatus::holds; }
};

}  // namespace moat::fwd
