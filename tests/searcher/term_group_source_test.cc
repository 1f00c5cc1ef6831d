// Term groups weighed with in-memory document lengths (searcher/src/term_group_source.h) against
// Xapian's own BM25Weight over OP_SYNONYM: the ranking must not change, only its cost.
#include "searcher/src/term_group_source.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "searcher/src/facet_table.h"
#include "searcher/src/facets.h"
#include "searcher/src/match_set.h"
#include "stemming/analyzer.h"
#include "stemming/xapian_terms.h"
#include "test_database.h"

using arkiv::testing::TempFolder;
using Q = Xapian::Query;

namespace {

constexpr arkiv::Bm25Parameters kParameters{1.2, 0.6, 0.5};

struct SampleParagraphs {
  TempFolder folder;
  Xapian::Database database;
  SampleParagraphs() {
    arkiv::testing::write_database(folder.path() / "db", arkiv::testing::sample_paragraph_sections());
    database = Xapian::Database((folder.path() / "db").string());
  }
};

std::vector<std::pair<Xapian::docid, double>> ranked(const Xapian::Database& database, const Q& query) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BM25Weight(kParameters.k1, 0, 1, kParameters.b, kParameters.min_normlen));
  const auto mset = enquire.get_mset(0, 20);
  std::vector<std::pair<Xapian::docid, double>> out;
  for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(*it, it.get_weight());
  return out;
}

void check_same_ranking(const Xapian::Database& database, const Q& xapian, const Q& grouped) {
  INFO(xapian.get_description());
  const auto expected = ranked(database, xapian);
  const auto actual = ranked(database, grouped);
  REQUIRE(actual.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(actual[i].first == expected[i].first);
    CHECK(actual[i].second == Approx(expected[i].second).epsilon(1e-12));
  }
}

}  // namespace

TEST_CASE("a term group weighs every match as Xapian's BM25 over a synonym of its terms") {
  SampleParagraphs samples;
  REQUIRE(samples.database.get_doccount() > 300);
  const arkiv::DocumentLengths lengths(samples.database);
  const arkiv::Analyzer analyzer(arkiv::AnalyzerOptions{arkiv::Language::da});
  const arkiv::FieldPrefixes body{"", "Z", "XP", "XF", "XW"};
  // Without the ceiling, which Xapian's synonyms do not have (tested below).
  const arkiv::TermGroupMaker grouped = [&](std::vector<std::string> terms, std::vector<std::string>) {
    return arkiv::term_group_query(lengths, kParameters, std::move(terms));
  };
  const arkiv::TermWeights weights;
  // Single terms, two- and three-term synonyms, word queries with parts, variants and folded forms.
  const std::vector<std::vector<std::string>> groups{{"Zog"},
                                                     {"Zi", "Zat"},
                                                     {"Zsundhed"},
                                                     {"Zregion"},
                                                     {"Zmedicin", "Zlægemiddel"},
                                                     {"Zpatient", "XPpatient", "Zbehandl"},
                                                     {"Zsygehus", "Zfindesikke"}};
  for (const auto& terms : groups) {
    const Q synonym = terms.size() == 1 ? Q(terms.front()) : Q(Q::OP_SYNONYM, terms.begin(), terms.end());
    check_same_ranking(samples.database, synonym, arkiv::term_group_query(lengths, kParameters, terms));
    check_same_ranking(samples.database, Q(Q::OP_SCALE_WEIGHT, synonym, 0.65),
                       Q(Q::OP_SCALE_WEIGHT, arkiv::term_group_query(lengths, kParameters, terms), 0.65));
  }
  for (const char* text :
       {"sundhedsvæsenet", "patientsikkerhed", "regionerne", "aeldre", "sygehus", "kursusbudgettet"}) {
    for (const auto& token : analyzer.analyze(text)) {
      check_same_ranking(samples.database, arkiv::word_query(token, body, weights),
                         arkiv::word_query(token, body, weights, grouped));
    }
  }
  // Words of a query together, one required.
  const auto first = analyzer.analyze("regionernes")[0], second = analyzer.analyze("medicin")[0];
  check_same_ranking(samples.database,
                     Q(Q::OP_AND, arkiv::word_query(first, body, weights), arkiv::word_query(second, body, weights)),
                     Q(Q::OP_AND, arkiv::word_query(first, body, weights, grouped),
                       arkiv::word_query(second, body, weights, grouped)));
}

TEST_CASE("a derived group weighs at most what the exact word's idf allows, and the same where that is higher") {
  SampleParagraphs samples;
  const arkiv::DocumentLengths lengths(samples.database);
  const auto weights = [&](const Q& query) {
    std::map<Xapian::docid, double> out;
    for (const auto& [document, weight] : ranked(samples.database, query)) out[document] = weight;
    return out;
  };
  const double documents = samples.database.get_doccount();
  const auto idf_weight = [&](const std::string& term) {
    const double frequency = samples.database.get_termfreq(term);
    double idf = (documents - frequency + 0.5) / (frequency + 0.5);
    if (idf < 2) idf = idf * 0.5 + 1;
    return std::log(idf);
  };
  REQUIRE(samples.database.get_termfreq("Zog") > 10 * samples.database.get_termfreq("Zsygehus"));
  const auto uncapped = weights(arkiv::term_group_query(lengths, kParameters, {"Zsygehus"}));
  const auto capped = weights(arkiv::term_group_query(lengths, kParameters, {"Zsygehus"}, {"Zog"}));
  REQUIRE(uncapped.size() > 3);
  REQUIRE(capped.size() == uncapped.size());
  // Same matches, each weighed with the common word's idf instead of its own.
  for (const auto& [document, weight] : uncapped)
    CHECK(capped.at(document) == Approx(weight * idf_weight("Zog") / idf_weight("Zsygehus")).epsilon(1e-12));
  // A rarer ceiling leaves the weights as they are.
  CHECK(weights(arkiv::term_group_query(lengths, kParameters, {"Zsygehus"}, {"Zfindesikke"})) == uncapped);
}

TEST_CASE("a term group's match set is the union of its terms' postings") {
  SampleParagraphs samples;
  const arkiv::DocumentLengths lengths(samples.database);
  const arkiv::FacetTable table(samples.database, arkiv::FacetCounter::slots());
  const auto group = arkiv::term_group_query(lengths, kParameters, {"Zregion", "Zsundhed"});
  const auto terms = arkiv::term_group_terms(group);
  REQUIRE(terms);
  CHECK(*terms == std::vector<std::string>{"Zregion", "Zsundhed"});
  CHECK_FALSE(arkiv::term_group_terms(Q("Zregion")));
  const auto from_group = arkiv::matching_sections(samples.database, group, table);
  const auto from_synonym =
      arkiv::matching_sections(samples.database, Q(Q::OP_SYNONYM, Q("Zregion"), Q("Zsundhed")), table);
  REQUIRE(from_group);
  REQUIRE(from_synonym);
  CHECK(from_group->count() == from_synonym->count());
  CHECK(from_group->count() > 10);
  // Through the cache of frequent terms too, filled by the first evaluation and read by the second.
  arkiv::MatchSetCache cache;
  for (int round = 0; round < 2; ++round) {
    const auto cached = arkiv::matching_sections(samples.database, group, table, {}, &cache);
    REQUIRE(cached);
    CHECK(cached->count() == from_synonym->count());
  }
}

TEST_CASE("the ranked pass within a match set gives the hits and weights of the whole query") {
  TempFolder folder;
  arkiv::testing::write_database(folder.path() / "db", arkiv::testing::sample_paragraph_sections());
  const std::string path = (folder.path() / "db").string();
  arkiv::Searcher plain({path}), faceted({path});
  auto faceted_request = [](std::string query) {
    auto request = arkiv::testing::request(std::move(query));
    request.facets = {"org", "year", "topic"};
    request.limit = 20;
    return request;
  };
  faceted.search(faceted_request("sundhed"));  // the facet table, and so the match sets, from the second search on
  for (const char* query :
       {"sundhed", "\"praktiserende læger\"", "regionerne -medicin", "org:Medicinrådet sundhed",
        "sundhed fra 2016 til 2017", "medicin NEAR patient", "medic* behandling", "sundhed OR region",
        "(patient OR borger) AND sikkerhed", "\"danske regioner\" bestyrelse -2019", "org:\"Danske Regioner\"",
        "år:2017", "NOT sundhed", "+sundhed region \"danske regioner\"", "org:Medicinrådet OR \"praktiserende læger\"",
        "+\"danske regioner\" sundhed -patient"}) {
    INFO(query);
    auto plain_request = arkiv::testing::request(query);
    plain_request.limit = 20;
    // The same again with the request's own filters (organisation, date range) on top.
    for (bool filtered : {false, true}) {
      auto expected_request = plain_request;
      auto actual_request = faceted_request(query);
      if (filtered)
        for (auto* request : {&expected_request, &actual_request}) {
          request->organisations = {"Danske Regioner"};
          request->date_from = "2016-01-01";
        }
      const auto expected = plain.search(expected_request);
      const auto actual = faceted.search(actual_request);
      REQUIRE(actual.hits.size() == expected.hits.size());
      for (std::size_t i = 0; i < expected.hits.size(); ++i) {
        CHECK(actual.hits[i].id == expected.hits[i].id);
        CHECK(actual.hits[i].score == Approx(expected.hits[i].score).epsilon(1e-9));
      }
    }
  }
}

TEST_CASE("a wildcard expanded into a term group ranks as Xapian's own wildcard") {
  SampleParagraphs samples;
  const arkiv::DocumentLengths lengths(samples.database);
  for (const char* prefix : {"medic", "sund", "regione", "xyzzy"}) {
    for (unsigned limit : {1u, 3u, 100u}) {
      const auto terms = arkiv::expand_wildcard(samples.database, prefix, limit);
      CHECK(terms.size() <= limit);
      const Q wildcard(Q::OP_WILDCARD, prefix, limit, Q::WILDCARD_LIMIT_MOST_FREQUENT);
      if (terms.empty()) {
        CHECK(ranked(samples.database, wildcard).empty());
        continue;
      }
      check_same_ranking(samples.database, wildcard, arkiv::term_group_query(lengths, kParameters, terms));
    }
  }
}
