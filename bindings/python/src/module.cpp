// The private extension behind the `moat` package.

#include "bindings.hpp"

PYBIND11_MODULE(_moat, m) {
  m.doc() = "moat's C++ core (private: use the moat package)";
  m.attr("__version__") = MOAT_VERSION;
  moat::python::bind_core(m);
  moat::python::bind_net(m);
  moat::python::bind_model(m);
  moat::python::bind_tfstate(m);
  moat::python::bind_scenario(m);
  moat::python::bind_fwd(m);
  moat::python::bind_dns(m);
  moat::python::bind_intent(m);
  moat::python::bind_report(m);
}
