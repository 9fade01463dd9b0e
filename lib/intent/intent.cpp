#include "moat/intent/intent.hpp"

#include <algorithm>

#include "moat/intent/check_report.hpp"

namespace moat::intent {

std::string_view to_string(Expectation expectation) {
  switch (expectation) {
    case Expectation::reachable: return "reachable";
    case Expectation::unreachable: return "unreachable";
    case Expectation::resolvable: return "resolvable";
  }
  return "?";
}

bool CheckReport::ok() const {
  return std::all_of(intents.begin(), intents.end(), [](const IntentResult& r) { return r.holds; });
}

}  // namespace moat::intent
