#pragma once
// to_json: the `moat check --format json` document (a public contract, see issue #6):
// {"ok", "intents": [{"name", "from", "to", "expect", "holds", "witness", "path",
// "explanations", ...}], "warnings", "unmodelled", "states"}, keys in that order.

#include <string>

#include "moat/intent/check_report.hpp"

namespace moat::report {

std::string to_json(const intent::CheckReport& report);

}  // namespace moat::report
