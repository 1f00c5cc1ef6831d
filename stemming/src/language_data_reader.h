#pragma once
// Reads the tab-separated data files of language identification and equivalences: '#'
// comment lines and blank lines are skipped, the first other line must be the expected
// header. Internal to the stemming module.
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace arkiv {

class TsvDataReader {
 public:
  // Throws IoError naming the file if it cannot be opened.
  explicit TsvDataReader(const std::filesystem::path& path);

  // The fields of the next data line (after the header), or false at the end of the file.
  // Throws DataError (via fail) if the header is missing or wrong.
  bool next(std::string_view expected_header, std::vector<std::string_view>& fields);

  // Throws DataError "<file>:<line>: <problem>" for the line last returned by next().
  [[noreturn]] void fail(const std::string& problem) const;

  // Throws DataError "<file>: <problem>" for a problem of the whole file.
  [[noreturn]] void fail_file(const std::string& problem) const;

  bool header_seen() const { return header_seen_; }
  std::size_t line_number() const { return line_number_; }

 private:
  std::filesystem::path path_;
  std::ifstream in_;
  std::string line_;
  std::size_t line_number_ = 0;
  bool header_seen_ = false;
};

// The pieces of text between separators ("a|b" -> "a", "b"; "" -> "").
std::vector<std::string_view> split_fields(std::string_view text, char separator);

}  // namespace arkiv
