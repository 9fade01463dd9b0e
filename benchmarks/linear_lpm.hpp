#pragma once
// LinearLpm: the naive baseline — every lookup scans the whole IPv4 prefix list and keeps
// the longest match. O(n) per lookup, no preprocessing; also the oracle that checks
// moat's answers on a sample of addresses.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "moat/net/prefix.hpp"

namespace moat::bench {

class LinearLpm {
 public:
  explicit LinearLpm(std::span<const net::Prefix> prefixes) {
    network_.reserve(prefixes.size());
    mask_.reserve(prefixes.size());
    length_.reserve(prefixes.size());
    for (const auto& prefix : prefixes) {
      const int length = prefix.length();
      network_.push_back(static_cast<std::uint32_t>(prefix.network().value()));
      mask_.push_back(length == 0 ? 0u : ~0u << (32 - length));
      length_.push_back(length);
    }
  }

  // Index of the first entry with the longest prefix containing address, or nullopt.
  std::optional<std::uint32_t> lookup(std::uint32_t address) const {
    int best_length = -1;
    std::uint32_t best = 0;
    for (std::uint32_t i = 0; i < network_.size(); ++i) {
      if ((address & mask_[i]) == network_[i] && length_[i] > best_length) {
        best_length = length_[i];
        best = i;
      }
    }
    if (best_length < 0) return std::nullopt;
    return best;
  }

  std::size_t memory_bytes() const {
    return network_.capacity() * sizeof(std::uint32_t) + mask_.capacity() * sizeof(std::uint32_t) +
           length_.capacity() * sizeof(int);
  }

 private:
  std::vector<std::uint32_t> network_;
  std::vector<std::uint32_t> mask_;
  std::vector<int> length_;
};

}  // namespace moat::bench
