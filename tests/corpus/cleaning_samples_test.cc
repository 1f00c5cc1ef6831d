// Clean-up on the real sample documents (text extracted from PDFs).
#include <catch2/catch.hpp>

#include "corpus/src/cleaner.h"
#include "corpus/src/reader.h"
#include "tests/corpus/reading_test_support.h"

using arkiv::Language;

namespace {

arkiv::CleanText clean_sample(std::string_view prefix, Language language) {
  return arkiv::clean_text(arkiv::read_raw_text(arkiv::test::sample(prefix)), language);
}

std::vector<int> pages_of(const arkiv::CleanText& clean) {
  std::vector<int> pages;
  for (const auto& start : clean.page_starts) pages.push_back(start.page);
  return pages;
}

}  // namespace

TEST_CASE("sample 000: words broken across lines are joined and suspended compounds stay", "[cleaning][samples]") {
  const arkiv::CleanText clean = clean_sample("000", Language::da);
  for (const char* word : {"Indenrigs- og Sundhedsministeriet,", "fremrykkes", "videreuddannelse", "Regeringen",
                           "side-uddannelsesforløb", "AI-assistent", "Uddannelses- og Forskningsministeriet"}) {
    INFO(word);
    CHECK(clean.text.find(word) != std::string::npos);
  }
  for (const char* fragment : {"Sundhedsmi-", "frem-\n", "Re-\n", "vi-\n"}) {
    INFO(fragment);
    CHECK(clean.text.find(fragment) == std::string::npos);
  }
}

TEST_CASE("sample 000: \"Side N\" lines give pages 1, 2 and 10 and leave the text", "[cleaning][samples]") {
  const arkiv::CleanText clean = clean_sample("000", Language::da);
  CHECK(pages_of(clean) == std::vector<int>{1, 2, 10});
  CHECK(clean.text.find("Side 2") == std::string::npos);
  CHECK(std::string_view(clean.text).substr(clean.page_starts[1].offset, 8) == "Punkt 1.");
}

TEST_CASE("sample 004: \"Side 2\", \"Side 3\" and \"Side 6\" start those pages", "[cleaning][samples]") {
  const arkiv::CleanText clean = clean_sample("004", Language::da);
  CHECK(pages_of(clean) == std::vector<int>{1, 2, 3, 6});
  CHECK(std::string_view(clean.text).substr(clean.page_starts[1].offset, 5) == "Bilag");
  CHECK(clean.text.find("one-size-fits-all") != std::string::npos);
}

TEST_CASE("sample 001: \"Side 3/5\" starts page 3", "[cleaning][samples]") {
  const arkiv::CleanText clean = clean_sample("001", Language::da);
  CHECK(pages_of(clean) == std::vector<int>{1, 3});
  CHECK(clean.text.find("Side 3/5") == std::string::npos);
}

TEST_CASE("sample 003: Norwegian breaks keep acronyms and suspended compounds", "[cleaning][samples]") {
  const arkiv::CleanText clean = clean_sample("003", Language::nb);
  for (const char* word : {"IT-løsninger", "KI-perspektiver", "Covid-19-pandemien", "LIS2/3-stillinger",
                           "utviklingen", "respondentene", "ikke-smittsomme"}) {
    INFO(word);
    CHECK(clean.text.find(word) != std::string::npos);
  }
  CHECK(clean.text.find("pleie-\nog") != std::string::npos);
}

TEST_CASE("the samples clean to text without no-break spaces, soft hyphens or blank-line runs", "[cleaning][samples]") {
  for (const char* prefix : {"000", "001", "002", "003", "004"}) {
    INFO(prefix);
    const arkiv::CleanText clean = clean_sample(prefix, prefix[2] == '3' ? Language::nb : Language::da);
    CHECK(clean.text.find("\xC2\xA0") == std::string::npos);
    CHECK(clean.text.find("\xC2\xAD") == std::string::npos);
    CHECK(clean.text.find("\n\n\n") == std::string::npos);
    CHECK(clean.text.size() > 5000);
  }
}
