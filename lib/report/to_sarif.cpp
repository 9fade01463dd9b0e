#include "moat/report/to_sarif.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "describe.hpp"

namespace moat::report {

namespace {

using Json = nlohmann::ordered_json;

Json result(const std::string& rule, const std::string& level, const std::string& message, const std::string& resource,
            const std::string& artifact) {
  Json r;
  r["ruleId"] = rule;
  r["level"] = level;
  r["message"]["text"] = message;
  Json location;
  if (!artifact.empty()) location["physicalLocation"]["artifactLocation"]["uri"] = artifact;
  Json logical;
  logical["fullyQualifiedName"] = resource.empty() ? std::string("(scenario)") : resource;
  logical["kind"] = "resource";
  location["logicalLocations"] = Json::array({logical});
  r["locations"] = Json::array({location});
  return r;
}

}  // namespace

std::string to_sarif(const intent::CheckReport& report) {
  std::map<std::string, std::string> rules;  // id -> first message
  Json results = Json::array();
  for (const auto& r : report.intents) {
    if (r.holds) continue;
    bool any = false;
    for (const auto& e : r.explanations) {
      if (e.code == "DNS_ANSWER" || e.code == "ASSUMPTION" || e.code == "ENDPOINT_POLICY_NOT_EVALUATED") continue;
      rules.emplace(e.code, e.message);
      results.push_back(result(e.code, "error", "intent " + r.intent.name + " (" + detail::describe(r.intent) + "): " + e.message,
                               e.resource, report.scenario));
      any = true;
    }
    if (!any) {
      rules.emplace("INTENT_FAILED", "an intent does not hold");
      results.push_back(result("INTENT_FAILED", "error", "intent " + r.intent.name + " (" + detail::describe(r.intent) + ") " + r.status,
                               "", report.scenario));
    }
  }
  for (const auto& w : report.warnings) {
    rules.emplace(w.code, w.message);
    results.push_back(result(w.code, "warning", w.message, w.resource, report.scenario));
  }
  Json rule_list = Json::array();
  for (const auto& [id, text] : rules) {
    Json rule;
    rule["id"] = id;
    rule["shortDescription"]["text"] = id;
    rule_list.push_back(std::move(rule));
  }
  Json root;
  root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  root["version"] = "2.1.0";
  Json run;
  run["tool"]["driver"]["name"] = "moat";
  run["tool"]["driver"]["informationUri"] = "https://github.com/moat";
  run["tool"]["driver"]["rules"] = std::move(rule_list);
  run["results"] = std::move(results);
  root["runs"] = Json::array({run});
  return root.dump(2) + "\n";
}

}  // namespace moat::report
