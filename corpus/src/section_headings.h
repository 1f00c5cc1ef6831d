#pragma once
// Heading recognition for the SectionSplitter: the layout of cleaned text and, per heading form,
// the lines that could be headings. Internal to the corpus module; thread-safe (no state; the
// vocabulary of corpus/data/section_headings.tsv is shared read-only data).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/src/metadata_text.h"

namespace arkiv {

// Heading forms, strongest first (see section_splitter.h).
enum class HeadingForm { access, agenda, chapter, numbered, unnumbered };

struct HeadingCandidate {
  std::size_t line = 0;
  std::string number;    // as written: "29/17", "3.2", "I", ""
  std::vector<int> key;  // for ordering: "29/17" -> {17, 29} (number within year), "3.2" -> {3, 2}
  std::string title;     // title text on the heading line itself, "" when it follows on the next line
};

// The document's lines and what its layout says about them.
struct TextLayout {
  std::vector<LineView> lines;
  std::vector<std::string_view> trimmed;
  bool blank_lines_separate_paragraphs = true;  // false when PDF extraction put a blank after every line
  std::size_t typical_width = 80;               // 90th percentile of line lengths, in code points
};

TextLayout analyse_layout(std::string_view text);

// Every line of the layout that reads as a heading of the form, in order.
std::vector<HeadingCandidate> find_heading_candidates(const TextLayout& layout, HeadingForm form);

// True for an agenda or access heading, a part heading or a participant label: lines a title
// never continues into.
bool is_heading_line(std::string_view line);

// The line ends with '.', '!', '?' or ':'.
bool ends_sentence(std::string_view line);

// The line's last space-separated word.
std::string_view last_word(std::string_view line);

}  // namespace arkiv
