// read_raw_text: file checks, format detection by content, and the plain-text reader.
#include "corpus/src/reader.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "corpus/src/text_decoding.h"
#include "stemming/error.h"

namespace arkiv {
namespace {

std::string read_file_bytes(const std::filesystem::path& file) {
  std::error_code error;
  const auto status = std::filesystem::status(file, error);
  if (error || !std::filesystem::exists(status)) {
    throw IoError(file.string() + ": no such file (or a dangling link)");
  }
  if (std::filesystem::is_directory(status)) throw IoError(file.string() + ": is a directory, not a file");
  const std::uintmax_t size = std::filesystem::file_size(file, error);
  if (error) throw IoError(file.string() + ": cannot read size: " + error.message());
  if (size > kMaxInputBytes) {
    throw DataError(file.string() + ": file too large (" + std::to_string(size) + " bytes, limit " +
                    std::to_string(kMaxInputBytes) + ")");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw IoError(file.string() + ": cannot open: " + std::strerror(errno));
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (in.bad()) throw IoError(file.string() + ": read error: " + std::strerror(errno));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

// PDF: "%PDF-" within the first KB (the specification allows leading junk).
bool looks_like_pdf(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

// HTML: the first markup after a BOM, white space and comments is a doctype or an html/head/body tag.
bool looks_like_html(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  for (;;) {
    while (!head.empty() && std::isspace(static_cast<unsigned char>(head.front()))) head.remove_prefix(1);
    if (head.substr(0, 4) == "<!--") {
      const std::size_t end = head.find("-->");
      if (end == std::string_view::npos) return false;
      head.remove_prefix(end + 3);
      continue;
    }
    if (head.substr(0, 5) == "<?xml") {
      const std::size_t end = head.find("?>");
      if (end == std::string_view::npos) return false;
      head.remove_prefix(end + 2);
      continue;
    }
    break;
  }
  return starts_with_ignoring_case(head, "<!doctype html") || starts_with_ignoring_case(head, "<html") ||
         starts_with_ignoring_case(head, "<head") || starts_with_ignoring_case(head, "<body");
}

}  // namespace

RawText read_plain_text(std::string_view bytes, const std::filesystem::path& file) {
  if (looks_binary(bytes)) throw DataError(file.string() + ": binary file, not text/PDF/HTML");
  DecodedText decoded = decode_text(bytes, file.string());
  RawText raw;
  raw.format = "text";
  std::string_view text = decoded.text;
  // Form feeds split pages; CR LF and lone CR become '\n'.
  std::string page;
  page.reserve(std::min<std::size_t>(text.size(), 1 << 20));
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\f') {
      raw.pages.push_back(std::move(page));
      page.clear();
    } else if (c == '\r') {
      if (i + 1 >= text.size() || text[i + 1] != '\n') page += '\n';
    } else {
      page += c;
    }
  }
  // A trailing form feed ends the last page rather than starting an empty one.
  if (!page.empty() || raw.pages.empty()) raw.pages.push_back(std::move(page));
  return raw;
}

RawText read_raw_text(const std::filesystem::path& file) {
  const std::string bytes = read_file_bytes(file);
  if (bytes.empty()) throw DataError(file.string() + ": empty file");
  if (looks_like_pdf(bytes)) return read_pdf(bytes, file);
  if (looks_like_html(bytes)) return read_html(bytes, file);
  return read_plain_text(bytes, file);
}

}  // namespace arkiv
