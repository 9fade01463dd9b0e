#pragma once
// Test-only lookups into a loaded Snapshot: an object by Terraform address, a route of a
// table by destination.

#include <string>

#include <catch2/catch.hpp>

#include "moat/model/snapshot.hpp"

template <class T>
const T& by_address(const moat::model::Snapshot& snapshot, const std::string& address) {
  auto found = snapshot.find_address(address);
  INFO(address);
  REQUIRE(found.has_value());
  REQUIRE(found->kind == T::kind);
  return snapshot.all<T>()[found->index];
}

inline const moat::model::Route* route_to(const moat::model::RouteTable& table, const std::string& destination) {
  for (const auto& route : table.routes) {
    if (route.destination.to_string() == destination) return &route;
  }
  return nullptr;
}
