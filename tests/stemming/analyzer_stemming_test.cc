// Snowball stemming through the Analyzer, against the Snowball reference vocabularies.
#include <catch2/catch.hpp>

#include <fstream>

#include "tests/stemming/analyzer_test_support.h"

using arkiv::Analyzer;
using arkiv::Language;

TEST_CASE("Analyzer::stem reproduces the Snowball reference output for every vocabulary word", "[analyzer]") {
  auto [language, folder] = GENERATE(table<Language, std::string>({
      {Language::da, "danish"},
      {Language::nb, "norwegian"},
      {Language::nn, "norwegian"},
      {Language::sv, "swedish"},
      {Language::en, "english"},
  }));
  CAPTURE(folder);
  const std::string root = std::string(ARKIV_SOURCE_DIR) + "/tests/data/snowball/" + folder;
  std::ifstream vocabulary(root + "/voc.txt");
  std::ifstream reference(root + "/output.txt");
  REQUIRE(vocabulary);
  REQUIRE(reference);
  Analyzer analyzer({.language = language});
  std::size_t words = 0;
  std::size_t equal = 0;
  std::string word;
  std::string expected;
  std::string first_difference;
  while (std::getline(vocabulary, word) && std::getline(reference, expected)) {
    ++words;
    const std::string stem = analyzer.stem(word);
    if (stem == expected) {
      ++equal;
    } else if (first_difference.empty()) {
      first_difference = word + " -> " + stem + ", expected " + expected;
    }
  }
  CAPTURE(first_difference);
  CHECK(words > 20000);
  CHECK(equal == words);
}

TEST_CASE("words are stemmed in the analyzer's language", "[analyzer]") {
  auto [language, input, expected] = GENERATE(table<Language, std::string, std::string>({
      {Language::da, "Lægerne på sygehusene", "læg på sygehus"},
      {Language::da, "videreuddannelsen behandlingen", "videreuddan behandling"},
      {Language::nb, "Legene på sykehusene", "leg på sykehus"},
      {Language::nn, "videreutdanningen", "videreutdanning"},
      {Language::sv, "sjukhusen", "sjukhus"},
      {Language::en, "hospitals were running", "hospit were run"},
  }));
  CAPTURE(input);
  CHECK(arkiv::test::stems(Analyzer({.language = language}).analyze(input)) == expected);
}

TEST_CASE("words with digits or address punctuation keep their norm as stem", "[analyzer]") {
  const auto tokens = Analyzer().analyze("www.sundhed.dk samr@sst.dk H.C. covid19");
  REQUIRE(tokens.size() == 4);
  for (const auto& token : tokens) {
    CAPTURE(token.norm);
    CHECK(token.stem == token.norm);
  }
}
