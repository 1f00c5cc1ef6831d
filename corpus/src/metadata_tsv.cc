#include "corpus/src/metadata_tsv.h"

#include <fstream>

#include "corpus/src/metadata_text.h"
#include "stemming/error.h"

namespace arkiv {

void throw_data_error(std::string_view relative_path, std::size_t line, std::string_view message) {
  throw DataError(std::string(relative_path) + ":" + std::to_string(line) + ": " + std::string(message));
}

std::vector<std::string> split_list(std::string_view field, char separator) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= field.size()) {
    std::size_t end = field.find(separator, start);
    if (end == std::string_view::npos) end = field.size();
    std::string_view item = trim(field.substr(start, end - start));
    if (!item.empty()) items.emplace_back(item);
    start = end + 1;
  }
  return items;
}

std::vector<TsvRow> load_tsv(std::string_view relative_path, std::size_t min_fields, std::size_t max_fields) {
  const std::filesystem::path path = data_file(relative_path);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError("cannot read data file " + path.string());
  std::vector<TsvRow> rows;
  std::string text;
  std::size_t line_number = 0;
  while (std::getline(in, text)) {
    ++line_number;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    std::string_view line = trim(text);
    if (line.empty() || line.front() == '#') continue;
    if (!is_utf8(text)) throw_data_error(relative_path, line_number, "invalid UTF-8");
    TsvRow row;
    row.line = line_number;
    std::size_t start = 0;
    std::string_view whole = text;
    while (true) {
      std::size_t tab = whole.find('\t', start);
      std::string_view field = whole.substr(start, tab == std::string_view::npos ? whole.size() - start : tab - start);
      row.fields.emplace_back(trim(field));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    while (!row.fields.empty() && row.fields.back().empty()) row.fields.pop_back();
    if (row.fields.size() < min_fields || row.fields.size() > max_fields) {
      throw_data_error(relative_path, line_number,
                       "expected " + std::to_string(min_fields) + (min_fields == max_fields ? "" : "-" + std::to_string(max_fields)) +
                           " tab-separated fields, found " + std::to_string(row.fields.size()));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace arkiv
