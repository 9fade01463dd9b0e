// fwd: the outcome of one flow — delivered and dropped parts with witnesses and hops.
// Graph node ids stay in C++: intent's evidence functions name them (bind_intent).

#include <string>

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "moat/fwd/explanation_code.hpp"
#include "moat/fwd/flow_result.hpp"

namespace py = pybind11;

namespace moat::python {

void bind_fwd(py::module_& m) {
  using fwd::DeliveredPart;
  using fwd::DroppedPart;
  py::class_<fwd::Hop>(m, "Hop", "One step of a path: the forwarding point, the deciding resource and its rule.")
      .def_readonly("object", &fwd::Hop::object)
      .def_readonly("address", &fwd::Hop::address)
      .def_readonly("rule", &fwd::Hop::rule)
      .def("__str__", &fwd::Hop::to_string);

  py::class_<DeliveredPart>(m, "DeliveredPart", "Packets that reached a destination.")
      .def_readonly("packets", &DeliveredPart::packets)
      .def_readonly("sent", &DeliveredPart::sent)
      .def_readonly("witness", &DeliveredPart::witness)
      .def_readonly("path", &DeliveredPart::path)
      .def_readonly("reply_path", &DeliveredPart::reply_path)
      .def_readonly("certain", &DeliveredPart::certain)
      .def_readonly("assumptions", &DeliveredPart::assumptions);

  py::class_<DroppedPart>(m, "DroppedPart", "Packets that stopped, with where and why.")
      .def_readonly("packets", &DroppedPart::packets)
      .def_readonly("witness", &DroppedPart::witness)
      .def_readonly("path", &DroppedPart::path)
      .def_property_readonly("code", [](const DroppedPart& p) { return std::string(fwd::to_string(p.code)); })
      .def_property_readonly("meaning", [](const DroppedPart& p) { return std::string(fwd::meaning(p.code)); })
      .def_readonly("address", &DroppedPart::address)
      .def_readonly("detail", &DroppedPart::detail)
      .def_readonly("certain", &DroppedPart::certain)
      .def_readonly("behind", &DroppedPart::behind);

  py::class_<fwd::Finding>(m, "Finding", "A note that is not a drop: a latent exposure, an assumption made.")
      .def_property_readonly("code", [](const fwd::Finding& f) { return std::string(fwd::to_string(f.code)); })
      .def_property_readonly("meaning", [](const fwd::Finding& f) { return std::string(fwd::meaning(f.code)); })
      .def_readonly("address", &fwd::Finding::address)
      .def_readonly("detail", &fwd::Finding::detail);

  py::class_<fwd::FlowResult>(m, "FlowResult", "Every delivered and dropped part of a flow.")
      .def_readonly("delivered", &fwd::FlowResult::delivered)
      .def_readonly("dropped", &fwd::FlowResult::dropped)
      .def_readonly("findings", &fwd::FlowResult::findings)
      .def("__str__", &fwd::FlowResult::to_string);
}

}  // namespace moat::python
