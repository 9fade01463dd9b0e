// model: the loaded Snapshot, read-only — files, resource-type counts, diagnostics, and
// every object's kind and origin (Terraform address, file, AWS id).

#include <cstdint>
#include <string>

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "moat/model/snapshot.hpp"

namespace py = pybind11;

namespace moat::python {

void bind_model(py::module_& m) {
  using model::Snapshot;
  auto kinds = py::enum_<model::ObjectKind>(m, "ObjectKind", "The object types a Snapshot holds.");
#define MOAT_PYTHON_X_KIND(Type, kind_name, member) kinds.value(#kind_name, model::ObjectKind::kind_name);
  MOAT_MODEL_OBJECT_TYPES(MOAT_PYTHON_X_KIND)
#undef MOAT_PYTHON_X_KIND
  m.def("object_kind_name", [](model::ObjectKind kind) { return std::string(model::to_string(kind)); },
        "The AWS spelling of a kind: \"Vpc\", \"RouteTable\", \"EcsService\".");

  py::class_<model::Origin>(m, "Origin", "Where a model object came from.")
      .def_readonly("address", &model::Origin::address)
      .def_readonly("file", &model::Origin::file)
      .def_readonly("aws_id", &model::Origin::aws_id);

  py::class_<model::Diagnostic>(m, "Diagnostic", "Odd but modellable input, with the fallback taken.")
      .def_property_readonly("severity", [](const model::Diagnostic& d) { return std::string(model::to_string(d.severity)); })
      .def_readonly("code", &model::Diagnostic::code)
      .def_readonly("file", &model::Diagnostic::file)
      .def_readonly("address", &model::Diagnostic::address)
      .def_readonly("message", &model::Diagnostic::message);

  py::class_<Snapshot>(m, "Snapshot", "One AWS network as loaded from Terraform state (read-only).")
      .def_readonly("files", &Snapshot::files)
      .def_readonly("diagnostics", &Snapshot::diagnostics)
      .def_readonly("modelled", &Snapshot::modelled)
      .def_readonly("unmodelled", &Snapshot::unmodelled)
      .def("count", &Snapshot::count, py::arg("kind"))
      .def(
          "origin",
          [](const Snapshot& snapshot, model::ObjectKind kind, std::uint32_t index) {
            if (index >= snapshot.count(kind)) throw py::index_error("no " + std::string(model::to_string(kind)) + " at " + std::to_string(index));
            return snapshot.origin(model::ObjectRef{kind, index});
          },
          py::arg("kind"), py::arg("index"));
}

}  // namespace moat::python
