#pragma once
// moat::uint128: the unsigned 128-bit integer used for IPv6 addresses and set sizes.
// GCC and Clang provide it as an extension; __extension__ keeps -Wpedantic quiet.

namespace moat {

__extension__ typedef unsigned __int128 uint128;

// The largest uint128 value (2^128 - 1).
inline constexpr uint128 uint128_max = ~uint128{0};

}  // namespace moat
