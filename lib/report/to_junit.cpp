#include "moat/report/to_junit.hpp"

#include <algorithm>
#include <string>

#include "describe.hpp"

namespace moat::report {

namespace {

std::string xml_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') out += ' ';
        else out += c;
    }
  }
  return out;
}

}  // namespace

std::string to_junit(const intent::CheckReport& report) {
  auto failures = std::count_if(report.intents.begin(), report.intents.end(), [](const auto& r) { return !r.holds; });
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  std::string suite = report.scenario.empty() ? std::string("moat") : report.scenario;
  out += "<testsuites name=\"moat check\" tests=\"" + std::to_string(report.intents.size()) + "\" failures=\"" +
         std::to_string(failures) + "\">\n";
  out += "  <testsuite name=\"" + xml_escape(suite) + "\" tests=\"" + std::to_string(report.intents.size()) +
         "\" failures=\"" + std::to_string(failures) + "\" errors=\"0\" skipped=\"0\">\n";
  for (const auto& r : report.intents) {
    out += "    <testcase classname=\"moat.intent\" name=\"" + xml_escape(r.intent.name) + "\"";
    if (r.holds) {
      out += "/>\n";
      continue;
    }
    out += ">\n";
    std::string body = detail::describe(r.intent) + "\n";
    if (r.witness) body += "witness: " + r.witness->to_string() + "\n";
    for (const auto& step : r.path) body += "  " + step.node + " [" + step.resource + "] " + step.decision + "\n";
    for (const auto& e : r.explanations) body += e.code + " " + e.resource + ": " + e.message + "\n";
    std::string message = r.explanations.empty() ? r.status : r.explanations.front().code + " " + r.explanations.front().resource;
    out += "      <failure message=\"" + xml_escape(message) + "\" type=\"" + xml_escape(r.status) + "\">" + xml_escape(body) +
           "</failure>\n";
    out += "    </testcase>\n";
  }
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

}  // namespace moat::report
