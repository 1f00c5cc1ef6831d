// PDF reading through poppler: pages, info, and clear errors for damaged or locked files.
#include <catch2/catch.hpp>

#include "corpus/src/cleaner.h"
#include "corpus/src/reader.h"
#include "stemming/error.h"
#include "tests/corpus/reading_test_support.h"

using arkiv::read_raw_text;
using arkiv::test::fixture;

namespace {

std::string data_error_of(const std::filesystem::path& file) {
  try {
    read_raw_text(file);
  } catch (const arkiv::DataError& error) {
    return error.what();
  }
  return "no DataError";
}

}  // namespace

TEST_CASE("a PDF gives one text per page, its title and its creation date", "[reading][pdf]") {
  const arkiv::RawText raw = read_raw_text(fixture("three_pages.pdf"));
  CHECK(raw.format == "pdf");
  REQUIRE(raw.pages.size() == 3);
  CHECK(raw.pages[0].find("Referat af rådsmødet") != std::string::npos);
  CHECK(raw.pages[1].find("Temadrøftelse om kvalitetssikring") != std::string::npos);
  CHECK(raw.pages[2].find("Intet at bemærke") != std::string::npos);
  CHECK(raw.title_hint == "Referat af rådsmødet 17. september 2025");
  CHECK(raw.date_hint == "D:20250917120000+02'00'");
}

TEST_CASE("a cleaned PDF has its folios and running header removed and a page start per page", "[reading][pdf]") {
  const arkiv::CleanText clean = arkiv::clean_text(read_raw_text(fixture("three_pages.pdf")), arkiv::Language::da);
  CHECK(clean.text.find("www.sst.dk") == std::string::npos);
  CHECK(clean.text.find("Sundhedsministeriet") != std::string::npos);
  CHECK(clean.text.find("Sundheds- og\nÆldreministeriet") != std::string::npos);
  REQUIRE(clean.page_starts.size() == 3);
  for (int page = 1; page <= 3; ++page) {
    const auto& start = clean.page_starts[static_cast<std::size_t>(page - 1)];
    CHECK(start.page == page);
    const std::string_view first_line = std::string_view(clean.text).substr(start.offset, 8);
    CHECK(first_line == (page == 1 ? "Referat " : page == 2 ? "Punkt 2." : "Punkt 3."));
  }
  // Folios "1", "- 2 -" and "3" are page numbers, not text.
  CHECK(clean.text.find("\n1\n") == std::string::npos);
  CHECK(clean.text.find("-2-") == std::string::npos);
  CHECK(clean.text.back() != '3');
}

TEST_CASE("a truncated PDF is refused with a DataError naming the file", "[reading][pdf][errors]") {
  const auto file = fixture("truncated.pdf");
  CHECK(data_error_of(file) == file.string() + ": truncated PDF (no %%EOF at the end)");
}

TEST_CASE("a file with a PDF header but no PDF body is refused as corrupt", "[reading][pdf][errors]") {
  const auto file = fixture("garbage.pdf");
  CHECK(data_error_of(file).rfind(file.string() + ": corrupt PDF", 0) == 0);
}

TEST_CASE("an encrypted PDF is refused with a DataError naming the file", "[reading][pdf][errors]") {
  const auto file = fixture("encrypted.pdf");
  CHECK(data_error_of(file) == file.string() + ": encrypted PDF (password required)");
}
