#include "moat/net/prefix_index.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <unordered_map>
#include <utility>

#include "address_math.hpp"
#include "interval_algebra.hpp"
#include "moat/core/assert.hpp"

namespace moat::net {
namespace {

constexpr std::uint32_t no_group = std::numeric_limits<std::uint32_t>::max();

// One slot of the IPv4 first level, indexed by the top 16 address bits. count == 0:
// the whole /16 lies in one segment and base is its label. Otherwise the /16's slice
// starts at slices[base]: count segment starts (the low 16 address bits, the first
// always 0), padded to an even count, then count 32-bit labels as pairs of uint16 —
// one contiguous run, so the search and the label read share cache lines.
struct Chunk {
  std::uint32_t base = 0;
  std::uint32_t count = 0;
};

constexpr std::size_t chunk_count = std::size_t{1} << 16;

// IPv4 tables with fewer distinct prefixes than this skip the 512 KiB first level and
// search the flat range table directly: a VPC route table holds a handful of routes, an
// estate thousands of tables, and a binary search over a few dozen segments is as fast.
constexpr std::size_t chunked_from_groups = 256;

// IPv4 tables with at least this many distinct prefixes use the wide layout instead of
// the /16 one (PrefixIndex::wide_from_groups documents the choice).
constexpr std::size_t wide_from = PrefixIndex::wide_from_groups;

// The wide layout (DXR's "D20R"): 2^20 slots indexed by the top 20 address bits, each a
// 32-bit word. Bit 31 set: the whole /20 chunk is one segment, its label in the low 20
// bits. Bit 31 clear: the chunk's ranges start at wide_ranges[offset] (bits 0-21) and
// there are count of them (bits 22-30); count 0 means more than 511: the count is
// wide_ranges[offset] itself and the ranges follow it. A range is one 32-bit word, the
// low 12 address bits of its start in bits 20-31 and its label in bits 0-19, so the
// words of one chunk sort by start and a search compares whole words.
// Labels are stored plus one (modulo 2^20), so no_group is 0 and decodes by subtracting 1.
constexpr unsigned wide_shift = 12;
constexpr std::size_t wide_slot_count = std::size_t{1} << (32 - wide_shift);
constexpr std::uint32_t wide_direct = std::uint32_t{1} << 31;
constexpr std::uint32_t wide_label_mask = 0xfffff;
constexpr unsigned wide_count_shift = 22;
constexpr std::uint32_t wide_offset_mask = (std::uint32_t{1} << wide_count_shift) - 1;
constexpr std::uint32_t wide_short_count_max = 511;

constexpr std::uint32_t wide_label(std::uint32_t label) { return (label + 1) & wide_label_mask; }
constexpr std::uint32_t wide_unlabel(std::uint32_t word) { return (word & wide_label_mask) - 1; }

// Offset of the labels inside a slice of count starts.
constexpr std::size_t label_offset(std::uint32_t count) { return (std::size_t{count} + 1) & ~std::size_t{1}; }

std::uint32_t slice_label(const std::uint16_t* slice, std::uint32_t count, std::size_t index) {
  std::uint32_t label;
  std::memcpy(&label, slice + label_offset(count) + 2 * index, sizeof label);
  return label;
}

void append_label(std::vector<std::uint16_t>& slices, std::uint32_t label) {
  std::uint16_t halves[2];
  std::memcpy(halves, &label, sizeof label);
  slices.push_back(halves[0]);
  slices.push_back(halves[1]);
}

template <class T>
std::size_t bytes_of(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

// The flat range table before compaction: segment i covers [starts[i], starts[i+1]) and
// the last one runs to the family's top address; starts[0] == 0.
struct Segments {
  std::vector<uint128> starts;
  std::vector<std::uint32_t> labels;

  void emit(uint128 start, std::uint32_t label) {
    if (!labels.empty() && labels.back() == label) return;  // same winner continues
    MOAT_ASSERT(starts.empty() || starts.back() < start, "range table segments out of order");
    starts.push_back(start);
    labels.push_back(label);
  }
};

}  // namespace

struct PrefixIndex::Impl {
  IpFamily family = IpFamily::v4;

  // Groups in prefix order (network, then length). Entry ids grouped: group g owns
  // entry_ids[entry_start[g], entry_start[g + 1]), or just entry_ids[g] when no prefix
  // is duplicated (entry_start then stays empty).
  std::vector<std::uint32_t> group_network4;  // IPv4 networks
  std::vector<uint128> group_network6;        // IPv6 networks
  std::vector<std::uint8_t> group_length;
  std::vector<std::uint32_t> entry_ids;
  std::vector<std::uint32_t> entry_start;

  // The flat range table: segment i starts at starts32[i] (IPv4) or starts128[i] (IPv6)
  // and carries labels[i]; partition() walks it. Large IPv4 tables also get a first level
  // that lookup_v4 reads: the wide layout (wide_slots + wide_ranges) for the largest, the
  // /16 layout (chunks + slices) otherwise; small ones are searched flat.
  std::vector<std::uint32_t> starts32;
  std::vector<uint128> starts128;
  std::vector<std::uint32_t> labels;
  std::vector<Chunk> chunks;
  std::vector<std::uint16_t> slices;
  std::vector<std::uint32_t> wide_slots;   // the wide layout (very large IPv4 tables)
  std::vector<std::uint32_t> wide_ranges;

  uint128 group_network(std::uint32_t g) const {
    return family == IpFamily::v4 ? uint128{group_network4[g]} : group_network6[g];
  }
  std::size_t segment_count() const { return labels.size(); }
  uint128 segment_start(std::size_t i) const { return family == IpFamily::v4 ? uint128{starts32[i]} : starts128[i]; }
  // Index of the segment containing value.
  std::size_t segment_index(uint128 value) const;
  std::uint32_t lookup_v4(std::uint32_t value) const;
  std::uint32_t lookup_v6(uint128 value) const;

  void build_groups(std::span<const Prefix> prefixes);
  Segments sweep() const;
  void compile_v4(const Segments& segments);
  bool compile_v4_wide(const Segments& segments);
};

void PrefixIndex::Impl::build_groups(std::span<const Prefix> prefixes) {
  struct Keyed {
    uint128 network;
    std::uint32_t id;
    std::uint8_t length;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(prefixes.size());
  for (std::size_t i = 0; i < prefixes.size(); ++i) {
    MOAT_ASSERT(prefixes[i].family() == family, "prefix of the wrong family in a PrefixIndex");
    keyed.push_back({prefixes[i].network().value(), static_cast<std::uint32_t>(i),
                     static_cast<std::uint8_t>(prefixes[i].length())});
  }
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    if (a.network != b.network) return a.network < b.network;
    if (a.length != b.length) return a.length < b.length;
    return a.id < b.id;
  });
  entry_ids.reserve(keyed.size());
  std::vector<std::uint32_t> starts;
  starts.reserve(keyed.size() + 1);
  bool duplicates = false;
  for (std::size_t i = 0; i < keyed.size(); ++i) {
    const bool same = i > 0 && keyed[i].network == keyed[i - 1].network && keyed[i].length == keyed[i - 1].length;
    if (same) {
      duplicates = true;
    } else {
      if (family == IpFamily::v4) {
        group_network4.push_back(static_cast<std::uint32_t>(keyed[i].network));
      } else {
        group_network6.push_back(keyed[i].network);
      }
      group_length.push_back(keyed[i].length);
      starts.push_back(static_cast<std::uint32_t>(i));
    }
    entry_ids.push_back(keyed[i].id);
  }
  starts.push_back(static_cast<std::uint32_t>(keyed.size()));
  MOAT_ASSERT(group_length.size() < no_group, "too many prefixes for a PrefixIndex");
  if (duplicates) entry_start = std::move(starts);
  group_network4.shrink_to_fit();
  group_network6.shrink_to_fit();
  group_length.shrink_to_fit();
}

// Sweeps the groups in prefix order with a stack of open prefixes (each one contains
// the next): a segment ends where a prefix opens or the innermost open one closes.
// O(n) after the sort.
Segments PrefixIndex::Impl::sweep() const {
  struct Open {
    uint128 last;
    std::uint32_t group;
  };
  Segments segments;
  segments.starts.reserve(2 * group_length.size() + 1);
  segments.labels.reserve(2 * group_length.size() + 1);
  std::vector<Open> stack;
  uint128 next = 0;  // first address not yet covered by an emitted segment
  for (std::uint32_t g = 0; g < group_length.size(); ++g) {
    const uint128 first = group_network(g);
    const uint128 last = first | detail::host_mask(family, group_length[g]);
    while (!stack.empty() && stack.back().last < first) {
      const Open closed = stack.back();
      stack.pop_back();
      if (next <= closed.last) {
        segments.emit(next, closed.group);
        next = closed.last + 1;  // closed.last < first, so no overflow
      }
    }
    if (next < first) {
      segments.emit(next, stack.empty() ? no_group : stack.back().group);
      next = first;
    }
    stack.push_back({last, g});
  }
  bool exhausted = false;  // the top address has been covered
  while (!stack.empty()) {
    const Open closed = stack.back();
    stack.pop_back();
    if (exhausted || next > closed.last) continue;
    segments.emit(next, closed.group);
    if (closed.last == max_address_value(family)) {
      exhausted = true;
    } else {
      next = closed.last + 1;
    }
  }
  if (!exhausted) segments.emit(next, no_group);
  return segments;
}

void PrefixIndex::Impl::compile_v4(const Segments& segments) {
  const std::size_t n = segments.starts.size();
  chunks.assign(chunk_count, Chunk{});
  slices.reserve(3 * n + 2 * chunk_count);
  std::size_t i = 0;  // the segment containing the current chunk's first address
  for (std::size_t k = 0; k < chunk_count; ++k) {
    const uint128 chunk_first = uint128{k} << 16;
    const uint128 chunk_last = chunk_first | 0xffff;
    while (i + 1 < n && segments.starts[i + 1] <= chunk_first) ++i;
    std::size_t j = i + 1;
    while (j < n && segments.starts[j] <= chunk_last) ++j;
    if (j == i + 1) {
      chunks[k] = Chunk{segments.labels[i], 0};
      continue;
    }
    const auto count = static_cast<std::uint32_t>(j - i);
    MOAT_ASSERT(slices.size() < no_group, "range table too large");
    chunks[k] = Chunk{static_cast<std::uint32_t>(slices.size()), count};
    slices.push_back(0);
    for (std::size_t m = i + 1; m < j; ++m) slices.push_back(static_cast<std::uint16_t>(segments.starts[m] & 0xffff));
    if (count % 2 != 0) slices.push_back(0);
    for (std::size_t m = i; m < j; ++m) append_label(slices, segments.labels[m]);
    i = j - 1;
  }
  slices.shrink_to_fit();
}

// The wide layout, or false (nothing built) when the table does not fit its encoding:
// more than 2^20 - 1 groups, or more than 2^22 range words.
bool PrefixIndex::Impl::compile_v4_wide(const Segments& segments) {
  if (group_length.size() > wide_label_mask) return false;
  const std::size_t n = segments.starts.size();
  std::vector<std::uint32_t> slots(wide_slot_count);
  std::vector<std::uint32_t> ranges;
  ranges.reserve(n + n / 2);
  std::size_t i = 0;  // the segment containing the current chunk's first address
  for (std::size_t k = 0; k < wide_slot_count; ++k) {
    const uint128 chunk_first = uint128{k} << wide_shift;
    const uint128 chunk_last = chunk_first | ((std::uint32_t{1} << wide_shift) - 1);
    while (i + 1 < n && segments.starts[i + 1] <= chunk_first) ++i;
    std::size_t j = i + 1;
    while (j < n && segments.starts[j] <= chunk_last) ++j;
    if (j == i + 1) {
      slots[k] = wide_direct | wide_label(segments.labels[i]);
      continue;
    }
    const auto count = static_cast<std::uint32_t>(j - i);
    const std::size_t offset = ranges.size();
    if (offset > wide_offset_mask) return false;
    if (count <= wide_short_count_max) {
      slots[k] = static_cast<std::uint32_t>(offset) | (count << wide_count_shift);
    } else {
      slots[k] = static_cast<std::uint32_t>(offset);
      ranges.push_back(count);
    }
    ranges.push_back(wide_label(segments.labels[i]));  // the chunk's first range starts at 0
    for (std::size_t m = i + 1; m < j; ++m) {
      const auto low = static_cast<std::uint32_t>(segments.starts[m]) & ((std::uint32_t{1} << wide_shift) - 1);
      ranges.push_back((low << (32 - wide_shift)) | wide_label(segments.labels[m]));
    }
    i = j - 1;
  }
  ranges.shrink_to_fit();
  wide_slots = std::move(slots);
  wide_ranges = std::move(ranges);
  return true;
}

std::uint32_t PrefixIndex::Impl::lookup_v4(std::uint32_t value) const {
  if (!wide_slots.empty()) {
    const std::uint32_t slot = wide_slots[value >> wide_shift];
    if ((slot & wide_direct) != 0) return wide_unlabel(slot);
    const std::uint32_t* at = wide_ranges.data() + (slot & wide_offset_mask);
    std::uint32_t n = slot >> wide_count_shift;
    if (n == 0) n = *at++;
    // The last range whose start is <= the low address bits; the first always qualifies.
    const std::uint32_t key = (value << (32 - wide_shift)) | wide_label_mask;
    while (n > 1) {  // branch-free
      const std::uint32_t half = n >> 1;
      at = at[half] <= key ? at + half : at;
      n -= half;
    }
    return wide_unlabel(*at);
  }
  if (chunks.empty()) {
    const auto it = std::upper_bound(starts32.begin(), starts32.end(), value);
    return labels[static_cast<std::size_t>(it - starts32.begin()) - 1];
  }
  const Chunk chunk = chunks[value >> 16];
  if (chunk.count == 0) return chunk.base;
  const auto low = static_cast<std::uint16_t>(value);
  const std::uint16_t* const slice = slices.data() + chunk.base;
  const std::uint16_t* at = slice;
  std::uint32_t n = chunk.count;
  while (n > 1) {  // branch-free: the last start <= low (slice[0] == 0 always qualifies)
    const std::uint32_t half = n >> 1;
    at = at[half] <= low ? at + half : at;
    n -= half;
  }
  return slice_label(slice, chunk.count, static_cast<std::size_t>(at - slice));
}

std::uint32_t PrefixIndex::Impl::lookup_v6(uint128 value) const {
  const auto it = std::upper_bound(starts128.begin(), starts128.end(), value);
  return labels[static_cast<std::size_t>(it - starts128.begin()) - 1];
}

std::size_t PrefixIndex::Impl::segment_index(uint128 value) const {
  if (family == IpFamily::v6) {
    return static_cast<std::size_t>(std::upper_bound(starts128.begin(), starts128.end(), value) - starts128.begin()) - 1;
  }
  const auto v = static_cast<std::uint32_t>(value);
  return static_cast<std::size_t>(std::upper_bound(starts32.begin(), starts32.end(), v) - starts32.begin()) - 1;
}

PrefixIndex::PrefixIndex(IpFamily family, std::span<const Prefix> prefixes) : impl_(std::make_unique<Impl>()) {
  impl_->family = family;
  impl_->build_groups(prefixes);
  Segments segments = impl_->sweep();
  MOAT_ASSERT(!segments.starts.empty() && segments.starts.front() == 0, "range table must start at address 0");
  if (family == IpFamily::v4) {
    const std::size_t groups = impl_->group_length.size();
    if (groups >= chunked_from_groups && !(groups >= wide_from && impl_->compile_v4_wide(segments))) {
      impl_->compile_v4(segments);
    }
    impl_->starts32.reserve(segments.starts.size());
    for (const uint128 start : segments.starts) impl_->starts32.push_back(static_cast<std::uint32_t>(start));
  } else {
    impl_->starts128 = std::move(segments.starts);
    impl_->starts128.shrink_to_fit();
  }
  impl_->labels = std::move(segments.labels);
  impl_->labels.shrink_to_fit();
}

PrefixIndex::~PrefixIndex() = default;
PrefixIndex::PrefixIndex(PrefixIndex&&) noexcept = default;
PrefixIndex& PrefixIndex::operator=(PrefixIndex&&) noexcept = default;

IpFamily PrefixIndex::family() const { return impl_->family; }

std::size_t PrefixIndex::group_count() const { return impl_->group_length.size(); }

Prefix PrefixIndex::group_prefix(Group group) const {
  MOAT_ASSERT(group < group_count(), "group out of range");
  return Prefix(IpAddress::from_value(impl_->family, impl_->group_network(group)), impl_->group_length[group]);
}

std::span<const std::uint32_t> PrefixIndex::group_entries(Group group) const {
  MOAT_ASSERT(group < group_count(), "group out of range");
  const auto& ids = impl_->entry_ids;
  if (impl_->entry_start.empty()) return std::span<const std::uint32_t>(ids).subspan(group, 1);
  const auto first = impl_->entry_start[group];
  return std::span<const std::uint32_t>(ids).subspan(first, impl_->entry_start[group + 1] - first);
}

std::optional<PrefixIndex::Group> PrefixIndex::lookup(const IpAddress& address) const {
  if (address.family() != impl_->family) return std::nullopt;
  const std::uint32_t label = impl_->family == IpFamily::v4
                                  ? impl_->lookup_v4(static_cast<std::uint32_t>(address.value()))
                                  : impl_->lookup_v6(address.value());
  if (label == no_group) return std::nullopt;
  return label;
}

std::optional<PrefixIndex::Group> PrefixIndex::lookup_v4(std::uint32_t address) const {
  MOAT_ASSERT(impl_->family == IpFamily::v4, "lookup_v4 on an IPv6 index");
  const std::uint32_t label = impl_->lookup_v4(address);
  if (label == no_group) return std::nullopt;
  return label;
}

std::vector<PrefixIndex::Part> PrefixIndex::partition(const AddressSet& addresses) const {
  std::vector<Part> parts;
  if (addresses.family() != impl_->family) {  // no prefix of this index matches them
    if (!addresses.empty()) parts.push_back(Part{addresses, std::nullopt});
    return parts;
  }
  std::vector<std::vector<AddressInterval>> pieces;  // per part, ascending
  std::unordered_map<std::uint32_t, std::size_t> part_of;  // label -> index into parts
  const Impl& index = *impl_;
  const std::size_t segments = index.segment_count();
  for (const auto& interval : addresses.intervals()) {
    uint128 at = interval.first;
    // One binary search per interval, then a walk along the segments it spans.
    for (std::size_t i = index.segment_index(at);; ++i) {
      const std::uint32_t label = index.labels[i];
      const uint128 segment_last = i + 1 < segments ? index.segment_start(i + 1) - 1 : max_address_value(index.family);
      const uint128 last = std::min(segment_last, interval.last);
      auto [it, inserted] = part_of.try_emplace(label, parts.size());
      if (inserted) {
        parts.push_back(Part{AddressSet(impl_->family), label == no_group ? std::nullopt : std::optional<Group>(label)});
        pieces.emplace_back();
      }
      detail::append_merged(pieces[it->second], AddressInterval{at, last});
      if (last == interval.last) break;
      at = last + 1;
    }
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    parts[i].addresses = AddressSet::from_intervals(impl_->family, std::move(pieces[i]));
  }
  return parts;
}

std::size_t PrefixIndex::lookup_memory_bytes() const {
  if (!impl_->wide_slots.empty()) return bytes_of(impl_->wide_slots) + bytes_of(impl_->wide_ranges);
  if (!impl_->chunks.empty()) return bytes_of(impl_->chunks) + bytes_of(impl_->slices);
  return bytes_of(impl_->starts32) + bytes_of(impl_->starts128) + bytes_of(impl_->labels);
}

std::size_t PrefixIndex::memory_bytes() const {
  return sizeof(Impl) + bytes_of(impl_->chunks) + bytes_of(impl_->slices) + bytes_of(impl_->wide_slots) +
         bytes_of(impl_->wide_ranges) + bytes_of(impl_->starts32) +
         bytes_of(impl_->starts128) + bytes_of(impl_->labels) + bytes_of(impl_->group_network4) + bytes_of(impl_->group_network6) + bytes_of(impl_->group_length) +
         bytes_of(impl_->entry_ids) + bytes_of(impl_->entry_start);
}

}  // namespace moat::net
