// report: the renderers of `moat check` (JSON, text, SARIF, JUnit).

#include <string>

#include "bindings.hpp"
#include "moat/report/to_json.hpp"
#include "moat/report/to_junit.hpp"
#include "moat/report/to_sarif.hpp"
#include "moat/report/to_text.hpp"

namespace py = pybind11;

namespace moat::python {

void bind_report(py::module_& m) {
  m.def("to_json", py::overload_cast<const intent::CheckReport&>(&report::to_json), py::arg("report"),
        "The `moat check --format json` document.");
  m.def("to_json", py::overload_cast<const intent::IntentResult&>(&report::to_json), py::arg("result"),
        "One element of the document's \"intents\".");
  m.def("to_text", &report::to_text, py::arg("report"), py::arg("colour") = false);
  m.def("to_sarif", &report::to_sarif, py::arg("report"));
  m.def("to_junit", &report::to_junit, py::arg("report"));
}

}  // namespace moat::python
