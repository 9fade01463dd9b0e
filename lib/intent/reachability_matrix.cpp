#include "moat/intent/reachability_matrix.hpp"

#include "moat/core/assert.hpp"
#include "moat/intent/check.hpp"

namespace moat::intent {

const IntentResult& ReachabilityMatrix::at(std::size_t source, std::size_t destination) const {
  MOAT_ASSERT(source < sources.size() && destination < destinations.size(), "reachability matrix cell out of range");
  return cells[source * destinations.size() + destination];
}

ReachabilityMatrix reachability_matrix(const Environment& environment, const std::vector<std::string>& sources,
                                       const std::vector<std::string>& destinations, const net::ProtocolSet& protocols,
                                       const net::PortSet& ports) {
  std::vector<Intent> intents;
  intents.reserve(sources.size() * destinations.size());
  for (const auto& from : sources) {
    for (const auto& to : destinations) {
      Intent intent;
      intent.name = from + " -> " + to;
      intent.from = from;
      intent.to = to;
      intent.protocols = protocols;
      intent.ports = ports;
      intent.expect = Expectation::reachable;
      validate_intent(environment, intent);
      intents.push_back(std::move(intent));
    }
  }
  ReachabilityMatrix matrix{sources, destinations, {}};
  matrix.cells.reserve(intents.size());
  for (const auto& intent : intents) matrix.cells.push_back(check_intent(environment, intent));
  return matrix;
}

}  // namespace moat::intent
