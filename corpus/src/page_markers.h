#pragma once
// Page-marker lines ("Side 2", "Side 3/5", "Side 3 af 5", "Page 4", "- 4 -", a bare folio) and
// the page numbers they give. Patterns are data: corpus/data/page_markers.tsv. Internal.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/src/cleaner.h"

namespace arkiv {

enum class MarkerPlacement { line, edge };

struct PageMarkerPattern {
  std::string pattern;  // lower-case literal text with {n}, {m} and spaces
  MarkerPlacement placement = MarkerPlacement::line;
};

// Immutable after construction; thread-safe.
class PageMarkers {
 public:
  explicit PageMarkers(std::vector<PageMarkerPattern> patterns);

  // The patterns of corpus/data/page_markers.tsv, loaded once. Throws DataError naming the
  // file and line of a malformed pattern.
  static const PageMarkers& standard();

  // The page number when the trimmed line is a page marker. at_page_edge: the line is the first
  // or last non-empty line of a page from a paged source, where "edge" patterns apply too.
  std::optional<int> match(std::string_view line, bool at_page_edge) const;

 private:
  std::vector<PageMarkerPattern> patterns_;
};

// Turns page-marker lines into page numbers, marking the marker lines removed.
// paged: the lines come from a paged source (each TextLine::page already the physical page);
// markers are dropped, and "edge" patterns apply to the first and last line of each page.
// Otherwise a "line" marker whose number is above the current page starts that page, so text
// with "Side N" lines gets its real page numbers (text before the first marker is page 1).
void apply_page_markers(std::vector<TextLine>& lines, bool paged, const PageMarkers& markers);

}  // namespace arkiv
