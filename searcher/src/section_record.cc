#include "searcher/src/section_record.h"

#include <nlohmann/json.hpp>

#include "stemming/error.h"

namespace arkiv {
namespace {

using Json = nlohmann::json;

std::string string_at(const Json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

int int_at(const Json& object, const char* key, int fallback) {
  const auto it = object.find(key);
  return it != object.end() && it->is_number_integer() ? it->get<int>() : fallback;
}

std::vector<std::string> strings_at(const Json& object, const char* key) {
  std::vector<std::string> out;
  const auto it = object.find(key);
  if (it == object.end() || !it->is_array()) return out;
  for (const auto& value : *it)
    if (value.is_string()) out.push_back(value.get<std::string>());
  return out;
}

}  // namespace

SectionRecord parse_section_record(const std::string& data, const std::string& id) {
  const Json json = Json::parse(data, nullptr, false);
  if (json.is_discarded() || !json.is_object())
    throw DataError("section " + id + ": document data is not a JSON object");
  SectionRecord record;
  Hit& hit = record.hit;
  hit.file = string_at(json, "file");
  hit.title = string_at(json, "title");
  hit.section_number = string_at(json, "number");
  hit.section_title = string_at(json, "section_title");
  hit.section_kind = string_at(json, "kind");
  hit.page_start = int_at(json, "page_start", 0);
  hit.page_end = int_at(json, "page_end", hit.page_start);
  hit.org = string_at(json, "org");
  hit.date = string_at(json, "date");
  hit.type = string_at(json, "type");
  hit.lang = string_at(json, "lang");
  hit.topics = strings_at(json, "topics");
  if (const auto starts = json.find("page_starts"); starts != json.end() && starts->is_array()) {
    for (const auto& entry : *starts)
      if (entry.is_array() && entry.size() == 2 && entry[0].is_number_unsigned() && entry[1].is_number_integer())
        record.page_starts.emplace_back(entry[0].get<std::size_t>(), entry[1].get<int>());
  }
  record.text = string_at(json, "text");
  // The indexer's section id (schema::kIdPrefix), so a hit needs no read of its term list.
  const auto document_id = string_at(json, "doc_id");
  const auto index = json.find("section");
  if (!document_id.empty() && index != json.end() && index->is_number_unsigned())
    record.id = document_id + "-" + std::to_string(index->get<std::size_t>());
  return record;
}

int page_at(const SectionRecord& record, std::size_t offset) {
  int page = record.hit.page_start;
  for (const auto& [start, number] : record.page_starts) {
    if (start > offset) break;
    page = number;
  }
  return page;
}

}  // namespace arkiv
