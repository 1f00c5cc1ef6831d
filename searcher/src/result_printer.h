#pragma once
// Output of arkiv-search: the JSON of docs/json.md, and the readable form for a terminal.
#include <ostream>
#include <string>
#include <vector>

#include "searcher/searcher.h"

namespace arkiv {

struct TextStyle {
  bool colour = false;  // ANSI colours (a terminal without NO_COLOR)
};

// Marker pairs the printers expect the snippets to carry.
inline constexpr const char* kJsonHighlightBegin = "<mark>";
inline constexpr const char* kJsonHighlightEnd = "</mark>";
inline constexpr const char* kColourHighlightBegin = "\x1b[1;31m";
inline constexpr const char* kColourHighlightEnd = "\x1b[0m";

void print_result_json(std::ostream& out, const std::string& query, const SearchResult& result, bool with_text);
void print_result_text(std::ostream& out, const SearchResult& result, const SearchRequest& request, const TextStyle& style);

void print_section_json(std::ostream& out, const Hit& hit);
void print_section_text(std::ostream& out, const Hit& hit, const TextStyle& style);

}  // namespace arkiv
