// scenario: scenario files (moat.json) and the intent protocol/port syntax.

#include <string>
#include <vector>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "moat/scenario/load_scenario.hpp"

namespace py = pybind11;

namespace moat::python {

void bind_scenario(py::module_& m) {
  using scenario::Scenario;
  py::class_<scenario::NetworkDeclaration>(m, "NetworkDeclaration", "An external network the scenario declares.")
      .def_readonly("name", &scenario::NetworkDeclaration::name)
      .def_property_readonly("cidrs", [](const scenario::NetworkDeclaration& n) {
        std::vector<std::string> out;
        for (const auto& cidr : n.cidrs) out.push_back(cidr.to_string());
        return out;
      });
  py::class_<scenario::IntentDeclaration>(m, "IntentDeclaration", "An intent as the scenario file writes it.")
      .def_readonly("name", &scenario::IntentDeclaration::name)
      .def_readonly("source", &scenario::IntentDeclaration::from)
      .def_readonly("destination", &scenario::IntentDeclaration::to)
      .def_readonly("protocol", &scenario::IntentDeclaration::protocol)
      .def_readonly("port", &scenario::IntentDeclaration::port)
      .def_property_readonly("expect", [](const scenario::IntentDeclaration& i) {
        return i.expect == scenario::Expect::reachable ? "reachable" : "unreachable";
      });
  py::class_<Scenario>(m, "Scenario", "The parsed contents of a scenario file.")
      .def(py::init<>())
      .def_readwrite("file", &Scenario::file)
      .def_readwrite("states", &Scenario::states)
      .def_readwrite("region", &Scenario::region)
      .def_readwrite("profile", &Scenario::profile)
      .def_readonly("networks", &Scenario::networks)
      .def_readonly("intents", &Scenario::intents);
  m.def("load_scenario", &scenario::load_scenario, py::arg("file"));
  m.def("load_scenario_or_state", &scenario::load_scenario_or_state, py::arg("file"));
  m.def("parse_scenario", &scenario::parse_scenario, py::arg("text"), py::arg("file_name"),
        py::arg("base_directory") = std::filesystem::path{});
  m.def("parse_intent_protocol", &scenario::parse_intent_protocol, py::arg("text"));
  m.def("parse_intent_port", &scenario::parse_intent_port, py::arg("text"));
}

}  // namespace moat::python
