#include "describe.hpp"

namespace moat::report::detail {

std::string protocol_text(const intent::Intent& intent) { return intent.protocols.to_string(); }

std::string port_text(const intent::Intent& intent) { return intent.ports.to_string(); }

std::string describe(const intent::Intent& intent) {
  std::string text = intent.from + " -> " + intent.to;
  if (!intent.protocols.is_all() || !intent.ports.is_all()) {
    text += " (" + protocol_text(intent);
    if (!intent.ports.is_all()) text += " " + port_text(intent);
    text += ")";
  }
  return text + " must be " + std::string(intent::to_string(intent.expect));
}

}  // namespace moat::report::detail
