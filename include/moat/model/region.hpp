#pragma once
// The AWS region an availability zone lies in, from the zone's name.

#include <string>
#include <string_view>

namespace moat::model {

// "ap-northeast-1a" -> "ap-northeast-1", "us-gov-west-1b" -> "us-gov-west-1", a Local Zone
// "us-west-2-lax-1a" -> "us-west-2": the dash-separated words up to the first that starts
// with a digit, whose leading digits end the region. "" when the name has no such shape.
std::string region_of_zone(std::string_view zone);

}  // namespace moat::model
