#include "moat/dns/domain_name.hpp"

#include <algorithm>
#include <cctype>

namespace moat::dns {

std::string canonical_name(std::string_view name) {
  std::string text(name);
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  while (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

bool in_domain(std::string_view name, std::string_view domain) {
  if (domain.empty()) return true;
  if (name.size() < domain.size()) return false;
  if (name.substr(name.size() - domain.size()) != domain) return false;
  return name.size() == domain.size() || name[name.size() - domain.size() - 1] == '.';
}

int label_count(std::string_view name) {
  if (name.empty()) return 0;
  return static_cast<int>(std::count(name.begin(), name.end(), '.')) + 1;
}

std::string_view parent_name(std::string_view name) {
  auto dot = name.find('.');
  return dot == std::string_view::npos ? std::string_view{} : name.substr(dot + 1);
}

}  // namespace moat::dns
