#pragma once
// SectionSplitter: cleaned text -> sections (front matter, agenda items, chapters) with titles,
// page ranges, labelled parts and front-matter participants. Internal to the corpus module;
// thread-safe (it keeps no state; its vocabulary is shared read-only data).
//
// Heading forms, strongest first; the strongest form with headings in the document wins and the
// others are left as text (so a numbered list inside an item never splits it):
//   access     " 10 (Offentlig) Formandens meddelelser"          (Danske Regioner packets)
//   agenda     "Punkt 1.", "Punkt 29/17:", "Pkt. 12 Titel", "Sak 12/24 Titel"
//   chapter    "DEL I – VIKTIGE UTVIKLINGSTREKK", "Kapittel 3 ...", all-caps heading lines
//   numbered   "1. Velkomst", "3.2 Økonomi"
//   unnumbered a short line between paragraphs ("Hverdagen i almen praksis")
// Numbered forms keep the longest run of increasing numbers, so a stray "Punkt 3." at a line
// start in running text is dropped; an agenda table (headings a few lines apart whose numbers
// recur later as the items themselves) stays in the front matter.
#include <string_view>
#include <vector>

#include "corpus/document.h"
#include "corpus/src/cleaner.h"

namespace arkiv {

struct SplitDocument {
  std::vector<Section> sections;  // front matter (or "body" when there is no heading), one per heading,
                                  // then the packet's attached documents ("attachment") if they are large
  std::string heading_form;       // "access", "agenda", "chapter", "numbered", "unnumbered" or "none"
};

// Numbered and unnumbered headings give "agenda_item" sections; the caller relabels them as
// chapters when the document turns out to be a report.
SplitDocument split_sections(const CleanText& clean);

}  // namespace arkiv
