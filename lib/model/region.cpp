#include "moat/model/region.hpp"

#include <algorithm>
#include <cctype>

namespace moat::model {

std::string region_of_zone(std::string_view zone) {
  std::string region;
  while (!zone.empty()) {
    auto dash = zone.find('-');
    std::string_view word = zone.substr(0, dash);
    if (!region.empty()) region += '-';
    if (!word.empty() && std::isdigit(static_cast<unsigned char>(word.front()))) {
      std::size_t digits = 0;
      while (digits < word.size() && std::isdigit(static_cast<unsigned char>(word[digits]))) ++digits;
      return std::count(region.begin(), region.end(), '-') < 2 ? std::string() : region + std::string(word.substr(0, digits));
    }
    region += word;
    if (dash == std::string_view::npos) break;
    zone.remove_prefix(dash + 1);
  }
  return {};
}

}  // namespace moat::model
