#pragma once
// Metadata extractors: a document's organisation, date, type and title from its header (the
// front matter, or its first lines), its web domains and what its text mentions most. Internal
// to the corpus module; thread-safe (shared read-only data only).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/document.h"
#include "corpus/src/nordic_date.h"

namespace arkiv {

// The lines where a document states its own metadata: the front matter's first 40 non-blank
// lines, or the text's first 12 when it opens with a section.
struct DocumentHeader {
  std::vector<std::string> lines;  // trimmed, letter spacing collapsed ("R E F E R A T" -> "REFERAT")
  std::vector<std::string> normalised;  // normalise_for_matching of each line
  int type_line = -1;                   // index of the line naming the document type, -1 if none
  std::string type;                     // that line's type id, "" if none
};

DocumentHeader document_header(std::string_view text, const std::vector<Section>& sections);

// The type id for a cue word or type id ("Saksliste" -> "dagsorden", "høringssvar" ->
// "hoeringssvar"), or nullopt.
std::optional<std::string> canonical_document_type(std::string_view cue_or_id);

// A type id's display name ("hoeringssvar" -> "Høringssvar").
std::string document_type_name(std::string_view type_id);

// The header's type, else one inferred from the sections: agenda items with decisions ->
// "referat", agenda items with recommendations only -> "dagsorden", chapters -> "rapport";
// else "andet".
std::string extract_type(const DocumentHeader& header, const std::vector<Section>& sections);

// The canonical organisation, "" when none is found. Scores every registered organisation:
// named in the header (earlier lines weigh more) or in its subject line, its web domain in the
// header or anywhere, and how often the text names it (logarithmically, so a body that keeps
// citing a ministry does not outweigh the letterhead).
std::string extract_organisation(std::string_view text, const DocumentHeader& header);

struct ExtractedDate {
  NordicDate date;
  std::string written;  // the date as the document writes it, "" when inferred
  std::string how;      // "label", "subject", "next_meeting", "header", "hint", "year"
};

// The document's own date (see docs/explain.md for the order of the rules).
ExtractedDate extract_date(std::string_view text, const DocumentHeader& header, std::string_view date_hint);

// A readable title: "<Type>, <subject>, <date>" from a subject line ("Emne", "Mødetitel", the
// line after the type line), else the reader's title hint, else "<Type>, <organisation>, <date>".
std::string extract_title(const DocumentHeader& header, const std::string& type, const std::string& organisation,
                          const ExtractedDate& date, std::string_view title_hint);

}  // namespace arkiv
