#pragma once
// The corpus module: a file from a governance archive -> a clean, structured, attributed Document.
// Readers (text, PDF, HTML) -> Cleaner (de-hyphenation, page markers, ligatures, running
// headers) -> SectionSplitter (agenda items, chapters, front matter, part roles) -> metadata
// extractors (organisation, date, type, language, title, topics) -> sidecar overrides.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stemming/error.h"

namespace arkiv {

// A labelled part of an agenda item. Roles: "summary" (Resumé), "case" (Sagsfremstilling,
// Saksfremlegg), "recommendation" (Indstilling, Innstilling), "decision" (Beslutning, Vedtak,
// Referat), "economy" (Økonomi), "attachments" (Bilag), "comments", "communication".
struct Part {
  std::string role;
  std::string text;
};

// Where a page begins inside a section's text.
struct PageStart {
  std::size_t offset = 0;  // byte offset into Section::text
  int page = 1;
};

// The unit of retrieval: an agenda item, a report chapter or the front matter.
struct Section {
  std::string kind;    // "front_matter", "agenda_item", "chapter", "body", "attachment"
  std::string number;  // "29/17", "12", "" when the heading has none
  std::string title;
  int page_start = 1;
  int page_end = 1;
  std::string text;                    // cleaned text, heading included
  std::vector<PageStart> page_starts;  // first entry at offset 0
  std::vector<Part> parts;
  std::vector<std::string> topics;        // topic ids from corpus/data/topics
  std::vector<std::string> participants;  // front matter: names listed under Deltagere etc.
};

struct Document {
  std::filesystem::path file;
  std::string lang;   // "da", "nb", "nn", "sv", "en"
  std::string org;    // canonical organisation name, "" when not found
  std::string date;   // ISO 8601: "2017-10-04", or "2025-03" / "2025" when only that is known
  std::string type;   // "referat", "dagsorden", "protokol", "rapport", "notat", "hoeringssvar",
                      // "beretning", "strategi", "andet"
  std::string title;
  std::vector<std::string> topics;
  int pages = 1;
  std::vector<Section> sections;
  std::vector<std::string> warnings;  // recoverable problems, each naming what and where
};

struct CorpusOptions {
  bool use_sidecars = true;  // FILE.meta.json and a folder's manifest.csv override extraction
};

// Reads, cleans, splits and attributes one file (text, PDF or HTML, by content).
// Throws DataError or IoError naming the file and the reason; never crashes on bad input.
Document read_document(const std::filesystem::path& file, const CorpusOptions& options = {});

// The JSON of `arkiv-index --explain` (schema in docs/explain.md).
std::string document_to_json(const Document& document);

// A readable summary of the same: metadata, then one block per section (kind, number, title,
// pages, topics, parts, participants), then the warnings.
std::string document_to_text(const Document& document);

// Organisation registry: the canonical name for a name, alias, abbreviation or web domain
// ("SST", "sst.dk" -> "Sundhedsstyrelsen"), or nullopt. Thread-safe.
std::optional<std::string> canonical_organisation(std::string_view name_or_alias);

// Topic taxonomy: the topic id for an id or any of its da/nb/nn names, or nullopt. Thread-safe.
std::optional<std::string> canonical_topic(std::string_view id_or_name);

}  // namespace arkiv
