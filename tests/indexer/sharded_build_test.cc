// A new database built in parallel shards: the split of the work list, equality with the single
// writer's index (docids, spelling, records), the swap into place, and incremental runs after it.
#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "indexer/indexer.h"
#include "indexer/schema.h"
#include "indexer/src/sharded_build.h"
#include "tests/indexer/indexer_test_support.h"

namespace fs = std::filesystem;
using namespace arkiv;
using namespace arkiv::indexer;

namespace {

IndexSummary index_folder(const fs::path& folder, const fs::path& database, unsigned jobs,
                          std::uintmax_t shard_min_bytes = 0) {
  IndexOptions options;
  options.database = database;
  options.jobs = jobs;
  options.shard_min_bytes = shard_min_bytes;
  return index_files({folder}, options);
}

std::vector<WorkItem> work_of_sizes(const std::vector<std::uintmax_t>& sizes) {
  std::vector<WorkItem> work;
  for (auto size : sizes) work.push_back({"f" + std::to_string(work.size()), {size, 0}, {}});
  return work;
}

// Everything of a database that a fingerprint of its sections does not show.
struct DatabaseTables {
  std::map<std::string, Xapian::docid> docids;  // Q term -> docid
  std::map<std::string, Xapian::doccount> spelling;
  std::map<std::string, std::string> metadata;
  bool operator==(const DatabaseTables&) const = default;
};

DatabaseTables tables_of(const fs::path& path) {
  const Xapian::Database database(path.string());
  DatabaseTables tables;
  for (auto id = database.allterms_begin("Q"); id != database.allterms_end("Q"); ++id)
    tables.docids[*id] = *database.postlist_begin(*id);
  for (auto word = database.spellings_begin(); word != database.spellings_end(); ++word)
    tables.spelling[*word] = word.get_termfreq();
  for (auto key = database.metadata_keys_begin(); key != database.metadata_keys_end(); ++key)
    tables.metadata[*key] = database.get_metadata(*key);
  return tables;
}

ino_t inode_of(const fs::path& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_ino;
}

}  // namespace

TEST_CASE("the work list is split into contiguous ranges of about equal bytes, none empty", "[indexer][shards]") {
  using Ranges = std::vector<ShardRange>;
  CHECK(split_by_bytes(work_of_sizes({10, 10, 10, 10}), 2) == Ranges{{0, 2}, {2, 4}});
  CHECK(split_by_bytes(work_of_sizes({100, 1, 1, 1}), 2) == Ranges{{0, 1}, {1, 4}});
  CHECK(split_by_bytes(work_of_sizes({1, 1, 1, 100}), 2) == Ranges{{0, 3}, {3, 4}});
  CHECK(split_by_bytes(work_of_sizes({5, 5, 5, 5, 5, 5}), 3) == Ranges{{0, 2}, {2, 4}, {4, 6}});
  CHECK(split_by_bytes(work_of_sizes({1, 1, 1, 1, 100, 100}), 3) == Ranges{{0, 4}, {4, 5}, {5, 6}});
  CHECK(split_by_bytes(work_of_sizes({7, 0, 3}), 8) == Ranges{{0, 1}, {1, 2}, {2, 3}});
  CHECK(split_by_bytes(work_of_sizes({7, 0, 3}), 1) == Ranges{{0, 3}});
}

TEST_CASE("a new database built in shards equals the single writer's, docids, spelling and records included",
          "[indexer][shards]") {
  TempFolder folder;
  const fs::path in = folder.path() / "in";
  copy_samples(in, 3);
  // Failures in the first and the last shard are reported in input order.
  std::ofstream(in / "copy-0/aaa-empty.txt").close();
  std::ofstream(in / "copy-2/zzz-empty.txt").close();
  const IndexSummary single = index_folder(in, folder.path() / "single", 1);
  const IndexSummary sharded = index_folder(in, folder.path() / "sharded", 3);
  CHECK(sharded.added == single.added);
  CHECK(sharded.sections == single.sections);
  CHECK(sharded.bytes_read == single.bytes_read);
  REQUIRE(sharded.failed == 2);
  REQUIRE(single.failed == 2);
  for (std::size_t i = 0; i < 2; ++i) CHECK(sharded.failures[i].file == single.failures[i].file);

  const auto expected = section_fingerprints(folder.path() / "single");
  CHECK(expected.size() == single.sections);
  CHECK(section_fingerprints(folder.path() / "sharded") == expected);
  const DatabaseTables single_tables = tables_of(folder.path() / "single");
  const DatabaseTables sharded_tables = tables_of(folder.path() / "sharded");
  CHECK(sharded_tables.docids == single_tables.docids);
  CHECK(sharded_tables.spelling == single_tables.spelling);
  CHECK(sharded_tables.metadata == single_tables.metadata);
  CHECK(sharded_tables.metadata.size() == 16);  // one record per indexed file, and the pair words
  CHECK(sharded_tables.metadata.at(arkiv::schema::kPairWordsKey) == arkiv::CommonWords::standard().lines());
  CHECK_FALSE(fs::exists(build_folder(folder.path() / "sharded")));
}

TEST_CASE("after a sharded build a re-run skips every file and changed files are replaced in place",
          "[indexer][shards][incremental]") {
  TempFolder folder;
  const fs::path in = folder.path() / "in";
  copy_samples(in, 2);
  const fs::path database = folder.path() / "db";
  index_folder(in, database, 2);
  CHECK(index_folder(in, database, 2).unchanged == 10);

  const ino_t built = inode_of(database);
  copy_samples(folder.path() / "more", 1);
  fs::rename(folder.path() / "more/copy-0", in / "copy-2");
  const fs::path changed = in / "copy-1/000_4bee182d6141fea1.txt";
  {
    std::ifstream read(changed);
    std::string text((std::istreambuf_iterator<char>(read)), {});
    text.resize(text.size() / 2);
    std::ofstream(changed, std::ios::trunc) << text;
  }
  const IndexSummary update = index_folder(in, database, 2);
  CHECK(update.added == 5);
  CHECK(update.updated == 1);
  CHECK(inode_of(database) == built);  // a database with documents is written in place
  index_folder(in, folder.path() / "clean", 1);
  CHECK(section_fingerprints(database) == section_fingerprints(folder.path() / "clean"));
}

TEST_CASE("an empty database and a build folder left by a killed run are replaced by a sharded build",
          "[indexer][shards]") {
  TempFolder folder;
  copy_samples(folder.path() / "in", 2);
  const fs::path database = folder.path() / "db";
  Xapian::WritableDatabase(database.string(), Xapian::DB_CREATE).close();
  const fs::path stale = build_folder(database) / "shard-0";
  fs::create_directories(stale);
  std::ofstream(stale / "left-over") << "x";
  const ino_t empty = inode_of(database);

  CHECK(index_folder(folder.path() / "in", database, 2).added == 10);
  CHECK(inode_of(database) != empty);  // swapped in, not written into
  CHECK_FALSE(fs::exists(build_folder(database)));
  index_folder(folder.path() / "in", folder.path() / "clean", 1);
  CHECK(section_fingerprints(database) == section_fingerprints(folder.path() / "clean"));
}

TEST_CASE("a database with metadata, spelling or synonyms but no documents is not empty", "[indexer][shards]") {
  TempFolder folder;
  const fs::path path = folder.path() / "db";
  Xapian::WritableDatabase database(path.string(), Xapian::DB_CREATE);
  CHECK(is_empty_database(database));
  SECTION("metadata") { database.set_metadata("note", "kept"); }
  SECTION("spelling") { database.add_spelling("sygehus"); }
  SECTION("synonyms") { database.add_synonym("Zsygehus", "Zsykehus"); }
  database.commit();
  CHECK_FALSE(is_empty_database(database));
}

TEST_CASE("runs below the shard threshold or with one job use the single writer in place", "[indexer][shards]") {
  TempFolder folder;
  copy_samples(folder.path() / "in", 1);
  const fs::path small = folder.path() / "small", one_job = folder.path() / "one-job";
  Xapian::WritableDatabase(small.string(), Xapian::DB_CREATE).close();
  Xapian::WritableDatabase(one_job.string(), Xapian::DB_CREATE).close();
  const ino_t small_inode = inode_of(small), one_job_inode = inode_of(one_job);
  index_folder(folder.path() / "in", small, 2, std::uintmax_t{1} << 30);
  index_folder(folder.path() / "in", one_job, 1);
  CHECK(inode_of(small) == small_inode);
  CHECK(inode_of(one_job) == one_job_inode);
  CHECK(section_fingerprints(small) == section_fingerprints(one_job));
}
