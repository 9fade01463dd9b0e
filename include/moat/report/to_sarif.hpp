#pragma once
// to_sarif: SARIF 2.1.0 for code-scanning UIs — one result per explanation of a failed
// intent (rule id = explanation code, logical location = Terraform address) and one
// warning-level result per warning.

#include <string>

#include "moat/intent/check_report.hpp"

namespace moat::report {

std::string to_sarif(const intent::CheckReport& report);

}  // namespace moat::report
