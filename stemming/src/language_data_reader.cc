#include "stemming/src/language_data_reader.h"

#include "stemming/error.h"

namespace arkiv {

TsvDataReader::TsvDataReader(const std::filesystem::path& path) : path_(path), in_(path) {
  if (!in_) throw IoError("cannot read data file " + path.string());
}

bool TsvDataReader::next(std::string_view expected_header, std::vector<std::string_view>& fields) {
  while (std::getline(in_, line_)) {
    ++line_number_;
    if (!line_.empty() && line_.back() == '\r') line_.pop_back();
    if (line_.empty() || line_.front() == '#') continue;
    if (!header_seen_) {
      if (line_ != expected_header) {
        std::string shown(expected_header);
        for (std::size_t tab; (tab = shown.find('\t')) != std::string::npos;) shown.replace(tab, 1, "<TAB>");
        fail("expected the header \"" + shown + "\"");
      }
      header_seen_ = true;
      continue;
    }
    fields = split_fields(line_, '\t');
    return true;
  }
  return false;
}

void TsvDataReader::fail(const std::string& problem) const {
  throw DataError(path_.string() + ":" + std::to_string(line_number_) + ": " + problem);
}

void TsvDataReader::fail_file(const std::string& problem) const { throw DataError(path_.string() + ": " + problem); }

std::vector<std::string_view> split_fields(std::string_view text, char separator) {
  std::vector<std::string_view> fields;
  for (std::size_t start = 0;;) {
    std::size_t end = text.find(separator, start);
    fields.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return fields;
    start = end + 1;
  }
}

}  // namespace arkiv
