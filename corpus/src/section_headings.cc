#include "corpus/src/section_headings.h"

#include <algorithm>
#include <optional>

#include "corpus/src/organisation_registry.h"
#include "corpus/src/part_roles.h"

namespace arkiv {

TextLayout analyse_layout(std::string_view text) {
  TextLayout layout;
  layout.lines = split_lines(text);
  std::vector<std::size_t> widths;
  std::size_t blanks = 0;
  for (const LineView& line : layout.lines) {
    std::string_view trimmed = trim(line.text);
    layout.trimmed.push_back(trimmed);
    if (trimmed.empty()) ++blanks;
    else widths.push_back(utf8_length(trimmed));
  }
  layout.blank_lines_separate_paragraphs = blanks * 10 < layout.lines.size() * 3;
  if (!widths.empty()) {
    std::size_t at = widths.size() * 9 / 10;
    std::nth_element(widths.begin(), widths.begin() + static_cast<std::ptrdiff_t>(at), widths.end());
    layout.typical_width = std::max<std::size_t>(widths[at], 20);
  }
  return layout;
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "29/17", "3.2", "12": digits with up to three '/' or '.' groups. Leaves pos after the number.
bool parse_number(std::string_view s, std::size_t& pos, std::size_t max_digits, HeadingCandidate& out) {
  std::size_t start = pos;
  std::vector<int> parts;
  char separator = 0;
  while (pos < s.size() && is_digit(s[pos])) {
    std::size_t digits_start = pos;
    int value = 0;
    while (pos < s.size() && is_digit(s[pos])) value = value * 10 + (s[pos++] - '0');
    if (pos - digits_start > max_digits) return false;
    parts.push_back(value);
    if (parts.size() < 4 && pos + 1 < s.size() && (s[pos] == '/' || s[pos] == '.') && is_digit(s[pos + 1]) &&
        (separator == 0 || separator == s[pos])) {
      separator = s[pos];
      ++pos;
      continue;
    }
    break;
  }
  if (parts.empty()) return false;
  out.number = std::string(s.substr(start, pos - start));
  out.key = parts;
  if (separator == '/') std::reverse(out.key.begin(), out.key.end());  // "29/17": item 29 of 2017
  return true;
}

std::size_t skip_spaces(std::string_view s, std::size_t pos) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  return pos;
}

// Drops a leading time or time range ("16:05  - 16:35 ", "kl. 10.30 ") from an agenda-table title.
std::string_view strip_time_range(std::string_view s) {
  for (int round = 0; round < 2; ++round) {
    s = trim(s);
    if (s.starts_with("kl. ")) s.remove_prefix(4);
    std::size_t pos = 0;
    while (pos < s.size() && is_digit(s[pos])) ++pos;
    if (pos == 0 || pos > 2 || pos + 3 > s.size() || (s[pos] != ':' && s[pos] != '.') || !is_digit(s[pos + 1]) ||
        !is_digit(s[pos + 2]))
      return s;
    s.remove_prefix(pos + 3);
    s = trim(s);
    for (std::string_view dash : {"-", "–", "—"}) {
      if (s.starts_with(dash)) s.remove_prefix(dash.size());
    }
  }
  return trim(s);
}

std::optional<HeadingCandidate> agenda_candidate(std::string_view line) {
  if (!starts_with_uppercase(line)) return std::nullopt;
  std::size_t space = line.find(' ');
  if (space == std::string_view::npos || space > 20) return std::nullopt;
  if (!heading_vocabulary().agenda_words.count(normalise_for_matching(line.substr(0, space)))) return std::nullopt;
  HeadingCandidate candidate;
  std::size_t pos = skip_spaces(line, space);
  if (!parse_number(line, pos, 4, candidate)) return std::nullopt;
  if (pos < line.size() && line[pos] != ' ' && line[pos] != ':' && line[pos] != '.' && line[pos] != ')') return std::nullopt;
  while (pos < line.size() && (line[pos] == ':' || line[pos] == '.' || line[pos] == ')' || line[pos] == ' ')) ++pos;
  std::string_view title = strip_time_range(line.substr(pos));
  if (starts_with_lowercase(title)) return std::nullopt;  // "Punkt 3 blev behandlet ..." is a sentence
  candidate.title = std::string(title);
  return candidate;
}

std::optional<HeadingCandidate> access_candidate(std::string_view line) {
  HeadingCandidate candidate;
  std::size_t pos = 0;
  if (!parse_number(line, pos, 3, candidate) || candidate.key.size() != 1) return std::nullopt;
  pos = skip_spaces(line, pos);
  if (pos >= line.size() || line[pos] != '(') return std::nullopt;
  std::size_t close = line.find(')', pos);
  if (close == std::string_view::npos || close - pos > 30) return std::nullopt;
  if (!heading_vocabulary().access_markers.count(normalise_for_matching(line.substr(pos + 1, close - pos - 1)))) {
    return std::nullopt;
  }
  candidate.title = std::string(trim(line.substr(close + 1)));
  return candidate;
}

bool is_roman_numeral(std::string_view word) {
  return !word.empty() && word.size() <= 6 && word.find_first_not_of("IVXLC") == std::string_view::npos;
}

std::optional<HeadingCandidate> chapter_candidate(std::string_view line) {
  if (line.size() > 120 || !starts_with_uppercase(line)) return std::nullopt;
  std::size_t space = line.find(' ');
  if (space != std::string_view::npos && heading_vocabulary().chapter_words.count(normalise_for_matching(line.substr(0, space)))) {
    std::size_t pos = skip_spaces(line, space);
    std::size_t end = line.find_first_of(" :.", pos);
    if (end == std::string_view::npos) end = line.size();
    std::string_view number = line.substr(pos, end - pos);
    HeadingCandidate candidate;
    std::size_t digit_pos = pos;
    if (is_roman_numeral(number) || parse_number(line, digit_pos, 2, candidate)) {
      candidate.number = std::string(number);
      std::string_view title = trim(line.substr(end));
      for (std::string_view separator : {":", ".", "–", "—", "-"}) {
        if (title.starts_with(separator)) title = trim(title.substr(separator.size()));
      }
      if (!starts_with_lowercase(title)) {
        candidate.title = std::string(title);
        return candidate;
      }
    }
  }
  // An all-caps line of words: "PRESIDENTEN HAR ORDET". Not a running footer ("22 DEN NORSKE
  // LEGEFORENING" starts with a digit) and not an organisation's name alone.
  LetterCase letters = count_letter_case(line);
  if (letters.lower > 0 || letters.upper < 8 || starts_with_digit(line) || utf8_length(line) > 80) return std::nullopt;
  if (letters.upper * 10 < (line.size() - static_cast<std::size_t>(std::count(line.begin(), line.end(), ' '))) * 7) {
    return std::nullopt;
  }
  if (line.find(' ') == std::string_view::npos || OrganisationRegistry::instance().find(line)) return std::nullopt;
  HeadingCandidate candidate;
  candidate.title = std::string(line);
  return candidate;
}

}  // namespace

bool ends_sentence(std::string_view line) {
  return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?' || line.back() == ':');
}

std::string_view last_word(std::string_view line) {
  std::size_t space = line.rfind(' ');
  return space == std::string_view::npos ? line : line.substr(space + 1);
}

namespace {

// Whether the line before a numbered or unnumbered heading ends a paragraph.
bool ends_paragraph(const TextLayout& layout, std::size_t line) {
  for (std::size_t i = line; i-- > 0;) {
    std::string_view previous = layout.trimmed[i];
    if (previous.empty()) {
      if (layout.blank_lines_separate_paragraphs) return true;
      continue;
    }
    if (ends_sentence(previous)) return true;
    if (previous.back() == ',' || previous.back() == '-' || previous.back() == '(') return false;
    return utf8_length(previous) * 10 < layout.typical_width * 8;
  }
  return false;
}

std::optional<std::size_t> next_nonblank(const TextLayout& layout, std::size_t line) {
  for (std::size_t i = line + 1; i < layout.trimmed.size(); ++i) {
    if (!layout.trimmed[i].empty()) return i;
  }
  return std::nullopt;
}

std::optional<HeadingCandidate> numbered_candidate(const TextLayout& layout, std::size_t index) {
  std::string_view line = layout.trimmed[index];
  HeadingCandidate candidate;
  std::size_t pos = 0;
  if (!parse_number(line, pos, 2, candidate) || candidate.key.front() == 0 || candidate.key.front() > 60) {
    return std::nullopt;
  }
  if (pos < line.size() && line[pos] == '.') ++pos;
  else if (candidate.key.size() == 1) return std::nullopt;  // "3 Title" is too often a table row
  if (pos >= line.size() || line[pos] != ' ') return std::nullopt;
  std::string_view title = trim(line.substr(pos));
  std::size_t length = utf8_length(title);
  if (length < 3 || length > 90 || !starts_with_uppercase(title) || title.find(". ") != std::string_view::npos) {
    return std::nullopt;
  }
  char last = title.back();
  if (last == ',' || last == ';' || last == '-' || last == '?') return std::nullopt;
  if (std::count(title.begin(), title.end(), ' ') > 12 || !ends_paragraph(layout, index)) return std::nullopt;
  candidate.title = std::string(title);
  return candidate;
}

std::optional<HeadingCandidate> unnumbered_candidate(const TextLayout& layout, std::size_t index) {
  std::string_view line = layout.trimmed[index];
  std::size_t length = utf8_length(line);
  if (index == 0 || length < 4 || length > 70 || !starts_with_uppercase(line) || ends_sentence(line)) return std::nullopt;
  char last = line.back();
  if (last == ',' || last == ';' || last == '-' || last == ')' || (last >= '0' && last <= '9')) return std::nullopt;
  if (std::count(line.begin(), line.end(), ' ') > 9) return std::nullopt;
  if (!participant_label_of_line(line).empty() || starts_with_front_label(line) || !part_role_of_line(line).empty()) {
    return std::nullopt;
  }
  auto next = next_nonblank(layout, index);
  if (!next || !starts_with_uppercase(layout.trimmed[*next]) || utf8_length(layout.trimmed[*next]) <= length + 10) {
    return std::nullopt;
  }
  if (!ends_paragraph(layout, index)) return std::nullopt;
  HeadingCandidate candidate;
  candidate.title = std::string(line);
  return candidate;
}

}  // namespace

std::vector<HeadingCandidate> find_heading_candidates(const TextLayout& layout, HeadingForm form) {
  std::vector<HeadingCandidate> found;
  for (std::size_t i = 0; i < layout.trimmed.size(); ++i) {
    std::string_view line = layout.trimmed[i];
    if (line.empty()) continue;
    std::optional<HeadingCandidate> candidate;
    switch (form) {
      case HeadingForm::access: candidate = access_candidate(line); break;
      case HeadingForm::agenda: candidate = agenda_candidate(line); break;
      case HeadingForm::chapter: candidate = chapter_candidate(line); break;
      case HeadingForm::numbered: candidate = numbered_candidate(layout, i); break;
      case HeadingForm::unnumbered: candidate = unnumbered_candidate(layout, i); break;
    }
    if (candidate) {
      candidate->line = i;
      found.push_back(std::move(*candidate));
    }
  }
  return found;
}

bool is_heading_line(std::string_view line) {
  return agenda_candidate(line) || access_candidate(line) || !part_role_of_line(line).empty() ||
         !participant_label_of_line(line).empty();
}

}  // namespace arkiv
