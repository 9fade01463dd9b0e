#include "moat/intent/evidence.hpp"

#include <string>

#include "moat/fwd/explanation_code.hpp"

namespace moat::intent {

namespace {

std::vector<PathStep> steps_of(const std::vector<fwd::Hop>& hops) {
  std::vector<PathStep> path;
  for (const auto& hop : hops) path.push_back({hop.object, hop.address, hop.rule});
  return path;
}

}  // namespace

std::vector<PathStep> delivered_path(const Environment& environment, const fwd::DeliveredPart& part) {
  auto path = steps_of(part.path);
  // The engine's last hop is usually the delivery itself; name the destination otherwise.
  if (part.path.empty() || part.path.back().node != part.destination) {
    const auto& destination = environment.network().graph().node(part.destination);
    path.push_back({destination.name, destination.origin.address, "delivered"});
  }
  for (const auto& hop : part.reply_path) path.push_back({hop.object, hop.address, "reply: " + hop.rule});
  return path;
}

std::vector<PathStep> dropped_path(const Environment& environment, const fwd::DroppedPart& part) {
  auto path = steps_of(part.path);
  auto why = dropped_explanation(part);
  path.push_back({environment.network().graph().node(part.at).name, part.address, "dropped: " + why.code + ": " + why.message});
  return path;
}

std::vector<PathStep> resolution_path(const dns::Resolution& resolution) {
  std::vector<PathStep> path;
  for (const auto& step : resolution.steps) {
    std::string decision = step.detail;
    if (step.code) decision += std::string(decision.empty() ? "" : " ") + "[" + std::string(dns::to_string(*step.code)) + "]";
    path.push_back({std::string(dns::to_string(step.kind)) + " " + step.name, step.decided_by.address, decision});
  }
  return path;
}

std::vector<Explanation> delivered_explanations(const Environment& environment, const fwd::DeliveredPart& part) {
  const auto& graph = environment.network().graph();
  std::string where = graph.node(part.source).name + " -> " + graph.node(part.destination).name;
  std::vector<Explanation> out;
  for (const auto& hop : part.path) {
    if (hop.address.empty()) continue;
    out.push_back({part.certain ? "PATH_EXISTS" : "PATH_MAY_EXIST", hop.address, where + ": " + hop.object + ": " + hop.rule});
  }
  for (const auto& hop : part.reply_path) {
    if (hop.address.empty()) continue;
    out.push_back({"PATH_EXISTS", hop.address, where + ": reply: " + hop.object + ": " + hop.rule});
  }
  for (const auto& assumption : part.assumptions) out.push_back({"ASSUMPTION", "", "assumption (R0.1): " + assumption});
  return out;
}

Explanation dropped_explanation(const fwd::DroppedPart& part) {
  std::string message = part.detail.empty() ? std::string(fwd::meaning(part.code)) : part.detail;
  if (!part.certain) message = "assumption (R0.1): " + message;
  return {std::string(fwd::to_string(part.code)), part.address, std::move(message)};
}

}  // namespace moat::intent
