// Scandinavian folding (docs/analysis.md, "Folding").
#include <catch2/catch.hpp>

#include "tests/stemming/analyzer_test_support.h"

using arkiv::Analyzer;

TEST_CASE("fold_scandinavian writes æ ø å ä ö é ü the way they are typed without them", "[analyzer]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"ældre", "aeldre"},
      {"løn", "loen"},
      {"århus", "aarhus"},
      {"sundhedsvæsen", "sundhedsvaesen"},
      {"köping", "koeping"},
      {"tandläkare", "tandlaekare"},
      {"idé", "ide"},
      {"müller", "muller"},
      {"sygehus", "sygehus"},
      {"", ""},
  }));
  CHECK(arkiv::fold_scandinavian(input) == expected);
}

TEST_CASE("only words that fold get folded forms, with both folded stems", "[analyzer]") {
  const auto tokens = Analyzer().analyze("Ældres løn sygehus 2017");
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].folded == std::vector<std::string>{"aeldres"});
  // fold(stem("ældres")) and stem("aeldres"): the Danish stemmer treats "ae" as two vowels.
  CHECK(tokens[0].folded_stems.front() == arkiv::fold_scandinavian(tokens[0].stem));
  CHECK(tokens[1].folded == std::vector<std::string>{"loen"});
  CHECK(tokens[2].folded.empty());
  CHECK(tokens[2].folded_stems.empty());
  CHECK(tokens[3].folded.empty());
}

TEST_CASE("a word typed folded and its æ/ø/å form meet in the folded space", "[analyzer]") {
  // Query side: the typed word's stem; index side: the folded stems of the written word.
  auto [typed, written] = GENERATE(table<std::string, std::string>({
      {"aeldre", "ældre"},
      {"aeldres", "ældres"},
      {"loen", "løn"},
      {"loennen", "lønnen"},
      {"aarhus", "Århus"},
      {"sundhedsvaesen", "sundhedsvæsen"},
      {"sundhedsvaesenet", "sundhedsvæsenets"},
      {"ö", "ø"},
      {"ä", "æ"},
  }));
  CAPTURE(typed, written);
  Analyzer analyzer;
  const auto query = analyzer.analyze(typed).at(0);
  const auto document = analyzer.analyze(written).at(0);
  std::vector<std::string> query_keys = query.folded.empty() ? std::vector<std::string>{query.stem} : query.folded_stems;
  bool meet = false;
  for (const auto& key : query_keys) {
    for (const auto& indexed : document.folded_stems) meet = meet || key == indexed;
  }
  CHECK(meet);
}

TEST_CASE("folding can be switched off", "[analyzer]") {
  const auto tokens = Analyzer({.fold = false}).analyze("ældre");
  REQUIRE(tokens.size() == 1);
  CHECK(tokens[0].folded.empty());
  CHECK(tokens[0].folded_stems.empty());
}
