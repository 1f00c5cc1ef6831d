// The query language (docs/query-language.md): query string -> parsed tree, and bad input.
#include "searcher/src/query_parser.h"

#include <catch2/catch.hpp>

#include "searcher/searcher.h"

using arkiv::query::describe;
using arkiv::query::parse_query;

namespace {

std::string parsed(const std::string& query) { return describe(parse_query(query).root); }

}  // namespace

TEST_CASE("queries parse into the documented tree") {
  // query -> describe(tree); words are analysed later, so they appear as typed.
  const auto [query, expected] = GENERATE(table<std::string, std::string>({
      {"sygehus", "sygehus"},
      {"nye sygehuse", "(OR nye sygehuse)"},
      {"\"almen praksis\" henvisning", "(OR \"almen praksis\" henvisning)"},
      {"sygehus AND region", "(AND sygehus region)"},
      {"sygehus OG region ELLER kommune", "(OR (AND sygehus region) kommune)"},
      {"sygehus og region", "(OR sygehus og region)"},
      {"sygehus NOT privat", "(NOT sygehus privat)"},
      {"sygehus IKKE privat", "(NOT sygehus privat)"},
      {"sygehus AND NOT privat", "(NOT sygehus privat)"},
      {"+sygehus region -privat", "(NOT (MAYBE sygehus region) privat)"},
      {"-privat", "(NOT * privat)"},
      {"NOT privat", "(NOT * privat)"},
      {"syge*", "syge*"},
      {"kursus NEAR udskydelse", "(NEAR/10 kursus udskydelse)"},
      {"kursus NEAR/3 udskydelse", "(NEAR/3 kursus udskydelse)"},
      {"(sygehus OR hospital) region", "(OR (OR sygehus hospital) region)"},
      {"org:SST kursus", "(AND org=SST kursus)"},
      {"org:\"Danske Regioner\" sygehus", "(AND org=Danske Regioner sygehus)"},
      {"org:SST nye sygehuse", "(AND org=SST (OR nye sygehuse))"},
      {"org:SST +sygehus region", "(AND org=SST (MAYBE sygehus region))"},
      {"org:SST org:DR", "(OR org=SST org=DR)"},
      {"emne:sygehuse tema:kommuner", "(OR topic=sygehuse topic=kommuner)"},
      {"emne:sygehuse type:referat", "(AND topic=sygehuse type=referat)"},
      {"sprog:nb språk:nn lang:da", "(OR lang=nb lang=nn lang=da)"},
      {"type:referat", "type=referat"},
      {"titel:sygehus", "title:sygehus"},
      {"tittel:\"nye sygehus\"", "title:\"nye sygehus\""},
      {"rolle:beslutning", "role=beslutning"},
      {"beslutning:godkendt", "role_decision:godkendt"},
      {"foo:bar", "foo:bar"},
      {"år:2017", "date=20170101..20171231"},
      {"dato:2017-03", "date=20170301..20170331"},
      {"2017-01-01..2017-12-31", "date=20170101..20171231"},
      {"2017..2019 kursus", "(AND date=20170101..20191231 kursus)"},
      {"kursus fra 2019 til 2021", "(AND date=20190101..20211231 kursus)"},
      {"kursus før 2018", "(AND date=..20180100 kursus)"},
      {"kursus efter marts 2017", "(AND date=20170332.. kursus)"},
      {"kursus etter 2020", "(AND date=20201232.. kursus)"},
      {"kursus i 2017", "(AND date=20170101..20171231 kursus)"},
      {"kursus siden maj 2019", "(AND date=20190501.. kursus)"},
      {"Danske Regioners EU-prioriteringer 2017", "(OR Danske Regioners EU-prioriteringer 2017)"},
      {"vejledninger til almen praksis", "(OR vejledninger til almen praksis)"},
      {"kursus i marts", "(OR kursus i marts)"},
  }));
  CAPTURE(query);
  CHECK(parsed(query) == expected);
}

TEST_CASE("an unterminated quote runs to the end of the query") {
  CHECK(parsed("\"almen praksis") == "\"almen praksis\"");
}

TEST_CASE("a missing closing parenthesis at the end is forgiven") {
  CHECK(parsed("(sygehus OR hospital") == "(OR sygehus hospital)");
}

TEST_CASE("malformed queries raise one QueryError naming the fragment and offset") {
  // query, offending fragment, its offset
  const auto [query, fragment, offset] = GENERATE(table<std::string, std::string, std::size_t>({
      {"AND sygehus", "AND", 0},
      {"sygehus OR", "OR", 8},
      {"sygehus AND", "AND", 8},
      {"sygehus ELLER ELLER region", "ELLER", 14},
      {"sygehus)", ")", 7},
      {"()", "(", 0},
      {"år:99999", "99999", 4},  // byte offset: "å" is two bytes,
      {"dato:2017-13", "2017-13", 5},
      {"2017-02-30..2017-03-01", "2017-02-30", 0},
      {"kursus NEAR", "NEAR", 7},
      {"NEAR kursus", "NEAR", 0},
  }));
  CAPTURE(query);
  try {
    parse_query(query);
    FAIL("no QueryError");
  } catch (const arkiv::QueryError& error) {
    CHECK(error.fragment() == fragment);
    CHECK(error.offset() == offset);
    CHECK(std::string(error.what()).find(fragment) != std::string::npos);
  }
}

TEST_CASE("odd but harmless input parses without error") {
  const auto query = GENERATE(as<std::string>{}, "", "   ", "\"\"", "-", "+", "*", "org:", "\"", "((a))", "a -", ":",
                              "NEAR/999999999 a", "sygehus*?", "\xff\xfe broken utf-8", std::string("nul\0byte", 8),
                              "i 99999", "fra 2019 til", "før");
  CAPTURE(query);
  CHECK_NOTHROW(parse_query(query));
}

TEST_CASE("parentheses nested deeper than the limit are one QueryError, not a stack overflow") {
  const auto nested = [](std::size_t depth, const std::string& open) {
    std::string query;
    for (std::size_t i = 0; i < depth; ++i) query += open;
    return query + "sygehus" + std::string(depth, ')');
  };
  CHECK(parsed(nested(arkiv::query::kMaxNesting, "(")) == "sygehus");
  for (const auto* open : {"(", "-(", "a AND ("}) {
    CAPTURE(open);
    try {
      parse_query(nested(4000, open), {.max_bytes = 100'000, .max_words = 100'000});
      FAIL("no QueryError");
    } catch (const arkiv::QueryError& error) {
      CHECK(error.fragment() == "(");
      CHECK(std::string(error.what()).find("nested deeper than 64") != std::string::npos);
    }
  }
}

TEST_CASE("a huge query is cut to the word limit with a warning") {
  std::string query;
  for (int i = 0; i < 20'000; ++i) query += "ord" + std::to_string(i) + " ";
  const auto result = parse_query(query, {.max_bytes = 200'000, .max_words = 64});
  CHECK(result.root.children.size() == 64);
  REQUIRE_FALSE(result.warnings.empty());
  const auto cut = parse_query(query, {.max_bytes = 8192, .max_words = 64});
  CHECK(cut.warnings.front().find("8192") != std::string::npos);
}

TEST_CASE("date bounds accept years, months and days") {
  CHECK(arkiv::query::date_bound("2020", false) == "20200101");
  CHECK(arkiv::query::date_bound("2020-02", true) == "20200229");
  CHECK(arkiv::query::date_bound("2019-02", true) == "20190228");
  CHECK(arkiv::query::date_bound("2017-06-15", true) == "20170615");
  CHECK_THROWS_AS(arkiv::query::date_bound("17-06-15", false), arkiv::QueryError);
}
