// The Analyzer's per-word cache (stemming/src/word_cache.h).
#include <catch2/catch.hpp>

#include "stemming/src/word_cache.h"
#include "tests/stemming/analyzer_test_support.h"

using arkiv::CachedWord;
using arkiv::WordAnalysis;
using arkiv::WordCache;

namespace {

WordAnalysis analysis_of(const std::string& norm, const std::string& stem, bool is_letter_word = true) {
  return WordAnalysis{is_letter_word, norm, stem, nullptr};
}

}  // namespace

TEST_CASE("the word cache finds what it stored, short words inline and long ones in its arena", "[analyzer]") {
  WordCache cache(100);
  const std::string long_word = "Sundhedsdatastyrelsesforvaltningsudvalgsmedlemmerne";
  cache.insert("Sygehusene", analysis_of("sygehusene", "sygehus"));
  cache.insert(long_word, analysis_of("sundhedsdatastyrelsesforvaltningsudvalgsmedlemmerne", "sundhedsdata"));
  CachedWord found;
  REQUIRE(cache.find("Sygehusene", true, found));
  CHECK(found.norm == "sygehusene");
  CHECK(found.stem == "sygehus");
  CHECK(found.derived == nullptr);
  REQUIRE(cache.find(long_word, true, found));
  CHECK(found.stem == "sundhedsdata");
  CHECK_FALSE(cache.find("Sygehusene", false, found));  // a number token is another key
  CHECK_FALSE(cache.find("sygehusene", true, found));
}

TEST_CASE("the word cache keeps derivations shared with an alias", "[analyzer]") {
  WordCache cache(100);
  auto derived = std::make_shared<arkiv::WordDerivations>();
  derived->folded = {"aeldre"};
  cache.insert("ældre", WordAnalysis{true, "ældre", "ældr", derived});
  CachedWord found;
  REQUIRE(cache.find("ældre", true, found));
  const CachedWord alias = cache.insert_alias("Ældre", true, found);
  CHECK(alias.norm == "ældre");
  REQUIRE(cache.find("Ældre", true, found));
  REQUIRE(found.derived != nullptr);
  CHECK(found.derived->folded == std::vector<std::string>{"aeldre"});
}

TEST_CASE("a full word cache empties itself and keeps working", "[analyzer]") {
  WordCache cache(64);
  for (int i = 0; i < 1000; ++i) {
    const std::string word = "ord" + std::to_string(i);
    const CachedWord stored = cache.insert(word, analysis_of(word, "stem" + std::to_string(i)));
    CHECK(stored.stem == "stem" + std::to_string(i));
  }
  CachedWord found;
  REQUIRE(cache.find("ord999", true, found));
  CHECK(found.stem == "stem999");
  CHECK_FALSE(cache.find("ord0", true, found));
}

TEST_CASE("an analyzer gives the same tokens after its word cache has emptied", "[analyzer]") {
  // More distinct words than the cache holds (2^18), then the first words again.
  std::string text;
  for (int i = 0; i < 300000; ++i) text += "sygehus" + std::to_string(i % 1000) + "x" + std::to_string(i) + " ";
  const std::string probe = "Sygehusene ældre Ældre sygehusene";
  arkiv::Analyzer analyzer;
  const auto before = analyzer.analyze(probe);
  std::size_t count = 0;
  analyzer.analyze(text, [&count](arkiv::Token&&) { ++count; });
  CHECK(count == 300000);
  const auto after = analyzer.analyze(probe);
  REQUIRE(after.size() == before.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    CHECK(after[i].norm == before[i].norm);
    CHECK(after[i].stem == before[i].stem);
    CHECK(after[i].folded == before[i].folded);
  }
  CHECK(after[0].stem == "sygehus");
}

TEST_CASE("the word cache hands out derived lists packed in one record, which unpack to the lists stored", "[analyzer]") {
  WordCache cache(100);
  auto derived = std::make_shared<arkiv::WordDerivations>();
  derived->parts = {"sundhed", "ministerium"};
  derived->part_stems = {"sundhed", "ministerium"};
  derived->variants = {"helsedepartement"};
  cache.insert("sundhedsministeriet", WordAnalysis{true, "sundhedsministeriet", "sundhedsministeri", derived});
  CachedWord found;
  REQUIRE(cache.find("sundhedsministeriet", true, found));
  REQUIRE(found.packed != nullptr);
  const char* packed = found.packed;
  std::vector<std::vector<std::string>> lists(6, std::vector<std::string>{"left over", "from before", "x"});
  for (auto& list : lists) arkiv::unpack_list(packed, list);
  CHECK(lists[0] == derived->parts);
  CHECK(lists[1] == derived->part_stems);
  CHECK(lists[2].empty());
  CHECK(lists[3].empty());
  CHECK(lists[4] == derived->variants);
  CHECK(lists[5].empty());
}
