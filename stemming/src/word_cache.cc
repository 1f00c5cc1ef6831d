#include "stemming/src/word_cache.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <limits>

namespace arkiv {
namespace {

constexpr std::size_t kMaxStringBytes = std::numeric_limits<std::uint8_t>::max();
constexpr std::size_t kInitialSlots = 1u << 12;
constexpr std::size_t kMaxListSize = std::numeric_limits<std::uint8_t>::max();
constexpr std::size_t kMaxPackedStringBytes = std::numeric_limits<std::uint16_t>::max();

// The lists of derivations in the order they are packed (that of WordDerivations).
std::array<const std::vector<std::string>*, 6> lists_of(const WordDerivations& derived) {
  return {&derived.parts, &derived.part_stems, &derived.folded, &derived.folded_stems, &derived.variants,
          &derived.variant_stems};
}

}  // namespace

WordCache::WordCache(std::size_t max_entries)
    : max_entries_(max_entries), recent_(kRecentWords, 0), slots_(kInitialSlots, 0) {}

bool WordCache::can_hold(std::string_view word, const WordAnalysis& analysis) {
  if (word.size() > kMaxStringBytes || analysis.norm.size() > kMaxStringBytes ||
      analysis.stem.size() > kMaxStringBytes) {
    return false;
  }
  if (!analysis.derived) return true;
  for (const auto* list : lists_of(*analysis.derived)) {
    if (list->size() > kMaxListSize) return false;
    for (const std::string& item : *list) {
      if (item.size() > kMaxPackedStringBytes) return false;
    }
  }
  return true;
}

void unpack_list(const char*& packed, std::vector<std::string>& list) {
  list.resize(static_cast<std::uint8_t>(*packed++));
  for (std::string& item : list) {
    std::uint16_t length;
    std::memcpy(&length, packed, sizeof length);
    packed += sizeof length;
    item.assign(packed, length);
    packed += length;
  }
}

// Computed once per token, so cheaper than std::hash: 8 bytes per multiply, then a final mix
// (the slot index takes the low bits, the tag the high half). A word's last bytes are read as
// overlapping blocks, without a loop over its length or a variable-size copy: most words are
// shorter than 8 bytes and their lengths vary, so a loop mispredicts.
std::uint64_t WordCache::hash_of(std::string_view word, bool is_letter_word) {
  constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;
  const char* const bytes = word.data();
  const std::size_t size = word.size();
  std::uint64_t hash = size ^ (is_letter_word ? 0xC2B2AE3D27D4EB4Full : 0);
  std::uint64_t tail = 0;
  if (size >= 8) {
    for (std::size_t i = 0; i + 8 < size; i += 8) {
      std::uint64_t block;
      std::memcpy(&block, bytes + i, 8);
      hash = (hash ^ block) * kMultiplier;
      hash ^= hash >> 29;
    }
    std::memcpy(&tail, bytes + size - 8, 8);  // the last 8 bytes, overlapping the previous block
  } else if (size >= 4) {
    std::uint32_t first;
    std::uint32_t last;
    std::memcpy(&first, bytes, 4);
    std::memcpy(&last, bytes + size - 4, 4);
    tail = static_cast<std::uint64_t>(last) << 32 | first;
  } else if (size > 0) {
    tail = static_cast<std::uint64_t>(static_cast<std::uint8_t>(bytes[0])) |
           static_cast<std::uint64_t>(static_cast<std::uint8_t>(bytes[size / 2])) << 8 |
           static_cast<std::uint64_t>(static_cast<std::uint8_t>(bytes[size - 1])) << 16;
  }
  hash = (hash ^ tail) * kMultiplier;
  hash ^= hash >> 32;
  hash *= kMultiplier;
  return hash ^ (hash >> 29);
}

bool WordCache::find_in_slots(std::string_view word, bool is_letter_word, std::uint64_t hash,
                              CachedWord& found) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const std::uint64_t value = slots_[slot];
    if (value == 0) return false;
    if ((value & ~kIndexMask) != (hash & ~kIndexMask)) continue;
    if (!matches(entries_[(value & kIndexMask) - 1], word, is_letter_word, hash, found)) continue;
    recent_[recent_index(hash)] = static_cast<std::uint32_t>(value & kIndexMask);
    return true;
  }
}

void WordCache::clear() {
  entries_.clear();
  std::fill(recent_.begin(), recent_.end(), 0);
  derivations_.clear();
  packed_.clear();
  arena_.clear();
  slots_.assign(kInitialSlots, 0);
}

void WordCache::place(std::uint64_t hash, std::uint32_t index) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = hash & mask;
  while (slots_[slot] != 0) slot = (slot + 1) & mask;
  slots_[slot] = (hash & ~kIndexMask) | (static_cast<std::uint64_t>(index) + 1);
}

void WordCache::grow_slots() {
  slots_.assign(slots_.size() * 2, 0);
  for (std::size_t i = 0; i < entries_.size(); ++i) place(entries_[i].hash, static_cast<std::uint32_t>(i));
}

CachedWord WordCache::insert(std::string_view word, const WordAnalysis& analysis) {
  if (entries_.size() >= max_entries_) clear();
  std::uint32_t packed = 0;
  if (const WordDerivations* derived = analysis.derived.get()) {
    derivations_.push_back(analysis.derived);
    packed = static_cast<std::uint32_t>(packed_.size()) + 1;
    packed_.append(reinterpret_cast<const char*>(&derived), sizeof derived);
    for (const auto* list : lists_of(*derived)) {
      packed_.push_back(static_cast<char>(list->size()));
      for (const std::string& item : *list) {
        const auto length = static_cast<std::uint16_t>(item.size());
        packed_.append(reinterpret_cast<const char*>(&length), sizeof length);
        packed_.append(item);
      }
    }
  }
  return store(word, analysis.is_letter_word, analysis.norm, analysis.stem, packed);
}

CachedWord WordCache::insert_alias(std::string_view word, bool is_letter_word, const CachedWord& found) {
  // found views this cache's storage, which store() may move: copy first. A full cache is
  // emptied by the next insert(), never here, so found.derived stays valid.
  const std::string norm(found.norm);
  const std::string stem(found.stem);
  const std::uint32_t packed =
      found.packed ? static_cast<std::uint32_t>(found.packed - sizeof(const WordDerivations*) - packed_.data()) + 1 : 0;
  return store(word, is_letter_word, norm, stem, packed);
}

CachedWord WordCache::store(std::string_view word, bool is_letter_word, std::string_view norm, std::string_view stem,
                            std::uint32_t packed) {
  Entry entry;
  entry.hash = hash_of(word, is_letter_word);
  entry.packed = packed;
  entry.is_letter_word = is_letter_word;
  entry.word_length = static_cast<std::uint8_t>(word.size());
  entry.norm_length = static_cast<std::uint8_t>(norm.size());
  entry.stem_length = static_cast<std::uint8_t>(stem.size());
  entry.norm_is_word = norm == word;
  if (entry.norm_is_word) norm = {};
  const std::size_t total = word.size() + norm.size() + stem.size();
  entry.is_inline = total <= sizeof entry.bytes;
  char* out = entry.bytes;
  if (!entry.is_inline) {
    entry.arena_offset = static_cast<std::uint32_t>(arena_.size());
    arena_.resize(arena_.size() + total);
    out = arena_.data() + entry.arena_offset;
  }
  out = std::copy(word.begin(), word.end(), out);
  out = std::copy(norm.begin(), norm.end(), out);
  std::copy(stem.begin(), stem.end(), out);
  entries_.push_back(entry);
  if (entries_.size() * 2 > slots_.size()) {
    grow_slots();
  } else {
    place(entry.hash, static_cast<std::uint32_t>(entries_.size() - 1));
  }
  const Entry& stored = entries_.back();
  return view(stored, stored.strings(arena_));
}

}  // namespace arkiv
