#pragma once
// check_*: evaluating intents.
//   scenario_intents   the scenario file's intents as Intents
//   validate_intent    binds both selectors; throws ParseError naming the intent and the
//                      side ("intent \"x\": to: \"aws_lb.nope\" matches nothing")
//   check_intent       one verdict with witness, path and explanations
//   check_environment  the scenario's intents (environment.scenario()) plus the profile's
//                      (`profile` overrides the scenario's when set), all validated, then
//                      evaluated over states already loaded
//   load_scenario_states  the scenario's states (+ CheckOptions::extra_states) loaded
//                      into one Snapshot whose diagnostics also hold the scenario's own
//                      warnings; with CheckOptions::strict every scenario or load warning
//                      is a LoadError instead
//   check_scenario     the whole `moat check`: load_scenario_states, bind the networks,
//                      then check_environment (reporting its progress through
//                      CheckOptions::progress)
// Analysis outcomes are values; only bad input throws (LoadError, ParseError).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "moat/intent/check_report.hpp"
#include "moat/intent/environment.hpp"
#include "moat/intent/intent.hpp"
#include "moat/intent/intent_result.hpp"
#include "moat/model/snapshot.hpp"
#include "moat/scenario/scenario.hpp"

namespace moat::intent {

// Where check_scenario is, for a progress display: loading `total` state files, then
// checking intent `done + 1` of `total` (`intent` names it), then finished.
struct CheckProgress {
  enum class Stage : std::uint8_t { loading, checking, finished };
  Stage stage = Stage::loading;
  std::size_t done = 0;
  std::size_t total = 0;
  std::string intent;
};
using CheckProgressCallback = std::function<void(const CheckProgress&)>;

struct CheckOptions {
  std::vector<std::filesystem::path> extra_states;  // --state
  std::string profile;                               // overrides the scenario's when set
  // Called before loading, before each intent and once at the end; may be empty.
  CheckProgressCallback progress;
  // Every scenario and load warning is a LoadError (`moat check --strict`).
  bool strict = false;
};

std::vector<Intent> scenario_intents(const scenario::Scenario& scenario);
void validate_intent(const Environment& environment, const Intent& intent);
IntentResult check_intent(const Environment& environment, const Intent& intent);
CheckReport check_environment(const Environment& environment, const std::string& profile = {},
                              const CheckProgressCallback& progress = {});
model::Snapshot load_scenario_states(const scenario::Scenario& scenario, const CheckOptions& options = {});
CheckReport check_scenario(const scenario::Scenario& scenario, const CheckOptions& options = {});

}  // namespace moat::intent
