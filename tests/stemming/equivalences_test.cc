// Danish <-> bokmål <-> nynorsk equivalences (stemming/data/equivalences.tsv).
#include "stemming/src/equivalences.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <tuple>

namespace {

bool has_variant(const std::vector<arkiv::Variant>& variants, const std::string& word, arkiv::Language language) {
  return std::any_of(variants.begin(), variants.end(),
                     [&](const arkiv::Variant& v) { return v.word == word && v.language == language; });
}

std::filesystem::path write_temporary_table(const std::string& name, const std::string& content) {
  std::filesystem::path path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << content;
  return path;
}

}  // namespace

TEST_CASE("an inflected word finds the equivalents of its base form in the other languages") {
  using arkiv::Language;
  // input word, its language, an expected variant, that variant's language
  auto [word, language, expected, expected_language] = GENERATE(table<std::string, Language, std::string, Language>({
      {"sygehusene", Language::da, "sykehus", Language::nb},
      {"sygehusene", Language::da, "sjukehus", Language::nn},
      {"lege", Language::nb, "læge", Language::da},
      {"legene", Language::nb, "læge", Language::da},
      {"lægerne", Language::da, "lege", Language::nb},
      {"lægerne", Language::da, "lækjar", Language::nn},
      {"sundhedsvæsenet", Language::da, "helsevesen", Language::nb},
      {"sjukdommen", Language::nn, "sygdom", Language::da},
      {"sjukdommen", Language::nn, "sykdom", Language::nb},
      {"kreftbehandlingen", Language::nb, "kræftbehandling", Language::da},
      {"forebyggelsen", Language::da, "førebygging", Language::nn},
      {"hospitalet", Language::da, "sykehus", Language::nb},
      {"sjukehuset", Language::nb, "sykehus", Language::nb},  // a nynorsk word in bokmål-labelled text
  }));
  CAPTURE(word, expected);
  CHECK(has_variant(arkiv::cross_language_variants(word, language), expected, expected_language));
}

TEST_CASE("a derived word that shares its Snowball stem with another row keeps to its own row") {
  using arkiv::Language;
  // Danish Snowball stems these pairs alike; the word itself or its longest base-form prefix decides.
  auto [word, language, own, other] = GENERATE(table<std::string, Language, std::string, std::string>({
      {"offentligheden", Language::da, "offentlighet", "offentlig"},
      {"offentlig", Language::da, "offentleg", "offentlighet"},
      {"ledelsen", Language::da, "leiing", "leiar"},
      {"lederen", Language::da, "leiar", "leiing"},
      {"vaccinen", Language::da, "vaksine", "vaksinere"},
      {"vaccinere", Language::da, "vaksinere", "vaksine"},
  }));
  auto variants = arkiv::cross_language_variants(word, language);
  CAPTURE(word);
  CHECK(std::any_of(variants.begin(), variants.end(), [&](const auto& v) { return v.word == own; }));
  CHECK(std::none_of(variants.begin(), variants.end(), [&](const auto& v) { return v.word == other; }));
}

TEST_CASE("a frequent word that only shares a Snowball stem with a table word has no equivalents") {
  using arkiv::Language;
  // Danish Snowball: lige/ligger ~ lighed, hele/heller ~ helhed, videre ~ viden, retten ~ rettighed,
  // styre ~ styrelse, lægger ~ læge; bokmål: ledig ~ ledelse.
  auto [word, language] = GENERATE(table<std::string, Language>({
      {"lige", Language::da},
      {"ligger", Language::da},
      {"hele", Language::da},
      {"heller", Language::da},
      {"videre", Language::da},
      {"retten", Language::da},
      {"styre", Language::da},
      {"lægger", Language::da},
      {"ledig", Language::nb},
  }));
  CAPTURE(word);
  CHECK(arkiv::cross_language_variants(word, language).empty());
}

TEST_CASE("irregular plurals listed as alternatives find their row") {
  using arkiv::Language;
  CHECK(has_variant(arkiv::cross_language_variants("lægemidlerne", Language::da), "legemiddel", Language::nb));
  CHECK(has_variant(arkiv::cross_language_variants("forældrene", Language::da), "foreldre", Language::nb));
  CHECK(has_variant(arkiv::cross_language_variants("legemidlene", Language::nb), "lægemiddel", Language::da));
}

TEST_CASE("a word outside the table, or in a language without a column, has no equivalents") {
  using arkiv::Language;
  CHECK(arkiv::cross_language_variants("cykelhjelm", Language::da).empty());
  CHECK(arkiv::cross_language_variants("", Language::da).empty());
  CHECK(arkiv::cross_language_variants("hospital", Language::en).empty());
}

TEST_CASE("the variants never repeat the input word or list a word twice") {
  auto variants = arkiv::cross_language_variants("lege", arkiv::Language::nn);
  std::set<std::string> words;
  for (const auto& variant : variants) {
    CHECK(variant.word != "lege");
    CHECK(words.insert(variant.word).second);
  }
  CHECK(has_variant(variants, "læge", arkiv::Language::da));
}

TEST_CASE("the shipped table has at least 300 distinct rows of at least two distinct forms") {
  auto rows = arkiv::load_equivalence_rows(arkiv::data_file("stemming/data/equivalences.tsv"));
  CHECK(rows.size() >= 300);
  std::set<std::string> danish_forms;
  for (const auto& row : rows) {
    CAPTURE(row.line);
    std::set<std::string> forms;
    for (const auto& column : row.forms) forms.insert(column.begin(), column.end());
    CHECK(forms.size() >= 2);
    for (const auto& form : row.forms[0]) CHECK(danish_forms.insert(form).second);
  }
}

TEST_CASE("no two rows of the shipped table share a word in the same column") {
  auto rows = arkiv::load_equivalence_rows(arkiv::data_file("stemming/data/equivalences.tsv"));
  std::map<std::pair<std::size_t, std::string>, std::size_t> first_line;
  for (const auto& row : rows) {
    for (std::size_t column = 0; column < row.forms.size(); ++column) {
      for (const auto& form : row.forms[column]) {
        auto [it, inserted] = first_line.emplace(std::pair{column, form}, row.line);
        CAPTURE(form, it->second, row.line);
        CHECK(inserted);
      }
    }
  }
}

TEST_CASE("a malformed table row is a DataError naming the file and line") {
  auto [content, line_marker] = GENERATE(table<std::string, std::string>({
      {"da\tnb\tnn\nsygehus\tsykehus\n", ":2:"},
      {"# comment\nda\tnb\tnn\nsygehus\tsykehus\tsjukehus\tsjukehus\n", ":3:"},
      {"da\tnb\tnn\nsygehus\t\tsjukehus\n", ":2:"},
      {"da\tnb\tnn\nSygehus\tsykehus\tsjukehus\n", ":2:"},
      {"da\tnb\tnn\nalmen praksis\tallmennpraksis\tallmennpraksis\n", ":2:"},
      {"da\tnb\tnn\nkommune\tkommune\tkommune\n", ":2:"},
      {"sygehus\tsykehus\tsjukehus\n", ":1:"},
  }));
  auto path = write_temporary_table("arkiv_equivalences_bad.tsv", content);
  CAPTURE(content);
  CHECK_THROWS_AS(arkiv::load_equivalence_rows(path), arkiv::DataError);
  CHECK_THROWS_WITH(arkiv::load_equivalence_rows(path), Catch::Matchers::Contains(path.string() + line_marker));
  std::filesystem::remove(path);
}

TEST_CASE("a missing table file is an IoError") {
  CHECK_THROWS_AS(arkiv::load_equivalence_rows("/nonexistent/equivalences.tsv"), arkiv::IoError);
}
