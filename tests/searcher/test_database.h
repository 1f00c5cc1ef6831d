#pragma once
// A small hand-made arkiv database for the searcher tests, written the way the indexer writes
// (schema constants, add_terms from the shared Analyzer, JSON document data), so the searcher
// is tested without depending on the corpus pipeline.
#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

#include "searcher/searcher.h"

namespace arkiv::testing {

struct TestSection {
  std::string id;           // section id without prefix, e.g. "doc1-0"
  std::string document_id;  // collapse key
  std::string file;
  std::string title;        // document title
  std::string number;
  std::string section_title;
  std::string org;          // canonical organisation name
  std::string date;         // ISO
  std::string type = "referat";
  std::string lang = "da";
  std::vector<std::string> topics;
  std::vector<std::string> roles;
  std::string text;
  std::vector<std::pair<std::size_t, int>> page_starts;  // offset -> page
};

// The sections used by most tests: five sections of three documents, two organisations.
std::vector<TestSection> standard_sections();

// Every paragraph of the five sample documents (corpus/samples) as a section: real text of very
// different lengths, organisations and years taken in turn from a small list.
std::vector<TestSection> sample_paragraph_sections();

Xapian::Document make_document(const TestSection& section);

// A fresh folder under the system temp dir, removed by the destructor.
class TempFolder {
 public:
  TempFolder();
  ~TempFolder();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Writes sections into a new database at path (spelling data included).
void write_database(const std::filesystem::path& path, const std::vector<TestSection>& sections);

// A request for a query with the default options.
SearchRequest request(std::string query);

// The ids of the hits, in rank order and sorted.
std::vector<std::string> ids(const SearchResult& result);
std::vector<std::string> sorted_ids(const SearchResult& result);

// A Searcher over the standard sections in a fresh database, for TEST_CASE_METHOD.
struct StandardDatabase {
  TempFolder folder;
  std::string db = (folder.path() / "db").string();
  Searcher searcher = open();

 private:
  Searcher open() {
    write_database(db, standard_sections());
    return Searcher({db});
  }
};

}  // namespace arkiv::testing
