#include "moat/report/to_text.hpp"

#include <algorithm>
#include <string>

#include "describe.hpp"

namespace moat::report {

std::string to_text(const intent::CheckReport& report, bool colour) {
  auto paint = [&](const char* code, const std::string& text) {
    return colour ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
  };
  // "CODE resource: message"
  auto line = [&](const intent::Explanation& e, const char* code_colour) {
    std::string text = paint(code_colour, e.code);
    if (!e.resource.empty()) text += " " + e.resource;
    return text + ": " + e.message + "\n";
  };
  std::string out;
  if (!report.scenario.empty()) out += "moat check " + report.scenario + "\n";
  for (const auto& r : report.intents) {
    std::string mark = r.holds ? paint("32", "\u2713") : paint("31", "\u2717");
    out += mark + " " + r.intent.name + "  " + detail::describe(r.intent);
    if (r.status == "unknown") out += paint("33", " (unknown: depends on data absent from state)");
    out += "\n";
  }
  for (const auto& r : report.intents) {
    if (r.holds) continue;
    out += "\n" + paint("1", r.intent.name) + ": " + detail::describe(r.intent) + " — " + r.status + "\n";
    if (r.witness) out += "  witness: " + r.witness->to_string() + "\n";
    if (!r.path.empty()) {
      out += "  path:\n";
      for (const auto& step : r.path) {
        out += "    " + step.node;
        if (!step.resource.empty()) out += " (" + step.resource + ")";
        if (!step.decision.empty()) out += ": " + step.decision;
        out += "\n";
      }
    }
    if (!r.explanations.empty()) {
      out += "  because:\n";
      for (const auto& e : r.explanations) out += "    " + line(e, "36");
    }
  }
  if (!report.warnings.empty()) {
    out += "\nwarnings:\n";
    for (const auto& w : report.warnings) out += "  " + line(w, "33");
  }
  if (!report.unmodelled.empty()) {
    out += "\nunmodelled resource types:";
    for (const auto& [type, count] : report.unmodelled) out += " " + type + " (" + std::to_string(count) + ")";
    out += "\n";
  }
  auto failed = std::count_if(report.intents.begin(), report.intents.end(), [](const auto& r) { return !r.holds; });
  out += "\n" + std::to_string(report.intents.size() - static_cast<std::size_t>(failed)) + " of " +
         std::to_string(report.intents.size()) + " intents hold" + (failed ? paint("31", ", " + std::to_string(failed) + " fail") : "") +
         "\n";
  return out;
}

}  // namespace moat::report
