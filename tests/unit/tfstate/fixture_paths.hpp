#pragma once
// Paths of the loader fixtures (tests/fixtures/tfstate/).

#include <filesystem>
#include <string>

inline std::filesystem::path tfstate_fixture(const std::string& name) {
  return std::filesystem::path(MOAT_SOURCE_DIR) / "tests" / "fixtures" / "tfstate" / name;
}
