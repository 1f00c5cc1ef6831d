#include "stemming/src/lexicon.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>

#include "stemming/src/text_normalisation.h"

namespace arkiv {
namespace {

constexpr std::size_t kInitialSlots = 1 << 16;
// Slot layout (Lexicon::slots_): offset + 1 | length << 32 | tag | kCapitalisedOnly.
constexpr std::uint64_t kOffsetMask = 0xFFFFFFFFull;
constexpr int kLengthShift = 32;
constexpr std::uint64_t kUnknownLength = 0xFF;             // words of 255 bytes or more end at their '\n'
constexpr std::uint64_t kTagMask = 0x7FFFFF0000000000ull;  // hash bits 40..62
constexpr std::uint64_t kCapitalisedOnly = 1ull << 63;     // slot flag: every listing was capitalised
constexpr std::size_t kFilterBitsPerWord = 8;              // at least; rounded up to a power-of-two block count

std::size_t hash_word(std::string_view word) { return std::hash<std::string_view>{}(word); }

// The filter's block and the two bits in it, from bits of the hash the table does not use for
// its slot index (low bits) or its tag (bits 40..62).
std::uint64_t filter_mix(std::size_t hash) { return (hash ^ (hash >> 29)) * 0x9E3779B97F4A7C15ull; }
std::uint64_t filter_bits(std::uint64_t mixed) { return (1ull << (mixed & 63)) | (1ull << ((mixed >> 6) & 63)); }

}  // namespace

// NFKC_Casefold by the Analyzer's own normalise_word, so entries compare equal to its tokens.
std::string normalise_lexicon_word(std::string_view word) {
  if (!is_valid_utf8(word)) return std::string(word);
  std::string out;
  normalise_word(word, out);
  return out;
}

Lexicon Lexicon::load(const std::filesystem::path& word_list, const std::string& encoding) {
  std::ifstream in(word_list, std::ios::binary);
  if (!in) throw IoError("cannot read word list " + word_list.string());
  const bool is_utf8 = encoding == "UTF-8" || encoding == "utf-8" || encoding == "UTF8";
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(is_utf8 ? nullptr : ucnv_open(encoding.c_str(), &status),
                                                               &ucnv_close);
  if (U_FAILURE(status)) throw UsageError("unknown encoding '" + encoding + "' for " + word_list.string());
  if (converter) ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  Lexicon lexicon;
  lexicon.slots_.assign(kInitialSlots, 0);
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (converter) {
      icu::UnicodeString decoded(line.data(), static_cast<int32_t>(line.size()), converter.get(), status);
      if (U_FAILURE(status)) {
        throw DataError(word_list.string() + ":" + std::to_string(line_number) + ": invalid " + encoding);
      }
      line.clear();
      decoded.toUTF8String(line);
    } else if (!is_valid_utf8(line)) {
      throw DataError(word_list.string() + ":" + std::to_string(line_number) + ": invalid UTF-8");
    }
    std::string word = normalise_lexicon_word(line);
    if (word.find('\n') == std::string::npos) lexicon.insert(word, hash_word(word), word != line);
  }
  if (in.bad()) throw IoError("error reading word list " + word_list.string());
  lexicon.words_.shrink_to_fit();
  lexicon.build_filter();
  lexicon.build_trie();
  return lexicon;
}

const Lexicon& Lexicon::for_language(Language language) {
  static std::array<std::once_flag, 5> once;
  static std::array<std::unique_ptr<Lexicon>, 5> lexicons;
  const auto index = static_cast<std::size_t>(language);
  std::call_once(once.at(index), [&] {
    std::filesystem::path table = data_file("stemming/data/word_lists.tsv");
    std::ifstream in(table);
    if (!in) throw IoError("cannot read " + table.string());
    std::string line;
    std::size_t line_number = 0;
    std::filesystem::path word_list;
    std::string encoding;
    while (std::getline(in, line)) {
      ++line_number;
      if (line.empty() || line[0] == '#') continue;
      const std::size_t tab1 = line.find('\t');
      const std::size_t tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
      if (tab2 == std::string::npos || tab2 + 1 == line.size()) {
        throw DataError(table.string() + ":" + std::to_string(line_number) +
                        ": expected language<TAB>path<TAB>encoding");
      }
      if (parse_language(line.substr(0, tab1)) == language) {
        word_list = line.substr(tab1 + 1, tab2 - tab1 - 1);
        encoding = line.substr(tab2 + 1);
      }
    }
    lexicons.at(index).reset(new Lexicon(word_list.empty() ? Lexicon() : load(word_list, encoding)));
    if (lexicons.at(index)->slots_.empty()) {
      lexicons.at(index)->slots_.assign(1, 0);
      lexicons.at(index)->build_filter();
      lexicons.at(index)->build_trie();
    }
  });
  return *lexicons.at(index);
}

std::string_view Lexicon::word_at(std::uint64_t slot) const {
  const std::size_t offset = (slot & kOffsetMask) - 1;
  const std::size_t length = (slot >> kLengthShift) & kUnknownLength;
  if (length != kUnknownLength) return std::string_view(words_.data() + offset, length);
  std::string_view rest(words_.data() + offset, words_.size() - offset);
  return rest.substr(0, rest.find('\n'));
}

// The slot holding word, or the empty slot where it would go. Words are compared only when the
// tag (high hash bits) matches, so a probe past other words reads no word bytes.
std::size_t Lexicon::find_slot(std::string_view word, std::size_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  const std::uint64_t tag = hash & kTagMask;
  for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
    const std::uint64_t entry = slots_[slot];
    if ((entry & kOffsetMask) == 0) return slot;
    if ((entry & kTagMask) == tag && word_at(entry) == word) return slot;
  }
}

bool Lexicon::may_contain(std::size_t hash) const {
  const std::uint64_t mixed = filter_mix(hash);
  const std::uint64_t bits = filter_bits(mixed);
  return (filter_[(mixed >> 32) & (filter_.size() - 1)] & bits) == bits;
}

void Lexicon::build_filter() {
  std::size_t blocks = 1;
  while (blocks * 64 < word_count_ * kFilterBitsPerWord) blocks *= 2;
  filter_.assign(blocks, 0);
  for (std::uint64_t entry : slots_) {
    if ((entry & kOffsetMask) == 0) continue;
    const std::uint64_t mixed = filter_mix(hash_word(word_at(entry)));
    filter_[(mixed >> 32) & (blocks - 1)] |= filter_bits(mixed);
  }
}

void Lexicon::build_trie() {
  struct Listed {
    std::uint64_t key;  // the first 8 bytes, big-endian, zero-padded: orders as the bytes do
    std::string_view word;
    bool is_common;
  };
  std::vector<Listed> words;
  words.reserve(word_count_);
  for (std::uint64_t entry : slots_) {
    if ((entry & kOffsetMask) == 0) continue;
    const std::string_view word = word_at(entry);
    std::uint64_t key = 0;
    for (std::size_t i = 0; i < 8; ++i) key = key << 8 | (i < word.size() ? static_cast<std::uint8_t>(word[i]) : 0);
    words.push_back({key, word, (entry & kCapitalisedOnly) == 0});
  }
  // Byte order (as memcmp); the key decides most comparisons without reading the words.
  std::sort(words.begin(), words.end(), [](const Listed& a, const Listed& b) {
    return a.key != b.key ? a.key < b.key : a.word < b.word;
  });
  // The walk below reads each word once per byte: from a copy in sorted order, not scattered.
  std::string sorted;
  sorted.reserve(words_.size());
  for (const Listed& listed : words) sorted.append(listed.word);
  for (std::size_t i = 0, offset = 0; i < words.size(); offset += words[i++].word.size()) {
    words[i].word = std::string_view(sorted.data() + offset, words[i].word.size());
  }
  // Depth first: a node's words are words[begin, end), all sharing its first `depth` bytes.
  struct Pending {
    std::uint32_t node;
    std::size_t begin, end, depth;
  };
  trie_.clear();
  trie_.reserve(words_.size() + 1);  // at most a node per byte, and the root
  trie_.emplace_back();
  std::vector<Pending> stack{{0, 0, words.size(), 0}};
  std::vector<Pending> children;
  while (!stack.empty()) {
    auto [node, begin, end, depth] = stack.back();
    stack.pop_back();
    if (begin < end && words[begin].word.size() == depth) {
      trie_[node].is_common_word = words[begin].is_common;
      ++begin;
    }
    if (begin == end) continue;
    if (trie_.size() + 256 > kOffsetMask) throw DataError("word list too large for the lexicon trie");
    const auto first_child = static_cast<std::uint32_t>(trie_.size());
    children.clear();
    for (std::size_t i = begin; i < end;) {
      const char label = words[i].word[depth];
      std::size_t j = i + 1;
      while (j < end && words[j].word[depth] == label) ++j;
      TrieNode child;
      child.label = static_cast<std::uint8_t>(label);
      children.push_back({static_cast<std::uint32_t>(trie_.size()), i, j, depth + 1});
      trie_.push_back(child);
      i = j;
    }
    trie_[node].first_child = first_child;
    trie_[node].child_count = static_cast<std::uint16_t>(children.size());
    stack.insert(stack.end(), children.rbegin(), children.rend());
  }
  trie_.shrink_to_fit();
}

void Lexicon::grow() {
  std::vector<std::uint64_t> old = std::move(slots_);
  slots_.assign(old.size() * 2, 0);
  const std::size_t mask = slots_.size() - 1;
  for (std::uint64_t entry : old) {
    if (entry == 0) continue;
    std::size_t slot = hash_word(word_at(entry)) & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = entry;
  }
}

void Lexicon::insert(std::string_view word, std::size_t hash, bool capitalised) {
  // Load factor at most 1/2 keeps probe sequences short.
  if ((word_count_ + 1) * 2 > slots_.size()) grow();
  const std::size_t slot = find_slot(word, hash);
  if (slots_[slot] != 0) {
    if (!capitalised) slots_[slot] &= ~kCapitalisedOnly;
    return;
  }
  if (words_.size() + word.size() + 1 >= kOffsetMask) throw DataError("word list too large for the lexicon");
  const std::uint64_t length = std::min<std::uint64_t>(word.size(), kUnknownLength);
  slots_[slot] = (static_cast<std::uint64_t>(words_.size()) + 1) | length << kLengthShift | (hash & kTagMask) |
                 (capitalised ? kCapitalisedOnly : 0);
  words_.append(word);
  words_.push_back('\n');
  ++word_count_;
}

// The word's slot entry, 0 when absent.
std::uint64_t Lexicon::find(std::string_view word, std::size_t hash) const {
  if (!may_contain(hash)) return 0;
  return slots_[find_slot(word, hash)];
}

bool Lexicon::contains(std::string_view normalised_word) const {
  if (normalised_word.empty() || normalised_word.find('\n') != std::string_view::npos) return false;
  return find(normalised_word, hash_word(normalised_word)) != 0;
}

bool Lexicon::contains_common_word(std::string_view normalised_word) const {
  if (normalised_word.empty() || normalised_word.find('\n') != std::string_view::npos) return false;
  const std::uint64_t entry = find(normalised_word, hash_word(normalised_word));
  return entry != 0 && (entry & kCapitalisedOnly) == 0;
}

std::size_t Lexicon::memory_bytes() const {
  return words_.capacity() + (slots_.capacity() + filter_.capacity()) * sizeof(std::uint64_t) +
         trie_.capacity() * sizeof(TrieNode);
}

}  // namespace arkiv
