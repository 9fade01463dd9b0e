#pragma once
// The one funnel for moat's exceptions.
//
// Exceptions are for malformed input only; analysis outcomes are values.
//   ParseError  a malformed value handed to moat (a CIDR, a port range, a selector)
//   LoadError   an unusable input file: names the file, the JSON location and the
//               Terraform resource address, so users can find the line to fix
// Messages carry a stable prefix in brackets, e.g. "[moat.net]" or "[moat.load]".

#include <stdexcept>
#include <string>

namespace moat {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ParseError : public Error {
 public:
  using Error::Error;
};

class LoadError : public Error {
 public:
  // file: the state file as the user named it; location: a JSON pointer or
  // "line L, column C"; address: the Terraform resource address (may be empty).
  LoadError(std::string file, std::string location, std::string address, const std::string& message);
  // what() reads "[moat.load] FILE (LOCATION): ADDRESS: MESSAGE".

  const std::string& file() const noexcept { return file_; }
  const std::string& location() const noexcept { return location_; }
  const std::string& address() const noexcept { return address_; }

 private:
  std::string file_;
  std::string location_;
  std::string address_;
};

}  // namespace moat
