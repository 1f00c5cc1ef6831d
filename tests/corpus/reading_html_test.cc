// HTML reading through libxml2: visible text, lines at blocks, title and date from the head.
#include <catch2/catch.hpp>

#include "corpus/src/reader.h"
#include "tests/corpus/reading_test_support.h"

using arkiv::read_raw_text;
using arkiv::test::fixture;

TEST_CASE("HTML gives its visible text with a line per block element", "[reading][html]") {
  const arkiv::RawText raw = read_raw_text(fixture("page.html"));
  CHECK(raw.format == "html");
  REQUIRE(raw.pages.size() == 1);
  CHECK(raw.pages[0] ==
        "Referat af rådsmødet\n"
        "Sundhedsstyrelsen bød velkommen.\nDagsordenen blev godkendt.\n"
        "Punkt 1. Godkendelse\nPunkt 2. Økonomi\n"
        "Næste møde: 4. oktober 2025.\n");
}

TEST_CASE("HTML script, style and navigation are not text", "[reading][html]") {
  const std::string text = read_raw_text(fixture("page.html")).pages.at(0);
  CHECK(text.find("skjult") == std::string::npos);
  CHECK(text.find("color") == std::string::npos);
  CHECK(text.find("Forside") == std::string::npos);
}

TEST_CASE("HTML title and date meta become the title and date hints", "[reading][html]") {
  const arkiv::RawText raw = read_raw_text(fixture("page.html"));
  CHECK(raw.title_hint == "Referat af rådsmødet 17. september 2025");
  CHECK(raw.date_hint == "2025-09-17");
}

TEST_CASE("HTML declaring ISO-8859-1 is decoded by its declared charset", "[reading][html]") {
  const arkiv::RawText raw = read_raw_text(fixture("latin1.html"));
  CHECK(raw.title_hint == "Høringssvar fra Lægeforeningen");
  CHECK(raw.date_hint == "2024-03-01T10:00:00Z");
  CHECK(raw.pages.at(0) == "Lægeforeningen takker for høringen om ældreplejen.\n");
}
