// Mermaid flowchart writer. Validated against Mermaid 11.17.2 and 10.9.8 (npm "mermaid" under
// Node 20 with jsdom, outside the build; npm is no dependency): every picture of the examples,
// the golden files and fixtures with hostile Terraform addresses passes mermaid.parse, and the
// parsed nodes, subgraphs and edges read back equal to the Diagram's JSON. See docs/mermaid.md.
#include "moat/report/to_mermaid.hpp"

#include <cstdio>
#include <map>
#include <set>
#include <string_view>
#include <utility>

#include "diagram_order.hpp"
#include "diagram_style.hpp"

namespace moat::report {

namespace {

// Mermaid ids: the diagram id with every run of characters other than letters and digits
// as one "_", behind a prefix (so never a keyword such as "end"); ids that would collide get
// "_2", "_3", ... in id order, so distinct diagram ids stay distinct.
class MermaidIds {
 public:
  explicit MermaidIds(std::string prefix) : prefix_(std::move(prefix)) {}

  const std::string& operator()(const std::string& id) {
    auto it = ids_.find(id);
    if (it != ids_.end()) return it->second;
    std::string base = prefix_;
    for (char c : id) {
      auto u = static_cast<unsigned char>(c);
      bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
      if (plain) {
        base += c;
      } else if (base.back() != '_') {
        base += '_';
      }
    }
    while (base.size() > prefix_.size() && base.back() == '_') base.pop_back();
    std::string name = base;
    for (int n = 2; !taken_.insert(name).second; ++n) name = base + "_" + std::to_string(n);
    return ids_.emplace(id, name).first->second;
  }

 private:
  std::string prefix_;
  std::map<std::string, std::string> ids_;
  std::set<std::string> taken_;
};

// Text for inside a Mermaid double-quoted label: entity codes for the characters Mermaid
// would read as syntax or markup, "<br/>" for line breaks. Mermaid reads its input before
// parsing it, so two characters that are plain inside a quoted string still get codes:
// "%" (a "%%{...}%%" anywhere in the text is taken as a directive and cut out of the label)
// and ":" (on a line with "style" or "classDef" before a ":" that runs into an entity code,
// Mermaid drops the line's last ";", so "aws_vpc.style[\"a:b\"]" would show "#quot").
// An empty label is a space: Mermaid rejects [""] but draws [" "] as an empty box.
std::string label_text(std::string_view text) {
  if (text.empty()) return " ";
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"': out += "#quot;"; break;
      case '#': out += "#35;"; break;
      case '%': out += "#37;"; break;
      case ':': out += "#58;"; break;
      case '<': out += "#lt;"; break;
      case '>': out += "#gt;"; break;
      case '&': out += "#amp;"; break;
      case '|': out += "#124;"; break;
      case '`': out += "#96;"; break;
      case '\n': out += "<br/>"; break;
      default:
        out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c;
    }
  }
  return out;
}

// A YAML double-quoted scalar (the front-matter title).
std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string pick(std::string_view preferred, std::string_view fallback) {
  return std::string(preferred.empty() ? fallback : preferred);
}

std::string width(double value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.0fpx", value);
  return buffer;
}

class MermaidWriter {
 public:
  explicit MermaidWriter(const Diagram& diagram) : diagram_(diagram), ordered_(detail::order(diagram)) {
    // Names are handed out in id order (nodes, then clusters), so they do not depend on
    // where an id first appears in the output.
    for (const auto* node : ordered_.nodes) node_id(node->id);
    for (const auto* cluster : ordered_.clusters) cluster_id(cluster->id);
  }

  std::string write() {
    if (!diagram_.title.empty()) out_ += "---\ntitle: " + yaml_quoted(diagram_.title) + "\n---\n";
    out_ += "flowchart LR\n";
    write_level("", 1);
    write_edges();
    write_classes();
    write_cluster_styles();
    write_link_styles();
    return std::move(out_);
  }

 private:
  void indent(int depth) { out_.append(static_cast<std::size_t>(depth) * 2, ' '); }

  void write_level(const std::string& cluster, int depth) {
    if (auto it = ordered_.members.find(cluster); it != ordered_.members.end()) {
      for (const auto* node : it->second) {
        const auto& look = detail::look(node->role);
        indent(depth);
        out_ += node_id(node->id) + std::string(look.mermaid_open) + "\"" + label_text(node->label) + "\"" +
                std::string(look.mermaid_close) + "\n";
        auto& members = classes_[class_name(*node)];
        members.first = node;
        members.second.push_back(node_id(node->id));
      }
    }
    if (auto it = ordered_.children.find(cluster); it != ordered_.children.end()) {
      for (const auto* child : it->second) {
        indent(depth);
        out_ += "subgraph " + cluster_id(child->id) + "[\"" + label_text(child->label) + "\"]\n";
        write_level(child->id, depth + 1);
        indent(depth);
        out_ += "end\n";
      }
    }
  }

  static std::string class_name(const DiagramNode& node) {
    return std::string(to_string(node.role)) + "_" + std::string(to_string(node.emphasis));
  }

  void write_edges() {
    for (const auto* edge : ordered_.edges) {
      const auto& look = detail::look(edge->role);
      bool thick = edge->emphasis == Emphasis::delivered || edge->emphasis == Emphasis::dropped;
      std::string line = thick ? "==" : look.dashed ? "-.-" : "--";
      std::string arrow;
      if (edge->both_ways) {
        arrow = "<" + line + ">";
      } else if (look.arrow) {
        arrow = line + ">";
      } else {
        arrow = thick ? "===" : look.dashed ? "-.-" : "---";
      }
      out_ += "  " + node_id(edge->from) + " " + arrow;
      if (!edge->label.empty()) out_ += "|\"" + label_text(edge->label) + "\"|";
      out_ += " " + node_id(edge->to) + "\n";
    }
  }

  void write_classes() {
    for (const auto& [name, members] : classes_) {
      const auto& [sample, ids] = members;
      const auto& look = detail::look(sample->role);
      const auto& marking = detail::node_marking(sample->emphasis);
      out_ += "  classDef " + name + " fill:" + pick(marking.fill, look.fill) + ",stroke:" + pick(marking.stroke, look.stroke) +
              ",color:" + std::string(marking.font) + ",stroke-width:" + width(marking.width);
      if (look.dashed) out_ += ",stroke-dasharray:4 3";
      out_ += "\n  class ";
      for (std::size_t i = 0; i < ids.size(); ++i) out_ += (i ? "," : "") + ids[i];
      out_ += " " + name + "\n";
    }
  }

  void write_cluster_styles() {
    for (const auto* cluster : ordered_.clusters) {
      const auto& look = detail::look(cluster->role);
      out_ += "  style " + cluster_id(cluster->id) + " fill:" + std::string(look.fill) + ",stroke:" + std::string(look.stroke) +
              ",color:" + std::string(look.font);
      if (look.dashed) out_ += ",stroke-dasharray:6 4";
      out_ += "\n";
    }
  }

  void write_link_styles() {
    for (std::size_t i = 0; i < ordered_.edges.size(); ++i) {
      const auto* edge = ordered_.edges[i];
      const auto& look = detail::look(edge->role);
      const auto& marking = detail::edge_marking(edge->emphasis);
      out_ += "  linkStyle " + std::to_string(i) + " stroke:" + pick(marking.stroke, look.colour) +
              ",stroke-width:" + width(marking.width) + ",color:" +
              (edge->emphasis == Emphasis::normal ? std::string(detail::font_colour) : pick(marking.stroke, look.colour)) + "\n";
    }
  }

  const Diagram& diagram_;
  detail::OrderedDiagram ordered_;
  MermaidIds node_id{"n_"};
  MermaidIds cluster_id{"c_"};
  std::string out_;
  // class name (role_emphasis) -> a node of that class and every node id, in emission order
  std::map<std::string, std::pair<const DiagramNode*, std::vector<std::string>>> classes_;
};

}  // namespace

std::string to_mermaid(const Diagram& diagram) { return MermaidWriter(diagram).write(); }

}  // namespace moat::report
