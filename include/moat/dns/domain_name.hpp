#pragma once
// Domain-name helpers: names are compared in canonical form (lower case, no trailing
// dot, "" for the root). Route 53 and Resolver match rules and zones by label suffix.

#include <string>
#include <string_view>

namespace moat::dns {

// Lower case, trailing dot removed: "App.Example.COM." -> "app.example.com", "." -> "".
std::string canonical_name(std::string_view name);
// name equals domain or lies below it, by whole labels; every name is in the root "".
bool in_domain(std::string_view name, std::string_view domain);
// Number of labels: "" -> 0, "example.com" -> 2.
int label_count(std::string_view name);
// The name without its first label: "a.b.c" -> "b.c", "c" -> "".
std::string_view parent_name(std::string_view name);

}  // namespace moat::dns
