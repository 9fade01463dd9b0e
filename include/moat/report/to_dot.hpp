#pragma once
// to_dot: a Diagram in Graphviz DOT — clusters as nested "cluster_…" subgraphs, every id
// and label quoted and escaped (quotes, backslashes, line breaks), styles from the diagram's
// roles and emphases, a tooltip with the Terraform address and AWS id on every node.
// Deterministic: the same Diagram gives the same bytes (see diagram.hpp for the order).

#include <string>

#include "moat/report/diagram.hpp"

namespace moat::report {

std::string to_dot(const Diagram& diagram);

}  // namespace moat::report
