#pragma once
// The _moat extension: one bind_<module>() per moat module, each spelling that module's
// public API for Python (no analysis here). module.cpp calls them in dependency order.
// The pure-Python package `moat` (../moat/) is the interface users see.

#include <pybind11/pybind11.h>

namespace moat::python {

void bind_core(pybind11::module_& m);
void bind_net(pybind11::module_& m);
void bind_model(pybind11::module_& m);
void bind_tfstate(pybind11::module_& m);
void bind_scenario(pybind11::module_& m);
void bind_fwd(pybind11::module_& m);
void bind_dns(pybind11::module_& m);
void bind_intent(pybind11::module_& m);
void bind_report(pybind11::module_& m);

}  // namespace moat::python
