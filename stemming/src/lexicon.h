#pragma once
// Word lexicons for Danish and Norwegian (bokmål, nynorsk), built from the Debian word lists
// named in stemming/data/word_lists.tsv. Internal to the stemming module.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "stemming/analyzer.h"

namespace arkiv {

// NFKC_Casefold of one word, as the Analyzer normalises tokens (ICU); invalid UTF-8 is
// returned unchanged.
std::string normalise_lexicon_word(std::string_view word);

// A set of normalised (NFKC case-folded) words. Immutable after construction, so thread-safe.
// The words live in one buffer and an open-addressing table holds their offsets, lengths and
// hash tags, which keeps the 935k-word bokmål list near 30 MB. Most lookups (the decompounder's
// candidate parts) miss: a Bloom filter of about a byte per word, small enough to stay in the
// CPU cache, answers most of them without touching the table. A trie of the same words lets
// the decompounder find every word that starts at a position of a longer word in one walk.
class Lexicon {
 public:
  // Reads a word list, one word a line in the given encoding (an ICU converter name such as
  // "UTF-8" or "ISO-8859-1"); blank lines and lines starting with '#' are skipped. Throws
  // IoError naming the path if it cannot be read, DataError naming file and line for bytes
  // invalid in the encoding.
  static Lexicon load(const std::filesystem::path& word_list, const std::string& encoding = "UTF-8");

  // The process-wide lexicon of a language, loaded on first use (thread-safe). Languages
  // without a word list in stemming/data/word_lists.tsv get an empty lexicon.
  static const Lexicon& for_language(Language language);

  // True for any entry; contains_common_word excludes entries listed only capitalised (names
  // such as "Else", "Sten"), which make poor compound parts.
  bool contains(std::string_view normalised_word) const;
  bool contains_common_word(std::string_view normalised_word) const;
  std::size_t size() const { return word_count_; }

  // Calls on_common_word(end) for each end in (from, text.size()], in increasing order, at which
  // text.substr(from, end - from) is a common word (contains_common_word): one walk down the trie,
  // which stops where no word of the lexicon continues.
  template <typename OnCommonWord>
  void for_each_common_word_at(std::string_view text, std::size_t from, OnCommonWord&& on_common_word) const {
    if (trie_.empty()) return;
    const TrieNode* node = trie_.data();
    for (std::size_t i = from; i < text.size(); ++i) {
      const auto byte = static_cast<std::uint8_t>(text[i]);
      const TrieNode* child = trie_.data() + node->first_child;
      const TrieNode* const last = child + node->child_count;
      while (child != last && child->label < byte) ++child;
      if (child == last || child->label != byte) return;
      node = child;
      if (node->is_common_word) on_common_word(i + 1);
    }
  }

  std::size_t memory_bytes() const;

 private:
  Lexicon() = default;
  void insert(std::string_view word, std::size_t hash, bool capitalised);
  void grow();
  void build_filter();
  bool may_contain(std::size_t hash) const;
  std::uint64_t find(std::string_view word, std::size_t hash) const;
  std::size_t find_slot(std::string_view word, std::size_t hash) const;
  std::string_view word_at(std::uint64_t slot) const;
  void build_trie();

  // Children of a node are consecutive and sorted by label; a node's subtree is laid out after
  // it (depth first), so a walk down a long word stays in nearby memory.
  struct TrieNode {
    std::uint32_t first_child = 0;  // index in trie_
    std::uint16_t child_count = 0;
    std::uint8_t label = 0;  // the byte leading to this node
    bool is_common_word = false;
  };

  std::string words_;  // each word followed by '\n'
  // Per slot: offset + 1 into words_ (low 32 bits; 0 = empty), the word's length (8 bits,
  // 255 = look for the '\n'), high hash bits as a tag, kCapitalisedOnly; size a power of two.
  std::vector<std::uint64_t> slots_;
  std::vector<std::uint64_t> filter_;  // blocked Bloom filter, two bits per word in one 64-bit block
  std::vector<TrieNode> trie_;         // trie_[0] is the root (the empty word)
  std::size_t word_count_ = 0;
};

}  // namespace arkiv
