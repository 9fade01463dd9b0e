#pragma once
// to_json: the JSON documents of the moat CLI (public contracts: keys are added, never
// renamed; every document starts with "ok").
//   check   {"ok", "intents": [{"name", "from", "to", "expect", "holds", "witness", "path",
//           "explanations", ...}], "warnings", "unmodelled", "states"} (issue #6), keys in
//           that order
//   trace   {"ok" (some part delivered), "from", "to", "protocol", "port", "resolutions",
//           "delivered": [{"source", "destination", "certain", "witness", "packets", "path",
//           "assumptions"}], "dropped": [{"at", "code", "resource", "message", "certain",
//           "witness", "packets", "path"}], "findings": [{"code", "resource", "message"}]}
//   resolve {"ok" (every resolution answered), "resolutions": [{"name", "type", "outcome",
//           "resolved", "decided_by", "answers", "steps", "required_flows", "assumptions"}]}
// The IntentResult overload renders one element of "intents" (for a single check).
//   diagram {"title", "clusters": [{"id", "parent", "role", "label"}], "nodes": [{"id",
//           "cluster", "role", "label", "address", "aws_id", "emphasis"}], "edges": [{"from",
//           "to", "role", "label", "both_ways", "emphasis"}]} (`moat graph --format json`),
//           in the writers' order (see diagram.hpp)
// Path steps are {"node", "resource", "decision"} everywhere; witnesses are
// {"protocol", "source", "destination", "port", "text"}.

#include <string>
#include <vector>

#include "moat/dns/resolution.hpp"
#include "moat/intent/check_report.hpp"
#include "moat/intent/trace.hpp"
#include "moat/report/diagram.hpp"

namespace moat::report {

std::string to_json(const intent::CheckReport& report);
std::string to_json(const intent::TracedFlow& traced);
std::string to_json(const std::vector<dns::Resolution>& resolutions);
std::string to_json(const intent::IntentResult& result);
std::string to_json(const Diagram& diagram);

}  // namespace moat::report
