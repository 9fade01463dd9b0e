#include "moat/dns/resolution.hpp"

namespace moat::dns {

bool Resolution::conditional() const {
  if (!assumptions.empty()) return true;
  for (const auto& flow : required_flows)
    if (flow.status == FlowStatus::unchecked || flow.status == FlowStatus::unknown) return true;
  return false;
}

const Step* Resolution::find_step(Outcome code) const {
  for (const auto& step : steps)
    if (step.code == code) return &step;
  return nullptr;
}

const Step* Resolution::find_step(StepKind kind) const {
  for (const auto& step : steps)
    if (step.kind == kind) return &step;
  return nullptr;
}

std::string Resolution::to_string() const {
  std::string text = name + " " + std::string(model::to_string(type)) + ": " + std::string(dns::to_string(outcome));
  if (!decided_by.address.empty()) text += " [" + decided_by.address + "]";
  text += "\n";
  for (const auto& step : steps) text += "  step " + step.to_string() + "\n";
  for (const auto& answer : answers) text += "  answer " + answer.to_string() + "\n";
  for (const auto& flow : required_flows) text += "  flow " + flow.to_string() + "\n";
  for (const auto& assumption : assumptions) text += "  assumes " + assumption + "\n";
  return text;
}

}  // namespace moat::dns
