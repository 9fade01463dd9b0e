#pragma once
// CheckReport: everything `moat check` reports — one IntentResult per intent (sorted by
// name), warnings (latent exposure, assumptions that concern no single intent), the
// resource types the loader did not model and the state files read.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "moat/intent/explanation.hpp"
#include "moat/intent/intent_result.hpp"

namespace moat::intent {

struct CheckReport {
  std::string scenario;  // the scenario file as named
  std::vector<IntentResult> intents;
  std::vector<Explanation> warnings;                        // sorted, unique
  std::vector<std::pair<std::string, std::size_t>> unmodelled;  // type -> count, sorted by type
  std::vector<std::string> states;                          // as loaded

  bool ok() const;  // every intent holds
};

}  // namespace moat::intent
