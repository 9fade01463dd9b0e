#pragma once
// ReachabilityMatrix: whether each source reaches each destination over one header space
// (expectation reachable: every location of the source reaches every location of the
// destination, replies included) — the table behind notebooks' reachability grids.
// One IntentResult per cell, row-major, each named "SOURCE -> DESTINATION", with the
// evidence of check_intent. Every selector is validated before any cell is evaluated: a
// selector that matches nothing throws ParseError naming the cell and the side.

#include <cstddef>
#include <string>
#include <vector>

#include "moat/intent/environment.hpp"
#include "moat/intent/intent_result.hpp"
#include "moat/net/port_set.hpp"
#include "moat/net/protocol_set.hpp"

namespace moat::intent {

struct ReachabilityMatrix {
  std::vector<std::string> sources;       // rows, as given
  std::vector<std::string> destinations;  // columns, as given
  std::vector<IntentResult> cells;        // sources.size() * destinations.size(), row-major

  const IntentResult& at(std::size_t source, std::size_t destination) const;
};

ReachabilityMatrix reachability_matrix(const Environment& environment, const std::vector<std::string>& sources,
                                       const std::vector<std::string>& destinations, const net::ProtocolSet& protocols,
                                       const net::PortSet& ports);

}  // namespace moat::intent
