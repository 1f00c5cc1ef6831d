#pragma once
// Document (corpus) -> one Xapian::Document per Section, in the schema of indexer/schema.h.
// Internal to the indexer; docs/schema.md describes every term, value and data field.
#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "corpus/document.h"
#include "stemming/analyzer.h"
#include "stemming/xapian_terms.h"

namespace arkiv::indexer {

// Normalised words and their counts, for the spelling table.
using SpellingCounts = std::unordered_map<std::string, Xapian::termcount>;

struct FileDocuments {
  std::string document_id;                  // XD term value: hash of the file path
  std::vector<Xapian::Document> sections;   // each with its Q id term
  std::vector<std::string> section_ids;     // the Q terms, same order
  SpellingCounts spelling;
  std::size_t text_bytes = 0;               // section text stored
};

// Builds the Xapian documents of one file. Not thread-safe: owns one Analyzer per language,
// so give each worker thread its own SectionDocumentBuilder.
class SectionDocumentBuilder {
 public:
  // pair_words: the database's common words (schema::kPairWordsKey); must outlive the builder.
  explicit SectionDocumentBuilder(const CommonWords& pair_words) : pair_words_(pair_words) {}
  FileDocuments build(const Document& document, const std::filesystem::path& file, std::uint64_t content_hash);

 private:
  const Analyzer& analyzer_for(const std::string& language_code);
  const CommonWords& pair_words_;
  std::map<Language, Analyzer> analyzers_;
};

// "2017-10-04" -> "20171004"; "2025-03" -> "20250301"; "2025" -> "20250101"; "" when not a date.
std::string sortable_date(const std::string& iso_date);

}  // namespace arkiv::indexer
