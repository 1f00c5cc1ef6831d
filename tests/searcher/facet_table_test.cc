// The in-memory facet table (searcher/src/facet_table.h) against Xapian's ValueCountMatchSpy,
// which remote databases still use: both must give the same counts.
#include <catch2/catch.hpp>

#include <algorithm>

#include "searcher/searcher.h"
#include "searcher/src/facet_table.h"
#include "searcher/src/facets.h"
#include "test_database.h"

using arkiv::testing::TempFolder;

namespace {

const std::vector<std::string> kAllFacets{"org", "year", "topic", "type", "lang", "role"};

std::vector<arkiv::Facet> count(const Xapian::Database& database, const Xapian::Query& query,
                                const arkiv::FacetTable* table) {
  arkiv::FacetCounter counter(kAllFacets);
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  counter.attach(enquire, table);
  const auto mset = enquire.get_mset(0, 10, database.get_doccount());
  return counter.results(true, mset.get_matches_estimated());
}

void check_same(const std::vector<arkiv::Facet>& a, const std::vector<arkiv::Facet>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    INFO("facet " << a[i].name);
    CHECK(a[i].name == b[i].name);
    REQUIRE(a[i].values.size() == b[i].values.size());
    for (std::size_t j = 0; j < a[i].values.size(); ++j) {
      CHECK(a[i].values[j].value == b[i].values[j].value);
      CHECK(a[i].values[j].count == b[i].values[j].count);
    }
  }
}

}  // namespace

TEST_CASE("facet counts from the facet table equal Xapian's value counts") {
  TempFolder folder;
  auto sections = arkiv::testing::standard_sections();
  // The sections again under other ids, one organisation changed, one left out.
  auto copies = sections;
  for (auto& section : copies) {
    section.id += "-copy";
    if (section.org == "Danske Regioner") section.org = "Region Midtjylland";
  }
  copies.pop_back();
  sections.insert(sections.end(), copies.begin(), copies.end());
  arkiv::testing::write_database(folder.path() / "db", sections);
  Xapian::Database database((folder.path() / "db").string());
  const arkiv::FacetTable table(database, arkiv::FacetCounter::slots());
  // Match-all, and every term matching some but not all sections.
  std::vector<Xapian::Query> queries{Xapian::Query::MatchAll};
  for (auto term = database.allterms_begin(); term != database.allterms_end(); ++term)
    if (term.get_termfreq() > 1 && term.get_termfreq() < database.get_doccount()) queries.emplace_back(*term);
  REQUIRE(queries.size() > 10);
  for (const auto& query : queries) {
    INFO(query.get_description());
    const auto from_table = count(database, query, &table);
    check_same(from_table, count(database, query, nullptr));
  }
  const auto all = count(database, Xapian::Query::MatchAll, &table);
  REQUIRE(all.front().name == "org");
  std::size_t organisations = 0;
  for (const auto& value : all.front().values) organisations += value.count;
  CHECK(organisations == sections.size());
  // Sections with several topics count once under each topic, never under the joined value.
  const auto& topics = all[2];
  REQUIRE(topics.name == "topic");
  std::size_t topic_count = 0;
  for (const auto& value : topics.values) {
    CHECK(value.value.find('\n') == std::string::npos);
    topic_count += value.count;
  }
  for (const auto& section : sections) topic_count -= section.topics.size();
  CHECK(topic_count == 0);
  CHECK(std::any_of(sections.begin(), sections.end(), [](const auto& s) { return s.topics.size() > 1; }));
}

TEST_CASE("facet counts follow a new commit of the database being searched") {
  TempFolder folder;
  auto sections = arkiv::testing::standard_sections();
  arkiv::testing::write_database(folder.path() / "db", sections);
  arkiv::Searcher searcher({(folder.path() / "db").string()});
  arkiv::SearchRequest all;
  all.facets = {"org"};
  auto organisation_count = [&](const std::string& name) {
    const auto result = searcher.search(all);
    for (const auto& value : result.facets.front().values)
      if (value.value == name) return value.count;
    return std::size_t{0};
  };
  const auto before = organisation_count("Sundhedsstyrelsen");
  REQUIRE(before > 0);
  {
    Xapian::WritableDatabase writer((folder.path() / "db").string());
    auto extra = sections.front();
    extra.id = "extra-0";
    extra.org = "Sundhedsstyrelsen";
    writer.add_document(arkiv::testing::make_document(extra));
    writer.commit();
  }
  CHECK(organisation_count("Sundhedsstyrelsen") == before + 1);
}
