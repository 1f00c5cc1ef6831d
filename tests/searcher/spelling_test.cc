// Did-you-mean over the stored spelling data (searcher/src/spelling.h).
#include <catch2/catch.hpp>

#include "searcher/src/spelling.h"
#include "test_database.h"

using arkiv::testing::TempFolder;

TEST_CASE("edit distance counts insertions, deletions, substitutions and swapped neighbours") {
  CHECK(arkiv::edit_distance(U"sengepladser", U"sengepladser", 2) == 0);
  CHECK(arkiv::edit_distance(U"sengepladsr", U"sengepladser", 2) == 1);
  CHECK(arkiv::edit_distance(U"sengpeladser", U"sengepladser", 2) == 1);  // swap
  CHECK(arkiv::edit_distance(U"ældre", U"aeldre", 2) == 2);
  CHECK(arkiv::edit_distance(U"sygehus", U"kursus", 2) == 3);  // beyond the limit: limit + 1
}

TEST_CASE("the nearest spelling word is the closest, then the most frequent, sharing the first two letters") {
  TempFolder folder;
  Xapian::WritableDatabase database((folder.path() / "db").string(), Xapian::DB_CREATE);
  database.add_spelling("sengepladser", 5);
  database.add_spelling("sengeplasser", 50);
  database.add_spelling("sundhedsstyrelsen", 3);
  database.add_spelling("kursus", 9);
  database.add_spelling("kurser", 2);
  database.add_spelling("ældreområdet", 4);
  database.add_spelling("ælg", 1);
  database.commit();
  CHECK(arkiv::nearest_spelling(database, "sengepladsr") == "sengepladser");  // distance 1 beats 2
  CHECK(arkiv::nearest_spelling(database, "sundhedsstyrelsn") == "sundhedsstyrelsen");
  CHECK(arkiv::nearest_spelling(database, "kurses") == "kursus");  // kursus and kurser both at 1
  CHECK(arkiv::nearest_spelling(database, "kursus").empty());       // a known word is not corrected
  CHECK(arkiv::nearest_spelling(database, "qursus").empty());       // first letters differ
  CHECK(arkiv::nearest_spelling(database, "kuxxxs").empty());       // too far
  CHECK(arkiv::nearest_spelling(database, "ku").empty());           // too short to guess
  CHECK(arkiv::nearest_spelling(database, "ældreomrdet") == "ældreområdet");  // "æl": 3 bytes
}
