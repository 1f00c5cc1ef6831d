#pragma once
// Helpers shared by the corpus structure, metadata and accuracy tests.
#include <filesystem>
#include <string>
#include <vector>

#include "corpus/document.h"
#include "reading_test_support.h"

namespace arkiv::test {

// The generator of the benchmark corpus, copied into the repository (tests/data/generator/SOURCE.md).
inline std::filesystem::path corpus_generator() {
  return std::filesystem::path(ARKIV_SOURCE_DIR) / "tests/data/generator/bench/make-corpus.py";
}

// The titles of a document's agenda items and chapters, in order.
inline std::vector<std::string> section_titles(const Document& document) {
  std::vector<std::string> titles;
  for (const Section& section : document.sections) {
    if (section.kind == "agenda_item" || section.kind == "chapter") titles.push_back(section.title);
  }
  return titles;
}

}  // namespace arkiv::test
