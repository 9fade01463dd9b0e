#pragma once
// LoadOptions: how tfstate::load_states reads its inputs.

#include <cstdint>

namespace moat::tfstate {

// Which values of a `terraform show -json` plan file describe the network.
enum class PlanValues : std::uint8_t {
  planned,  // planned_values: the network after apply (ids of new objects are unknown)
  prior,    // prior_state: the network as it is
};

struct LoadOptions {
  // Turn every warning diagnostic into a moat::LoadError (a --strict mode).
  bool strict = false;
  PlanValues plan_values = PlanValues::planned;
};

}  // namespace moat::tfstate
