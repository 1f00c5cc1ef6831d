// Limits and bad input (docs/query-language.md, "Limits and bad input"): each case either
// degrades to plain words or fails with one QueryError; none crashes, hangs or grows unbounded.
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

#include "indexer/schema.h"
#include "searcher/searcher.h"
#include "test_database.h"

using arkiv::testing::request;
using arkiv::testing::sorted_ids;
using arkiv::testing::TempFolder;

namespace {

using Fixture = arkiv::testing::StandardDatabase;

// Sections whose only word beginning with "a" is their own: "aword0", "aword1" ...
std::vector<arkiv::testing::TestSection> many_a_words(int count) {
  std::vector<arkiv::testing::TestSection> sections;
  const auto model = arkiv::testing::standard_sections().front();
  for (int i = 0; i < count; ++i) {
    auto section = model;
    section.id = "w-" + std::to_string(i);
    section.document_id = "w" + std::to_string(i);
    section.title = section.section_title = "Ordliste";
    std::string word = "a";
    for (int n = i; n > 0 || word.size() == 1; n /= 24) word += static_cast<char>('b' + n % 24);
    section.text = word + " er et ord.";
    sections.push_back(section);
  }
  return sections;
}

}  // namespace

TEST_CASE_METHOD(Fixture, "an unbalanced quote runs to the end of the query") {
  CHECK(sorted_ids(searcher.search(request("\"almen praksis"))) == std::vector<std::string>{"c-0"});
  CHECK(sorted_ids(searcher.search(request("sengepladser\""))) == std::vector<std::string>{"b-0"});
}

TEST_CASE_METHOD(Fixture, "a stray operator is one QueryError naming it") {
  try {
    searcher.search(request("sygehus OR OR region"));
    FAIL("no QueryError");
  } catch (const arkiv::QueryError& error) {
    CHECK(error.fragment() == "OR");
    CHECK(error.offset() == 11);
  }
}

TEST_CASE_METHOD(Fixture, "an unknown field prefix is searched as plain words") {
  CHECK(sorted_ids(searcher.search(request("foo:sygehus"))) == std::vector<std::string>{"b-0", "c-0"});
  CHECK_NOTHROW(searcher.search(request("https://www.sst.dk/sygehus?x=1")));
}

TEST_CASE_METHOD(Fixture, "absurd dates are QueryErrors and reversed ranges match nothing") {
  for (const auto* query : {"år:99999", "dato:0001", "dato:2017-00", "2017-02-30..2018"}) {
    CAPTURE(query);
    CHECK_THROWS_AS(searcher.search(request(query)), arkiv::QueryError);
  }
  auto bad = request("");
  bad.date_from = "2017-02-30";
  CHECK_THROWS_AS(searcher.search(bad), arkiv::QueryError);
  CHECK(searcher.search(request("2019..2017")).hits.empty());
  // Not a year: the date words stay words, no date filter is made.
  const auto words = searcher.search(request("sygehus fra 99999 til 0"));
  CHECK(words.parsed_query.find("VALUE") == std::string::npos);
  CHECK(words.hits.size() >= 2);
}

TEST_CASE_METHOD(Fixture, "a 100 KB query is cut with a warning and still searched") {
  std::string query = "sygehus ";
  while (query.size() < 100'000) query += "ord" + std::to_string(query.size()) + " ";
  const auto result = searcher.search(request(query));
  CHECK(sorted_ids(result) == std::vector<std::string>{"b-0", "c-0"});
  REQUIRE_FALSE(result.warnings.empty());
  CHECK(result.warnings.front().find("cut") != std::string::npos);
}

TEST_CASE_METHOD(Fixture, "a 100 KB word without spaces is searched without error") {
  const std::string word(100'000, 'a');
  CHECK(searcher.search(request(word)).hits.empty());
  CHECK(searcher.search(request(word + "*")).hits.empty());
  CHECK(searcher.search(request("\"" + word + " " + word + "\"")).hits.empty());
}

TEST_CASE("a prefix query expands to at most wildcard_limit words") {
  TempFolder folder;
  arkiv::testing::write_database(folder.path() / "db", many_a_words(150));
  arkiv::Searcher searcher({(folder.path() / "db").string()});
  CHECK(searcher.search(request("a*")).total == 100);  // the documented default
  arkiv::SearcherOptions options;
  options.wildcard_limit = 10;
  arkiv::Searcher capped({(folder.path() / "db").string()}, options);
  CHECK(capped.search(request("a*")).total == 10);
}

TEST_CASE_METHOD(Fixture, "a search under a tiny time limit still returns a result") {
  arkiv::SearcherOptions options;
  options.time_limit_seconds = 1e-9;
  arkiv::Searcher hurried({db}, options);
  auto all = request("sygehus OR kurser OR regionerne OR dagsorden");
  all.facets = {"org", "year", "topic"};
  const auto result = hurried.search(all);
  CHECK(result.total <= 5);
  CHECK(result.hits.size() <= result.total);
}

TEST_CASE_METHOD(Fixture, "a filter-only query over many values stays a filter") {
  auto many = request("");
  for (int i = 0; i < 1000; ++i) many.organisations.push_back("Organisation " + std::to_string(i));
  many.organisations.push_back("SST");
  const auto result = searcher.search(many);
  CHECK(sorted_ids(result) == std::vector<std::string>{"a-0", "a-1", "c-0"});
  CHECK(result.warnings.size() == 1000);  // each unknown organisation is named once
}

TEST_CASE_METHOD(Fixture, "the result window is configurable") {
  arkiv::SearcherOptions options;
  options.max_limit = 2;
  options.max_offset_plus_limit = 5;
  arkiv::Searcher narrow({db}, options);
  auto paged = request("sygehus");
  paged.limit = 2;
  CHECK_NOTHROW(narrow.search(paged));
  paged.limit = 3;
  CHECK_THROWS_AS(narrow.search(paged), arkiv::QueryError);
  paged.limit = 2;
  paged.offset = 4;
  CHECK_THROWS_AS(narrow.search(paged), arkiv::QueryError);
}

TEST_CASE_METHOD(Fixture, "random mixes of the query language's pieces never fail other than with a QueryError") {
  // Pieces of the grammar and of bad input, joined at random with and without spaces.
  // clang-format off
  const std::vector<std::string> pieces{
      "sygehus", "Sygehuse", "kurser", "færdigbehandl*", "a*", "*", "\"", "“", "»", "(", ")", "-", "+", "-(", "AND",
      "OR", "NOT", "OG", "ELLER", "IKKE", "NEAR", "NEAR/2", "NEAR/0", "org:", "org:SST", "emne:", "tema:kommuner",
      "type:", "sprog:nb", "lang:xx", "år:", "år:2019", "dato:2017-03", "titel:", "beslutning:", "rolle:beslutning",
      "2017..2019", "..", "2019-13", "fra", "til", "før", "efter", "i", "marts", "2017", "0000", ":", "foo:bar",
      "\xff", "\xc3", std::string("\0", 1), "æøå", "ß", "İ", "🙂", "-sygehus", "+kurser", "\t", "\n"};
  // clang-format on
  std::mt19937 random(20261123);
  std::size_t errors = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string query;
    const auto length = random() % 12;
    for (std::size_t i = 0; i < length; ++i) {
      query += pieces[random() % pieces.size()];
      if (random() % 3) query += ' ';
    }
    CAPTURE(query);
    auto some = request(query);
    some.facets = {"org", "topic"};
    some.group_by_document = random() % 2;
    try {
      const auto result = searcher.search(some);
      CHECK(result.hits.size() <= result.total_upper_bound);
    } catch (const arkiv::QueryError&) {
      ++errors;
    }
  }
  CHECK(errors < 2000);
}
