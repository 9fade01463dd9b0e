#include "moat/dns/required_flow.hpp"

namespace moat::dns {

std::string_view to_string(FlowStatus status) {
  switch (status) {
    case FlowStatus::unchecked: return "unchecked";
    case FlowStatus::works: return "works";
    case FlowStatus::fails: return "fails";
    case FlowStatus::unknown: return "unknown";
  }
  return "unknown";
}

std::string FlowEnd::to_string() const {
  std::string text;
  if (!external_network.empty()) text = "network " + external_network;
  if (!origin.address.empty()) text += (text.empty() ? "" : " ") + origin.address;
  if (!addresses.empty()) text += (text.empty() ? "" : " ") + addresses.to_string();
  return text.empty() ? "?" : text;
}

std::string RequiredFlow::to_string() const {
  return from.to_string() + " -> " + to.to_string() + " " + protocols.to_string() + "/" +
         std::to_string(port) + " (" + why + ") [" + std::string(dns::to_string(status)) + "]";
}

}  // namespace moat::dns
