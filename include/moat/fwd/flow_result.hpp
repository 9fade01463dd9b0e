#pragma once
// FlowResult: the exact outcome of pushing a PacketSet through the network — every
// delivered part and every dropped part, each with the packet subset, one witness, the
// hop-by-hop path and (for drops) where and why it stopped and which resource decided.
// Parts that depend on data absent from state are flagged !certain with the assumptions
// made (R0.1): "must reach" proofs ignore them, "must not reach" proofs count them.
// Asked for (FlowOptions::behind_filters), packets a security group or network ACL drops
// also go on as if it had let them pass: what stops them further on (or where they would
// arrive) is kept apart, in dropped_behind / delivered_behind, each part naming the
// blocker(s) it lies behind — never a delivery, only more lines to fix.

#include <string>
#include <vector>

#include "moat/fwd/explanation_code.hpp"
#include "moat/fwd/hop.hpp"
#include "moat/fwd/source_translation.hpp"
#include "moat/graph/node_id.hpp"
#include "moat/net/packet.hpp"
#include "moat/net/packet_set.hpp"

namespace moat::fwd {

struct DeliveredPart {
  net::PacketSet packets;  // as delivered (after any source translation)
  net::PacketSet sent;     // the packets of the request the source sent for them
  net::Packet witness;     // one packet of `packets`
  std::vector<Hop> path;
  graph::NodeId source{};       // where they started
  graph::NodeId destination{};  // where they were delivered
  bool certain = true;
  std::vector<std::string> assumptions;  // why !certain
  std::vector<SourceTranslation> translations;  // in path order
  // Counterexamples of isolated() only: the path the replies take back to the source
  // (R0.2: a new routing decision in the responder's subnet), empty when none get back.
  // It names what completes the connection, e.g. the route back to an internet gateway.
  std::vector<Hop> reply_path;
  // delivered_behind only: the earlier blocker(s) assumed to let the packets pass
  // ("ENI_SG_RULES_MISMATCH at aws_security_group.app").
  std::string behind;
};

struct DroppedPart {
  net::PacketSet packets;
  net::Packet witness;
  std::vector<Hop> path;  // up to and including the point where they stopped
  graph::NodeId at{};
  ExplanationCode code = ExplanationCode::NO_ROUTE_TO_DESTINATION;
  std::string address;  // Terraform address of the deciding resource (may be empty)
  std::string detail;
  bool certain = true;  // false: the drop rests on an assumption (R0.1)
  // Non-empty: found only by assuming the named earlier blocker(s) let the packets pass
  // (FlowOptions::behind_filters); another line to fix, never a reason of a verdict.
  std::string behind;
};

// What flow() does beyond the plain traversal.
struct FlowOptions {
  // Packets dropped by a security group or network ACL go on as if it had allowed them,
  // to find the blockers behind it (FlowResult::dropped_behind / delivered_behind).
  bool behind_filters = false;
};

// A note that is not a drop: a latent exposure, an assumption made.
struct Finding {
  ExplanationCode code = ExplanationCode::UNKNOWN_DATA;
  std::string address;
  std::string detail;
};

struct FlowResult {
  std::vector<DeliveredPart> delivered;
  std::vector<DroppedPart> dropped;
  std::vector<Finding> findings;
  // FlowOptions::behind_filters only: what happens to packets past a filter that dropped
  // them (each part's `behind` names it). Never counted as delivered or as a verdict's reason.
  std::vector<DroppedPart> dropped_behind;
  std::vector<DeliveredPart> delivered_behind;

  // The union of the delivered packets (as sent) that reached the destinations.
  net::PacketSet delivered_sent(bool certain_only) const;
  std::string to_string() const;  // multi-line human-readable account
};

}  // namespace moat::fwd
