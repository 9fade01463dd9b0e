#pragma once
// to_text: the human report — one line per intent with a check mark or a cross, then,
// per failure, the witness packet, the path and the explanations with Terraform
// addresses; ANSI colour when `colour` is set.

#include <string>

#include "moat/intent/check_report.hpp"

namespace moat::report {

std::string to_text(const intent::CheckReport& report, bool colour = false);

}  // namespace moat::report
