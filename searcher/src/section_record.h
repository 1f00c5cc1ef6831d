#pragma once
// The document data the indexer stores with each section (compact JSON, docs/schema.md), read back.
#include <cstddef>
#include <string>
#include <vector>

namespace arkiv {

struct SectionRecord {
  std::string file;
  std::string title;  // document title
  std::string section_number;
  std::string section_title;
  std::string section_kind;
  int page_start = 0;
  int page_end = 0;
  std::vector<std::pair<std::size_t, int>> page_starts;  // byte offset in text -> page, ascending
  std::string org;
  std::string date;
  std::string type;
  std::string lang;
  std::vector<std::string> topics;
  std::vector<std::string> participants;
  std::string text;
};

// Throws DataError naming the section when the data is not the expected JSON.
SectionRecord parse_section_record(const std::string& data, const std::string& id);

// Page on which the byte at offset of the section text lies (page_start when there is no map).
int page_at(const SectionRecord& record, std::size_t offset);

}  // namespace arkiv
