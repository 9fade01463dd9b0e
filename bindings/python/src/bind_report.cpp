// report: the renderers of `moat check` (JSON, text, SARIF, JUnit) and the pictures of
// `moat graph` / `moat trace --format dot|svg|mermaid` (topology and flow diagrams, DOT,
// Mermaid, JSON, SVG through Graphviz's `dot`).

#include <string>

#include "bindings.hpp"
#include "moat/intent/environment.hpp"
#include "moat/intent/trace.hpp"
#include "moat/report/diagram.hpp"
#include "moat/report/diagram_options.hpp"
#include "moat/report/flow_diagram.hpp"
#include "moat/report/render_svg.hpp"
#include "moat/report/to_dot.hpp"
#include "moat/report/to_json.hpp"
#include "moat/report/to_junit.hpp"
#include "moat/report/to_mermaid.hpp"
#include "moat/report/to_sarif.hpp"
#include "moat/report/to_text.hpp"
#include "moat/report/topology_diagram.hpp"

namespace py = pybind11;

namespace moat::python {

void bind_report(py::module_& m) {
  using release = py::call_guard<py::gil_scoped_release>;
  m.def("to_json", py::overload_cast<const intent::CheckReport&>(&report::to_json), py::arg("report"),
        "The `moat check --format json` document.");
  m.def("to_json", py::overload_cast<const intent::IntentResult&>(&report::to_json), py::arg("result"),
        "One element of the document's \"intents\".");
  m.def("to_text", &report::to_text, py::arg("report"), py::arg("colour") = false);
  m.def("to_sarif", &report::to_sarif, py::arg("report"));
  m.def("to_junit", &report::to_junit, py::arg("report"));

  py::class_<report::Diagram>(m, "Diagram", "A topology or flow picture, before it is written in a drawing language.")
      .def_readonly("title", &report::Diagram::title)
      .def_property_readonly("node_count", [](const report::Diagram& d) { return d.nodes.size(); })
      .def_property_readonly("edge_count", [](const report::Diagram& d) { return d.edges.size(); });
  m.def(
      "topology_diagram",
      [](const intent::Environment& environment, const std::string& title, const std::string& focus) {
        return report::topology_diagram(environment, {title, "", focus});
      },
      py::arg("environment"), py::arg("title") = std::string{}, py::arg("focus") = std::string{}, release(),
      "The network drawn as `moat graph` draws it; a focus that matches nothing raises ParseError.");
  m.def(
      "flow_diagram",
      [](const intent::Environment& environment, const intent::TracedFlow& traced, const std::string& title,
         const std::string& focus) { return report::flow_diagram(environment, traced, {title, "", focus}); },
      py::arg("environment"), py::arg("traced"), py::arg("title") = std::string{}, py::arg("focus") = std::string{},
      release(), "One traced flow drawn on the topology, as `moat trace --format dot` draws it.");
  m.def("to_dot", &report::to_dot, py::arg("diagram"), "Graphviz DOT (deterministic).");
  m.def("to_mermaid", &report::to_mermaid, py::arg("diagram"), "A Mermaid flowchart (deterministic).");
  m.def("diagram_to_json", py::overload_cast<const report::Diagram&>(&report::to_json), py::arg("diagram"),
        "The `moat graph --format json` document.");
  m.def("render_svg", &report::render_svg, py::arg("dot"), py::arg("program") = std::string{"dot"}, release(),
        "DOT laid out as SVG by Graphviz's `dot`; raises moat.Error when Graphviz is missing or rejects the input.");
}

}  // namespace moat::python
