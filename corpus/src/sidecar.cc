#include "corpus/src/sidecar.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "corpus/document.h"
#include "corpus/src/metadata.h"
#include "corpus/src/metadata_text.h"
#include "corpus/src/nordic_date.h"
#include "corpus/src/topic_taxonomy.h"
#include "stemming/analyzer.h"

namespace arkiv {
namespace {

constexpr const char* kFields[] = {"org", "date", "type", "lang", "title", "topics"};

[[noreturn]] void invalid(const std::filesystem::path& source, const std::string& where, const std::string& field,
                          const std::string& why) {
  throw DataError(source.string() + where + ": field '" + field + "': " + why);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError("cannot read metadata file " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool is_iso_date(const std::string& value) {
  const std::vector<FoundDate> found = find_dates(value);
  if (value.size() == 10) return found.size() == 1 && found[0].start == 0 && found[0].end == 10;
  auto digits = [&](std::size_t from, std::size_t n) {
    return value.find_first_not_of("0123456789", from) >= from + n;
  };
  if (value.size() == 4) return digits(0, 4) && std::stoi(value) >= 1900 && std::stoi(value) <= 2100;
  if (value.size() == 7 && value[4] == '-' && digits(0, 4) && digits(5, 2)) {
    const int month = std::stoi(value.substr(5));
    return month >= 1 && month <= 12 && std::stoi(value.substr(0, 4)) >= 1900;
  }
  return false;
}

// Validates and stores one field's value; where = ":LINE" for a manifest row, "" for JSON.
void set_field(MetadataOverride& override, const std::filesystem::path& source, const std::string& where,
               const std::string& field, const std::string& raw_value, const std::vector<std::string>& list_value = {}) {
  const std::string value(trim(raw_value));
  if (field == "topics") {
    std::vector<std::string> topics;
    for (const std::string& topic : list_value) {
      auto id = TopicTaxonomy::instance().find(topic);
      if (!id) invalid(source, where, field, "unknown topic '" + topic + "'");
      topics.push_back(*id);
    }
    if (!topics.empty()) override.topics = topics;
    return;
  }
  if (value.empty()) return;
  if (field == "org") {
    override.org = canonical_organisation(value).value_or(value);
  } else if (field == "date") {
    if (!is_iso_date(value)) invalid(source, where, field, "'" + value + "' is not an ISO date (2017-10-04, 2017-10 or 2017)");
    override.date = value;
  } else if (field == "type") {
    auto type = canonical_document_type(value);
    if (!type) invalid(source, where, field, "unknown document type '" + value + "'");
    override.type = *type;
  } else if (field == "lang") {
    try {
      override.lang = std::string(language_code(parse_language(value)));
    } catch (const UsageError&) {
      invalid(source, where, field, "unknown language '" + value + "' (da, nb, nn, sv, en)");
    }
  } else if (field == "title") {
    override.title = value;
  } else {
    invalid(source, where, field, "unknown field (org, date, type, lang, title, topics)");
  }
}

// One CSV record (RFC 4180 quoting) starting at pos; advances pos past its line end.
std::vector<std::string> read_csv_record(const std::string& text, std::size_t& pos, bool& malformed) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  while (pos < text.size()) {
    const char c = text[pos++];
    if (quoted) {
      if (c == '"' && pos < text.size() && text[pos] == '"') {
        fields.back() += '"';
        ++pos;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n') {
      break;
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  malformed = quoted;
  return fields;
}

void apply_manifest(MetadataOverride& override, const std::filesystem::path& manifest, const std::string& file_name) {
  const std::string text = read_file(manifest);
  std::size_t pos = 0;
  bool malformed = false;
  std::vector<std::string> header = read_csv_record(text, pos, malformed);
  for (std::string& name : header) name = std::string(trim(name));
  if (header.empty() || header[0] != "file") invalid(manifest, ":1", header.empty() ? "" : header[0], "the first column must be 'file'");
  for (std::size_t c = 1; c < header.size(); ++c) {
    if (std::find(std::begin(kFields), std::end(kFields), header[c]) == std::end(kFields)) {
      invalid(manifest, ":1", header[c], "unknown column (org, date, type, lang, title, topics)");
    }
  }
  std::size_t line = 1;
  while (pos < text.size()) {
    ++line;
    std::vector<std::string> row = read_csv_record(text, pos, malformed);
    const std::string where = ":" + std::to_string(line);
    if (malformed) invalid(manifest, where, "file", "unterminated quote");
    if (row.size() == 1 && trim(row[0]).empty()) continue;
    if (row.size() != header.size()) {
      invalid(manifest, where, "file", "expected " + std::to_string(header.size()) + " columns, found " + std::to_string(row.size()));
    }
    if (std::string(trim(row[0])) != file_name) continue;
    for (std::size_t c = 1; c < header.size(); ++c) {
      std::vector<std::string> topics;
      if (header[c] == "topics") {
        std::string item;
        std::istringstream list(row[c]);
        while (std::getline(list, item, ';')) {
          if (!trim(item).empty()) topics.emplace_back(trim(item));
        }
      }
      set_field(override, manifest, where, header[c], row[c], topics);
    }
    override.sources.push_back(manifest);
  }
}

void apply_json(MetadataOverride& override, const std::filesystem::path& sidecar) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(read_file(sidecar));
  } catch (const nlohmann::json::parse_error& error) {
    throw DataError(sidecar.string() + ": not valid JSON (" + error.what() + ")");
  }
  if (!json.is_object()) throw DataError(sidecar.string() + ": expected a JSON object of metadata fields");
  for (const auto& [field, value] : json.items()) {
    if (field == "topics") {
      if (!value.is_array()) invalid(sidecar, "", field, "expected an array of topic names");
      std::vector<std::string> topics;
      for (const auto& topic : value) {
        if (!topic.is_string()) invalid(sidecar, "", field, "expected an array of strings");
        topics.push_back(topic.get<std::string>());
      }
      if (topics.empty()) override.topics = topics;
      set_field(override, sidecar, "", field, "", topics);
      continue;
    }
    if (!value.is_string()) invalid(sidecar, "", field, "expected a string");
    set_field(override, sidecar, "", field, value.get<std::string>());
  }
  override.sources.push_back(sidecar);
}

}  // namespace

MetadataOverride read_metadata_override(const std::filesystem::path& file) {
  MetadataOverride override;
  std::error_code ignored;
  const std::filesystem::path folder = file.parent_path();
  const std::filesystem::path manifest = folder / "manifest.csv";
  if (std::filesystem::is_regular_file(manifest, ignored)) apply_manifest(override, manifest, file.filename().string());
  for (const std::filesystem::path& sidecar :
       {std::filesystem::path(file.string() + ".meta.json"), folder / (file.stem().string() + ".meta.json")}) {
    if (std::filesystem::is_regular_file(sidecar, ignored)) {
      apply_json(override, sidecar);
      break;
    }
  }
  return override;
}

}  // namespace arkiv
