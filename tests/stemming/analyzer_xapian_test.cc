// The Xapian bridge: terms added for tokens, and the queries built from them.
#include <catch2/catch.hpp>

#include "stemming/xapian_terms.h"
#include "tests/stemming/analyzer_test_support.h"

using arkiv::Analyzer;
using arkiv::FieldPrefixes;

namespace {

const FieldPrefixes kField{"", "Z", "XP", "XF"};

Xapian::Document document_for(const Analyzer& analyzer, const std::string& text) {
  Xapian::Document document;
  document.set_data(text);
  arkiv::add_terms(analyzer.analyze(text), kField, document);
  return document;
}

// Document data of the matches of the word query for typed, best first.
std::vector<std::string> ranking(Xapian::Database& database, const Analyzer& analyzer, const std::string& typed) {
  const auto tokens = analyzer.analyze(typed);
  REQUIRE(tokens.size() == 1);
  Xapian::Enquire enquire(database);
  enquire.set_query(arkiv::word_query(tokens[0], kField));
  std::vector<std::string> found;
  const Xapian::MSet matches = enquire.get_mset(0, 20);
  for (auto match = matches.begin(); match != matches.end(); ++match) found.push_back(match.get_document().get_data());
  return found;
}

Xapian::WritableDatabase database_of(const Analyzer& analyzer, const std::vector<std::string>& texts) {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const auto& text : texts) database.add_document(document_for(analyzer, text));
  // Unrelated documents, so that BM25's idf of a term in one or two documents is positive.
  for (int i = 0; i < 8; ++i) database.add_document(document_for(analyzer, "mødet blev holdt i København"));
  return database;
}

}  // namespace

TEST_CASE("exact words carry positions; stems and folded stems do not", "[analyzer]") {
  Analyzer analyzer;
  const auto document = document_for(analyzer, "Lægerne på sygehusene i Århus");
  CHECK(arkiv::test::describe_terms(document) ==
        "XFaarhus XFlaeg XFpaa Zi Zlæg Zpå Zsygehus Zårhus i[4] lægerne[1] på[2] sygehusene[3] århus[5]");
}

TEST_CASE("add_terms offsets positions and returns the last one", "[analyzer]") {
  Analyzer analyzer;
  Xapian::Document document;
  const auto last = arkiv::add_terms(analyzer.analyze("to ord"), kField, document, 100);
  CHECK(last == 102);
  CHECK(arkiv::test::describe_terms(document) == "Zord Zto ord[102] to[101]");
}

TEST_CASE("a folded query finds the æ/ø/å word, and the exact spelling ranks first", "[analyzer]") {
  Analyzer analyzer;
  auto database = database_of(analyzer, {"de ældre borgere", "de aeldre borgere", "ingen af dem"});
  SECTION("typed without æ") { CHECK(ranking(database, analyzer, "aeldre") == std::vector<std::string>{"de aeldre borgere", "de ældre borgere"}); }
  SECTION("typed with æ") { CHECK(ranking(database, analyzer, "ældre") == std::vector<std::string>{"de ældre borgere", "de aeldre borgere"}); }
  SECTION("inflected and folded") { CHECK(ranking(database, analyzer, "AELDRES").size() == 2); }
}

TEST_CASE("folded queries reach ø, å and Swedish ö/ä spellings", "[analyzer]") {
  Analyzer analyzer;
  auto database = database_of(analyzer, {"lønnen stiger", "sygehuset i Århus", "sundhedsvæsenet", "Köping"});
  auto [typed, expected] = GENERATE(table<std::string, std::string>({
      {"loen", "lønnen stiger"},
      {"Aarhus", "sygehuset i Århus"},
      {"århus", "sygehuset i Århus"},
      {"sundhedsvaesenet", "sundhedsvæsenet"},
      {"køping", "Köping"},
  }));
  CAPTURE(typed);
  const auto found = ranking(database, analyzer, typed);
  REQUIRE(found.size() == 1);
  CHECK(found[0] == expected);
}

TEST_CASE("the phrase query matches words in order and adjacent", "[analyzer]") {
  Analyzer analyzer;
  auto database = database_of(analyzer, {"lægerne på sygehusene", "sygehusene på lægerne", "lægerne var på sygehusene"});
  const auto query_tokens = analyzer.analyze("Lægerne på sygehusene");
  Xapian::Enquire enquire(database);
  enquire.set_query(arkiv::phrase_query(query_tokens, kField));
  auto matches = enquire.get_mset(0, 10);
  REQUIRE(matches.size() == 1);
  CHECK(matches.begin().get_document().get_data() == "lægerne på sygehusene");
  enquire.set_query(arkiv::phrase_query(query_tokens, kField, 1));
  CHECK(enquire.get_mset(0, 10).size() == 2);
}

TEST_CASE("terms longer than Xapian's limit are left out, not thrown", "[analyzer]") {
  Analyzer analyzer;
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::string long_word(400, 'x');
  REQUIRE_NOTHROW(database.add_document(document_for(analyzer, "kort " + long_word + " ord")));
  CHECK(arkiv::test::describe_terms(database.get_document(1)) == "Zkort Zord kort[1] ord[3]");
}
