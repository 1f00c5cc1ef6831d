#include "indexer/src/section_documents.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <string_view>
#include <utility>

#include "indexer/schema.h"
#include "indexer/src/file_record.h"
#include "stemming/xapian_terms.h"

namespace arkiv::indexer {
namespace {

// Xapian's term limit is 245 bytes; boolean values longer than this are cut at a UTF-8 boundary.
constexpr std::size_t kMaxBooleanTerm = 240;
// Words longer than this are not spelling suggestions worth storing.
constexpr std::size_t kMaxSpellingBytes = 64;

std::string boolean_term(std::string_view prefix, std::string_view value) {
  std::string term = std::string(prefix).append(value);
  if (term.size() <= kMaxBooleanTerm) return term;
  std::size_t cut = kMaxBooleanTerm;
  while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80) --cut;
  term.resize(cut);
  return term;
}

std::size_t code_points(std::string_view utf8) {
  return static_cast<std::size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string join_lines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += '\n';
    out += item;
  }
  return out;
}

void count_spelling(const std::vector<Token>& tokens, SpellingCounts& spelling) {
  for (const auto& token : tokens) {
    if (token.is_number || token.norm.size() > kMaxSpellingBytes || code_points(token.norm) < 3) continue;
    ++spelling[token.norm];
  }
}

// Byte range of each part inside the section text; parts not found verbatim are left out.
struct PartRange {
  std::string role;
  std::size_t start = 0;
  std::size_t end = 0;
};

std::vector<PartRange> locate_parts(const Section& section) {
  std::vector<PartRange> ranges;
  std::size_t from = 0;
  for (const auto& part : section.parts) {
    if (part.text.empty()) continue;
    std::size_t at = section.text.find(part.text, from);
    if (at == std::string::npos) at = section.text.find(part.text);
    if (at == std::string::npos) continue;
    ranges.push_back({part.role, at, at + part.text.size()});
    from = at + part.text.size();
  }
  return ranges;
}

// Stems of each part under its role prefix, without positions, from the body tokens that fall
// inside the part (no second analysis); parts the text does not contain verbatim are analysed.
void add_role_terms(const Section& section, const std::vector<PartRange>& ranges, const std::vector<Token>& body,
                    const Analyzer& analyzer, Xapian::Document& document) {
  auto add = [&](const std::string& role, const Token& token) {
    if (!token.stem.empty()) document.add_term(boolean_term(schema::kRoleTextPrefix + role + ':', token.stem));
  };
  for (const auto& range : ranges) {
    auto first = std::lower_bound(body.begin(), body.end(), range.start,
                                  [](const Token& token, std::size_t offset) { return token.start < offset; });
    for (auto it = first; it != body.end() && it->end <= range.end; ++it) add(range.role, *it);
  }
  for (const auto& part : section.parts) {
    bool located = std::any_of(ranges.begin(), ranges.end(), [&](const PartRange& r) { return r.role == part.role; });
    if (!located && !part.text.empty())
      for (const auto& token : analyzer.analyze(part.text)) add(part.role, token);
  }
}

std::string section_data(const Document& document, const std::filesystem::path& file, const Section& section,
                         std::size_t index, const std::string& document_id, const std::vector<PartRange>& ranges) {
  nlohmann::json page_starts = nlohmann::json::array();
  for (const auto& start : section.page_starts) page_starts.push_back({start.offset, start.page});
  nlohmann::json parts = nlohmann::json::array();
  for (const auto& range : ranges) parts.push_back({{"role", range.role}, {"start", range.start}, {"end", range.end}});
  nlohmann::json data = {
      {"file", file.string()},
      {"doc_id", document_id},
      {"section", index},
      {"title", document.title},
      {"number", section.number},
      {"section_title", section.title},
      {"kind", section.kind},
      {"page_start", section.page_start},
      {"page_end", section.page_end},
      {"page_starts", std::move(page_starts)},
      {"org", document.org},
      {"date", document.date},
      {"type", document.type},
      {"lang", document.lang},
      {"topics", section.topics.empty() ? document.topics : section.topics},
      {"participants", section.participants},
      {"parts", std::move(parts)},
      {"text", section.text},
  };
  // Invalid UTF-8 cannot reach here in principle (the cleaner repairs it); replace rather than throw.
  return data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string sortable_date(const std::string& iso_date) {
  auto digits = [&](std::size_t at, std::size_t count) {
    return iso_date.size() >= at + count &&
           std::all_of(iso_date.begin() + at, iso_date.begin() + at + count, [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!digits(0, 4)) return "";
  std::string out = iso_date.substr(0, 4);
  out += digits(5, 2) && iso_date[4] == '-' ? iso_date.substr(5, 2) : "01";
  out += digits(8, 2) && iso_date[7] == '-' && digits(5, 2) ? iso_date.substr(8, 2) : "01";
  return out;
}

const Analyzer& SectionDocumentBuilder::analyzer_for(const std::string& language_code) {
  Language language = Language::da;
  try {
    language = parse_language(language_code);
  } catch (const UsageError&) {
    // An unknown or empty language tag is analysed as Danish, the corpus' majority language.
  }
  auto it = analyzers_.find(language);
  if (it == analyzers_.end()) it = analyzers_.emplace(language, Analyzer(AnalyzerOptions{.language = language})).first;
  return it->second;
}

FileDocuments SectionDocumentBuilder::build(const Document& document, const std::filesystem::path& file,
                                            std::uint64_t content_hash) {
  const Analyzer& analyzer = analyzer_for(document.lang);
  FileDocuments out;
  out.document_id = indexer::document_id(file);
  const std::string date = sortable_date(document.date);
  const std::string organisation = document.org.empty() ? "" : normalise_text(document.org);
  const std::vector<Token> document_title = analyzer.analyze(document.title);

  for (std::size_t index = 0; index < document.sections.size(); ++index) {
    const Section& section = document.sections[index];
    Xapian::Document xapian_document;
    const std::string id = schema::kIdPrefix + out.document_id + '-' + std::to_string(index);
    xapian_document.add_boolean_term(id);
    xapian_document.add_boolean_term(schema::kDocumentIdPrefix + out.document_id);
    xapian_document.add_boolean_term(file_term(file));

    const std::vector<Token> body = analyzer.analyze(section.text);
    add_terms(body, schema::kBody, xapian_document, 0, 1, pair_words_);
    add_terms(analyzer.analyze(section.title), schema::kSectionTitle, xapian_document, 0, schema::kTitleWdf);
    add_terms(document_title, schema::kDocumentTitle, xapian_document, 0, schema::kTitleWdf);
    count_spelling(body, out.spelling);

    const std::vector<std::string>& topics = section.topics.empty() ? document.topics : section.topics;
    std::vector<std::string> roles;
    for (const auto& part : section.parts)
      if (std::find(roles.begin(), roles.end(), part.role) == roles.end()) roles.push_back(part.role);
    const std::vector<PartRange> ranges = locate_parts(section);
    add_role_terms(section, ranges, body, analyzer, xapian_document);

    if (!organisation.empty()) xapian_document.add_boolean_term(boolean_term(schema::kOrganisationPrefix, organisation));
    for (const auto& topic : topics) xapian_document.add_boolean_term(boolean_term(schema::kTopicPrefix, topic));
    for (const auto& role : roles) xapian_document.add_boolean_term(boolean_term(schema::kRolePrefix, role));
    if (!document.type.empty()) xapian_document.add_boolean_term(boolean_term(schema::kTypePrefix, document.type));
    if (!document.lang.empty()) xapian_document.add_boolean_term(boolean_term(schema::kLanguagePrefix, document.lang));
    if (!section.kind.empty()) xapian_document.add_boolean_term(boolean_term(schema::kKindPrefix, section.kind));
    if (!date.empty()) {
      xapian_document.add_boolean_term(schema::kYearPrefix + date.substr(0, 4));
      if (document.date.size() >= 7) xapian_document.add_boolean_term(schema::kMonthPrefix + date.substr(0, 6));
      xapian_document.add_value(schema::kSlotDate, date);
      xapian_document.add_value(schema::kSlotYear, date.substr(0, 4));
    }
    if (!document.org.empty()) xapian_document.add_value(schema::kSlotOrganisation, document.org);
    if (!document.type.empty()) xapian_document.add_value(schema::kSlotType, document.type);
    if (!document.lang.empty()) xapian_document.add_value(schema::kSlotLanguage, document.lang);
    if (!topics.empty()) xapian_document.add_value(schema::kSlotTopics, join_lines(topics));
    if (!roles.empty()) xapian_document.add_value(schema::kSlotRoles, join_lines(roles));
    xapian_document.add_value(schema::kSlotDocumentId, out.document_id);
    xapian_document.add_value(schema::kSlotFileHash, hex64(content_hash));

    xapian_document.set_data(section_data(document, file, section, index, out.document_id, ranges));
    out.text_bytes += section.text.size();
    out.sections.push_back(std::move(xapian_document));
    out.section_ids.push_back(id);
  }
  return out;
}

}  // namespace arkiv::indexer
