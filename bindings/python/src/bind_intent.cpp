// intent: the Environment (states + declared networks + engines), checks, traces, DNS
// resolution from a vantage, reachability matrices and the evidence spelling.
// The Environment refers to the Snapshot it was built from: keep_alive ties their
// lifetimes, so a Python Environment keeps its Snapshot alive.

#include <string>
#include <vector>

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "moat/intent/check.hpp"
#include "moat/intent/environment.hpp"
#include "moat/intent/evidence.hpp"
#include "moat/intent/reachability_matrix.hpp"
#include "moat/intent/trace.hpp"

namespace py = pybind11;

namespace moat::python {

void bind_intent(py::module_& m) {
  using namespace moat::intent;
  using release = py::call_guard<py::gil_scoped_release>;

  py::class_<Explanation>(m, "Explanation", "Why an intent holds or fails, or an assumption it rests on.")
      .def_readonly("code", &Explanation::code)
      .def_readonly("resource", &Explanation::resource)
      .def_readonly("message", &Explanation::message);
  py::class_<PathStep>(m, "PathStep", "One step of an intent's path.")
      .def_readonly("node", &PathStep::node)
      .def_readonly("resource", &PathStep::resource)
      .def_readonly("decision", &PathStep::decision);

  py::enum_<Expectation>(m, "Expectation")
      .value("reachable", Expectation::reachable)
      .value("unreachable", Expectation::unreachable)
      .value("resolvable", Expectation::resolvable);
  py::class_<Intent>(m, "Intent", "One property to check.")
      .def(py::init([](std::string name, std::string from, std::string to, net::ProtocolSet protocols, net::PortSet ports,
                       Expectation expect) {
             return Intent{std::move(name), std::move(from), std::move(to), protocols, ports, expect, {}};
           }),
           py::arg("name"), py::arg("source"), py::arg("destination"), py::arg("protocols"), py::arg("ports"),
           py::arg("expect"))
      .def_readonly("name", &Intent::name);
  py::class_<IntentResult>(m, "IntentResult", "The verdict on one intent with its evidence.")
      .def_property_readonly("name", [](const IntentResult& r) { return r.intent.name; })
      .def_readonly("holds", &IntentResult::holds)
      .def_readonly("status", &IntentResult::status);
  py::class_<CheckReport>(m, "CheckReport", "Everything a check reports.")
      .def_property_readonly("ok", &CheckReport::ok)
      .def_readonly("intents", &CheckReport::intents);

  py::class_<Environment>(m, "Environment", "A Snapshot with the scenario's networks bound, ready to answer questions.")
      .def(py::init<const model::Snapshot&, const scenario::Scenario&>(), py::arg("snapshot"), py::arg("scenario"),
           py::keep_alive<1, 2>())
      .def_property_readonly("region", &Environment::region)
      .def_property_readonly("scenario", &Environment::scenario, py::return_value_policy::copy);

  py::class_<CheckOptions>(m, "CheckOptions")
      .def(py::init<>())
      .def_readwrite("extra_states", &CheckOptions::extra_states)
      .def_readwrite("profile", &CheckOptions::profile)
      .def_readwrite("strict", &CheckOptions::strict);
  m.def("load_scenario_states", &load_scenario_states, py::arg("scenario"), py::arg("options") = CheckOptions{},
        release(), "The scenario's states loaded into one Snapshot, the scenario's own warnings among its diagnostics.");
  m.def(
      "check_environment",
      [](const Environment& environment, const std::string& profile) { return check_environment(environment, profile); },
      py::arg("environment"), py::arg("profile") = std::string{}, release());
  m.def("check_scenario", &check_scenario, py::arg("scenario"), py::arg("options") = CheckOptions{}, release());
  m.def("check_intent", &check_intent, py::arg("environment"), py::arg("intent"), release());
  m.def("validate_intent", &validate_intent, py::arg("environment"), py::arg("intent"));

  py::class_<TracedFlow>(m, "TracedFlow", "One flow: the resolutions of a dns:/service: destination and the result.")
      .def_readonly("resolutions", &TracedFlow::resolutions)
      .def_readonly("result", &TracedFlow::result);
  m.def("trace", &trace, py::arg("environment"), py::arg("source"), py::arg("destination"), py::arg("protocols"),
        py::arg("ports"), release());
  m.def("resolve_from", &resolve_from, py::arg("environment"), py::arg("vantage"), py::arg("name"), release());

  py::class_<ReachabilityMatrix>(m, "ReachabilityMatrix", "One IntentResult per (source, destination), row-major.")
      .def_readonly("sources", &ReachabilityMatrix::sources)
      .def_readonly("destinations", &ReachabilityMatrix::destinations)
      .def_readonly("cells", &ReachabilityMatrix::cells);
  m.def("reachability_matrix", &reachability_matrix, py::arg("environment"), py::arg("sources"), py::arg("destinations"),
        py::arg("protocols"), py::arg("ports"), release());

  m.def("delivered_path", &delivered_path, py::arg("environment"), py::arg("part"));
  m.def("dropped_path", &dropped_path, py::arg("environment"), py::arg("part"));
  m.def("resolution_path", &resolution_path, py::arg("resolution"));
  m.def("delivered_explanations", &delivered_explanations, py::arg("environment"), py::arg("part"));
  m.def("dropped_explanation", &dropped_explanation, py::arg("part"));
}

}  // namespace moat::python
