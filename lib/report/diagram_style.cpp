#include "diagram_style.hpp"

#include <array>
#include <cstddef>

namespace moat::report::detail {

namespace {

// AWS architecture-icon colours: networking purple, compute orange, groups as AWS draws them.
constexpr std::string_view purple = "#8C4FFF", purple_fill = "#F4EEFF";
constexpr std::string_view orange = "#ED7100", orange_fill = "#FDF0E4";
constexpr std::string_view teal = "#00A4A6", blue = "#147EBA", blue_fill = "#EAF4FA";
constexpr std::string_view ink = "#232F3E", white = "#FFFFFF", grey = "#8C959F";
constexpr std::string_view red = "#CF222E", red_fill = "#FFEBE9", green = "#1A7F37";

}  // namespace

const NodeLook& look(NodeRole role) {
  static const std::array<NodeLook, 22> looks{{
      {"box", false, "[", "]", blue_fill, blue, false},                  // subnet
      {"tab", false, "[[", "]]", white, purple, false},                  // route_table
      {"hexagon", false, "{{", "}}", purple_fill, purple, false},        // internet_gateway
      {"hexagon", false, "{{", "}}", purple_fill, purple, false},        // egress_only_internet_gateway
      {"hexagon", false, "{{", "}}", purple_fill, purple, false},        // nat_gateway
      {"hexagon", false, "{{", "}}", purple_fill, purple, false},        // vpn_gateway
      {"hexagon", false, "{{", "}}", purple_fill, purple, false},        // dx_gateway
      {"doubleoctagon", false, "{{", "}}", purple_fill, purple, false},  // transit_gateway
      {"tab", false, "[[", "]]", white, purple, false},                  // transit_gateway_route_table
      {"hexagon", false, "{{", "}}", purple_fill, purple, false},        // vpc_peering_connection
      {"component", false, "([", "])", purple_fill, purple, false},      // gateway_endpoint
      {"component", false, "([", "])", purple_fill, purple, false},      // interface_endpoint
      {"box", true, "(", ")", purple_fill, purple, false},               // load_balancer
      {"box", false, "[", "]", orange_fill, orange, false},              // ecs_service
      {"box", true, "([", "])", purple_fill, purple, false},             // resolver_endpoint
      {"box", false, "[", "]", orange_fill, orange, false},              // instance
      {"box", false, "[", "]", orange_fill, orange, false},              // network_interface
      {"ellipse", false, "((", "))", white, ink, false},                 // internet
      {"box3d", false, "[/", "\\]", white, ink, false},                  // external_network
      {"cylinder", false, "[(", ")]", white, teal, false},               // aws_service
      {"box", false, "[", "]", white, grey, true},                       // missing
      {"octagon", false, ">", "]", red_fill, red, false},                // drop
  }};
  auto i = static_cast<std::size_t>(role);
  return looks[i < looks.size() ? i : 0];
}

const ClusterLook& look(ClusterRole role) {
  static const std::array<ClusterLook, 5> looks{{
      {ink, white, ink, false},       // cloud
      {teal, white, teal, true},      // region
      {"#248814", white, "#248814", false},  // vpc
      {blue, white, blue, true},      // availability_zone
      {teal, "#E6F6F7", ink, false},  // subnet
  }};
  auto i = static_cast<std::size_t>(role);
  return looks[i < looks.size() ? i : 0];
}

const EdgeLook& look(EdgeRole role) {
  static const std::array<EdgeLook, 8> looks{{
      {grey, true, true},     // association
      {ink, false, true},     // route
      {purple, false, false}, // attachment
      {purple, true, true},   // propagation
      {ink, true, false},     // declared
      {ink, false, true},     // path
      {blue, true, true},     // dns
      {red, false, true},     // drop
  }};
  auto i = static_cast<std::size_t>(role);
  return looks[i < looks.size() ? i : 0];
}

const Marking& node_marking(Emphasis emphasis) {
  static const std::array<Marking, 4> markings{{
      {"", "", ink, 1.0},                // normal
      {"#C0C4C9", "#F6F8FA", grey, 1.0}, // dimmed
      {green, "", ink, 3.0},             // delivered
      {red, red_fill, red, 3.0},         // dropped
  }};
  return markings[static_cast<std::size_t>(emphasis) % markings.size()];
}

const Marking& edge_marking(Emphasis emphasis) {
  static const std::array<Marking, 4> markings{{
      {"", "", grey, 1.0},            // normal
      {"#C0C4C9", "", "#C0C4C9", 1.0},// dimmed
      {green, "", green, 3.0},        // delivered
      {red, "", red, 3.0},            // dropped
  }};
  return markings[static_cast<std::size_t>(emphasis) % markings.size()];
}

}  // namespace moat::report::detail
