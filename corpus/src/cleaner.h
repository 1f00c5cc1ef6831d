#pragma once
// Clean-up of PDF-extracted text: de-hyphenation, page markers, ligatures, running headers.
// Internal to the corpus module.
#include <string>
#include <vector>

#include "corpus/document.h"
#include "corpus/src/reader.h"
#include "stemming/analyzer.h"

namespace arkiv {

struct CleanText {
  std::string text;                    // lines joined with '\n'; page markers and running headers removed
  std::vector<PageStart> page_starts;  // where each page begins in text, with its real page number
  std::vector<std::string> warnings;
};

// language selects the lexicon used to decide whether a line-end hyphen joins a word.
CleanText clean_text(const RawText& raw, Language language);

}  // namespace arkiv
