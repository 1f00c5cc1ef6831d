#pragma once
// Metadata overrides written by people: a folder's manifest.csv and a file's FILE.meta.json.
// Internal to the corpus module; thread-safe (reads files, keeps no state).
//
//   manifest.csv    file,org,date,type,lang,title,topics   (topics separated by ';')
//   FILE.meta.json  {"org": "...", "date": "2017-10-04", "type": "referat", "lang": "da",
//                    "title": "...", "topics": ["psykiatri", ...]}
// FILE.meta.json is looked up as "<name>.meta.json" and "<stem>.meta.json"; it wins over the
// manifest, and both win over extraction. Empty fields leave the extracted value.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace arkiv {

struct MetadataOverride {
  std::optional<std::string> org, date, type, lang, title;
  std::optional<std::vector<std::string>> topics;
  std::vector<std::filesystem::path> sources;  // the files the values came from
};

// The overrides for file, validated: org through the registry (an unknown name is kept as
// written), date as ISO 8601 (year, year-month or full date), type and topics through their
// vocabularies, lang as a language code. Throws DataError naming the sidecar file and the field
// (and the line, for manifest.csv) when a value is invalid or the file is malformed.
MetadataOverride read_metadata_override(const std::filesystem::path& file);

}  // namespace arkiv
