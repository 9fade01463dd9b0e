// check_*: binds intents to the model and evaluates them with the forwarding engine and
// the DNS resolver (dns:/service: destinations are resolved from each source's vantage,
// then every answer must be reached).

#include "moat/intent/check.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <utility>

#include "binding.hpp"
#include "evaluation.hpp"
#include "resolved_destinations.hpp"
#include "moat/core/error.hpp"
#include "moat/dns/resolve.hpp"
#include "moat/dns/service_dns_names.hpp"
#include "moat/intent/closed_profile.hpp"
#include "moat/net/packet_set.hpp"
#include "moat/scenario/load_scenario.hpp"
#include "moat/tfstate/load_states.hpp"

namespace moat::intent {

namespace {

using detail::Evaluation;

std::string where(const Intent& intent, const char* side) { return "intent \"" + intent.name + "\": " + side; }

void evaluate_flow(const Environment& environment, const Intent& intent, Evaluation& evaluation,
                   const std::vector<fwd::Endpoint>& from, const std::vector<fwd::Endpoint>& to) {
  const auto& network = environment.network();
  if (intent.expect == Expectation::unreachable)
    evaluation.add(network.isolated(from, to, detail::header_space(intent.protocols, intent.ports)));
  else evaluation.add(network.reachable(from, to, intent.protocols, intent.ports));
}

void evaluate_resolved(const Environment& environment, const Intent& intent, Evaluation& evaluation,
                       const fwd::Endpoint& source, const std::string& name) {
  std::string source_name = detail::describe(environment, source);
  auto vantages = detail::vantages_of(environment, source);
  if (vantages.empty()) {
    evaluation.unknown({"UNKNOWN_OUTSIDE_MODEL", "",
                        source_name + ": resolving " + name + " from here goes through DNS servers moat does not model"});
    return;
  }
  for (const auto& vantage : vantages) {
    auto resolution = dns::resolve(environment.snapshot(), name, model::RecordType::a, vantage, environment.dns_context());
    bool usable = resolution.resolved();
    auto targets = usable ? detail::answer_endpoints(environment, resolution) : std::nullopt;
    if (!targets) {
      evaluation.unresolved(resolution, source_name);
      continue;
    }
    evaluation.resolved(resolution, source_name);
    if (intent.expect == Expectation::resolvable) {
      bool public_answer = std::any_of(resolution.answers.begin(), resolution.answers.end(),
                                       [](const dns::Answer& a) { return a.is_public(); });
      if (public_answer)
        evaluation.fail({"RESOLVES_TO_PUBLIC", resolution.decided_by.address,
                         source_name + ": " + name + " resolves to public addresses"});
      continue;
    }
    evaluate_flow(environment, intent, evaluation, {source}, *targets);
  }
}

struct Bound {
  std::vector<fwd::Endpoint> from;
  Selector to;
  std::vector<fwd::Endpoint> to_endpoints;  // plain destinations
};

Bound bind(const Environment& environment, const Intent& intent) {
  Bound bound;
  Selector from;
  try {
    from = parse_selector(intent.from);
  } catch (const ParseError& error) {
    throw ParseError(where(intent, "from") + ": " + error.what());
  }
  try {
    bound.to = parse_selector(intent.to);
  } catch (const ParseError& error) {
    throw ParseError(where(intent, "to") + ": " + error.what());
  }
  bound.from = detail::bind_plain(environment, from, where(intent, "from"));
  switch (bound.to.kind) {
    case SelectorKind::dns: break;
    case SelectorKind::service:
      if (environment.region().empty())
        throw ParseError("[moat.scenario] " + where(intent, "to") + ": \"" + intent.to +
                         "\" needs the scenario's \"region\" (no endpoint in state names one)");
      break;
    default: bound.to_endpoints = detail::bind_plain(environment, bound.to, where(intent, "to"));
  }
  if (intent.expect == Expectation::resolvable && bound.to.kind != SelectorKind::dns)
    throw ParseError("[moat.scenario] " + where(intent, "to") + ": \"resolvable\" needs a dns: selector");
  return bound;
}

// R7.9: what a declared network does on its own side (routes toward its attachments,
// firewalls, which path it prefers) is the scenario's input, not something proven.
void note_declared_network(Evaluation& evaluation, const std::vector<fwd::Endpoint>& endpoints) {
  for (const auto& endpoint : endpoints) {
    if (endpoint.kind != fwd::Endpoint::Kind::external_network) continue;
    evaluation.note({"ASSUMPTION", "",
                     "assumption (R7.9): network " + endpoint.name + " routes to and from the VPCs over its declared "
                     "attachments and its own routers and firewalls pass the flow; only the AWS side is proven"});
  }
}

// Whether a VPC endpoint of the state is for com.amazonaws.<region>.<service>.
bool served_by_endpoint(const Environment& environment, const std::string& service) {
  const auto& endpoints = environment.snapshot().vpc_endpoints;
  return std::any_of(endpoints.begin(), endpoints.end(),
                     [&](const model::VpcEndpoint& e) { return e.service_name.ends_with("." + service); });
}

IntentResult evaluate(const Environment& environment, const Intent& intent, std::vector<Explanation>* warnings) {
  Evaluation evaluation(environment, intent);
  if (intent.known_failure.empty()) {
    auto bound = bind(environment, intent);
    note_declared_network(evaluation, bound.from);
    note_declared_network(evaluation, bound.to_endpoints);
    switch (bound.to.kind) {
      case SelectorKind::dns:
        for (const auto& source : bound.from) evaluate_resolved(environment, intent, evaluation, source, bound.to.value);
        break;
      case SelectorKind::service: {
        const auto& service = bound.to.value;
        if (!dns::is_known_service(service) && !served_by_endpoint(environment, service))
          evaluation.warn({"UNKNOWN_SERVICE", "",
                           "intent \"" + intent.name + "\": \"service:" + service +
                               "\" is neither a service moat knows nor one a VPC endpoint of the state serves: it "
                               "resolves as " + detail::service_dns_name(environment, service) +
                               " by the general rule (a misspelt name?)"});
        // The service's name resolves from each source; public answers go to the service
        // itself, which the engine reaches by its gateway endpoint or the internet (R2.15).
        for (const auto& source : bound.from)
          evaluate_resolved(environment, intent, evaluation, source, detail::service_dns_name(environment, service));
        break;
      }
      default: evaluate_flow(environment, intent, evaluation, bound.from, bound.to_endpoints);
    }
  }
  if (warnings) {
    for (const auto& w : evaluation.warnings()) warnings->push_back(w);
  }
  return evaluation.result();
}

}  // namespace

std::vector<Intent> scenario_intents(const scenario::Scenario& scenario) {
  std::vector<Intent> out;
  for (const auto& declared : scenario.intents) {
    Intent intent;
    intent.name = declared.name;
    intent.from = declared.from;
    intent.to = declared.to;
    intent.protocols = declared.protocols;
    intent.ports = declared.ports;
    intent.expect = declared.expect == scenario::Expect::reachable ? Expectation::reachable : Expectation::unreachable;
    out.push_back(std::move(intent));
  }
  return out;
}

void validate_intent(const Environment& environment, const Intent& intent) {
  if (intent.known_failure.empty()) bind(environment, intent);
}

IntentResult check_intent(const Environment& environment, const Intent& intent) {
  return evaluate(environment, intent, nullptr);
}

CheckReport check_environment(const Environment& environment, const std::string& profile_override,
                              const CheckProgressCallback& progress) {
  const auto& scenario = environment.scenario();
  const auto& snapshot = environment.snapshot();
  auto report_progress = [&](CheckProgress::Stage stage, std::size_t done, std::size_t total, const std::string& intent) {
    if (progress) progress(CheckProgress{stage, done, total, intent});
  };
  auto intents = scenario_intents(scenario);
  std::string profile = profile_override.empty() ? scenario.profile : profile_override;
  std::vector<Explanation> warnings;
  if (profile == "closed") {
    for (auto& derived : closed_profile_intents(environment)) intents.push_back(std::move(derived));
    warnings = closed_profile_warnings(environment);
  } else if (!profile.empty()) {
    throw ParseError("[moat.scenario] unknown profile \"" + profile + "\" (known: closed)");
  }
  std::set<std::string> names;
  for (const auto& intent : intents) {
    if (!names.insert(intent.name).second)
      throw ParseError("[moat.scenario] two intents are named \"" + intent.name + "\"");
    validate_intent(environment, intent);
  }

  CheckReport report;
  report.scenario = scenario.file.string();
  for (const auto& intent : intents) {
    report_progress(CheckProgress::Stage::checking, report.intents.size(), intents.size(), intent.name);
    report.intents.push_back(evaluate(environment, intent, &warnings));
  }
  report_progress(CheckProgress::Stage::finished, intents.size(), intents.size(), "");
  std::sort(report.intents.begin(), report.intents.end(),
            [](const IntentResult& a, const IntentResult& b) { return a.intent.name < b.intent.name; });
  for (const auto& d : snapshot.diagnostics) {
    if (d.severity != model::Severity::info) warnings.push_back({d.code, d.address, d.message});
  }
  std::sort(warnings.begin(), warnings.end());
  warnings.erase(std::unique(warnings.begin(), warnings.end()), warnings.end());
  report.warnings = std::move(warnings);
  for (const auto& [type, count] : snapshot.unmodelled) report.unmodelled.emplace_back(type, count);
  report.states = snapshot.files;
  return report;
}

model::Snapshot load_scenario_states(const scenario::Scenario& scenario, const CheckOptions& options) {
  auto states = scenario.states;
  states.insert(states.end(), options.extra_states.begin(), options.extra_states.end());
  if (states.empty())
    throw LoadError(scenario.file.string(), "/states", "", "no state files: list them in \"states\" or pass --state");
  if (options.strict) scenario::require_no_warnings(scenario);
  if (options.progress) options.progress(CheckProgress{CheckProgress::Stage::loading, 0, states.size(), ""});
  tfstate::LoadOptions load_options;
  load_options.strict = options.strict;
  auto snapshot = tfstate::load_states(states, load_options);
  for (auto& diagnostic : scenario::scenario_diagnostics(scenario)) snapshot.diagnostics.push_back(std::move(diagnostic));
  return snapshot;
}

CheckReport check_scenario(const scenario::Scenario& scenario, const CheckOptions& options) {
  auto snapshot = load_scenario_states(scenario, options);
  Environment environment(snapshot, scenario);
  return check_environment(environment, options.profile, options.progress);
}

}  // namespace moat::intent
