#pragma once
// Private helpers of the net module: masks over uint128 address values.

#include "moat/core/assert.hpp"
#include "moat/core/uint128.hpp"
#include "moat/net/ip_address.hpp"

namespace moat::net::detail {

// The host bits of a prefix of length within a family (all ones below the prefix).
inline uint128 host_mask(IpFamily family, int length) {
  const int bits = address_bits(family);
  MOAT_ASSERT(length >= 0 && length <= bits, "prefix length out of range");
  if (length == bits) return 0;
  return max_address_value(family) >> length;
}

// Number of trailing zero bits of value, capped at bits (value 0 has all bits zero).
inline int trailing_zeros(uint128 value, int bits) {
  if (value == 0) return bits;
  const auto low = static_cast<unsigned long long>(value);
  if (low != 0) return __builtin_ctzll(low);
  return 64 + __builtin_ctzll(static_cast<unsigned long long>(value >> 64));
}

}  // namespace moat::net::detail
