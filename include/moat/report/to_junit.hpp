#pragma once
// to_junit: JUnit XML, one test case per intent (a failure element for failed intents).

#include <string>

#include "moat/intent/check_report.hpp"

namespace moat::report {

std::string to_junit(const intent::CheckReport& report);

}  // namespace moat::report
