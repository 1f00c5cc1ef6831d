#include "corpus/src/dehyphenation.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cctype>
#include <fstream>
#include <set>

#include "stemming/error.h"

namespace arkiv {
namespace {

// Blank lines allowed between a hyphenated line and its continuation (PDF text is often
// double-spaced).
constexpr std::size_t kMaxBlankLines = 4;

using WordSet = std::set<std::string, std::less<>>;

// A list of one lower-case word a line, '#' comments.
WordSet load_word_list(std::string_view relative_path) {
  const std::filesystem::path path = data_file(relative_path);
  std::ifstream in(path);
  if (!in) throw IoError(path.string() + ": cannot open");
  WordSet loaded;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    if (line.find_first_of(" \t") != std::string::npos) {
      throw DataError(path.string() + ":" + std::to_string(number) + ": one word a line expected");
    }
    loaded.insert(line);
  }
  return loaded;
}

const WordSet& suspended_compound_words() {
  static const WordSet words = load_word_list("corpus/data/suspended_compound_words.txt");
  return words;
}

const WordSet& hyphen_prefixes() {
  static const WordSet words = load_word_list("corpus/data/hyphen_prefixes.txt");
  return words;
}

// A line holding nothing but a number ("32", "100.000") is a folio or a figure of a chart, not the
// rest of a word.
bool is_number_line(std::string_view line) {
  return !line.empty() && std::isdigit(static_cast<unsigned char>(line[0])) &&
         line.find_first_not_of("0123456789.,") == std::string_view::npos;
}

// The index of the first non-empty line from `from`, or lines.size() when there is none within
// kMaxBlankLines blank lines (removed lines, such as page markers, are not counted).
std::size_t next_text_line(const std::vector<TextLine>& lines, std::size_t from) {
  std::size_t next = from;
  for (std::size_t blanks = 0; next < lines.size() && lines[next].text.empty(); ++next) {
    if (!lines[next].removed && ++blanks > kMaxBlankLines) return lines.size();
  }
  return next;
}

UChar32 first_code_point(std::string_view word) {
  int32_t offset = 0;
  UChar32 code_point = 0;
  U8_NEXT(word.data(), offset, static_cast<int32_t>(word.size()), code_point);
  return code_point;
}

bool has_digit(std::string_view word) { return word.find_first_of("0123456789") != std::string_view::npos; }

// An acronym: two or more letters, all upper case ("COVID", "EU", "KBU").
bool is_acronym(std::string_view word) {
  int letters = 0;
  for (int32_t offset = 0; offset < static_cast<int32_t>(word.size());) {
    UChar32 code_point = 0;
    U8_NEXT(word.data(), offset, static_cast<int32_t>(word.size()), code_point);
    if (!u_isalpha(code_point)) continue;
    if (!u_isupper(code_point)) return false;
    ++letters;
  }
  return letters >= 2;
}

std::string_view last_part(std::string_view head) {
  const std::size_t hyphen = head.rfind('-');
  return hyphen == std::string_view::npos ? head : head.substr(hyphen + 1);
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// The line-end hyphen of lines[index], if it ends in a word character followed by '-'.
std::optional<LineBreakHyphen> break_at(const std::vector<TextLine>& lines, std::size_t index) {
  const std::string_view text = lines[index].text;
  if (text.size() < 2 || text.back() != '-') return std::nullopt;
  const std::size_t space = text.rfind(' ');
  const std::size_t head_start = space == std::string_view::npos ? 0 : space + 1;
  std::string_view head = text.substr(head_start, text.size() - 1 - head_start);
  // Opening punctuation before the word ("(Sundheds-") is not part of it.
  while (!head.empty()) {
    std::size_t length = 0;
    if (is_word_char_at(head, 0, length)) break;
    head.remove_prefix(length);
  }
  if (head.empty() || head.back() == '-') return std::nullopt;
  std::size_t last_char = head.size() - 1;
  while (last_char > 0 && (static_cast<unsigned char>(head[last_char]) & 0xC0) == 0x80) --last_char;
  std::size_t length = 0;
  if (!is_word_char_at(head, last_char, length)) return std::nullopt;

  LineBreakHyphen found;
  found.line = index;
  found.head = head;
  std::size_t next = next_text_line(lines, index + 1);
  if (next >= lines.size()) return std::nullopt;
  // After a number or a code a number line is its rest ("2017-" / "2018", "COVID-" / "19"); after
  // a word it is a folio or a figure cutting in, and the word may go on after it ("et an-" / "32"
  // / "det land").
  const std::string_view part = last_part(head);
  if (is_number_line(lines[next].text) && !has_digit(part) && !is_acronym(part)) {
    found.across_number = true;
    next = next_text_line(lines, next + 1);
    if (next >= lines.size() || is_number_line(lines[next].text)) return found;  // tail stays empty
  }
  found.next_line = next;
  const std::string_view next_text = lines[next].text;
  found.chunk = next_text.substr(0, next_text.find(' '));
  std::size_t tail_end = 0;
  while (tail_end < found.chunk.size() && is_word_char_at(found.chunk, tail_end, length)) tail_end += length;
  found.tail = found.chunk.substr(0, tail_end);
  return found;
}

}  // namespace

Dehyphenator::Dehyphenator(const DocumentVocabulary& vocabulary, WordCheck is_known)
    : vocabulary_(vocabulary), is_known_(std::move(is_known)) {}

void Dehyphenator::add_candidates(std::string_view head, std::string_view tail, DocumentVocabulary& vocabulary) {
  const std::string_view part = last_part(head);
  vocabulary.add_candidate(std::string(part) + std::string(tail));
  vocabulary.add_candidate(std::string(part) + "-" + std::string(tail));
  vocabulary.add_candidate(part);
  vocabulary.add_candidate(std::string(part) + "-");
  vocabulary.add_candidate(tail);
}

HyphenDecision Dehyphenator::decide(std::string_view head, std::string_view tail) const {
  const std::string_view part = last_part(head);
  if (part.empty() || tail.empty()) return HyphenDecision::keep_break;
  if (suspended_compound_words().contains(lower_first_letter(tail))) return HyphenDecision::keep_break;
  // Web addresses and paths keep their hyphens ("handlingsplan-for-personlig-medicin.pdf").
  if (head.find('/') != std::string_view::npos) return HyphenDecision::keep_hyphen;
  // Numbers, codes and acronyms keep their hyphen ("COVID-19", "2017-2018", "EU-regler"); so do
  // names and proper compounds, whose second part starts with a capital ("Dinsen-Andersen").
  if (has_digit(part) || has_digit(tail) || is_acronym(part)) return HyphenDecision::keep_hyphen;
  if (u_isupper(first_code_point(tail))) {
    // After a lower-case part, a capital is a heading or a new item cutting in: leave the lines.
    return u_isupper(first_code_point(part)) ? HyphenDecision::keep_hyphen : HyphenDecision::keep_break;
  }
  if (hyphen_prefixes().contains(lower_first_letter(part)) && head.size() == part.size()) {
    return HyphenDecision::keep_hyphen;
  }

  // The document's own usage is the best witness of how it spells the word.
  const std::string joined = std::string(part) + std::string(tail);
  const std::string hyphenated = std::string(part) + "-" + std::string(tail);
  const int joined_count = vocabulary_.occurrences(joined);
  const int hyphenated_count = vocabulary_.occurrences(hyphenated);
  if (hyphenated_count > joined_count) return HyphenDecision::keep_hyphen;
  if (joined_count > 0) return HyphenDecision::join;
  // The document writes other compounds of this first part with a hyphen ("december-versionen").
  if (vocabulary_.occurrences(std::string(part) + "-") > 0) return HyphenDecision::keep_hyphen;
  if (knows_join(head, tail)) return HyphenDecision::join;
  // A name the lexicon does not know and a whole word, making no known word together: a compound
  // with a name ("Bo Smith-" / "udvalgets"). A syllable break seldom leaves a whole word behind
  // ("Sundhedsmi-" / "nisteriet"); a capitalised common word is no name ("Nationale Bio-" /
  // "banksregister"); lower-case pairs ("ind-stilling") are left to the join.
  const auto is_lexicon_word = [&](std::string_view word) { return is_known_ && is_known_(word); };
  if (u_isupper(first_code_point(part)) && part.size() >= 2 && tail.size() >= 2 && !is_lexicon_word(part) &&
      (vocabulary_.occurrences(tail) > 0 || is_lexicon_word(tail))) {
    return HyphenDecision::keep_hyphen;
  }
  // Inside a word that already has hyphens, a break that makes no known word is at a hyphen
  // ("one-size-fits-" / "all"); a syllable break makes one ("side-uddan-" / "nelsesforløb").
  if (head.size() > part.size()) return HyphenDecision::keep_hyphen;
  // Most line-end hyphens in typeset text are syllable breaks.
  return HyphenDecision::join;
}

bool Dehyphenator::knows_join(std::string_view head, std::string_view tail) const {
  const std::string joined = std::string(last_part(head)) + std::string(tail);
  return vocabulary_.occurrences(joined) > 0 || (is_known_ && is_known_(joined));
}

std::vector<LineBreakHyphen> find_line_break_hyphens(const std::vector<TextLine>& lines) {
  std::vector<LineBreakHyphen> breaks;
  for (std::size_t index = 0; index < lines.size(); ++index) {
    if (auto found = break_at(lines, index); found && !found->tail.empty()) breaks.push_back(*found);
  }
  return breaks;
}

void dehyphenate(std::vector<TextLine>& lines, const Dehyphenator& dehyphenator) {
  for (std::size_t index = 0; index < lines.size(); ++index) {
    // A moved chunk can itself end in a hyphen ("Forsknings-" / "ministe-" / "riet").
    for (int guard = 0; guard < 8; ++guard) {
      const std::optional<LineBreakHyphen> found = break_at(lines, index);
      if (!found || found->tail.empty()) break;
      const HyphenDecision decision = dehyphenator.decide(found->head, found->tail);
      if (decision == HyphenDecision::keep_break) break;
      // Across a number only the rest of a word the document or the lexicon knows moves up: any
      // other join or kept hyphen would tie the word to whatever follows the figure.
      if (found->across_number &&
          !(decision == HyphenDecision::join && dehyphenator.knows_join(found->head, found->tail))) {
        break;
      }
      const std::string chunk(found->chunk);
      std::string& line = lines[index].text;
      if (decision == HyphenDecision::join) line.pop_back();
      line += chunk;
      std::string& next = lines[found->next_line].text;
      next = std::string(trim(std::string_view(next).substr(chunk.size())));
      if (next.empty()) lines[found->next_line].removed = true;
    }
  }
}

}  // namespace arkiv
