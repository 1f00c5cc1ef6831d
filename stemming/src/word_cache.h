#pragma once
// Per-Analyzer cache of everything about a word that depends only on how it is written.
// Open addressing directly over one-cache-line entries whose strings (word, norm, stem) sit
// inline for most words: a hit reads one cache line, with no dependent load through an index
// (the table is looked up once per token, so that line is most of the cost of a cached word).
// Not thread-safe.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace arkiv {

// What most words lack, kept out of line and shared.
struct WordDerivations {
  std::vector<std::string> parts;
  std::vector<std::string> part_stems;
  std::vector<std::string> folded;
  std::vector<std::string> folded_stems;
  std::vector<std::string> variants;
  std::vector<std::string> variant_stems;

  bool empty() const {
    return parts.empty() && part_stems.empty() && folded.empty() && folded_stems.empty() && variants.empty() &&
           variant_stems.empty();
  }
};

struct WordAnalysis {
  bool is_letter_word = false;
  std::string norm;
  std::string stem;
  std::shared_ptr<const WordDerivations> derived;  // null when the word has none
};

// A cached analysis; the views are valid until the next insert.
struct CachedWord {
  std::string_view norm;
  std::string_view stem;
  const WordDerivations* derived = nullptr;  // owned by the cache
};

class WordCache {
 public:
  // Holds at most max_entries words; when full, the next insert empties it.
  explicit WordCache(std::size_t max_entries);

  // True when word, norm and stem are short enough (255 bytes each) to be cached.
  static bool can_hold(std::string_view word, const WordAnalysis& analysis);

  // The key of (word, is_letter_word); never 0.
  static std::uint64_t hash_of(std::string_view word, bool is_letter_word);

  // The analysis stored for (word, is_letter_word), if any; hash is hash_of(word, is_letter_word).
  bool find(std::string_view word, bool is_letter_word, CachedWord& found) const {
    return find(word, is_letter_word, hash_of(word, is_letter_word), found);
  }
  bool find(std::string_view word, bool is_letter_word, std::uint64_t hash, CachedWord& found) const;

  // Starts loading the table slot of a key the caller will look up soon: a cached word's
  // analysis is one cache line, which then arrives while the caller does other work.
  void prefetch(std::uint64_t hash) const { __builtin_prefetch(&table_[hash & (table_.size() - 1)]); }

  // Once that line has arrived: starts loading the derivations of the entry in the key's own
  // slot, if it is the key's (the second hop of a cached compound or æ/ø/å word); once those
  // have arrived, with lists = true, their lists (the third).
  void prefetch_derived(std::uint64_t hash, bool lists) const {
    const Entry& entry = table_[hash & (table_.size() - 1)];
    if (entry.hash != hash || !entry.derived) return;
    if (!lists) return __builtin_prefetch(entry.derived);
    for (const auto* list : {&entry.derived->parts, &entry.derived->part_stems, &entry.derived->folded,
                             &entry.derived->folded_stems, &entry.derived->variants, &entry.derived->variant_stems}) {
      if (!list->empty()) __builtin_prefetch(list->data());
    }
  }

  // Stores analysis under word (can_hold must be true) and returns the stored copy.
  CachedWord insert(std::string_view word, const WordAnalysis& analysis);

  // Stores a found word's analysis again under another spelling (as written vs normalised).
  CachedWord insert_alias(std::string_view word, bool is_letter_word, const CachedWord& found);

 private:
  // One cache line: the header and, for most words, word + norm + stem inline.
  struct alignas(64) Entry {
    std::uint64_t hash = 0;                    // 0 = empty slot; hash_of never returns 0
    const WordDerivations* derived = nullptr;  // one of derivations_; null = none
    std::uint32_t arena_offset = 0;            // where the strings are when they do not fit inline
    std::uint8_t word_length = 0;
    std::uint8_t norm_length = 0;
    std::uint8_t stem_length = 0;
    bool is_letter_word = false;
    bool is_inline = false;
    char bytes[39] = {};

    const char* strings(const std::string& arena) const { return is_inline ? bytes : arena.data() + arena_offset; }
  };
  static_assert(sizeof(Entry) == 64, "an entry is one cache line");
  void clear();
  void grow();
  Entry& free_slot(std::uint64_t hash);
  CachedWord store(std::string_view word, bool is_letter_word, std::string_view norm, std::string_view stem,
                   const WordDerivations* derived);

  std::size_t max_entries_;
  std::size_t size_ = 0;
  std::vector<Entry> table_;  // size a power of two, at most half full
  std::vector<std::shared_ptr<const WordDerivations>> derivations_;
  std::string arena_;
};

}  // namespace arkiv
