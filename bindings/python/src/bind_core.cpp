// core: moat's exceptions become Python exceptions with the same message —
//   Error (base), ParseError (a malformed value), LoadError (an unusable input file,
//   with .file, .location and .address as the C++ error carries them).

#include <exception>

#include "bindings.hpp"
#include "moat/core/error.hpp"

namespace py = pybind11;

namespace moat::python {

namespace {

// Owned by the module (its attributes); the handles only name them for the translator.
py::handle error_type;
py::handle parse_error_type;
py::handle load_error_type;

void translate(std::exception_ptr pending) {
  try {
    if (pending) std::rethrow_exception(pending);
  } catch (const LoadError& error) {
    auto instance = py::reinterpret_borrow<py::object>(load_error_type)(error.what());
    instance.attr("file") = error.file();
    instance.attr("location") = error.location();
    instance.attr("address") = error.address();
    PyErr_SetObject(load_error_type.ptr(), instance.ptr());
  } catch (const ParseError& error) {
    PyErr_SetString(parse_error_type.ptr(), error.what());
  } catch (const Error& error) {
    PyErr_SetString(error_type.ptr(), error.what());
  }
}

}  // namespace

void bind_core(py::module_& m) {
  py::exception<Error> error(m, "Error");
  py::exception<ParseError> parse_error(m, "ParseError", error.ptr());
  py::exception<LoadError> load_error(m, "LoadError", error.ptr());
  error_type = error;
  parse_error_type = parse_error;
  load_error_type = load_error;
  py::register_exception_translator(translate);
}

}  // namespace moat::python
