#pragma once
// Seeded generators for the LPM benchmarks: random IPv4 prefix tables with a stated
// length mix, lookup addresses, and AddressSet queries for PrefixTable::partition.
// Everything is deterministic for a given seed (std::mt19937_64 + libstdc++'s
// distributions), so two runs on one machine build identical tables.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "moat/net/address_set.hpp"
#include "moat/net/prefix.hpp"

namespace moat::bench {

// How prefix lengths are drawn.
//   uniform  every length 8..32 equally likely
//   bgp      a BGP-like mix: /24 60 %, /23 9 %, /22 11 %, /16../21 17 %
//            (/16 4, /17 2, /18 2.5, /19 3.5, /20 3, /21 2), /8../15 3 % spread evenly
enum class LengthMix { uniform, bgp };
std::string_view to_string(LengthMix mix);

// count random IPv4 prefixes (network address uniform over the space, host bits cleared).
// Duplicates are kept: a short length has few possible networks (256 /8s), so large
// uniform tables repeat prefixes, as real tables repeat a CIDR across route sources.
std::vector<net::Prefix> random_prefixes(std::size_t count, LengthMix mix, std::uint64_t seed);

// Number of distinct prefixes in a list.
std::size_t distinct_count(std::span<const net::Prefix> prefixes);

// count IPv4 address values drawn uniformly over the whole space.
std::vector<std::uint32_t> random_addresses(std::size_t count, std::uint64_t seed);

// count IPv4 address values, each uniform inside a uniformly chosen prefix of the table,
// so long prefixes are hit as often as short ones (the traffic a table is built for).
std::vector<std::uint32_t> addresses_inside(std::span<const net::Prefix> prefixes, std::size_t count,
                                            std::uint64_t seed);

// count AddressSets, each the union of min_prefixes..max_prefixes random IPv4 prefixes
// with lengths uniform in min_length..max_length.
std::vector<net::AddressSet> random_address_sets(std::size_t count, int min_prefixes, int max_prefixes,
                                                 int min_length, int max_length, std::uint64_t seed);

}  // namespace moat::bench
