#pragma once
// The heading vocabulary of corpus/data/section_headings.tsv (agenda words, access markers,
// chapter words, part headings with their roles, participant labels, title connectors) and the
// labelling of an agenda item's parts. Internal to the corpus module; thread-safe (the
// vocabulary is loaded once and read-only).
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "corpus/document.h"

namespace arkiv {

struct HeadingVocabulary {
  std::unordered_set<std::string> agenda_words;    // normalised ("punkt", "pkt.")
  std::unordered_set<std::string> access_markers;  // "offentlig"
  std::unordered_set<std::string> chapter_words;   // "del", "kapittel"
  std::unordered_map<std::string, std::string> part_roles;  // "sagsfremstilling" -> "case"
  std::vector<std::string> participant_labels;     // longest first
  std::vector<std::string> front_labels;           // longest first; subject labels included
  std::vector<std::string> subject_labels;         // longest first
  std::unordered_set<std::string> title_connectors;
};

// Loaded on first use; throws DataError naming the file and line if the file is invalid.
const HeadingVocabulary& heading_vocabulary();

// The role of a part heading line ("Sagsfremstilling", "REFERAT:", "Det indstilles at:"), or ""
// when the line is not one. inline_text receives text after "Heading:" on the same line.
std::string part_role_of_line(std::string_view line, std::string* inline_text = nullptr);

// The participant label a line starts with ("Deltagere", "Fra bestyrelsen:"), and the rest of
// the line after it; "" when the line does not start with one.
std::string participant_label_of_line(std::string_view line, std::string_view* rest = nullptr);

// True when the line starts with a front-matter label that ends a list of names ("Dagsorden").
bool starts_with_front_label(std::string_view line);

// The text after a subject label ("Emne Det Nationale Råd ..." -> "Det Nationale Råd ..."), or
// nullopt when the line does not start with one.
std::optional<std::string> subject_of_line(std::string_view line);

// Splits an agenda item's body (the text after its title) into parts by part headings. Text
// before the first part heading becomes a "case" part when other parts follow (the case
// presentation usually comes first, unlabelled); parts with no content or only "-" are dropped.
std::vector<Part> split_parts(std::string_view body);

}  // namespace arkiv
