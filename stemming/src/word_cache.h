#pragma once
// Per-Analyzer cache of everything about a word that depends only on how it is written.
// Open addressing over 8-byte slots (hash tag + entry index) in front of one-cache-line entries
// whose strings (word, norm, stem) sit inline for most words. Entries are kept in insertion
// order, so the frequent words, met first, share a few pages; the slots of 200k words fit in
// 4 MB: the memory a lookup touches stays within the TLB's reach. A lookup is a chain of
// dependent loads (slot, entry, derivations, their lists), so the Analyzer asks for each link
// a few tokens ahead with prefetch(). Not thread-safe.
#include <cstdint>
#include <cstring>
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
  // The same lists packed in one record (fewer cache lines to read for each token), in the
  // order of WordDerivations; read them with unpack_list. Null when derived is.
  const char* packed = nullptr;
};

// Reads the next list of a CachedWord::packed record into list (its strings keep their
// buffers) and moves packed past it.
void unpack_list(const char*& packed, std::vector<std::string>& list);

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
  bool find(std::string_view word, bool is_letter_word, std::uint64_t hash, CachedWord& found) const {
    // Most tokens are words met recently, answered here without a call or the slot table.
    const std::uint32_t recent = recent_[recent_index(hash)];
    if (recent != 0 && matches(entries_[recent - 1], word, is_letter_word, hash, found)) return true;
    return find_in_slots(word, is_letter_word, hash, found);
  }

  // Starts loading link `stage` of the lookup chain of a key the caller will look up soon:
  // 0 the slot, 1 the entry, 2 its derivations, 3 their lists. Stage n reads the line stage n-1
  // loaded, so the caller asks for them in order, a token or so apart. Only the key's own slot
  // is followed; a miss just loads a line for nothing.
  void prefetch(std::uint64_t hash, int stage) const {
    // A word met recently (most tokens are frequent words) skips the slot table.
    const std::uint32_t recent = recent_[recent_index(hash)];
    const std::uint64_t& slot = slots_[hash & (slots_.size() - 1)];
    if (stage == 0) {
      if (recent != 0) __builtin_prefetch(&entries_[recent - 1]);
      return __builtin_prefetch(&slot);
    }
    const Entry* candidate = recent != 0 ? &entries_[recent - 1] : nullptr;
    if (stage == 1 && candidate && candidate->hash == hash) return;  // stage 0 loaded it
    if (!candidate || candidate->hash != hash) {
      if ((slot & kIndexMask) == 0 || (slot & ~kIndexMask) != (hash & ~kIndexMask)) return;
      candidate = &entries_[(slot & kIndexMask) - 1];
    }
    const Entry& entry = *candidate;
    if (stage == 1) return __builtin_prefetch(&entry);
    if (entry.hash != hash) return;
    if (stage == 2 && !entry.is_inline) __builtin_prefetch(arena_.data() + entry.arena_offset);
    if (entry.packed == 0) return;
    // Stage 3 loads the record's second line: most records are shorter than two.
    __builtin_prefetch(packed_.data() + entry.packed - 1 + (stage == 2 ? 0 : 64));
  }

  // Stores analysis under word (can_hold must be true) and returns the stored copy.
  CachedWord insert(std::string_view word, const WordAnalysis& analysis);

  // Stores a found word's analysis again under another spelling (as written vs normalised).
  CachedWord insert_alias(std::string_view word, bool is_letter_word, const CachedWord& found);

 private:
  // One cache line: the header and, for most words, word + norm + stem inline.
  struct alignas(64) Entry {
    std::uint64_t hash = 0;          // 0 = empty slot; hash_of never returns 0
    std::uint32_t packed = 0;        // offset + 1 in packed_ of the derivations (0 = none)
    std::uint32_t arena_offset = 0;  // where the strings are when they do not fit inline
    std::uint8_t word_length = 0;
    std::uint8_t norm_length = 0;
    std::uint8_t stem_length = 0;
    bool is_letter_word = false;
    bool is_inline = false;
    bool norm_is_word = false;  // the norm is not stored again (most words are written normalised)
    char bytes[42] = {};

    const char* strings(const std::string& arena) const { return is_inline ? bytes : arena.data() + arena_offset; }
  };
  static_assert(sizeof(Entry) == 64, "an entry is one cache line");
  static constexpr std::uint64_t kIndexMask = 0xFFFFFFFFull;  // low half of a slot: entry index + 1

  // strings: word, then norm unless it is the word, then stem.
  CachedWord view(const Entry& entry, const char* strings) const {
    const std::size_t stem_offset = entry.word_length + (entry.norm_is_word ? 0 : entry.norm_length);
    CachedWord word{std::string_view(strings + (entry.norm_is_word ? 0 : entry.word_length), entry.norm_length),
                    std::string_view(strings + stem_offset, entry.stem_length)};
    if (entry.packed != 0) {
      const char* record = packed_.data() + entry.packed - 1;
      std::memcpy(&word.derived, record, sizeof word.derived);
      word.packed = record + sizeof word.derived;
    }
    return word;
  }
  // True (and found set) when entry holds (word, is_letter_word) of this hash.
  bool matches(const Entry& entry, std::string_view word, bool is_letter_word, std::uint64_t hash,
               CachedWord& found) const {
    if (entry.hash != hash || entry.is_letter_word != is_letter_word || entry.word_length != word.size()) return false;
    const char* strings = entry.strings(arena_);
    if (std::string_view(strings, entry.word_length) != word) return false;
    found = view(entry, strings);
    return true;
  }
  // find() past the recent_ table; records a found word there.
  bool find_in_slots(std::string_view word, bool is_letter_word, std::uint64_t hash, CachedWord& found) const;
  void clear();
  void grow_slots();
  void place(std::uint64_t hash, std::uint32_t index);
  CachedWord store(std::string_view word, bool is_letter_word, std::string_view norm, std::string_view stem,
                   std::uint32_t packed);

  // Where recent_ keeps a word: bits the slot index and the tag use less.
  static std::size_t recent_index(std::uint64_t hash) { return (hash >> 20) & (kRecentWords - 1); }
  // 64k words: with 8k, 13% of the tokens of mb100 missed the table and read a slot and an entry
  // from memory; with 64k, 4%.
  static constexpr std::size_t kRecentWords = 1u << 16;

  std::size_t max_entries_;
  // Per recent_index: entry index + 1 of the last word found or stored there (0 = none), a
  // 256 KB table that stays in the CPU's L2 cache and answers the frequent words.
  mutable std::vector<std::uint32_t> recent_;
  std::vector<std::uint64_t> slots_;  // hash high half | entry index + 1 (0 = empty); a power of two, at most half full
  std::vector<Entry> entries_;
  std::vector<std::shared_ptr<const WordDerivations>> derivations_;
  // Per word with derivations: its WordDerivations pointer, then each list as a count byte and
  // its strings, each a 2-byte length and the bytes.
  std::string packed_;
  std::string arena_;
};

}  // namespace arkiv
