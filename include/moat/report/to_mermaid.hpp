#pragma once
// to_mermaid: a Diagram as a Mermaid flowchart (for Markdown that renders Mermaid) —
// clusters as nested subgraphs, labels quoted with Mermaid's entity codes for quotes, "#",
// "<", ">", "&", "|", backticks, "%" and ":" (an empty label is a space), ids made of letters,
// digits and "_" behind an "n_"/"c_" prefix, so never a keyword such as "end" (collisions numbered),
// styles as classDef/class, style and linkStyle lines. Deterministic, like to_dot.

#include <string>

#include "moat/report/diagram.hpp"

namespace moat::report {

std::string to_mermaid(const Diagram& diagram);

}  // namespace moat::report
