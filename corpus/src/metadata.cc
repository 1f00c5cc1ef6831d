#include "corpus/src/metadata.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <unordered_map>

#include "corpus/src/metadata_text.h"
#include "corpus/src/metadata_tsv.h"
#include "corpus/src/organisation_registry.h"
#include "corpus/src/part_roles.h"

namespace arkiv {
namespace {

constexpr std::string_view kTypesFile = "corpus/data/document_types.tsv";
constexpr std::size_t kFrontMatterHeaderLines = 40;
constexpr std::size_t kOpeningHeaderLines = 12;
constexpr std::size_t kTypeLineWindow = 15;

struct TypeCue {
  std::string phrase;  // normalised
  std::string type;
};

struct DocumentTypes {
  std::vector<TypeCue> cues;  // longest first
  std::unordered_map<std::string, std::string> by_phrase;
  std::map<std::string, std::string, std::less<>> names;  // type id -> display name
};

const DocumentTypes& document_types() {
  static const DocumentTypes types = [] {
    DocumentTypes loaded;
    for (const TsvRow& row : load_tsv(kTypesFile, 2, 3)) {
      const std::string phrase = normalise_for_matching(row.fields[0]);
      const std::string& type = row.fields[1];
      if (row.fields.size() == 3) loaded.names[type] = row.fields[2];
      if (!loaded.names.count(type)) {
        throw_data_error(kTypesFile, row.line, "the first row of type '" + type + "' must give its display name");
      }
      loaded.cues.push_back({phrase, type});
      loaded.by_phrase[phrase] = type;
    }
    std::stable_sort(loaded.cues.begin(), loaded.cues.end(),
                     [](const TypeCue& a, const TypeCue& b) { return a.phrase.size() > b.phrase.size(); });
    return loaded;
  }();
  return types;
}

bool followed_by_boundary(std::string_view text, std::size_t end) {
  if (end >= text.size()) return true;
  unsigned char c = static_cast<unsigned char>(text[end]);
  return c < 0x80 && !std::isalnum(c);
}

std::string type_of_line(std::string_view normalised_line) {
  for (const TypeCue& cue : document_types().cues) {
    if (normalised_line.starts_with(cue.phrase) && followed_by_boundary(normalised_line, cue.phrase.size())) return cue.type;
  }
  return "";
}

// The header line index of a byte offset in the header lines joined by single spaces.
std::size_t line_of_offset(const std::vector<std::string>& lines, std::size_t offset) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    start += lines[i].size() + 1;
    if (offset < start) return i;
  }
  return lines.empty() ? 0 : lines.size() - 1;
}

std::string join(const std::vector<std::string>& lines, std::size_t from, std::size_t to) {
  std::string joined;
  for (std::size_t i = from; i < std::min(to, lines.size()); ++i) {
    if (!joined.empty()) joined += ' ';
    joined += lines[i];
  }
  return joined;
}

// The subject: a labelled line ("Emne ...") or the lines after the type line up to a label.
std::string subject_text(const DocumentHeader& header) {
  for (const std::string& line : header.lines) {
    if (auto subject = subject_of_line(line); subject && !subject->empty()) return *subject;
  }
  if (header.type_line < 0) return "";
  std::string subject;
  for (std::size_t i = static_cast<std::size_t>(header.type_line) + 1; i < header.lines.size() && i <= static_cast<std::size_t>(header.type_line) + 2; ++i) {
    std::size_t label_length = 0;
    const std::string& line = header.lines[i];
    if (date_label_at_start(header.normalised[i], label_length) || starts_with_front_label(line) ||
        !participant_label_of_line(line).empty() || first_date(line).day != 0 || line.size() < 4) {
      break;
    }
    if (!subject.empty()) subject += ' ';
    subject += line;
  }
  return subject;
}

NordicDate parse_date_hint(std::string_view hint) {
  hint = trim(hint);
  if (hint.starts_with("D:")) hint.remove_prefix(2);  // PDF dates: D:YYYYMMDDHHmmSS
  if (hint.size() >= 8 && std::all_of(hint.begin(), hint.begin() + 8, [](char c) { return c >= '0' && c <= '9'; })) {
    auto number = [&](std::size_t from, std::size_t length) { return std::stoi(std::string(hint.substr(from, length))); };
    NordicDate date{number(0, 4), number(4, 2), number(6, 2)};
    if (date.year >= 1900 && date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31) return date;
  }
  return first_date(hint);
}

// The most frequently mentioned year (the later one on ties), for documents that state none.
int most_frequent_year(std::string_view text) {
  std::map<int, int> counts;
  for (std::size_t pos = 0; pos + 4 <= text.size(); ++pos) {
    const char c = text[pos];
    if ((c != '1' && c != '2') || (pos > 0 && std::isalnum(static_cast<unsigned char>(text[pos - 1])))) continue;
    if (!std::all_of(text.begin() + static_cast<std::ptrdiff_t>(pos), text.begin() + static_cast<std::ptrdiff_t>(pos + 4),
                     [](char d) { return d >= '0' && d <= '9'; }) ||
        !followed_by_boundary(text, pos + 4)) {
      continue;
    }
    const int year = std::stoi(std::string(text.substr(pos, 4)));
    if (year >= 1950 && year <= 2100) ++counts[year];
    pos += 3;
  }
  int best = 0, best_count = 0;
  for (auto [year, count] : counts) {
    if (count >= best_count) best = year, best_count = count;
  }
  return best;
}

}  // namespace

DocumentHeader document_header(std::string_view text, const std::vector<Section>& sections) {
  DocumentHeader header;
  std::string_view region = text;
  std::size_t limit = kOpeningHeaderLines;
  if (!sections.empty() && sections.front().kind == "front_matter") {
    region = sections.front().text;
    limit = kFrontMatterHeaderLines;
  }
  for (const LineView& line : split_lines(region)) {
    if (header.lines.size() >= limit) break;
    std::string_view trimmed = trim(line.text);
    if (trimmed.empty()) continue;
    header.lines.push_back(collapse_letter_spacing(trimmed));
    header.normalised.push_back(normalise_for_matching(header.lines.back()));
  }
  for (std::size_t i = 0; i < header.lines.size() && i < kTypeLineWindow; ++i) {
    std::string type = type_of_line(header.normalised[i]);
    if (!type.empty()) {
      header.type_line = static_cast<int>(i);
      header.type = std::move(type);
      break;
    }
  }
  return header;
}

std::optional<std::string> canonical_document_type(std::string_view cue_or_id) {
  const DocumentTypes& types = document_types();
  const std::string key = normalise_for_matching(cue_or_id);
  if (types.names.count(key) || key == "andet") return key;
  if (auto it = types.by_phrase.find(key); it != types.by_phrase.end()) return it->second;
  return std::nullopt;
}

std::string document_type_name(std::string_view type_id) {
  const auto& names = document_types().names;
  auto it = names.find(type_id);
  return it == names.end() ? "Dokument" : it->second;
}

std::string extract_type(const DocumentHeader& header, const std::vector<Section>& sections) {
  if (!header.type.empty()) return header.type;
  std::size_t items = 0, decisions = 0, recommendations = 0, chapters = 0;
  for (const Section& section : sections) {
    if (section.kind == "chapter") ++chapters;
    if (section.kind != "agenda_item") continue;
    ++items;
    for (const Part& part : section.parts) {
      if (part.role == "decision") ++decisions;
      if (part.role == "recommendation") ++recommendations;
    }
  }
  if (items > 0 && decisions > 0) return "referat";
  if (items > 0 && recommendations > 0) return "dagsorden";
  if (chapters > 0) return "rapport";
  return "andet";
}

std::string extract_organisation(std::string_view text, const DocumentHeader& header) {
  const OrganisationRegistry& registry = OrganisationRegistry::instance();
  const std::size_t n = registry.organisations().size();
  std::vector<double> score(n, 0.0);

  const std::string joined = join(header.normalised, 0, header.normalised.size());
  const std::vector<std::size_t> in_header = registry.first_normalised_matches(joined);
  const std::string subject = normalise_for_matching(subject_text(header));
  const std::vector<std::size_t> in_subject = registry.first_normalised_matches(subject);
  const std::vector<std::size_t> header_domains = registry.count_domains(join(header.lines, 0, header.lines.size()));
  const std::vector<std::size_t> domains = registry.count_domains(text);
  const std::vector<std::size_t> mentions = registry.count_mentions(text);
  for (std::size_t o = 0; o < n; ++o) {
    if (in_header[o] != std::string_view::npos) {
      score[o] += 30.0 - 2.0 * static_cast<double>(std::min<std::size_t>(line_of_offset(header.normalised, in_header[o]), 12));
    }
    if (in_subject[o] != std::string_view::npos) score[o] += 15.0;
    if (header_domains[o] > 0) score[o] += 8.0;
    score[o] += std::min<double>(static_cast<double>(domains[o]), 3.0);
    score[o] += 4.0 * std::log2(1.0 + static_cast<double>(mentions[o]));
  }
  auto best = std::max_element(score.begin(), score.end());
  if (best == score.end() || *best < 4.0) return "";  // named at most once in passing
  return registry.organisations()[static_cast<std::size_t>(best - score.begin())].name;
}

ExtractedDate extract_date(std::string_view text, const DocumentHeader& header, std::string_view date_hint) {
  // 1. A labelled line ("Mødedato ...", "Dato og sted" + next line); meeting labels beat "Dato".
  for (int strength = 1; strength <= 2; ++strength) {
    for (std::size_t i = 0; i < header.lines.size(); ++i) {
      std::size_t label_length = 0;
      if (date_label_at_start(header.normalised[i], label_length) != strength) continue;
      for (std::size_t j = i; j < header.lines.size() && j <= i + 2; ++j) {
        std::string_view line = header.lines[j];
        for (const FoundDate& found : find_dates(line)) {
          if (found.date.day != 0) return {found.date, std::string(line.substr(found.start, found.end - found.start)), "label"};
        }
      }
    }
  }
  // 2. The subject line ("Referat fra møde den 4. oktober 2017").
  const std::string subject = subject_text(header);
  for (const FoundDate& found : find_dates(subject)) {
    if (found.date.day != 0) return {found.date, subject.substr(found.start, found.end - found.start), "subject"};
  }
  // 3. An agenda that names its next meeting: the latest date within three months before it.
  std::vector<long> next_meetings;
  for (std::size_t end : next_meeting_phrases(text)) {
    for (const FoundDate& found : find_dates(text.substr(end, std::min<std::size_t>(80, text.size() - end)))) {
      if (found.date.day != 0) next_meetings.push_back(found.date.days());
      break;
    }
  }
  if (!next_meetings.empty()) {
    const long next = next_meetings.front();
    const std::vector<FoundDate> all = find_dates(text);
    const FoundDate* latest = nullptr;
    for (const FoundDate& found : all) {
      const long days = found.date.days();
      if (found.date.day == 0 || days >= next || days < next - 92) continue;
      if (!latest || days > latest->date.days()) latest = &found;
    }
    if (latest) return {latest->date, "", "next_meeting"};
  }
  // 4. The first full date in the header.
  for (const std::string& line : header.lines) {
    for (const FoundDate& found : find_dates(line)) {
      if (found.date.day != 0) return {found.date, line.substr(found.start, found.end - found.start), "header"};
    }
  }
  // 5. The reader's hint (HTML meta, PDF creation date).
  if (NordicDate hinted = parse_date_hint(date_hint); hinted.year != 0) return {hinted, "", "hint"};
  // 6. Only the year the text mentions most.
  if (int year = most_frequent_year(text); year != 0) return {NordicDate{year, 0, 0}, "", "year"};
  return {};
}

std::string extract_title(const DocumentHeader& header, const std::string& type, const std::string& organisation,
                          const ExtractedDate& date, std::string_view title_hint) {
  const std::string type_name = document_type_name(type);
  const std::string when = !date.written.empty() ? date.written : date.date.iso();
  std::string subject = subject_text(header);
  std::string title;
  if (!subject.empty()) {
    title = type == "andet" ? subject : type_name + ", " + subject;
    if (!when.empty() && subject.find(when) == std::string::npos) title += ", " + when;
    return title;
  }
  if (!trim(title_hint).empty()) return std::string(trim(title_hint));
  title = type == "andet" ? std::string() : type_name;
  for (const std::string& piece : {organisation, when}) {
    if (piece.empty()) continue;
    if (!title.empty()) title += ", ";
    title += piece;
  }
  return title;
}

}  // namespace arkiv
