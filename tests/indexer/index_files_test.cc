// index_files() on the sample documents: schema, incremental runs, prune, failures, jobs.
#include <catch2/catch.hpp>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "indexer/indexer.h"
#include "indexer/schema.h"
#include "indexer/src/file_record.h"
#include "tests/indexer/indexer_test_support.h"

namespace fs = std::filesystem;
using namespace arkiv;
using namespace arkiv::indexer;

namespace {

IndexSummary index_folder(const fs::path& folder, const fs::path& database, IndexOptions options = {}) {
  options.database = database;
  if (!options.jobs) options.jobs = 2;
  return index_files({folder}, options);
}

std::size_t term_count(const Xapian::Database& database, const std::string& prefix) {
  std::size_t count = 0;
  for (auto term = database.allterms_begin(prefix); term != database.allterms_end(prefix); ++term) ++count;
  return count;
}

std::size_t sections_of(const Xapian::Database& database, const fs::path& file) {
  return database.get_termfreq(schema::kDocumentIdPrefix + document_id(file));
}

const char* const kSample = "copy-0/000_4bee182d6141fea1.txt";

}  // namespace

TEST_CASE("every section of the samples is a document with its ids, filters, values and data", "[indexer][index]") {
  TempFolder folder;
  copy_samples(folder.path() / "in");
  const IndexSummary summary = index_folder(folder.path() / "in", folder.path() / "db");
  CHECK(summary.added == 5);
  CHECK(summary.failed == 0);
  REQUIRE(summary.sections >= 5);

  Xapian::Database database((folder.path() / "db").string());
  CHECK(database.get_doccount() == summary.sections);
  CHECK(term_count(database, schema::kIdPrefix) == summary.sections);
  CHECK(term_count(database, schema::kDocumentIdPrefix) == 5);
  CHECK(term_count(database, schema::kFilePrefix) == 5);
  for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
    const Xapian::Document document = database.get_document(*it);
    const auto data = nlohmann::json::parse(document.get_data());
    INFO(data["file"].get<std::string>());
    const std::string id = data["doc_id"];
    CHECK(document.get_value(schema::kSlotDocumentId) == id);
    CHECK(document.get_value(schema::kSlotFileHash).size() == 16);
    CHECK(database.term_exists(schema::kIdPrefix + id + '-' + std::to_string(data["section"].get<int>())));
    CHECK(fs::path(data["file"].get<std::string>()).is_absolute());
    CHECK_FALSE(data["text"].get<std::string>().empty());
    CHECK(data["page_start"].get<int>() <= data["page_end"].get<int>());
    for (const char* key : {"title", "section_title", "number", "kind", "org", "date", "type", "lang", "topics",
                            "participants", "page_starts", "parts"})
      CHECK(data.contains(key));
    if (!data["lang"].get<std::string>().empty())
      CHECK(document.get_value(schema::kSlotLanguage) == data["lang"].get<std::string>());
    if (!data["date"].get<std::string>().empty())
      CHECK(document.get_value(schema::kSlotDate).size() == 8);
  }
}

TEST_CASE("spelling data holds the documents' words of three letters or more", "[indexer][index]") {
  TempFolder folder;
  copy_samples(folder.path() / "in");
  index_folder(folder.path() / "in", folder.path() / "db");
  Xapian::Database database((folder.path() / "db").string());
  std::size_t words = 0;
  for (auto word = database.spellings_begin(); word != database.spellings_end(); ++word, ++words) {
    INFO(*word);
    CHECK((*word).size() >= 3);
  }
  CHECK(words > 1000);
  CHECK(database.get_spelling_suggestion("sundhedsstyrelsn") == "sundhedsstyrelsen");
}

TEST_CASE("a re-run over unchanged files skips them all and changes nothing", "[indexer][incremental]") {
  TempFolder folder;
  copy_samples(folder.path() / "in");
  index_folder(folder.path() / "in", folder.path() / "db");
  const auto before = section_fingerprints(folder.path() / "db");
  const IndexSummary again = index_folder(folder.path() / "in", folder.path() / "db");
  CHECK(again.unchanged == 5);
  CHECK(again.added + again.updated + again.sections + again.bytes_read == 0);
  CHECK(section_fingerprints(folder.path() / "db") == before);
}

TEST_CASE("a touched file with the same bytes is hashed, not reindexed", "[indexer][incremental]") {
  TempFolder folder;
  copy_samples(folder.path() / "in");
  index_folder(folder.path() / "in", folder.path() / "db");
  fs::last_write_time(folder.path() / "in" / kSample, fs::file_time_type::clock::now() + std::chrono::hours(1));
  const IndexSummary touched = index_folder(folder.path() / "in", folder.path() / "db");
  CHECK(touched.unchanged == 5);
  CHECK(touched.sections == 0);
  CHECK(touched.bytes_read > 0);  // the touched file was read for its hash
  const IndexSummary again = index_folder(folder.path() / "in", folder.path() / "db");
  CHECK(again.bytes_read == 0);  // and its new mtime recorded
}

TEST_CASE("a changed file has all its sections replaced, as a clean build would have them", "[indexer][incremental]") {
  TempFolder folder;
  copy_samples(folder.path() / "in");
  index_folder(folder.path() / "in", folder.path() / "db");
  const fs::path sample = folder.path() / "in" / kSample;
  {
    std::ifstream in(sample);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    text.resize(text.size() / 3);
    std::ofstream(sample, std::ios::trunc) << text;
  }
  const IndexSummary changed = index_folder(folder.path() / "in", folder.path() / "db");
  CHECK(changed.updated == 1);
  CHECK(changed.unchanged == 4);
  index_folder(folder.path() / "in", folder.path() / "clean");
  CHECK(section_fingerprints(folder.path() / "db") == section_fingerprints(folder.path() / "clean"));
}

TEST_CASE("pruning removes the sections and record of a deleted file, and only when asked", "[indexer][incremental]") {
  TempFolder folder;
  copy_samples(folder.path() / "in");
  index_folder(folder.path() / "in", folder.path() / "db");
  const fs::path sample = folder.path() / "in" / kSample;
  fs::remove(sample);
  CHECK(index_folder(folder.path() / "in", folder.path() / "db").removed == 0);
  CHECK(sections_of(Xapian::Database((folder.path() / "db").string()), sample) > 0);
  const IndexSummary pruned = index_folder(folder.path() / "in", folder.path() / "db", {.prune = true});
  CHECK(pruned.removed == 1);
  Xapian::Database database((folder.path() / "db").string());
  CHECK(sections_of(database, sample) == 0);
  CHECK(database.get_metadata(record_key(sample)).empty());
  CHECK(term_count(database, schema::kDocumentIdPrefix) == 4);
}

TEST_CASE("a full run reindexes unchanged files to the same index", "[indexer][incremental]") {
  TempFolder folder;
  copy_samples(folder.path() / "in");
  index_folder(folder.path() / "in", folder.path() / "db");
  const auto before = section_fingerprints(folder.path() / "db");
  const IndexSummary full = index_folder(folder.path() / "in", folder.path() / "db", {.full = true});
  CHECK(full.updated == 5);
  CHECK(section_fingerprints(folder.path() / "db") == before);
}

TEST_CASE("the index does not depend on the number of jobs", "[indexer][parallel]") {
  TempFolder folder;
  copy_samples(folder.path() / "in", 2);
  index_folder(folder.path() / "in", folder.path() / "one", {.jobs = 1});
  index_folder(folder.path() / "in", folder.path() / "three", {.jobs = 3});
  const auto one = section_fingerprints(folder.path() / "one");
  CHECK(one.size() > 10);
  CHECK(one == section_fingerprints(folder.path() / "three"));
}

TEST_CASE("bad files are failures naming them and the other files are indexed", "[indexer][failures]") {
  TempFolder folder;
  copy_samples(folder.path() / "in");
  std::ofstream(folder.path() / "in/empty.txt").close();
  std::ofstream(folder.path() / "in/binary.bin", std::ios::binary) << std::string("\x7f" "ELF\0\1\2\3\0\0\xff\xfe", 12)
                                                                    << std::string(4000, '\0');
  const IndexSummary summary = index_folder(folder.path() / "in", folder.path() / "db");
  CHECK(summary.added == 5);
  REQUIRE(summary.failed == 2);
  std::set<fs::path> failed{summary.failures[0].file, summary.failures[1].file};
  CHECK(failed == std::set<fs::path>{folder.path() / "in/empty.txt", folder.path() / "in/binary.bin"});
  for (const auto& failure : summary.failures) {
    INFO(failure.file);
    CHECK_FALSE(failure.reason.empty());
    CHECK(failure.reason.find(failure.file.string()) == std::string::npos);  // named once, by the report
  }
}

TEST_CASE("a database locked by another writer is an IoError naming it", "[indexer][failures]") {
  TempFolder folder;
  copy_samples(folder.path() / "in");
  Xapian::WritableDatabase holder((folder.path() / "db").string(), Xapian::DB_CREATE_OR_OPEN);
  CHECK_THROWS_WITH(index_folder(folder.path() / "in", folder.path() / "db"),
                    Catch::Contains((folder.path() / "db").string()) && Catch::Contains("in use"));
}
