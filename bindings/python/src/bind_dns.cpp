// dns: one resolution — outcome, answers, steps with their deciding resources, the
// packet flows it depends on and its assumptions.

#include <optional>
#include <string>

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "moat/dns/resolution.hpp"

namespace py = pybind11;

namespace moat::python {

void bind_dns(py::module_& m) {
  using dns::Answer;
  using dns::Resolution;
  using dns::Step;
  py::class_<Answer>(m, "Answer", "One address (or symbolic set of addresses) a name resolves to.")
      .def_property_readonly("kind", [](const Answer& a) { return std::string(dns::to_string(a.kind)); })
      .def_property_readonly("address", [](const Answer& a) -> std::optional<std::string> {
        if (!a.address) return std::nullopt;
        return a.address->to_string();
      })
      .def_property_readonly("addresses", [](const Answer& a) { return a.addresses.to_string(); })
      .def_readonly("subject", &Answer::subject)
      .def_readonly("owner", &Answer::owner)
      .def_property_readonly("is_public", &Answer::is_public)
      .def("__str__", &Answer::to_string);

  py::class_<Step>(m, "Step", "One decision of a resolution, with the resource that made it.")
      .def_property_readonly("kind", [](const Step& s) { return std::string(dns::to_string(s.kind)); })
      .def_readonly("name", &Step::name)
      .def_readonly("detail", &Step::detail)
      .def_readonly("decided_by", &Step::decided_by)
      .def_property_readonly("code", [](const Step& s) -> std::optional<std::string> {
        if (!s.code) return std::nullopt;
        return std::string(dns::to_string(*s.code));
      })
      .def("__str__", &Step::to_string);

  py::class_<dns::RequiredFlow>(m, "RequiredFlow", "A packet flow a resolution depends on.")
      .def_property_readonly("status", [](const dns::RequiredFlow& f) { return std::string(dns::to_string(f.status)); })
      .def_readonly("why", &dns::RequiredFlow::why)
      .def_readonly("decided_by", &dns::RequiredFlow::decided_by)
      .def("__str__", &dns::RequiredFlow::to_string);

  py::class_<Resolution>(m, "Resolution", "The result of resolving one name from one vantage.")
      .def_readonly("name", &Resolution::name)
      .def_property_readonly("outcome", [](const Resolution& r) { return std::string(dns::to_string(r.outcome)); })
      .def_property_readonly("meaning", [](const Resolution& r) { return std::string(dns::meaning(r.outcome)); })
      .def_readonly("decided_by", &Resolution::decided_by)
      .def_readonly("answers", &Resolution::answers)
      .def_readonly("steps", &Resolution::steps)
      .def_readonly("required_flows", &Resolution::required_flows)
      .def_readonly("assumptions", &Resolution::assumptions)
      .def_property_readonly("resolved", &Resolution::resolved)
      .def_property_readonly("conditional", &Resolution::conditional)
      .def("__str__", &Resolution::to_string);
}

}  // namespace moat::python
