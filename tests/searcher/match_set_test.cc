// Match sets worked out from posting lists (searcher/src/match_set.h) against Xapian's own
// matcher: facets and totals are counted over them, so they must hold exactly Xapian's matches.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "indexer/schema.h"
#include "searcher/src/facet_table.h"
#include "searcher/src/facets.h"
#include "searcher/src/match_set.h"
#include "test_database.h"

using arkiv::testing::TempFolder;
using Q = Xapian::Query;

namespace {

std::set<Xapian::docid> xapian_matches(const Xapian::Database& database, const Q& query) {
  Xapian::Enquire enquire(database);
  enquire.set_query(query);
  const auto mset = enquire.get_mset(0, database.get_doccount());
  std::set<Xapian::docid> out;
  for (auto it = mset.begin(); it != mset.end(); ++it) out.insert(*it);
  return out;
}

std::set<Xapian::docid> set_matches(const arkiv::MatchSet& set) {
  std::set<Xapian::docid> out;
  set.for_each([&](Xapian::docid document) { out.insert(document); });
  return out;
}

struct Database {
  TempFolder folder;
  Xapian::Database database;
  std::unique_ptr<arkiv::FacetTable> table;
  Database() {
    arkiv::testing::write_database(folder.path() / "db", arkiv::testing::standard_sections());
    database = Xapian::Database((folder.path() / "db").string());
    auto slots = arkiv::FacetCounter::slots();
    slots.push_back(arkiv::schema::kSlotDate);
    table = std::make_unique<arkiv::FacetTable>(database, slots);
  }
};

}  // namespace

TEST_CASE("a match set holds exactly the sections Xapian matches, for every kind of query") {
  Database db;
  const Q sygehus("Zsygehus"), kursus("Zkursus"), dagsorden("Zdagsorden");
  const Q in_2017(Q::OP_VALUE_RANGE, arkiv::schema::kSlotDate, "20170101", "20171231");
  const std::vector<Q> queries{
      sygehus,
      Q(Q::OP_OR, sygehus, kursus),
      Q(Q::OP_SYNONYM, sygehus, kursus),
      Q(Q::OP_AND, sygehus, dagsorden),
      Q(Q::OP_AND_NOT, dagsorden, sygehus),
      Q(Q::OP_AND_MAYBE, dagsorden, sygehus),
      Q(Q::OP_XOR, dagsorden, sygehus),
      Q(Q::OP_SCALE_WEIGHT, Q(Q::OP_OR, sygehus, kursus), 0.5),
      Q(Q::OP_FILTER, Q(Q::OP_OR, sygehus, dagsorden), in_2017),
      Q(Q::OP_FILTER, Q::MatchAll, Q(Q::OP_VALUE_GE, arkiv::schema::kSlotDate, "20180101")),
      Q(Q::OP_FILTER, Q::MatchAll, Q(Q::OP_VALUE_LE, arkiv::schema::kSlotDate, "20171231")),
      Q(Q::OP_VALUE_RANGE, arkiv::schema::kSlotYear, "2017", "2018"),  // a slot the table lacks
      Q(Q::OP_PHRASE, Q("danske"), Q("regioner")),
      Q(Q::OP_NEAR, Q("sygehus"), Q("kurser")),
      Q(Q::OP_WILDCARD, "syge", 100, Q::WILDCARD_LIMIT_MOST_FREQUENT),
      Q::MatchAll,
      Q(),
      Q("Znothingatall"),
  };
  for (const auto& query : queries) {
    INFO(query.get_description());
    const auto set = arkiv::matching_sections(db.database, query, *db.table);
    REQUIRE(set.has_value());
    CHECK(set_matches(*set) == xapian_matches(db.database, query));
    CHECK(set->count() == xapian_matches(db.database, query).size());
  }
  // The queries must not all be trivially empty or full.
  CHECK(set_matches(*arkiv::matching_sections(db.database, queries[3], *db.table)).size() <
        set_matches(*arkiv::matching_sections(db.database, queries[1], *db.table)).size());
  CHECK_FALSE(set_matches(*arkiv::matching_sections(db.database, queries[8], *db.table)).empty());
}

TEST_CASE("a wildcard's match set holds its most frequent terms up to the limit, as Xapian's does") {
  Database db;
  for (unsigned limit : {1u, 2u, 100u}) {
    const Q query(Q::OP_WILDCARD, "syge", limit, Q::WILDCARD_LIMIT_MOST_FREQUENT);
    INFO("limit " << limit);
    const auto set = arkiv::matching_sections(db.database, query, *db.table, {20'000'000, limit});
    CHECK(set_matches(*set) == xapian_matches(db.database, query));
  }
}

TEST_CASE("a query with more postings than the limit gets no match set") {
  Database db;
  CHECK_FALSE(arkiv::matching_sections(db.database, Q::MatchAll, *db.table, {0}).has_value());
  CHECK(arkiv::matching_sections(db.database, Q::MatchAll, *db.table, {1'000'000}).has_value());
}

TEST_CASE("a cached match set of a frequent term gives the same matches as its posting list") {
  Database db;
  arkiv::MatchSetCache cache;
  const Q query(Q::OP_OR, Q("Zsygehus"), Q("Zdagsorden"));
  const auto first = arkiv::matching_sections(db.database, query, *db.table, {}, &cache);
  REQUIRE(cache.find("Zsygehus") != nullptr);  // in far more than 1/64 of the sections
  const auto second = arkiv::matching_sections(db.database, query, *db.table, {}, &cache);
  CHECK(set_matches(*first) == xapian_matches(db.database, query));
  CHECK(set_matches(*second) == set_matches(*first));
}

TEST_CASE("the match set cache drops the least recently used sets beyond its size") {
  arkiv::MatchSetCache cache(2 * arkiv::MatchSet(1000).bytes());
  cache.insert("a", std::make_shared<arkiv::MatchSet>(1000));
  cache.insert("b", std::make_shared<arkiv::MatchSet>(1000));
  CHECK(cache.find("a") != nullptr);  // now more recent than "b"
  cache.insert("c", std::make_shared<arkiv::MatchSet>(1000));
  CHECK(cache.find("a") != nullptr);
  CHECK(cache.find("b") == nullptr);
  CHECK(cache.find("c") != nullptr);
}
