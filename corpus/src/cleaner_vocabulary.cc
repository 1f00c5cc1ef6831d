// DocumentVocabulary: counts of candidate words in the document being cleaned.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "corpus/src/cleaner.h"

namespace arkiv {

bool is_word_char_at(std::string_view text, std::size_t i, std::size_t& length) {
  const auto byte = static_cast<unsigned char>(text[i]);
  if (byte < 0x80) {
    length = 1;
    return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9');
  }
  int32_t offset = static_cast<int32_t>(i);
  UChar32 code_point = 0;
  U8_NEXT(text.data(), offset, static_cast<int32_t>(text.size()), code_point);
  length = static_cast<std::size_t>(offset) - i;
  return code_point == 0xFFFD || (code_point > 0 && u_isalnum(code_point));
}

std::string lower_first_letter(std::string_view word) {
  if (word.empty()) return {};
  int32_t offset = 0;
  UChar32 code_point = 0;
  U8_NEXT(word.data(), offset, static_cast<int32_t>(word.size()), code_point);
  const UChar32 lower = u_tolower(code_point);
  if (code_point < 0 || lower == code_point) return std::string(word);
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, U8_MAX_LENGTH, lower, error);
  if (error) return std::string(word);
  std::string out(buffer, static_cast<std::size_t>(length));
  out.append(word.substr(static_cast<std::size_t>(offset)));
  return out;
}

void DocumentVocabulary::add_candidate(std::string_view word) {
  if (word.empty() || word.size() >= lengths_.size()) return;
  lengths_.set(word.size());
  counts_.emplace(lower_first_letter(word), 0);
}

int DocumentVocabulary::occurrences(std::string_view word) const {
  const auto found = counts_.find(lower_first_letter(word));
  return found == counts_.end() ? 0 : found->second;
}

void DocumentVocabulary::count_word(std::string_view word) {
  if (word.size() >= lengths_.size() || !lengths_.test(word.size())) return;
  const auto found = counts_.find(lower_first_letter(word));
  if (found != counts_.end()) ++found->second;
}

void DocumentVocabulary::count(const std::vector<TextLine>& lines) {
  if (counts_.empty()) return;
  std::vector<std::size_t> hyphens;  // offsets of inner hyphens in the current word
  bool after_line_end_hyphen = false;
  for (const TextLine& line : lines) {
    const std::string_view text = line.text;
    if (text.empty()) continue;
    // The halves of a word broken across lines ("Sundhedsmi-" / "nisteriet") are not words
    // of the document: skip the first word after a line-end hyphen and the word before it.
    bool skip_first_word = after_line_end_hyphen;
    after_line_end_hyphen = text.back() == '-';
    std::size_t i = 0;
    while (i < text.size()) {
      std::size_t length = 0;
      if (!is_word_char_at(text, i, length)) {
        i += length;
        continue;
      }
      const std::size_t start = i;
      hyphens.clear();
      i += length;
      while (i < text.size()) {
        if (is_word_char_at(text, i, length)) {
          i += length;
        } else if (text[i] == '-' && i + 1 < text.size() && is_word_char_at(text, i + 1, length)) {
          hyphens.push_back(i - start);
          i += 1;
        } else {
          break;
        }
      }
      const std::string_view word = text.substr(start, i - start);
      const bool fragment = skip_first_word || (after_line_end_hyphen && i + 1 == text.size());
      skip_first_word = false;
      if (fragment) continue;
      count_word(word);
      if (hyphens.empty()) continue;
      // Parts and neighbouring pairs of parts: "one-size-fits-all" counts "fits-all" and "all".
      hyphens.push_back(word.size());
      std::size_t part_start = 0;
      for (std::size_t k = 0; k < hyphens.size(); ++k) {
        count_word(word.substr(part_start, hyphens[k] - part_start));
        // Only a first part with its hyphen witnesses how the document writes compounds: an
        // inner one is a slug or a phrase ("handlingsplan-for-personlig", "pay-for-performance").
        if (k == 0 && k + 1 < hyphens.size()) count_word(word.substr(part_start, hyphens[k] - part_start + 1));
        if (k + 1 < hyphens.size()) {
          const std::string_view pair = word.substr(part_start, hyphens[k + 1] - part_start);
          if (pair.size() < word.size()) count_word(pair);
        }
        part_start = hyphens[k] + 1;
      }
    }
  }
}

}  // namespace arkiv
