#pragma once
// The document data the indexer stores with each section (compact JSON, docs/schema.md), read back.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "searcher/searcher.h"

namespace arkiv {

struct SectionRecord {
  std::string id;  // "<doc_id>-<section>" from the data; "" when the data lacks either
  Hit hit;         // the stored fields a hit shows; id, score, snippet and text are the searcher's to fill
  std::vector<std::pair<std::size_t, int>> page_starts;  // byte offset in text -> page, ascending
  std::string text;
};

// Throws DataError naming the section when the data is not the expected JSON.
SectionRecord parse_section_record(const std::string& data, const std::string& id);

// Page on which the byte at offset of the section text lies (page_start when there is no map).
int page_at(const SectionRecord& record, std::size_t offset);

}  // namespace arkiv
