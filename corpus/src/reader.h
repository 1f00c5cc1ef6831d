#pragma once
// Readers: one file -> the raw text of each page. Internal to the corpus module.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace arkiv {

struct RawText {
  std::string format;               // "text", "pdf", "html"
  std::vector<std::string> pages;   // UTF-8 text of each physical page, '\n' line ends; a text file
                                    // is one page unless form feeds split it
  std::string title_hint;           // HTML <title>, PDF Title info; "" when absent
  std::string date_hint;            // HTML <meta> / PDF CreationDate as written; "" when absent
};

// Detects the format from the content (not the extension), decodes text encodings (UTF-8,
// UTF-16 with BOM, Windows-1252/ISO-8859-1) to UTF-8. Throws DataError or IoError naming the
// file and the reason (binary, encrypted or corrupt PDF, unreadable, too large ...).
RawText read_raw_text(const std::filesystem::path& file);

// --- One reader per format, given the file's bytes; `file` names it in error messages. ---
RawText read_plain_text(std::string_view bytes, const std::filesystem::path& file);
RawText read_pdf(std::string_view bytes, const std::filesystem::path& file);
RawText read_html(std::string_view bytes, const std::filesystem::path& file);

// Files larger than this are refused with a DataError (bounded memory per file).
inline constexpr std::uintmax_t kMaxInputBytes = 512ull * 1024 * 1024;

}  // namespace arkiv
