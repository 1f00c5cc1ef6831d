#include "corpus/src/part_roles.h"

#include <algorithm>

#include "corpus/src/metadata_text.h"
#include "corpus/src/metadata_tsv.h"

namespace arkiv {
namespace {

constexpr std::string_view kHeadingsFile = "corpus/data/section_headings.tsv";
constexpr std::size_t kLongestPartHeading = 64;  // bytes; longer headings are rejected at load

const std::unordered_set<std::string> kRoles = {"summary",  "case",        "recommendation", "decision",
                                                "economy",  "attachments", "comments",       "communication"};

void sort_longest_first(std::vector<std::string>& phrases) {
  std::stable_sort(phrases.begin(), phrases.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

// A phrase matches at the start of a normalised line when a non-letter follows it.
bool phrase_at_start(std::string_view normalised, std::string_view phrase) {
  if (!normalised.starts_with(phrase)) return false;
  if (normalised.size() == phrase.size()) return true;
  char next = normalised[phrase.size()];
  return next == ' ' || next == ':' || next == '.' || next == ',' || next == ';' || (phrase.back() == '.');
}

std::string_view strip_bullet(std::string_view line) {
  line = trim(line);
  for (std::string_view bullet : {"•", "·", "- ", "* ", "–"}) {
    if (line.starts_with(bullet)) return trim(line.substr(bullet.size()));
  }
  return line;
}

bool ends_with_sentence_mark(std::string_view text) {
  return !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?');
}

// The line after its label: as many words as the (normalised) label has, then a ':'.
std::string_view text_after_label(std::string_view line, std::string_view label) {
  const std::size_t words = static_cast<std::size_t>(std::count(label.begin(), label.end(), ' ')) + 1;
  std::size_t pos = 0;
  for (std::size_t w = 0; w < words && pos < line.size(); ++w) {
    while (pos < line.size() && line[pos] != ' ' && line[pos] != ':') ++pos;
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == ':')) ++pos;
  }
  return trim(line.substr(pos));
}

}  // namespace

const HeadingVocabulary& heading_vocabulary() {
  static const HeadingVocabulary vocabulary = [] {
    HeadingVocabulary loaded;
    for (const TsvRow& row : load_tsv(kHeadingsFile, 2, 3)) {
      const std::string& kind = row.fields[0];
      std::string phrase = normalise_for_matching(row.fields[1]);
      if (kind == "part") {
        if (phrase.size() > kLongestPartHeading) throw_data_error(kHeadingsFile, row.line, "part heading too long");
        if (row.fields.size() != 3 || !kRoles.count(row.fields[2])) {
          throw_data_error(kHeadingsFile, row.line, "a part needs one of the roles of corpus/document.h");
        }
        loaded.part_roles[phrase] = row.fields[2];
        continue;
      }
      if (row.fields.size() != 2) throw_data_error(kHeadingsFile, row.line, "only part rows have a third field");
      if (kind == "agenda_word") loaded.agenda_words.insert(phrase);
      else if (kind == "access_marker") loaded.access_markers.insert(phrase);
      else if (kind == "chapter_word") loaded.chapter_words.insert(phrase);
      else if (kind == "participant_label") loaded.participant_labels.push_back(phrase);
      else if (kind == "front_label") loaded.front_labels.push_back(phrase);
      else if (kind == "title_connector") loaded.title_connectors.insert(phrase);
      else if (kind == "subject_label") {
        loaded.subject_labels.push_back(phrase);
        loaded.front_labels.push_back(phrase);
      }
      else throw_data_error(kHeadingsFile, row.line, "unknown kind '" + kind + "'");
    }
    sort_longest_first(loaded.participant_labels);
    sort_longest_first(loaded.front_labels);
    sort_longest_first(loaded.subject_labels);
    return loaded;
  }();
  return vocabulary;
}

std::string part_role_of_line(std::string_view line, std::string* inline_text) {
  line = trim(line);
  if (line.empty() || line.size() > 80) return "";
  std::string_view heading = line;
  std::string_view rest;
  if (std::size_t colon = line.find(':'); colon != std::string_view::npos) {
    heading = trim(line.substr(0, colon));
    rest = trim(line.substr(colon + 1));
  }
  // Most lines are running text: longer than any part heading, or not capitalised.
  if (heading.size() > kLongestPartHeading || heading.empty() || !starts_with_uppercase(heading)) return "";
  const auto& roles = heading_vocabulary().part_roles;
  auto it = roles.find(normalise_for_matching(heading));
  if (it == roles.end()) return "";
  if (inline_text) *inline_text = std::string(rest);
  return it->second;
}

std::string participant_label_of_line(std::string_view line, std::string_view* rest) {
  std::string_view trimmed = trim(line);
  if (trimmed.empty() || !starts_with_uppercase(trimmed)) return "";
  const std::string normalised = normalise_for_matching(trimmed.substr(0, std::min<std::size_t>(trimmed.size(), 60)));
  for (const std::string& label : heading_vocabulary().participant_labels) {
    if (!phrase_at_start(normalised, label)) continue;
    if (rest) *rest = text_after_label(trimmed, label);
    return label;
  }
  return "";
}

bool starts_with_front_label(std::string_view line) {
  std::string_view trimmed = trim(line);
  if (trimmed.empty() || !starts_with_uppercase(trimmed)) return false;
  const std::string normalised = normalise_for_matching(trimmed.substr(0, std::min<std::size_t>(trimmed.size(), 40)));
  for (const std::string& label : heading_vocabulary().front_labels) {
    if (phrase_at_start(normalised, label)) return true;
  }
  return false;
}

std::optional<std::string> subject_of_line(std::string_view line) {
  std::string_view trimmed = trim(line);
  if (trimmed.empty() || !starts_with_uppercase(trimmed)) return std::nullopt;
  const std::string normalised = normalise_for_matching(trimmed.substr(0, std::min<std::size_t>(trimmed.size(), 40)));
  for (const std::string& label : heading_vocabulary().subject_labels) {
    if (!phrase_at_start(normalised, label)) continue;
    return std::string(text_after_label(trimmed, label));
  }
  return std::nullopt;
}

std::vector<Part> split_parts(std::string_view body) {
  std::vector<Part> parts;
  Part current{"case", ""};
  bool any_heading = false;
  auto flush = [&] {
    std::string_view content = trim(current.text);
    // A single short line before the first heading is a byline ("Maren Munk-Madsen"), not a case.
    const bool byline = !any_heading && content.find('\n') == std::string_view::npos && utf8_length(content) < 50 &&
                        !ends_with_sentence_mark(content);
    if (!content.empty() && content != "-" && !byline) parts.push_back({current.role, std::string(content)});
    current = Part{};
  };
  for (const LineView& line : split_lines(body)) {
    std::string inline_text;
    // Attachments come last: headings inside attached documents are their text, not parts.
    std::string role = current.role == "attachments" ? "" : part_role_of_line(strip_bullet(line.text), &inline_text);
    if (!role.empty()) {
      flush();
      any_heading = true;
      current.role = role;
      current.text = inline_text.empty() ? "" : inline_text + "\n";
      continue;
    }
    current.text.append(line.text);
    current.text += '\n';
  }
  flush();
  if (!any_heading) parts.clear();  // an item without part headings has no labelled parts
  return parts;
}

}  // namespace arkiv
