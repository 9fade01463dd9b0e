// libFuzzer target for the Terraform state loader (built with -DMOAT_FUZZ=ON, run by
// scripts/fuzz-loader).
//
// Contract under test: for any bytes, moat::tfstate::load_state_text either returns a
// Snapshot or throws a moat::Error (LoadError for unusable input, ParseError for a bad
// value). Any other exception, a crash, a sanitizer report, a failed MOAT_ASSERT or a
// hang is a bug. The bytes are loaded twice, with the default options and with
// --strict + prior_state, and the returned Snapshot's derived lookups are exercised so
// that dangling ids or broken indexes surface here rather than in the analysis.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string_view>

#include "moat/core/error.hpp"
#include "moat/model/snapshot.hpp"
#include "moat/tfstate/load_states.hpp"

namespace {

void exercise(const moat::model::Snapshot& snapshot) {
  for (std::size_t i = 0; i < snapshot.subnets.size(); ++i) {
    auto subnet = static_cast<moat::model::SubnetId>(i);
    if (auto table = snapshot.effective_route_table(subnet)) (void)snapshot.get(*table);
    if (auto acl = snapshot.effective_network_acl(subnet)) (void)snapshot.get(*acl);
  }
}

void load(std::string_view text, const moat::tfstate::LoadOptions& options) {
  try {
    exercise(moat::tfstate::load_state_text(text, "fuzz.tfstate", options));
  } catch (const moat::Error&) {
    // Rejected input: the expected outcome for most mutations.
  } catch (const std::exception& e) {
    std::fprintf(stderr, "[moat.fuzz] load_state_text threw a non-moat exception: %s\n", e.what());
    std::abort();
  } catch (...) {
    std::fprintf(stderr, "[moat.fuzz] load_state_text threw a non-std exception\n");
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  load(text, {});
  load(text, {.strict = true, .plan_values = moat::tfstate::PlanValues::prior});
  return 0;
}
