#include "stemming/src/word_cache.h"

#include <algorithm>
#include <functional>
#include <limits>

namespace arkiv {
namespace {

constexpr std::size_t kMaxStringBytes = std::numeric_limits<std::uint8_t>::max();
constexpr std::size_t kInitialSlots = 1u << 12;

}  // namespace

WordCache::WordCache(std::size_t max_entries) : max_entries_(max_entries), table_(kInitialSlots) {}

bool WordCache::can_hold(std::string_view word, const WordAnalysis& analysis) {
  return word.size() <= kMaxStringBytes && analysis.norm.size() <= kMaxStringBytes &&
         analysis.stem.size() <= kMaxStringBytes;
}

std::uint64_t WordCache::hash_of(std::string_view word, bool is_letter_word) {
  // The top bit is never part of a slot index; setting it keeps 0 free to mark empty slots.
  return (std::hash<std::string_view>{}(word) ^ (is_letter_word ? 0x1E3779B97F4A7C15ull : 0)) | 1ull << 63;
}

bool WordCache::find(std::string_view word, bool is_letter_word, std::uint64_t hash, CachedWord& found) const {
  const std::size_t mask = table_.size() - 1;
  for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const Entry& entry = table_[slot];
    if (entry.hash == 0) return false;
    if (entry.hash != hash || entry.is_letter_word != is_letter_word || entry.word_length != word.size()) continue;
    const char* strings = entry.strings(arena_);
    if (std::string_view(strings, entry.word_length) != word) continue;
    found.norm = std::string_view(strings + entry.word_length, entry.norm_length);
    found.stem = std::string_view(strings + entry.word_length + entry.norm_length, entry.stem_length);
    found.derived = entry.derived;
    return true;
  }
}

void WordCache::clear() {
  size_ = 0;
  derivations_.clear();
  arena_.clear();
  table_.assign(kInitialSlots, Entry{});
}

WordCache::Entry& WordCache::free_slot(std::uint64_t hash) {
  const std::size_t mask = table_.size() - 1;
  std::size_t slot = hash & mask;
  while (table_[slot].hash != 0) slot = (slot + 1) & mask;
  return table_[slot];
}

void WordCache::grow() {
  std::vector<Entry> old(table_.size() * 2);
  old.swap(table_);
  for (const Entry& entry : old) {
    if (entry.hash != 0) free_slot(entry.hash) = entry;
  }
}

CachedWord WordCache::insert(std::string_view word, const WordAnalysis& analysis) {
  if (size_ >= max_entries_) clear();
  if (analysis.derived) derivations_.push_back(analysis.derived);
  return store(word, analysis.is_letter_word, analysis.norm, analysis.stem, analysis.derived.get());
}

CachedWord WordCache::insert_alias(std::string_view word, bool is_letter_word, const CachedWord& found) {
  // found views this cache's storage, which store() may move: copy first. A full cache is
  // emptied by the next insert(), never here, so found.derived stays valid.
  const std::string norm(found.norm);
  const std::string stem(found.stem);
  return store(word, is_letter_word, norm, stem, found.derived);
}

CachedWord WordCache::store(std::string_view word, bool is_letter_word, std::string_view norm, std::string_view stem,
                            const WordDerivations* derived) {
  if ((size_ + 1) * 2 > table_.size()) grow();
  const std::uint64_t hash = hash_of(word, is_letter_word);
  Entry& entry = free_slot(hash);
  entry.hash = hash;
  entry.derived = derived;
  entry.is_letter_word = is_letter_word;
  entry.word_length = static_cast<std::uint8_t>(word.size());
  entry.norm_length = static_cast<std::uint8_t>(norm.size());
  entry.stem_length = static_cast<std::uint8_t>(stem.size());
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
  ++size_;
  const char* strings = entry.strings(arena_);
  return CachedWord{std::string_view(strings + entry.word_length, entry.norm_length),
                    std::string_view(strings + entry.word_length + entry.norm_length, entry.stem_length), derived};
}

}  // namespace arkiv
