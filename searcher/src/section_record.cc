#include "searcher/src/section_record.h"

#include <nlohmann/json.hpp>

#include "stemming/error.h"

namespace arkiv {
namespace {

using Json = nlohmann::json;

std::string string_at(const Json& object, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) continue;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
  }
  return "";
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
  record.file = string_at(json, {"file"});
  record.title = string_at(json, {"title", "document_title"});
  // The section fields may be flat ("section_title") or nested ("section": {"title"}).
  const auto nested = json.find("section");
  const Json& section = nested != json.end() && nested->is_object() ? *nested : json;
  const bool flat = &section == &json;
  record.section_number = flat ? string_at(json, {"number", "section_number"}) : string_at(section, {"number"});
  record.section_title = string_at(section, {flat ? "section_title" : "title"});
  record.section_kind = flat ? string_at(json, {"kind", "section_kind"}) : string_at(section, {"kind"});
  record.page_start = int_at(section, "page_start", int_at(json, "page_start", 0));
  record.page_end = int_at(section, "page_end", int_at(json, "page_end", record.page_start));
  for (const Json* holder : {&section, &json}) {
    const auto starts = holder->find("page_starts");
    if (starts == holder->end() || !starts->is_array() || !record.page_starts.empty()) continue;
    for (const auto& entry : *starts) {
      if (entry.is_array() && entry.size() == 2 && entry[0].is_number_unsigned() && entry[1].is_number_integer())
        record.page_starts.emplace_back(entry[0].get<std::size_t>(), entry[1].get<int>());
      else if (entry.is_object())
        record.page_starts.emplace_back(entry.value("offset", std::size_t{0}), entry.value("page", 0));
    }
  }
  record.org = string_at(json, {"org", "organisation"});
  record.date = string_at(json, {"date"});
  record.type = string_at(json, {"type"});
  record.lang = string_at(json, {"lang", "language"});
  record.topics = strings_at(section.contains("topics") ? section : json, "topics");
  record.participants = strings_at(section.contains("participants") ? section : json, "participants");
  record.text = string_at(section.contains("text") ? section : json, {"text"});
  return record;
}

int page_at(const SectionRecord& record, std::size_t offset) {
  int page = record.page_start;
  for (const auto& [start, number] : record.page_starts) {
    if (start > offset) break;
    page = number;
  }
  return page;
}

}  // namespace arkiv
