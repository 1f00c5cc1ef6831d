#include "corpus/src/ligatures.h"

#include <array>
#include <string_view>

namespace arkiv {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
constexpr std::array<std::string_view, 5> kLigatures = {"ff", "fi", "fl", "ffi", "ffl"};
constexpr std::size_t kMaxWarnings = 20;

struct DamagedWord {
  std::size_t start = 0, end = 0;  // the word in the line
  std::size_t mark = 0;            // offset of U+FFFD in the line
};

// The word around each U+FFFD with a letter next to it; words with two marks are skipped.
std::vector<DamagedWord> damaged_words(std::string_view text) {
  std::vector<DamagedWord> words;
  for (std::size_t mark = text.find(kReplacement); mark != std::string_view::npos;
       mark = text.find(kReplacement, mark + kReplacement.size())) {
    std::size_t start = mark, end = mark + kReplacement.size(), length = 0;
    while (start > 0) {
      std::size_t previous = start - 1;
      while (previous > 0 && (static_cast<unsigned char>(text[previous]) & 0xC0) == 0x80) --previous;
      if (!is_word_char_at(text, previous, length)) break;
      start = previous;
    }
    while (end < text.size() && is_word_char_at(text, end, length)) end += length;
    const std::string_view word = text.substr(start, end - start);
    if (word.size() == kReplacement.size() || word.find(kReplacement, mark - start + 1) != std::string_view::npos ||
        word.find(kReplacement) != mark - start) {
      continue;
    }
    words.push_back({start, end, mark});
  }
  return words;
}

std::string with_ligature(std::string_view text, const DamagedWord& word, std::string_view ligature) {
  std::string out(text.substr(word.start, word.mark - word.start));
  out += ligature;
  out += text.substr(word.mark + kReplacement.size(), word.end - word.mark - kReplacement.size());
  return out;
}

}  // namespace

void add_ligature_candidates(const std::vector<TextLine>& lines, DocumentVocabulary& vocabulary) {
  for (const TextLine& line : lines) {
    for (const DamagedWord& word : damaged_words(line.text)) {
      for (std::string_view ligature : kLigatures) vocabulary.add_candidate(with_ligature(line.text, word, ligature));
    }
  }
}

void repair_ligatures(std::vector<TextLine>& lines, const DocumentVocabulary& vocabulary, const WordCheck& is_known,
                      std::vector<std::string>& warnings) {
  std::size_t unrepaired = 0;
  for (std::size_t index = 0; index < lines.size(); ++index) {
    std::string& text = lines[index].text;
    const std::vector<DamagedWord> words = damaged_words(text);
    // Right to left, so earlier offsets stay valid while the line changes.
    for (auto word = words.rbegin(); word != words.rend(); ++word) {
      std::string repaired;
      int known = 0;
      for (std::string_view ligature : kLigatures) {
        std::string candidate = with_ligature(text, *word, ligature);
        if (vocabulary.occurrences(candidate) > 0 || (is_known && is_known(candidate))) {
          ++known;
          repaired = std::move(candidate);
        }
      }
      if (known == 1) {
        text.replace(word->start, word->end - word->start, repaired);
      } else if (++unrepaired <= kMaxWarnings) {
        warnings.push_back("page " + std::to_string(lines[index].page) + ": lost ligature not repaired in '" +
                           text.substr(word->start, word->end - word->start) + "' (" +
                           (known == 0 ? "no" : "more than one") + " known word)");
      }
    }
  }
  if (unrepaired > kMaxWarnings) {
    warnings.push_back(std::to_string(unrepaired - kMaxWarnings) + " more lost ligatures not repaired");
  }
}

}  // namespace arkiv
