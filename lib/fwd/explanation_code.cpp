#include "moat/fwd/explanation_code.hpp"

#include "moat/fwd/verdict.hpp"

namespace moat::fwd {

std::string_view to_string(ExplanationCode code) {
  switch (code) {
#define MOAT_FWD_X_NAME(name, text) \
  case ExplanationCode::name: return #name;
    MOAT_FWD_EXPLANATION_CODES(MOAT_FWD_X_NAME)
#undef MOAT_FWD_X_NAME
  }
  return "UNKNOWN";
}

std::string_view meaning(ExplanationCode code) {
  switch (code) {
#define MOAT_FWD_X_TEXT(name, text) \
  case ExplanationCode::name: return text;
    MOAT_FWD_EXPLANATION_CODES(MOAT_FWD_X_TEXT)
#undef MOAT_FWD_X_TEXT
  }
  return "";
}

std::string_view to_string(VerdictStatus status) {
  switch (status) {
    case VerdictStatus::holds: return "holds";
    case VerdictStatus::fails: return "fails";
    case VerdictStatus::unknown: return "unknown";
  }
  return "unknown";
}

}  // namespace moat::fwd
