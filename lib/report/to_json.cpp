#include "moat/report/to_json.hpp"

#include <nlohmann/json.hpp>

#include "moat/dns/answer.hpp"
#include "moat/dns/outcome.hpp"
#include "moat/dns/step.hpp"
#include "moat/fwd/explanation_code.hpp"
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

Json step_json(const std::string& node, const std::string& resource, const std::string& decision) {
  Json s;
  s["node"] = node;
  s["resource"] = resource;
  s["decision"] = decision;
  return s;
}

Json hops_json(const std::vector<fwd::Hop>& hops) {
  Json path = Json::array();
  for (const auto& hop : hops) path.push_back(step_json(hop.object, hop.address, hop.rule));
  return path;
}

Json resolution_json(const dns::Resolution& r) {
  Json j;
  j["name"] = r.name;
  j["type"] = std::string(model::to_string(r.type));
  j["outcome"] = std::string(dns::to_string(r.outcome));
  j["resolved"] = r.resolved();
  j["decided_by"] = r.decided_by.address;
  Json answers = Json::array();
  for (const auto& a : r.answers) {
    Json answer;
    answer["kind"] = std::string(dns::to_string(a.kind));
    answer["addresses"] = a.addresses.to_string();
    answer["resource"] = a.owner.address;
    answer["text"] = a.to_string();
    answers.push_back(std::move(answer));
  }
  j["answers"] = std::move(answers);
  Json steps = Json::array();
  for (const auto& step : r.steps) {
    Json s;
    s["kind"] = std::string(dns::to_string(step.kind));
    s["name"] = step.name;
    s["resource"] = step.decided_by.address;
    s["detail"] = step.detail;
    s["code"] = step.code ? Json(std::string(dns::to_string(*step.code))) : Json(nullptr);
    steps.push_back(std::move(s));
  }
  j["steps"] = std::move(steps);
  Json flows = Json::array();
  for (const auto& flow : r.required_flows) {
    Json f;
    f["from"] = flow.from.to_string();
    f["to"] = flow.to.to_string();
    f["protocol"] = flow.protocols.to_string();
    f["port"] = flow.port;
    f["status"] = std::string(dns::to_string(flow.status));
    f["resource"] = flow.decided_by.address;
    f["why"] = flow.why;
    flows.push_back(std::move(f));
  }
  j["required_flows"] = std::move(flows);
  j["assumptions"] = r.assumptions;
  return j;
}

Json resolutions_json(const std::vector<dns::Resolution>& resolutions) {
  Json out = Json::array();
  for (const auto& r : resolutions) out.push_back(resolution_json(r));
  return out;
}

Json intent_json(const intent::IntentResult& result) {
  Json j;
  j["name"] = result.intent.name;
  j["from"] = result.intent.from;
  j["to"] = result.intent.to;
  j["expect"] = std::string(intent::to_string(result.intent.expect));
  j["holds"] = result.holds;
  j["witness"] = witness_json(result.witness);
  Json path = Json::array();
  for (const auto& step : result.path) path.push_back(step_json(step.node, step.resource, step.decision));
  j["path"] = std::move(path);
  Json explanations = Json::array();
  for (const auto& e : result.explanations) explanations.push_back(explanation_json(e));
  j["explanations"] = std::move(explanations);
  j["status"] = result.status;
  j["protocol"] = detail::protocol_text(result.intent);
  j["port"] = detail::port_text(result.intent);
  return j;
}

}  // namespace

std::string to_json(const intent::TracedFlow& traced) {
  Json root;
  root["ok"] = traced.delivered();
  root["from"] = traced.from;
  root["to"] = traced.to;
  root["protocol"] = traced.protocols.to_string();
  root["port"] = traced.ports.to_string();
  root["resolutions"] = resolutions_json(traced.resolutions);
  Json delivered = Json::array();
  for (const auto& part : traced.result.delivered) {
    Json j;
    j["source"] = part.path.empty() ? "" : part.path.front().object;
    j["destination"] = part.path.empty() ? "" : part.path.back().object;
    j["certain"] = part.certain;
    j["witness"] = witness_json(part.witness);
    j["packets"] = part.packets.to_string();
    j["path"] = hops_json(part.path);
    j["assumptions"] = part.assumptions;
    delivered.push_back(std::move(j));
  }
  root["delivered"] = std::move(delivered);
  Json dropped = Json::array();
  for (const auto& part : traced.result.dropped) {
    Json j;
    j["at"] = part.path.empty() ? "" : part.path.back().object;
    j["code"] = std::string(fwd::to_string(part.code));
    j["resource"] = part.address;
    j["message"] = part.detail.empty() ? std::string(fwd::meaning(part.code)) : part.detail;
    j["certain"] = part.certain;
    j["witness"] = witness_json(part.witness);
    j["packets"] = part.packets.to_string();
    j["path"] = hops_json(part.path);
    dropped.push_back(std::move(j));
  }
  root["dropped"] = std::move(dropped);
  Json findings = Json::array();
  for (const auto& finding : traced.result.findings)
    findings.push_back(explanation_json({std::string(fwd::to_string(finding.code)), finding.address, finding.detail}));
  root["findings"] = std::move(findings);
  return root.dump(2) + "\n";
}

std::string to_json(const std::vector<dns::Resolution>& resolutions) {
  Json root;
  root["ok"] = intent::all_resolved(resolutions);
  root["resolutions"] = resolutions_json(resolutions);
  return root.dump(2) + "\n";
}

std::string to_json(const intent::IntentResult& result) { return intent_json(result).dump(2) + "\n"; }

std::string to_json(const intent::CheckReport& report) {
  Json root;
  root["ok"] = report.ok();
  Json intents = Json::array();
  for (const auto& r : report.intents) intents.push_back(intent_json(r));
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
