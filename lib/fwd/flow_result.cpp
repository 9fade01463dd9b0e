#include "moat/fwd/flow_result.hpp"

#include <sstream>

namespace moat::fwd {

std::string Hop::to_string() const {
  std::string text = object;
  if (!rule.empty()) text += ": " + rule;
  if (!address.empty()) text += " (" + address + ")";
  return text;
}

net::PacketSet FlowResult::delivered_sent(bool certain_only) const {
  net::PacketSet all;
  for (const auto& part : delivered) {
    if (certain_only && !part.certain) continue;
    all = all | part.sent;
  }
  return all;
}

std::string FlowResult::to_string() const {
  std::ostringstream out;
  for (const auto& part : delivered) {
    out << (part.certain ? "delivered " : "maybe delivered ") << part.witness.to_string() << "\n";
    for (const auto& hop : part.path) out << "  " << hop.to_string() << "\n";
    for (const auto& assumption : part.assumptions) out << "  assumes: " << assumption << "\n";
  }
  for (const auto& part : dropped) {
    out << "dropped " << part.witness.to_string() << ": " << fwd::to_string(part.code);
    if (!part.address.empty()) out << " at " << part.address;
    if (!part.detail.empty()) out << " (" << part.detail << ")";
    out << "\n";
    for (const auto& hop : part.path) out << "  " << hop.to_string() << "\n";
  }
  for (const auto& finding : findings) {
    out << "finding " << fwd::to_string(finding.code) << " " << finding.address << ": " << finding.detail << "\n";
  }
  return out.str();
}

}  // namespace moat::fwd
