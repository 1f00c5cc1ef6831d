// The PDF reader: poppler-cpp, one string per page in reading order.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>
#include <mutex>

#include "corpus/src/reader.h"
#include "stemming/error.h"

namespace arkiv {
namespace {

// Poppler reports syntax errors of damaged PDFs on stderr; the reader reports them as
// DataError instead, so the messages are dropped.
void ignore_poppler_message(const std::string&, void*) {}

std::string to_utf8(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// A PDF ends with "%%EOF" (perhaps followed by white space or junk); one cut short lacks it.
bool has_end_marker(std::string_view bytes) {
  const std::size_t tail = bytes.size() > 2048 ? bytes.size() - 2048 : 0;
  return bytes.find("%%EOF", tail) != std::string_view::npos;
}

}  // namespace

RawText read_pdf(std::string_view bytes, const std::filesystem::path& file) {
  static std::once_flag silence_once;
  std::call_once(silence_once, [] { poppler::set_debug_error_function(ignore_poppler_message, nullptr); });

  if (!has_end_marker(bytes)) throw DataError(file.string() + ": truncated PDF (no %%EOF at the end)");
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) throw DataError(file.string() + ": corrupt PDF (poppler cannot open it)");
  if (document->is_locked()) throw DataError(file.string() + ": encrypted PDF (password required)");
  const int page_count = document->pages();
  if (page_count <= 0) throw DataError(file.string() + ": corrupt PDF (no pages)");

  RawText raw;
  raw.format = "pdf";
  raw.title_hint = to_utf8(document->get_title());
  raw.date_hint = to_utf8(document->info_key("CreationDate"));
  raw.pages.reserve(static_cast<std::size_t>(page_count));
  for (int index = 0; index < page_count; ++index) {
    std::unique_ptr<poppler::page> page(document->create_page(index));
    if (!page) throw DataError(file.string() + ": corrupt PDF (page " + std::to_string(index + 1) + " unreadable)");
    // Reading order (as pdftotext without -layout): columns come out one after the other.
    std::string text = to_utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
    std::erase(text, '\r');
    raw.pages.push_back(std::move(text));
  }
  return raw;
}

}  // namespace arkiv
