// Decompounding, suspended compounds and cross-language variants, as the Analyzer wires them.
#include <catch2/catch.hpp>

#include "stemming/xapian_terms.h"
#include "tests/stemming/analyzer_test_support.h"

using arkiv::Analyzer;
using arkiv::Language;

namespace {

const arkiv::FieldPrefixes kField{"", "Z", "XP", "XF", "XW"};

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

TEST_CASE("Danish words get their bokmål and nynorsk variants, stemmed by the Norwegian stemmer", "[analyzer]") {
  const auto tokens = Analyzer({.language = Language::da}).analyze("sygehusene");
  REQUIRE(tokens.size() == 1);
  CHECK(contains(tokens[0].variants, "sykehus"));
  CHECK(contains(tokens[0].variants, "sjukehus"));
  CHECK(contains(tokens[0].variant_stems, Analyzer({.language = Language::nb}).stem("sykehus")));
  CHECK_FALSE(contains(tokens[0].variant_stems, tokens[0].stem));
}

TEST_CASE("variants can be switched off", "[analyzer]") {
  CHECK(Analyzer({.variants = false}).analyze("sygehusene").at(0).variants.empty());
}

TEST_CASE("a Danish query finds a bokmål document through its variant, below the Danish one", "[analyzer]") {
  Analyzer danish({.language = Language::da});
  Analyzer bokmal({.language = Language::nb});
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const auto add = [&](const Analyzer& analyzer, const std::string& text) {
    Xapian::Document document;
    document.set_data(text);
    arkiv::add_terms(analyzer.analyze(text), kField, document);
    database.add_document(document);
  };
  add(bokmal, "pasienter på sykehuset");
  add(danish, "patienter på sygehuset");
  for (int i = 0; i < 8; ++i) add(danish, "mødet blev holdt i København");
  Xapian::Enquire enquire(database);
  enquire.set_query(arkiv::word_query(danish.analyze("sygehusene").at(0), kField));
  const auto matches = enquire.get_mset(0, 10);
  REQUIRE(matches.size() == 2);
  CHECK(matches.begin().get_document().get_data() == "patienter på sygehuset");
}

TEST_CASE("compounds get their parts and part stems", "[analyzer]") {
  auto [word, part] = GENERATE(table<std::string, std::string>({
      {"sundhedsvæsenet", "væsen"},
      {"ældreministeriet", "ministeriet"},
  }));
  CAPTURE(word);
  const auto tokens = Analyzer().analyze(word);
  REQUIRE(tokens.size() == 1);
  INFO(arkiv::analysis_report_text(word, tokens, Language::da));
  CHECK(tokens[0].parts.size() >= 2);
  CHECK(tokens[0].parts.back() == part);
  CHECK(contains(tokens[0].part_stems, Analyzer().stem(tokens[0].parts.back())));
}

TEST_CASE("suspended compounds are completed onto the first word", "[analyzer]") {
  auto [text, expansion] = GENERATE(table<std::string, std::string>({
      {"Sundheds- og Ældreministeriet", "sundhedsministeriet"},
      {"Sundheds – og Ældreministeriet", "sundhedsministeriet"},
      {"Indenrigs- og Sundhedsministeriet", "indenrigsministeriet"},
      {"Uddannelses- og/eller Forskningsministeriet", "uddannelsesministeriet"},
  }));
  CAPTURE(text);
  const auto tokens = Analyzer().analyze(text);
  INFO(arkiv::analysis_report_text(text, tokens, Language::da));
  REQUIRE(!tokens.empty());
  CHECK(contains(tokens[0].expansions, expansion));
  CHECK(contains(tokens[0].expansion_stems, Analyzer().stem(expansion)));
}

TEST_CASE("a dash between clauses is not a suspended compound", "[analyzer]") {
  const auto tokens = Analyzer().analyze("sikres i fremtiden – og i yderområderne");
  for (const auto& token : tokens) {
    CAPTURE(token.norm);
    CHECK(token.expansions.empty());
  }
}

TEST_CASE("a query for a part finds the compound through the part space", "[analyzer]") {
  Analyzer analyzer;
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const std::string text : {"Sundheds- og Ældreministeriet", "ministeriet svarede", "mødet blev holdt",
                                 "mødet blev holdt igen", "mødet blev aflyst"}) {
    Xapian::Document document;
    document.set_data(text);
    arkiv::add_terms(analyzer.analyze(text), kField, document);
    database.add_document(document);
  }
  Xapian::Enquire enquire(database);
  enquire.set_query(arkiv::word_query(analyzer.analyze("ministeriet").at(0), kField));
  const auto matches = enquire.get_mset(0, 10);
  REQUIRE(matches.size() == 2);
  CHECK(matches.begin().get_document().get_data() == "ministeriet svarede");
}
