#pragma once
// Loading of the corpus module's tab-separated data files. Internal to the corpus module.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace arkiv {

struct TsvRow {
  std::size_t line = 0;             // 1-based line number in the file
  std::vector<std::string> fields;  // trimmed fields
};

// Rows of a UTF-8 TSV data file given relative to the project root ("corpus/data/months.tsv").
// Blank lines and lines starting with '#' are skipped. Every row must have between min_fields
// and max_fields fields; otherwise DataError naming the file and the line.
std::vector<TsvRow> load_tsv(std::string_view relative_path, std::size_t min_fields, std::size_t max_fields);

// DataError "FILE:LINE: message".
[[noreturn]] void throw_data_error(std::string_view relative_path, std::size_t line, std::string_view message);

// Splits "a|b|c" into {"a","b","c"}, trimming each and dropping empty entries.
std::vector<std::string> split_list(std::string_view field, char separator = '|');

}  // namespace arkiv
