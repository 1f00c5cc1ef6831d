// read_document: reader -> language -> cleaner -> SectionSplitter -> metadata -> topics -> sidecar.
#include <algorithm>

#include "corpus/document.h"
#include "corpus/src/cleaner.h"
#include "corpus/src/metadata.h"
#include "corpus/src/organisation_registry.h"
#include "corpus/src/reader.h"
#include "corpus/src/section_splitter.h"
#include "corpus/src/sidecar.h"
#include "corpus/src/topic_taxonomy.h"
#include "stemming/analyzer.h"

namespace arkiv {
namespace {

// Language identification reads a prefix: some 1200 words are plenty to tell da, nb and nn
// apart, and the cost stays bounded on huge files.
constexpr std::size_t kLanguageSampleBytes = 8 * 1024;

std::string language_sample(const RawText& raw) {
  std::string sample;
  for (const std::string& page : raw.pages) {
    if (sample.size() >= kLanguageSampleBytes) break;
    sample.append(page, 0, kLanguageSampleBytes - sample.size());
    sample += '\n';
  }
  return sample;
}

// Topics need a higher density in a whole document than in one of its sections, where a short
// agenda item naming two terms twice is about them.
constexpr double kSectionTopicsPerThousandWords = 4.0;
constexpr double kDocumentTopicsPerThousandWords = 3.0;
constexpr std::size_t kMaxSectionTopics = 4;
constexpr std::size_t kMaxDocumentTopics = 6;

void assign_topics(Document& document) {
  const TopicTaxonomy& taxonomy = TopicTaxonomy::instance();
  TopicHits total;
  total.hits.assign(taxonomy.ids().size(), 0);
  total.distinct.assign(taxonomy.ids().size(), 0);
  for (Section& section : document.sections) {
    const TopicHits hits = taxonomy.count(section.text, document.lang);
    section.topics = taxonomy.assign(hits, kSectionTopicsPerThousandWords, kMaxSectionTopics);
    total.words += hits.words;
    for (std::size_t t = 0; t < hits.hits.size(); ++t) {
      total.hits[t] += hits.hits[t];
      total.distinct[t] = std::max(total.distinct[t], hits.distinct[t]);
    }
  }
  document.topics = taxonomy.assign(total, kDocumentTopicsPerThousandWords, kMaxDocumentTopics);
}

void apply_override(Document& document, const MetadataOverride& override) {
  if (override.org) document.org = *override.org;
  if (override.date) document.date = *override.date;
  if (override.type) document.type = *override.type;
  if (override.lang) document.lang = *override.lang;
  if (override.title) document.title = *override.title;
  if (override.topics) document.topics = *override.topics;
}

bool is_meeting_type(const std::string& type) {
  return type == "referat" || type == "dagsorden" || type == "protokol";
}

}  // namespace

Document read_document(const std::filesystem::path& file, const CorpusOptions& options) {
  Document document;
  document.file = file;
  const RawText raw = read_raw_text(file);
  const LanguageGuess guess = identify_language(language_sample(raw));
  document.lang = std::string(language_code(guess.language));

  CleanText clean = clean_text(raw, guess.language);
  document.warnings = std::move(clean.warnings);
  document.pages = std::max<int>(1, static_cast<int>(raw.pages.size()));
  for (const PageStart& start : clean.page_starts) document.pages = std::max(document.pages, start.page);

  SplitDocument split = split_sections(clean);
  const DocumentHeader header = document_header(clean.text, split.sections);
  document.type = extract_type(header, split.sections);
  if (!is_meeting_type(document.type) && (split.heading_form == "numbered" || split.heading_form == "unnumbered")) {
    for (Section& section : split.sections) {
      if (section.kind != "agenda_item") continue;
      section.kind = "chapter";
      section.parts.clear();
    }
  }
  document.sections = std::move(split.sections);
  document.org = extract_organisation(clean.text, header);
  const ExtractedDate date = extract_date(clean.text, header, raw.date_hint);
  document.date = date.date.iso();
  document.title = extract_title(header, document.type, document.org, date, raw.title_hint);

  assign_topics(document);
  if (options.use_sidecars) apply_override(document, read_metadata_override(file));
  const std::string name = file.filename().string();
  if (document.org.empty()) document.warnings.push_back(name + ": no known organisation found");
  if (document.date.empty()) document.warnings.push_back(name + ": no date found");
  if (date.how == "year") document.warnings.push_back(name + ": only the year is known (the year mentioned most)");
  return document;
}

std::optional<std::string> canonical_organisation(std::string_view name_or_alias) {
  const OrganisationRegistry& registry = OrganisationRegistry::instance();
  if (auto found = registry.find(name_or_alias)) return registry.organisations()[*found].name;
  return std::nullopt;
}

std::optional<std::string> canonical_topic(std::string_view id_or_name) { return TopicTaxonomy::instance().find(id_or_name); }

}  // namespace arkiv
