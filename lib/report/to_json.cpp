#include "moat/report/to_json.hpp"

#include <nlohmann/json.hpp>

#include "moat/net/protocol_set.hpp"
#include "describe.hpp"

namespace moat::report {

namespace {

using Json = nlohmann::ordered_json;

Json explanation_json(const intent::Explanation& e) {
  Json j;
  j["code"] = e.code;
  j["resource"] = e.resource;
  j["message"] = e.message;
  return j;
}

Json witness_json(const std::optional<net::Packet>& witness) {
  if (!witness) return nullptr;
  Json j;
  j["protocol"] = net::protocol_name(witness->protocol);
  j["source"] = witness->source.to_string();
  j["destination"] = witness->destination.to_string();
  j["port"] = witness->port;
  j["text"] = witness->to_string();
  return j;
}

}  // namespace

std::string to_json(const intent::CheckReport& report) {
  Json root;
  root["ok"] = report.ok();
  Json intents = Json::array();
  for (const auto& r : report.intents) {
    Json j;
    j["name"] = r.intent.name;
    j["from"] = r.intent.from;
    j["to"] = r.intent.to;
    j["expect"] = std::string(intent::to_string(r.intent.expect));
    j["holds"] = r.holds;
    j["witness"] = witness_json(r.witness);
    Json path = Json::array();
    for (const auto& step : r.path) {
      Json s;
      s["node"] = step.node;
      s["resource"] = step.resource;
      s["decision"] = step.decision;
      path.push_back(std::move(s));
    }
    j["path"] = std::move(path);
    Json explanations = Json::array();
    for (const auto& e : r.explanations) explanations.push_back(explanation_json(e));
    j["explanations"] = std::move(explanations);
    j["status"] = r.status;
    j["protocol"] = detail::protocol_text(r.intent);
    j["port"] = detail::port_text(r.intent);
    intents.push_back(std::move(j));
  }
  root["intents"] = std::move(intents);
  Json warnings = Json::array();
  for (const auto& w : report.warnings) warnings.push_back(explanation_json(w));
  root["warnings"] = std::move(warnings);
  Json unmodelled = Json::array();
  for (const auto& [type, count] : report.unmodelled) {
    Json u;
    u["type"] = type;
    u["count"] = count;
    unmodelled.push_back(std::move(u));
  }
  root["unmodelled"] = std::move(unmodelled);
  root["states"] = report.states;
  return root.dump(2) + "\n";
}

}  // namespace moat::report
