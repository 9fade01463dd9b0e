// A program outside the moat tree: checks a scenario through the installed public headers
// and library only (so every header they include must be installed, and every library
// libmoat.a needs must come with moat::moat). Prints "ok N" or "fails N" (N intents).
#include <iostream>

#include "moat/intent/check.hpp"
#include "moat/net/prefix.hpp"
#include "moat/scenario/load_scenario.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: moat_consumer SCENARIO\n";
    return 2;
  }
  auto report = moat::intent::check_scenario(moat::scenario::load_scenario(argv[1]));
  std::cout << (report.ok() ? "ok " : "fails ") << report.intents.size() << " "
            << moat::net::Prefix::parse("10.0.0.0/8").to_string() << "\n";
  return report.ok() ? 0 : 1;
}
