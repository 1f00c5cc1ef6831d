// Lexicons from the Debian word lists, and is_known_word.
#include "stemming/src/lexicon.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "stemming/analyzer.h"

namespace {

using arkiv::Language;

std::filesystem::path temporary_word_list(const std::string& name, const std::string& bytes) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

}  // namespace

TEST_CASE("the danish and norwegian lexicons hold their word lists, case-folded", "[lexicon]") {
  const arkiv::Lexicon& danish = arkiv::Lexicon::for_language(Language::da);
  CHECK(danish.size() > 300000);
  CHECK(danish.contains("forvaltning"));
  CHECK(danish.contains("københavn"));  // listed as "København"
  CHECK_FALSE(danish.contains("København"));
  const arkiv::Lexicon& bokmal = arkiv::Lexicon::for_language(Language::nb);
  CHECK(bokmal.size() > 900000);
  CHECK(bokmal.contains("sykehusene"));  // the list is ISO-8859-1, decoded to UTF-8
  CHECK(bokmal.contains("område"));
  CHECK(arkiv::Lexicon::for_language(Language::nn).contains("sjukehuset"));
  WARN("lexicon memory: da " << danish.memory_bytes() / 1000000.0 << " MB, nb " << bokmal.memory_bytes() / 1000000.0
                             << " MB");
}

TEST_CASE("names listed only capitalised are words but not common words", "[lexicon]") {
  const arkiv::Lexicon& danish = arkiv::Lexicon::for_language(Language::da);
  CHECK(danish.contains("else"));
  CHECK_FALSE(danish.contains_common_word("else"));
  CHECK(danish.contains_common_word("sundhed"));
}

TEST_CASE("languages without a word list have an empty lexicon", "[lexicon]") {
  CHECK(arkiv::Lexicon::for_language(Language::sv).size() == 0);
  CHECK_FALSE(arkiv::Lexicon::for_language(Language::sv).contains("och"));
}

TEST_CASE("a missing word list is an IoError naming its path", "[lexicon]") {
  CHECK_THROWS_AS(arkiv::Lexicon::load("/nonexistent/dict/danish"), arkiv::IoError);
  CHECK_THROWS_WITH(arkiv::Lexicon::load("/nonexistent/dict/danish"), Catch::Contains("/nonexistent/dict/danish"));
}

TEST_CASE("invalid bytes in a word list are a DataError naming file and line", "[lexicon]") {
  const auto path = temporary_word_list("arkiv_lexicon_invalid.txt", "hus\nbil\xe5\n");
  CHECK_THROWS_AS(arkiv::Lexicon::load(path), arkiv::DataError);
  CHECK_THROWS_WITH(arkiv::Lexicon::load(path), Catch::Contains(path.string() + ":2"));
  std::filesystem::remove(path);
}

TEST_CASE("a latin-1 word list is decoded with its encoding", "[lexicon]") {
  const auto path = temporary_word_list("arkiv_lexicon_latin1.txt", "# comment\nbil\xe5\n\nSj\xf8\n");
  const arkiv::Lexicon lexicon = arkiv::Lexicon::load(path, "ISO-8859-1");
  CHECK(lexicon.size() == 2);
  CHECK(lexicon.contains("bilå"));
  CHECK(lexicon.contains("sjø"));
  std::filesystem::remove(path);
}

TEST_CASE("whole words, case variants and compounds of known parts are known words", "[lexicon]") {
  auto [language, word, known] = GENERATE(table<Language, std::string, bool>({
      {Language::da, "sundhedsministeriet", true},
      {Language::da, "forvaltning", true},
      {Language::da, "offentlige", true},
      {Language::da, "Forvaltning", true},
      {Language::da, "patientsikkerhedsarbejdet", true},
      {Language::da, "sundhedsmi", false},
      {Language::da, "nisteriet", false},
      {Language::da,
       "o\xef\xbf\xbd"
       "entlige",
       false},
      {Language::da, "forvalt", true},
      {Language::da, "ministerie", true},  // not listed; "ministeriet" is
      {Language::da, "ministe", false},
      {Language::da, "ning", false},
      {Language::nb, "spesialisthelsetjenesten", true},
      {Language::nb, "helsedirektoratet", true},
      {Language::nb, "direktora", false},
      {Language::nn, "sjukehusa", true},
      {Language::sv, "sjukhus", false},
  }));
  CAPTURE(word);
  CHECK(arkiv::is_known_word(word, language) == known);
}
