#include "moat/report/to_dot.hpp"

#include <cstdio>
#include <string_view>

#include "diagram_order.hpp"
#include "diagram_style.hpp"

namespace moat::report {

namespace {

// A DOT double-quoted string: quotes and backslashes escaped, "\n" as DOT's centred line
// break, other control characters as spaces (DOT would otherwise keep them raw).
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string width(double value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

std::string pick(std::string_view preferred, std::string_view fallback) {
  return std::string(preferred.empty() ? fallback : preferred);
}

class DotWriter {
 public:
  explicit DotWriter(const Diagram& diagram) : diagram_(diagram), ordered_(detail::order(diagram)) {}

  std::string write() {
    out_ += "digraph moat {\n";
    std::string font = quoted(detail::font_name);
    out_ += "  graph [fontname=" + font + ", fontsize=12, rankdir=LR, newrank=true, nodesep=0.35, ranksep=0.55";
    if (!diagram_.title.empty()) out_ += ", label=" + quoted(diagram_.title) + ", labelloc=t";
    out_ += "];\n";
    out_ += "  node [fontname=" + font + ", fontsize=10, margin=\"0.12,0.06\"];\n";
    out_ += "  edge [fontname=" + font + ", fontsize=9];\n";
    write_level("", 1);
    for (const auto* edge : ordered_.edges) write_edge(*edge);
    out_ += "}\n";
    return std::move(out_);
  }

 private:
  void indent(int depth) { out_.append(static_cast<std::size_t>(depth) * 2, ' '); }

  void write_level(const std::string& cluster, int depth) {
    if (auto it = ordered_.members.find(cluster); it != ordered_.members.end()) {
      for (const auto* node : it->second) write_node(*node, depth);
    }
    if (auto it = ordered_.children.find(cluster); it != ordered_.children.end()) {
      for (const auto* child : it->second) {
        const auto& look = detail::look(child->role);
        indent(depth);
        out_ += "subgraph " + quoted("cluster_" + child->id) + " {\n";
        indent(depth + 1);
        out_ += "graph [label=" + quoted(child->label) + ", style=" + quoted(look.dashed ? "rounded,dashed,filled" : "rounded,filled") +
                ", color=" + quoted(look.stroke) + ", fillcolor=" + quoted(look.fill) + ", fontcolor=" + quoted(look.font) +
                ", labeljust=l];\n";
        write_level(child->id, depth + 1);
        indent(depth);
        out_ += "}\n";
      }
    }
  }

  void write_node(const DiagramNode& node, int depth) {
    const auto& look = detail::look(node.role);
    const auto& marking = detail::node_marking(node.emphasis);
    std::string style = "filled";
    if (look.rounded) style += ",rounded";
    if (look.dashed) style += ",dashed";
    std::string tooltip = node.address;
    if (!node.aws_id.empty()) tooltip += (tooltip.empty() ? "" : "\n") + node.aws_id;
    indent(depth);
    out_ += quoted(node.id) + " [label=" + quoted(node.label) + ", shape=" + std::string(look.dot_shape) +
            ", style=" + quoted(style) + ", fillcolor=" + quoted(pick(marking.fill, look.fill)) +
            ", color=" + quoted(pick(marking.stroke, look.stroke)) + ", fontcolor=" + quoted(marking.font) +
            ", penwidth=" + width(marking.width);
    if (!tooltip.empty()) out_ += ", tooltip=" + quoted(tooltip);
    out_ += "];\n";
  }

  void write_edge(const DiagramEdge& edge) {
    const auto& look = detail::look(edge.role);
    const auto& marking = detail::edge_marking(edge.emphasis);
    std::string colour = pick(marking.stroke, look.colour);
    out_ += "  " + quoted(edge.from) + " -> " + quoted(edge.to) + " [";
    if (!edge.label.empty()) out_ += "label=" + quoted(edge.label) + ", ";
    out_ += "color=" + quoted(colour) + ", fontcolor=" + quoted(edge.emphasis == Emphasis::normal ? std::string(detail::font_colour) : colour) +
            ", penwidth=" + width(marking.width);
    if (look.dashed) out_ += ", style=dashed";
    if (edge.both_ways) {
      out_ += ", dir=both";
    } else if (!look.arrow) {
      out_ += ", dir=none";
    }
    out_ += "];\n";
  }

  const Diagram& diagram_;
  detail::OrderedDiagram ordered_;
  std::string out_;
};

}  // namespace

std::string to_dot(const Diagram& diagram) { return DotWriter(diagram).write(); }

}  // namespace moat::report
