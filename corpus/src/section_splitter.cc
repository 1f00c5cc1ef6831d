#include "corpus/src/section_splitter.h"

#include <algorithm>
#include <optional>

#include "corpus/src/metadata_participants.h"
#include "corpus/src/metadata_text.h"
#include "corpus/src/organisation_registry.h"
#include "corpus/src/part_roles.h"

namespace arkiv {
namespace {

enum class Scheme { access, agenda, chapter, numbered, unnumbered };

struct Candidate {
  std::size_t line = 0;
  std::string number;    // as written: "29/17", "3.2", "I", ""
  std::vector<int> key;  // for ordering: "29/17" -> {17, 29} (number within year), "3.2" -> {3, 2}
  std::string title;     // title text on the heading line itself, "" when it follows on the next line
};

// The document's lines and what its layout says about them.
struct Layout {
  std::vector<LineView> lines;
  std::vector<std::string_view> trimmed;
  bool blank_lines_separate_paragraphs = true;  // false when PDF extraction put a blank after every line
  std::size_t typical_width = 80;               // 90th percentile of line lengths, in code points
};

Layout analyse_layout(std::string_view text) {
  Layout layout;
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

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "29/17", "3.2", "12": digits with up to three '/' or '.' groups. Leaves pos after the number.
bool parse_number(std::string_view s, std::size_t& pos, std::size_t max_digits, Candidate& out) {
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

std::optional<Candidate> agenda_candidate(std::string_view line) {
  if (!starts_with_uppercase(line)) return std::nullopt;
  std::size_t space = line.find(' ');
  if (space == std::string_view::npos || space > 20) return std::nullopt;
  if (!heading_vocabulary().agenda_words.count(normalise_for_matching(line.substr(0, space)))) return std::nullopt;
  Candidate candidate;
  std::size_t pos = skip_spaces(line, space);
  if (!parse_number(line, pos, 4, candidate)) return std::nullopt;
  if (pos < line.size() && line[pos] != ' ' && line[pos] != ':' && line[pos] != '.' && line[pos] != ')') return std::nullopt;
  while (pos < line.size() && (line[pos] == ':' || line[pos] == '.' || line[pos] == ')' || line[pos] == ' ')) ++pos;
  std::string_view title = strip_time_range(line.substr(pos));
  if (starts_with_lowercase(title)) return std::nullopt;  // "Punkt 3 blev behandlet ..." is a sentence
  candidate.title = std::string(title);
  return candidate;
}

std::optional<Candidate> access_candidate(std::string_view line) {
  Candidate candidate;
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

std::optional<Candidate> chapter_candidate(std::string_view line) {
  if (line.size() > 120 || !starts_with_uppercase(line)) return std::nullopt;
  std::size_t space = line.find(' ');
  if (space != std::string_view::npos && heading_vocabulary().chapter_words.count(normalise_for_matching(line.substr(0, space)))) {
    std::size_t pos = skip_spaces(line, space);
    std::size_t end = line.find_first_of(" :.", pos);
    if (end == std::string_view::npos) end = line.size();
    std::string_view number = line.substr(pos, end - pos);
    Candidate candidate;
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
  Candidate candidate;
  candidate.title = std::string(line);
  return candidate;
}

bool ends_sentence(std::string_view line) {
  return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?' || line.back() == ':');
}

std::string_view last_word(std::string_view line) {
  std::size_t space = line.rfind(' ');
  return space == std::string_view::npos ? line : line.substr(space + 1);
}

// Whether the line before a numbered or unnumbered heading ends a paragraph.
bool ends_paragraph(const Layout& layout, std::size_t line) {
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

std::optional<std::size_t> next_nonblank(const Layout& layout, std::size_t line) {
  for (std::size_t i = line + 1; i < layout.trimmed.size(); ++i) {
    if (!layout.trimmed[i].empty()) return i;
  }
  return std::nullopt;
}

std::optional<Candidate> numbered_candidate(const Layout& layout, std::size_t index) {
  std::string_view line = layout.trimmed[index];
  Candidate candidate;
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

std::optional<Candidate> unnumbered_candidate(const Layout& layout, std::size_t index) {
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
  Candidate candidate;
  candidate.title = std::string(line);
  return candidate;
}

std::vector<Candidate> find_candidates(const Layout& layout, Scheme scheme) {
  std::vector<Candidate> found;
  for (std::size_t i = 0; i < layout.trimmed.size(); ++i) {
    std::string_view line = layout.trimmed[i];
    if (line.empty()) continue;
    std::optional<Candidate> candidate;
    switch (scheme) {
      case Scheme::access: candidate = access_candidate(line); break;
      case Scheme::agenda: candidate = agenda_candidate(line); break;
      case Scheme::chapter: candidate = chapter_candidate(line); break;
      case Scheme::numbered: candidate = numbered_candidate(layout, i); break;
      case Scheme::unnumbered: candidate = unnumbered_candidate(layout, i); break;
    }
    if (candidate) {
      candidate->line = i;
      found.push_back(std::move(*candidate));
    }
  }
  return found;
}

// Drops agenda-table rows: headings within a few lines of another heading whose number recurs
// later in the document as the item itself.
std::vector<Candidate> drop_agenda_table(std::vector<Candidate> candidates) {
  std::vector<bool> table_row(candidates.size(), false);
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    bool dense = (i > 0 && candidates[i].line - candidates[i - 1].line <= 4) ||
                 (i + 1 < candidates.size() && candidates[i + 1].line - candidates[i].line <= 4);
    if (!dense) continue;
    for (std::size_t j = i + 1; j < candidates.size(); ++j) {
      if (candidates[j].key == candidates[i].key) {
        table_row[i] = true;
        break;
      }
    }
  }
  std::vector<Candidate> kept;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (!table_row[i]) kept.push_back(std::move(candidates[i]));
  }
  return kept;
}

bool is_any_heading_line(std::string_view line);

// b follows a directly: "3" -> "4", "3" -> "3.1", "3.2" -> "4", "29/17" -> "30/17".
bool is_successor(const std::vector<int>& a, const std::vector<int>& b) {
  if (b.size() == a.size() + 1 && std::equal(a.begin(), a.end(), b.begin()) && b.back() == 1) return true;
  if (b.empty() || b.size() > a.size()) return false;
  return std::equal(b.begin(), b.end() - 1, a.begin()) && b.back() == a[b.size() - 1] + 1;
}

// The best run of strictly increasing numbers: each heading scores 10, a gap in the numbering
// costs 3 and a heading embedded in a paragraph costs 6, so the real items beat numbers that
// running text happens to start a line with ("Punkt 8. Eventuelt ..." quoted in a later item).
std::vector<Candidate> best_increasing_run(std::vector<Candidate> candidates, const std::vector<bool>& embedded) {
  const std::size_t n = candidates.size();
  if (n == 0) return candidates;
  std::vector<int> score(n, 0);
  std::vector<std::size_t> previous(n, n);
  std::size_t best = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const int own = 10 - (embedded[i] ? 6 : 0);
    score[i] = own;
    for (std::size_t j = 0; j < i; ++j) {
      if (!(candidates[j].key < candidates[i].key)) continue;
      const int chained = score[j] + own - (is_successor(candidates[j].key, candidates[i].key) ? 0 : 3);
      if (chained > score[i]) {
        score[i] = chained;
        previous[i] = j;
      }
    }
    if (score[i] > score[best]) best = i;
  }
  std::vector<Candidate> run;
  for (std::size_t i = best; i != n; i = previous[i]) run.push_back(std::move(candidates[i]));
  std::reverse(run.begin(), run.end());
  return run;
}

// In text whose paragraphs are separated by blank lines, a heading stands alone: a line that
// continues a paragraph or runs on into the next line is probably running text.
std::vector<bool> embedded_in_paragraph(const Layout& layout, const std::vector<Candidate>& candidates) {
  std::vector<bool> embedded(candidates.size(), false);
  if (!layout.blank_lines_separate_paragraphs) return embedded;
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    const std::size_t line = candidates[c].line;
    const bool after_text = line > 0 && !layout.trimmed[line - 1].empty() && !ends_sentence(layout.trimmed[line - 1]);
    const bool runs_on = !candidates[c].title.empty() && line + 1 < layout.trimmed.size() &&
                         !layout.trimmed[line + 1].empty() && !is_any_heading_line(layout.trimmed[line + 1]) &&
                         !ends_sentence(candidates[c].title);
    embedded[c] = after_text || runs_on;
  }
  return embedded;
}

bool is_any_heading_line(std::string_view line) {
  return agenda_candidate(line) || access_candidate(line) || !part_role_of_line(line).empty() ||
         !participant_label_of_line(line).empty();
}

// The heading's title: the text on its line (or the next line when it has none) and the lines
// that continue it — after a hyphen, comma or connector word, or a line filled to the margin.
std::string read_title(const Layout& layout, const Candidate& heading, std::size_t end_line, std::size_t& body_line) {
  std::string title = heading.title;
  std::size_t i = heading.line + 1;
  auto skip_blank = [&] {
    while (i < end_line && layout.trimmed[i].empty() && !layout.blank_lines_separate_paragraphs) ++i;
  };
  if (title.empty()) {
    while (i < end_line && layout.trimmed[i].empty()) ++i;
  }
  skip_blank();
  if (title.empty() && i < end_line && !layout.trimmed[i].empty() && !is_any_heading_line(layout.trimmed[i])) {
    title = std::string(layout.trimmed[i]);
    ++i;
    skip_blank();
  }
  std::string_view previous = title;
  for (int lines = 1; lines < 4 && i < end_line && !title.empty(); ++lines) {
    std::string_view next = layout.trimmed[i];
    if (next.empty() || is_any_heading_line(next) || ends_sentence(previous)) break;
    // "helse-" + "Framskrivinger" is a heading followed by text; "kommunal-" + "og" is a title.
    const bool hyphenated = previous.back() == '-' && !starts_with_uppercase(next);
    const bool open = previous.back() == ',' ||
                      heading_vocabulary().title_connectors.count(normalise_for_matching(last_word(previous)));
    // Wrapped at the margin: nearly as long as the text's lines, but not longer (a heading
    // line far past the margin was never wrapped).
    const std::size_t previous_length = utf8_length(previous);
    const bool filled = previous_length * 100 >= layout.typical_width * 85 &&
                        previous_length * 100 <= layout.typical_width * 110 && utf8_length(next) < previous_length;
    const bool parenthesis = next.front() == '(' && utf8_length(next) < 30;  // "(DCCC)"
    if (!(hyphenated || open || filled || parenthesis || starts_with_lowercase(next) || starts_with_digit(next))) break;
    // A line-end hyphen inside a word joins without a space ("vi-" + "dereuddannelse"); a
    // suspended compound ("kommunal- og") keeps it.
    if (hyphenated && starts_with_lowercase(next) && !next.starts_with("og ") && !next.starts_with("eller ")) {
      title.pop_back();
    } else {
      title += ' ';
    }
    title.append(next);
    previous = layout.trimmed[i];
    ++i;
    skip_blank();
  }
  body_line = i;
  return std::string(trim(title));
}

int page_at(const std::vector<PageStart>& page_starts, std::size_t offset) {
  int page = page_starts.empty() ? 1 : page_starts.front().page;
  for (const PageStart& start : page_starts) {
    if (start.offset > offset) break;
    page = start.page;
  }
  return page;
}

Section make_section(const CleanText& clean, std::size_t start, std::size_t end) {
  Section section;
  std::string_view text = std::string_view(clean.text).substr(start, end - start);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\r')) text.remove_suffix(1);
  section.text = std::string(text);
  section.page_start = page_at(clean.page_starts, start);
  section.page_end = page_at(clean.page_starts, text.empty() ? start : start + text.size() - 1);
  section.page_starts.push_back({0, section.page_start});
  for (const PageStart& page : clean.page_starts) {
    if (page.offset > start && page.offset < start + text.size()) section.page_starts.push_back({page.offset - start, page.page});
  }
  return section;
}

constexpr std::string_view kSchemeNames[] = {"access", "agenda", "chapter", "numbered", "unnumbered"};

}  // namespace

SplitDocument split_sections(const CleanText& clean) {
  const Layout layout = analyse_layout(clean.text);
  std::vector<Candidate> headings;
  Scheme chosen = Scheme::unnumbered;
  std::string heading_form = "none";
  auto headings_of = [&](Scheme scheme) {
    std::vector<Candidate> candidates = find_candidates(layout, scheme);
    if (scheme != Scheme::chapter && scheme != Scheme::unnumbered) {
      candidates = drop_agenda_table(std::move(candidates));
      const std::vector<bool> embedded = embedded_in_paragraph(layout, candidates);
      candidates = best_increasing_run(std::move(candidates), embedded);
    }
    return candidates;
  };
  auto choose = [&](Scheme scheme, std::vector<Candidate> candidates) {
    headings = std::move(candidates);
    chosen = scheme;
    heading_form = std::string(kSchemeNames[static_cast<int>(scheme)]);
  };
  // Access-marked and agenda-word items are both agenda items. When a document has both, one
  // form is usually quoted (minutes attached to an agenda, a heading cited in running text):
  // the form with three times the headings wins, else the one that comes first.
  std::vector<Candidate> access = headings_of(Scheme::access);
  std::vector<Candidate> agenda = headings_of(Scheme::agenda);
  if (!access.empty() || !agenda.empty()) {
    const bool access_wins = agenda.empty() || (!access.empty() && access.size() >= 3 * agenda.size()) ||
                             (!access.empty() && 3 * access.size() > agenda.size() && access.front().line < agenda.front().line);
    if (access_wins) choose(Scheme::access, std::move(access));
    else choose(Scheme::agenda, std::move(agenda));
  } else {
    for (Scheme scheme : {Scheme::chapter, Scheme::numbered, Scheme::unnumbered}) {
      std::vector<Candidate> candidates = headings_of(scheme);
      if (candidates.size() >= 2) {
        choose(scheme, std::move(candidates));
        break;
      }
    }
  }
  const std::string item_kind = chosen == Scheme::chapter ? "chapter" : "agenda_item";

  std::vector<Section> sections;
  auto offset_of = [&](std::size_t line) {
    return line < layout.lines.size() ? layout.lines[line].offset : clean.text.size();
  };
  const std::size_t first_heading_line = headings.empty() ? layout.lines.size() : headings.front().line;
  std::size_t front_end = offset_of(first_heading_line);
  if (!trim(std::string_view(clean.text).substr(0, front_end)).empty()) {
    Section front = make_section(clean, 0, front_end);
    front.kind = headings.empty() ? "body" : "front_matter";
    if (headings.empty()) front.title = "";
    front.participants = extract_participants(front.text);
    sections.push_back(std::move(front));
  }
  for (std::size_t h = 0; h < headings.size(); ++h) {
    const std::size_t end_line = h + 1 < headings.size() ? headings[h + 1].line : layout.lines.size();
    const std::size_t start = layout.lines[headings[h].line].offset;
    Section section = make_section(clean, start, offset_of(end_line));
    section.kind = item_kind;
    section.number = headings[h].number;
    std::size_t body_line = headings[h].line + 1;
    section.title = read_title(layout, headings[h], end_line, body_line);
    if (section.kind == "agenda_item" && body_line < end_line) {
      const std::size_t body_start = offset_of(body_line) - start;
      if (body_start < section.text.size()) section.parts = split_parts(std::string_view(section.text).substr(body_start));
    }
    sections.push_back(std::move(section));
  }
  return {std::move(sections), std::move(heading_form)};
}

}  // namespace arkiv
