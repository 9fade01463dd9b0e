#include "evaluation.hpp"

#include <algorithm>
#include <string>

#include "moat/fwd/explanation_code.hpp"
#include "moat/net/port_set.hpp"
#include "required_flow_oracle.hpp"
#include "moat/intent/evidence.hpp"

namespace moat::intent::detail {

Evaluation::Evaluation(const Environment& environment, const Intent& intent) : environment_(environment) {
  result_.intent = intent;
}

void Evaluation::explain(Explanation explanation, std::string key) {
  const bool per_path = !key.empty();  // repeats are counted for path hops only
  if (!per_path) key = explanation.message;
  auto [it, inserted] = explained_.try_emplace({explanation.code, explanation.resource, std::move(key)},
                                                result_.explanations.size());
  if (!inserted) {
    if (per_path) ++repeats_[it->second];
    return;
  }
  result_.explanations.push_back(std::move(explanation));
  repeats_.push_back(0);
}

void Evaluation::set_path(std::vector<PathStep> path, std::optional<net::Packet> witness, bool certain) {
  // The first certain witness wins; an uncertain one only until a certain one comes.
  if (path_set_ && (path_certain_ || !certain)) return;
  path_set_ = true;
  path_certain_ = certain;
  result_.path = std::move(path);
  result_.witness = std::move(witness);
}

void Evaluation::fail(Explanation explanation) {
  failed_ = true;
  explain(std::move(explanation));
}

void Evaluation::note(Explanation explanation) { explain(std::move(explanation)); }

void Evaluation::unknown(Explanation explanation) {
  uncertain_ = true;
  explain(std::move(explanation));
}

void Evaluation::warn(Explanation explanation) {
  if (std::find(warnings_.begin(), warnings_.end(), explanation) == warnings_.end()) warnings_.push_back(explanation);
  explain(std::move(explanation));
}

void Evaluation::add(const fwd::Verdict& verdict) {
  const bool reach = result_.intent.expect != Expectation::unreachable;
  for (const auto& finding : verdict.findings) {
    Explanation e{std::string(fwd::to_string(finding.code)), finding.address, finding.detail};
    if (finding.code == fwd::ExplanationCode::HIGHER_PRIORITY_ROUTE) {
      // A route that won a same-prefix tie and then lost the packets: part of why a
      // "must reach" fails; for "must not reach" a drop is what is wanted.
      if (reach && verdict.status != fwd::VerdictStatus::holds) explain(std::move(e));
    } else if (finding.code == fwd::ExplanationCode::LATENT_INTERNET_EXPOSURE) {
      if (std::find(warnings_.begin(), warnings_.end(), e) == warnings_.end()) warnings_.push_back(e);
    } else {
      // An unevaluated policy is outside network scope (R5.8), not missing data (R0.1).
      bool policy = finding.code == fwd::ExplanationCode::ENDPOINT_POLICY_NOT_EVALUATED;
      e.message = (policy ? "assumption: " : "assumption (R0.1): ") + e.message;
      explain(std::move(e));
    }
  }
  if (verdict.status == fwd::VerdictStatus::holds) {
    // A "must not reach" that holds names what keeps it true: each resource that stops
    // packets, once, with the number of further paths it stops.
    for (const auto& drop : verdict.barriers) {
      auto e = dropped_explanation(drop);
      e.message = "isolated here: " + e.message;
      explain(std::move(e), "barrier");
    }
    return;
  }
  if (verdict.status == fwd::VerdictStatus::fails) failed_ = true;
  else uncertain_ = true;
  if (reach) {
    // Every drop of requested packets is a blocker; the first certain one is the witness.
    // Blockers found behind another (DroppedPart::behind) are more lines to fix, not the
    // witness path.
    for (const auto& drop : verdict.blockers) {
      explain(dropped_explanation(drop));
      if (drop.behind.empty()) set_path(dropped_path(environment_, drop), drop.witness, drop.certain);
    }
    // Unknown with no blocker: the findings (the assumptions a delivery rests on) say why.
    bool explained = verdict.status == fwd::VerdictStatus::unknown && !verdict.findings.empty();
    if (verdict.blockers.empty() && !explained) explain({"NO_PATH", "", verdict.summary});
    return;
  }
  // unreachable: every delivered part is a counterexample; every resource on its path is
  // part of the reason.
  for (const auto& part : verdict.counterexamples) {
    // Many counterexample paths cross the same hops: explain each hop once (the key is
    // the decision without its "source -> destination: " prefix) and count the rest.
    const auto& graph = environment_.network().graph();
    const std::string where = graph.node(part.source).name + " -> " + graph.node(part.destination).name + ": ";
    for (auto& e : delivered_explanations(environment_, part)) {
      std::string key = e.message.starts_with(where) ? e.message.substr(where.size()) : std::string();
      explain(std::move(e), std::move(key));
    }
    // The witness as the source sent it (part.witness is as delivered, after any NAT).
    auto witness = part.sent.empty() ? std::optional<net::Packet>(part.witness) : part.sent.witness();
    set_path(delivered_path(environment_, part), witness, part.certain);
  }
  for (const auto& drop : verdict.blockers) {
    explain({std::string(fwd::to_string(drop.code)), drop.address,
             "may pass (over-approximated, R0.1): " + (drop.detail.empty() ? std::string(fwd::meaning(drop.code)) : drop.detail)});
  }
}

void Evaluation::explain_failing_flow(const dns::RequiredFlow& flow) {
  // The oracle only said "fails"; ask the engine again for where and why, so the
  // explanation names the responsible resource (a return route, an SG without 53, ...).
  auto verdict = environment_.network().reachable({RequiredFlowOracle::endpoint(flow.from)},
                                                  {RequiredFlowOracle::endpoint(flow.to)}, flow.protocols,
                                                  net::PortSet::of(flow.port));
  for (const auto& drop : verdict.blockers) {
    auto e = dropped_explanation(drop);
    e.message = "required DNS flow to " + flow.to.to_string() + ": " + e.message;
    explain(std::move(e));
  }
}

void Evaluation::unresolved(const dns::Resolution& resolution, const std::string& source) {
  std::string message = source + ": " + resolution.name + ": " + std::string(dns::meaning(resolution.outcome));
  Explanation e{std::string(dns::to_string(resolution.outcome)), resolution.decided_by.address, message};
  for (const auto& step : resolution.steps) {
    if (step.code && *step.code != resolution.outcome)
      explain({std::string(dns::to_string(*step.code)), step.decided_by.address, step.detail});
  }
  for (const auto& flow : resolution.required_flows) {
    if (flow.status != dns::FlowStatus::fails) continue;
    explain({"RESOLVER_UNREACHABLE", flow.decided_by.address, "required flow fails: " + flow.to_string()});
    explain_failing_flow(flow);
  }
  if (result_.intent.expect == Expectation::unreachable) {
    note(std::move(e));
    return;
  }
  fail(std::move(e));
  set_path(resolution_path(resolution), std::nullopt, true);
}

void Evaluation::resolved(const dns::Resolution& resolution, const std::string& source) {
  std::string answers;
  for (const auto& answer : resolution.answers) answers += (answers.empty() ? "" : ", ") + answer.to_string();
  note({"DNS_ANSWER", resolution.decided_by.address, source + ": " + resolution.name + " -> " + answers});
  for (const auto& step : resolution.steps) {
    if (step.code) note({std::string(dns::to_string(*step.code)), step.decided_by.address, step.detail});
  }
  // A "must reach" rests on the answer: what the resolution had to assume is not proven
  // (R0.1 under-approximates), so the intent is unknown, not holding. For "must not
  // reach" the answers are already the over-approximation; the assumptions are notes.
  const bool reach = result_.intent.expect != Expectation::unreachable;
  for (const auto& assumption : resolution.assumptions) {
    Explanation e{"ASSUMPTION", "", "assumption (R0.1): " + assumption};
    if (reach) unknown(std::move(e));
    else note(std::move(e));
  }
  for (const auto& flow : resolution.required_flows) {
    if (flow.status == dns::FlowStatus::fails) {
      // The resolution answered, so another target of the same forwarder or rule took the
      // query: this one is a broken alternative (a lost failover), not a blocker.
      warn({"RESOLVER_UNREACHABLE", flow.decided_by.address,
            "required flow fails, another target answers: " + flow.to_string()});
      explain_failing_flow(flow);
    } else if (flow.status != dns::FlowStatus::works) {
      Explanation e{"ASSUMPTION", flow.decided_by.address,
                    "required flow " + std::string(dns::to_string(flow.status)) + " (R0.1): " + flow.to_string()};
      if (reach) unknown(std::move(e));
      else note(std::move(e));
    }
  }
}

IntentResult Evaluation::result() const {
  IntentResult out = result_;
  for (std::size_t i = 0; i < repeats_.size(); ++i) {
    if (repeats_[i] > 0)
      out.explanations[i].message += " (and " + std::to_string(repeats_[i]) + " more path" + (repeats_[i] > 1 ? "s)" : ")");
  }
  if (!out.intent.known_failure.empty()) {
    out.holds = false;
    out.status = "fails";
    for (const auto& e : out.intent.known_failure) out.explanations.insert(out.explanations.begin(), e);
    return out;
  }
  out.status = failed_ ? "fails" : uncertain_ ? "unknown" : "holds";
  out.holds = !failed_ && !uncertain_;
  if (out.holds) out.witness.reset();
  return out;
}

}  // namespace moat::intent::detail
