#pragma once
// Clean-up of PDF-extracted text: de-hyphenation, page markers, ligatures, running headers.
// Internal to the corpus module.
#include <string>
#include <vector>

#include "corpus/document.h"
#include "corpus/src/reader.h"
#include "stemming/analyzer.h"

namespace arkiv {

struct CleanText {
  std::string text;                    // lines joined with '\n'; page markers and running headers removed
  std::vector<PageStart> page_starts;  // where each page begins in text, with its real page number
  std::vector<std::string> warnings;
};

// language selects the lexicon used to decide whether a line-end hyphen joins a word.
CleanText clean_text(const RawText& raw, Language language);

}  // namespace arkiv

// --- The steps of clean_text, each in its own file; exposed for the tests. ---
#include <bitset>
#include <functional>
#include <string_view>
#include <unordered_map>

namespace arkiv {

struct TextLine {
  std::string text;  // trimmed, no '\n'
  int page = 1;
  bool removed = false;  // a page marker, running header or moved continuation: not text
};

// Lexicon check on a word as written (normalised before lookup).
using WordCheck = std::function<bool(std::string_view word)>;

// How often candidate words occur in the document, ignoring the case of their first letter.
// Only words registered as candidates are counted, so a pass costs a length test per word and a
// hash lookup only for words of a candidate's length. Words include inner hyphens ("COVID-19");
// the parts of a hyphenated word and each pair of neighbouring parts count as words too, and
// its first part followed by the hyphen ("december-" in "december-versionen") as a first part.
class DocumentVocabulary {
 public:
  void add_candidate(std::string_view word);
  void count(const std::vector<TextLine>& lines);
  int occurrences(std::string_view word) const;

 private:
  void count_word(std::string_view word);
  std::unordered_map<std::string, int> counts_;
  std::bitset<128> lengths_;
};

// The word with its first letter lower-cased (ICU), the key DocumentVocabulary counts under.
std::string lower_first_letter(std::string_view word);

// True for the code point starting at text[i] being a letter or digit (or U+FFFD, a lost
// ligature); sets length to its UTF-8 length.
bool is_word_char_at(std::string_view text, std::size_t i, std::size_t& length);

}  // namespace arkiv
