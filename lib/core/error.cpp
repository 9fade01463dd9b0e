#include "moat/core/error.hpp"

#include <utility>

namespace moat {
namespace {

std::string compose_load_message(const std::string& file, const std::string& location,
                                 const std::string& address, const std::string& message) {
  std::string text = "[moat.load] " + file;
  if (!location.empty()) text += " (" + location + ")";
  text += ": ";
  if (!address.empty()) text += address + ": ";
  return text + message;
}

}  // namespace

LoadError::LoadError(std::string file, std::string location, std::string address, const std::string& message)
    : Error(compose_load_message(file, location, address, message)),
      file_(std::move(file)),
      location_(std::move(location)),
      address_(std::move(address)) {}

}  // namespace moat
