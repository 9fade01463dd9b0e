#pragma once
// Private to lib/report: the one table of looks every diagram writer draws from, so DOT and
// Mermaid give a role the same shape family and colours and an emphasis the same marking.

#include <string_view>

#include "moat/report/diagram.hpp"

namespace moat::report::detail {

struct NodeLook {
  std::string_view dot_shape;      // Graphviz shape
  bool rounded;                    // Graphviz style "rounded"
  std::string_view mermaid_open;   // Mermaid shape delimiters: "[", "([", "{{", ...
  std::string_view mermaid_close;
  std::string_view fill;
  std::string_view stroke;
  bool dashed;
};

struct ClusterLook {
  std::string_view stroke;
  std::string_view fill;
  std::string_view font;
  bool dashed;
};

struct EdgeLook {
  std::string_view colour;
  bool dashed;
  bool arrow;  // an arrowhead at the target
};

// How an emphasis overrides the look ("" keeps the role's colour).
struct Marking {
  std::string_view stroke;
  std::string_view fill;
  std::string_view font;
  double width;
};

const NodeLook& look(NodeRole role);
const ClusterLook& look(ClusterRole role);
const EdgeLook& look(EdgeRole role);
const Marking& node_marking(Emphasis emphasis);
const Marking& edge_marking(Emphasis emphasis);

inline constexpr std::string_view font_colour = "#232F3E";
inline constexpr std::string_view font_name = "Helvetica";

}  // namespace moat::report::detail
