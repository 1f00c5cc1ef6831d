#include "corpus/src/section_splitter.h"

#include <algorithm>
#include <optional>

#include "corpus/src/metadata_participants.h"
#include "corpus/src/metadata_text.h"
#include "corpus/src/part_roles.h"
#include "corpus/src/section_headings.h"

namespace arkiv {
namespace {

// Drops agenda-table rows: headings within a few lines of another heading whose number recurs
// later in the document as the item itself.
std::vector<HeadingCandidate> drop_agenda_table(std::vector<HeadingCandidate> candidates) {
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
  std::vector<HeadingCandidate> kept;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (!table_row[i]) kept.push_back(std::move(candidates[i]));
  }
  return kept;
}

// b follows a directly: "3" -> "4", "3" -> "3.1", "3.2" -> "4", "29/17" -> "30/17".
bool is_successor(const std::vector<int>& a, const std::vector<int>& b) {
  if (b.size() == a.size() + 1 && std::equal(a.begin(), a.end(), b.begin()) && b.back() == 1) return true;
  if (b.empty() || b.size() > a.size()) return false;
  return std::equal(b.begin(), b.end() - 1, a.begin()) && b.back() == a[b.size() - 1] + 1;
}

// The best run of strictly increasing numbers: each heading scores 10, a gap in the numbering
// costs 3 and a heading embedded in a paragraph costs 6, so the real items beat numbers that
// running text happens to start a line with ("Punkt 8. Eventuelt ..." quoted in a later item).
std::vector<HeadingCandidate> best_increasing_run(std::vector<HeadingCandidate> candidates, const std::vector<bool>& embedded) {
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
  std::vector<HeadingCandidate> run;
  for (std::size_t i = best; i != n; i = previous[i]) run.push_back(std::move(candidates[i]));
  std::reverse(run.begin(), run.end());
  return run;
}

// In text whose paragraphs are separated by blank lines, a heading stands alone: a line that
// continues a paragraph or runs on into the next line is probably running text.
std::vector<bool> embedded_in_paragraph(const TextLayout& layout, const std::vector<HeadingCandidate>& candidates) {
  std::vector<bool> embedded(candidates.size(), false);
  if (!layout.blank_lines_separate_paragraphs) return embedded;
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    const std::size_t line = candidates[c].line;
    const bool after_text = line > 0 && !layout.trimmed[line - 1].empty() && !ends_sentence(layout.trimmed[line - 1]);
    const bool runs_on = !candidates[c].title.empty() && line + 1 < layout.trimmed.size() &&
                         !layout.trimmed[line + 1].empty() && !is_heading_line(layout.trimmed[line + 1]) &&
                         !ends_sentence(candidates[c].title);
    embedded[c] = after_text || runs_on;
  }
  return embedded;
}

// The heading's title: the text on its line (or the next line when it has none) and the lines
// that continue it — after a hyphen, comma or connector word, or a line filled to the margin.
std::string read_title(const TextLayout& layout, const HeadingCandidate& heading, std::size_t end_line, std::size_t& body_line) {
  std::string title = heading.title;
  std::size_t i = heading.line + 1;
  auto skip_blank = [&] {
    while (i < end_line && layout.trimmed[i].empty() && !layout.blank_lines_separate_paragraphs) ++i;
  };
  if (title.empty()) {
    while (i < end_line && layout.trimmed[i].empty()) ++i;
  }
  skip_blank();
  if (title.empty() && i < end_line && !layout.trimmed[i].empty() && !is_heading_line(layout.trimmed[i])) {
    title = std::string(layout.trimmed[i]);
    ++i;
    skip_blank();
  }
  std::string_view previous = title;
  for (int lines = 1; lines < 4 && i < end_line && !title.empty(); ++lines) {
    std::string_view next = layout.trimmed[i];
    if (next.empty() || is_heading_line(next) || ends_sentence(previous)) break;
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

// An agenda packet often ends with its attached documents after the last item's "Bilag"
// heading. When they dwarf the item (over 20 KB and four times its own text), they become a
// section of their own from the first line after that heading, so a search for their content
// does not land on "Eventuelt". Returns that line.
std::optional<std::size_t> trailing_attachments(const TextLayout& layout, std::size_t from_line) {
  for (std::size_t i = from_line; i < layout.trimmed.size(); ++i) {
    if (part_role_of_line(layout.trimmed[i]) != "attachments") continue;
    std::size_t first = i + 1;
    while (first < layout.trimmed.size() && layout.trimmed[first].empty()) ++first;
    if (first >= layout.trimmed.size()) return std::nullopt;
    const std::size_t item_bytes = layout.lines[first].offset - layout.lines[from_line].offset;
    const LineView& last = layout.lines.back();
    const std::size_t attached_bytes = last.offset + last.text.size() - layout.lines[first].offset;
    if (attached_bytes > 20000 && attached_bytes > 4 * item_bytes) return first;
    return std::nullopt;
  }
  return std::nullopt;
}

constexpr std::string_view kFormNames[] = {"access", "agenda", "chapter", "numbered", "unnumbered"};

struct ChosenHeadings {
  std::vector<HeadingCandidate> headings;
  HeadingForm form = HeadingForm::unnumbered;
  std::string form_name = "none";
};

std::vector<HeadingCandidate> headings_of(const TextLayout& layout, HeadingForm form) {
  std::vector<HeadingCandidate> candidates = find_heading_candidates(layout, form);
  if (form == HeadingForm::chapter || form == HeadingForm::unnumbered) return candidates;
  candidates = drop_agenda_table(std::move(candidates));
  const std::vector<bool> embedded = embedded_in_paragraph(layout, candidates);
  return best_increasing_run(std::move(candidates), embedded);
}

ChosenHeadings choose_headings(const TextLayout& layout) {
  auto chosen = [](HeadingForm form, std::vector<HeadingCandidate> headings) {
    return ChosenHeadings{std::move(headings), form, std::string(kFormNames[static_cast<int>(form)])};
  };
  // Access-marked and agenda-word items are both agenda items. When a document has both, one
  // form is usually quoted (minutes attached to an agenda, a heading cited in running text):
  // the form with three times the headings wins, else the one that comes first.
  std::vector<HeadingCandidate> access = headings_of(layout, HeadingForm::access);
  std::vector<HeadingCandidate> agenda = headings_of(layout, HeadingForm::agenda);
  if (!access.empty() || !agenda.empty()) {
    const bool access_wins = agenda.empty() || (!access.empty() && access.size() >= 3 * agenda.size()) ||
                             (!access.empty() && 3 * access.size() > agenda.size() && access.front().line < agenda.front().line);
    return access_wins ? chosen(HeadingForm::access, std::move(access)) : chosen(HeadingForm::agenda, std::move(agenda));
  }
  for (HeadingForm form : {HeadingForm::chapter, HeadingForm::numbered, HeadingForm::unnumbered}) {
    std::vector<HeadingCandidate> headings = headings_of(layout, form);
    if (headings.size() >= 2) return chosen(form, std::move(headings));
  }
  return {};
}

}  // namespace

SplitDocument split_sections(const CleanText& clean) {
  const TextLayout layout = analyse_layout(clean.text);
  ChosenHeadings chosen = choose_headings(layout);
  const std::vector<HeadingCandidate>& headings = chosen.headings;
  const std::string item_kind = chosen.form == HeadingForm::chapter ? "chapter" : "agenda_item";
  auto offset_of = [&](std::size_t line) {
    return line < layout.lines.size() ? layout.lines[line].offset : clean.text.size();
  };

  std::vector<Section> sections;
  const std::size_t front_end = offset_of(headings.empty() ? layout.lines.size() : headings.front().line);
  if (!trim(std::string_view(clean.text).substr(0, front_end)).empty()) {
    Section front = make_section(clean, 0, front_end);
    front.kind = headings.empty() ? "body" : "front_matter";
    front.participants = extract_participants(front.text);
    sections.push_back(std::move(front));
  }
  for (std::size_t h = 0; h < headings.size(); ++h) {
    std::size_t end_line = h + 1 < headings.size() ? headings[h + 1].line : layout.lines.size();
    std::optional<std::size_t> attachments;
    if (h + 1 == headings.size() && item_kind == "agenda_item") {
      attachments = trailing_attachments(layout, headings[h].line + 1);
      if (attachments) end_line = *attachments;
    }
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
    if (attachments) {
      Section attached = make_section(clean, offset_of(*attachments), clean.text.size());
      attached.kind = "attachment";
      attached.title = std::string(layout.trimmed[*attachments].substr(0, 120));
      sections.push_back(std::move(attached));
    }
  }
  return {std::move(sections), std::move(chosen.form_name)};
}

}  // namespace arkiv
