#include "prefix_workload.hpp"

#include <algorithm>
#include <array>
#include <random>

namespace moat::bench {
namespace {

net::Prefix ipv4_prefix(std::uint32_t value, int length) {
  return net::Prefix(net::Ipv4Address(value), length);
}

std::uint32_t prefix_value(const net::Prefix& prefix) { return static_cast<std::uint32_t>(prefix.network().value()); }

// Weights (percent) of lengths 0..32 for the BGP-like mix; see prefix_workload.hpp.
std::discrete_distribution<int> bgp_lengths() {
  std::array<double, 33> weights{};
  for (int length = 8; length <= 15; ++length) weights[static_cast<std::size_t>(length)] = 3.0 / 8.0;
  weights[16] = 4.0;
  weights[17] = 2.0;
  weights[18] = 2.5;
  weights[19] = 3.5;
  weights[20] = 3.0;
  weights[21] = 2.0;
  weights[22] = 11.0;
  weights[23] = 9.0;
  weights[24] = 60.0;
  return std::discrete_distribution<int>(weights.begin(), weights.end());
}

}  // namespace

std::string_view to_string(LengthMix mix) { return mix == LengthMix::uniform ? "uniform" : "bgp"; }

std::vector<net::Prefix> random_prefixes(std::size_t count, LengthMix mix, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::uint32_t> address;
  std::uniform_int_distribution<int> uniform_length(8, 32);
  auto bgp_length = bgp_lengths();
  std::vector<net::Prefix> prefixes;
  prefixes.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const int length = mix == LengthMix::uniform ? uniform_length(rng) : bgp_length(rng);
    prefixes.push_back(ipv4_prefix(address(rng), length));
  }
  return prefixes;
}

std::size_t distinct_count(std::span<const net::Prefix> prefixes) {
  std::vector<std::uint64_t> keys;
  keys.reserve(prefixes.size());
  for (const auto& prefix : prefixes) {
    keys.push_back((std::uint64_t{prefix_value(prefix)} << 8) | static_cast<std::uint64_t>(prefix.length()));
  }
  std::sort(keys.begin(), keys.end());
  return static_cast<std::size_t>(std::unique(keys.begin(), keys.end()) - keys.begin());
}

std::vector<std::uint32_t> random_addresses(std::size_t count, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::uint32_t> address;
  std::vector<std::uint32_t> addresses(count);
  for (auto& value : addresses) value = address(rng);
  return addresses;
}

std::vector<std::uint32_t> addresses_inside(std::span<const net::Prefix> prefixes, std::size_t count,
                                            std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::size_t> pick(0, prefixes.size() - 1);
  std::uniform_int_distribution<std::uint32_t> bits;
  std::vector<std::uint32_t> addresses(count);
  for (auto& value : addresses) {
    const auto& prefix = prefixes[pick(rng)];
    const std::uint32_t host_mask = prefix.length() == 0 ? ~0u : (prefix.length() == 32 ? 0u : ~0u >> prefix.length());
    value = prefix_value(prefix) | (bits(rng) & host_mask);
  }
  return addresses;
}

std::vector<net::AddressSet> random_address_sets(std::size_t count, int min_prefixes, int max_prefixes,
                                                 int min_length, int max_length, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> prefix_count(min_prefixes, max_prefixes);
  std::uniform_int_distribution<int> length(min_length, max_length);
  std::uniform_int_distribution<std::uint32_t> address;
  std::vector<net::AddressSet> sets;
  sets.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::vector<net::Prefix> prefixes;
    const int n = prefix_count(rng);
    for (int j = 0; j < n; ++j) prefixes.push_back(ipv4_prefix(address(rng), length(rng)));
    sets.push_back(net::AddressSet::of(net::IpFamily::v4, prefixes));
  }
  return sets;
}

}  // namespace moat::bench
