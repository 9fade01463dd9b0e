// tfstate: loading Terraform state (format 3/4, show -json, plan JSON) into a Snapshot.

#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "moat/tfstate/load_states.hpp"

namespace py = pybind11;

namespace moat::python {

void bind_tfstate(py::module_& m) {
  using tfstate::LoadOptions;
  py::enum_<tfstate::PlanValues>(m, "PlanValues")
      .value("planned", tfstate::PlanValues::planned)
      .value("prior", tfstate::PlanValues::prior);
  py::class_<LoadOptions>(m, "LoadOptions")
      .def(py::init<>())
      .def_readwrite("strict", &LoadOptions::strict)
      .def_readwrite("plan_values", &LoadOptions::plan_values);
  m.def("load_states", &tfstate::load_states, py::arg("files"), py::arg("options") = LoadOptions{},
        py::call_guard<py::gil_scoped_release>());
  m.def("load_state_text", &tfstate::load_state_text, py::arg("text"), py::arg("file_name"), py::arg("options") = LoadOptions{},
        py::call_guard<py::gil_scoped_release>());
}

}  // namespace moat::python
