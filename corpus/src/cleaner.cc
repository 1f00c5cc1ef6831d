// clean_text: raw pages -> lines -> page markers, running headers, ligatures, de-hyphenation ->
// one text with page starts.
#include "corpus/src/cleaner.h"

#include "corpus/src/dehyphenation.h"
#include "corpus/src/ligatures.h"
#include "corpus/src/page_markers.h"
#include "corpus/src/running_headers.h"

namespace arkiv {
namespace {

// Trims a line and maps the odd spaces of PDF text to plain spaces: tab, no-break space
// (U+00A0), figure, thin and narrow no-break spaces (U+2007, U+2009, U+202F); drops soft hyphens
// (U+00AD) and zero-width spaces (U+200B), except that a soft hyphen ending a line is a line-end
// hyphen.
std::string normalise_line(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  std::string out;
  out.reserve(line.size());
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto byte = static_cast<unsigned char>(line[i]);
    if (byte == '\t' || (byte < 0x20 && byte != 0x1B)) {
      out += ' ';
    } else if (byte == 0xC2 && i + 1 < line.size() && (line[i + 1] == '\xA0' || line[i + 1] == '\xAD')) {
      if (line[i + 1] == '\xA0') out += ' ';
      else if (i + 2 == line.size()) out += '-';
      ++i;
    } else if (byte == 0xE2 && i + 2 < line.size() && line[i + 1] == '\x80' &&
               (line[i + 2] == '\x87' || line[i + 2] == '\x89' || line[i + 2] == '\xAF' || line[i + 2] == '\x8B')) {
      if (line[i + 2] != '\x8B') out += ' ';
      i += 2;
    } else {
      out += line[i];
    }
  }
  std::size_t begin = 0, end = out.size();
  while (begin < end && out[begin] == ' ') ++begin;
  while (end > begin && out[end - 1] == ' ') --end;
  if (begin > 0 || end < out.size()) out = out.substr(begin, end - begin);
  return out;
}

std::vector<TextLine> split_lines(const RawText& raw) {
  std::vector<TextLine> lines;
  for (std::size_t index = 0; index < raw.pages.size(); ++index) {
    const std::string_view page = raw.pages[index];
    std::size_t start = 0;
    while (start <= page.size()) {
      std::size_t end = page.find('\n', start);
      if (end == std::string_view::npos) end = page.size();
      if (end > start || end < page.size()) {
        lines.push_back({normalise_line(page.substr(start, end - start)), static_cast<int>(index) + 1, false});
      }
      start = end + 1;
    }
  }
  return lines;
}

// Double-spaced text (PDF extraction often puts a blank line after every line) marks paragraphs
// with two or more blank lines; elsewhere one blank line is a paragraph break.
bool is_double_spaced(const std::vector<TextLine>& lines) {
  std::size_t text_lines = 0, followed_by_one_blank = 0, blanks = 0;
  bool after_text = false;
  for (const TextLine& line : lines) {
    if (line.removed) continue;
    if (line.text.empty()) {
      ++blanks;
      continue;
    }
    if (after_text) {
      ++text_lines;
      if (blanks == 1) ++followed_by_one_blank;
    }
    after_text = true;
    blanks = 0;
  }
  return text_lines >= 3 && followed_by_one_blank * 2 > text_lines;
}

void assemble(const std::vector<TextLine>& lines, CleanText& clean) {
  const std::size_t paragraph_blanks = is_double_spaced(lines) ? 2 : 1;
  std::size_t blank_run = 0;
  int current_page = 0;
  for (const TextLine& line : lines) {
    if (line.removed) continue;
    if (line.text.empty()) {
      ++blank_run;
      continue;
    }
    if (!clean.text.empty()) {
      clean.text += '\n';
      if (blank_run >= paragraph_blanks) clean.text += '\n';
    }
    blank_run = 0;
    if (line.page != current_page) {
      clean.page_starts.push_back({clean.text.size(), line.page});
      current_page = line.page;
    }
    clean.text += line.text;
  }
  if (clean.page_starts.empty()) clean.page_starts.push_back({0, 1});
}

}  // namespace

CleanText clean_text(const RawText& raw, Language language) {
  std::vector<TextLine> lines = split_lines(raw);
  apply_page_markers(lines, raw.pages.size() > 1, PageMarkers::standard());
  remove_running_headers(lines);

  DocumentVocabulary vocabulary;
  for (const LineBreakHyphen& found : find_line_break_hyphens(lines)) {
    Dehyphenator::add_candidates(found.head, found.tail, vocabulary);
  }
  add_ligature_candidates(lines, vocabulary);
  vocabulary.count(lines);

  const WordCheck is_known = [language](std::string_view word) {
    return is_known_word(normalise_text(word), language);
  };
  CleanText clean;
  repair_ligatures(lines, vocabulary, is_known, clean.warnings);
  dehyphenate(lines, Dehyphenator(vocabulary, is_known));
  clean.text.reserve(raw.pages.empty() ? 0 : raw.pages[0].size());
  assemble(lines, clean);
  return clean;
}

}  // namespace arkiv
