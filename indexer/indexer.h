#pragma once
// The indexer module: files -> sections (corpus::read_document) -> Xapian documents, one per
// Section, in the schema of indexer/schema.h (docs/schema.md).
//
// index_files() walks folders, skips files whose size and mtime are unchanged since the last
// run, reads and analyses the rest on `jobs` worker threads and writes them through one writer
// in input order, committing in batches. A new database (and a large enough run) is instead
// written by all `jobs` threads into shards that are merged and swapped in at the end.
// Every commit holds whole files only as far as the bookkeeping is concerned: a file's record
// ("file:" user metadata) is written after all of its sections, and a file is always re-added
// by first deleting every section of its document, so after a crash at any moment a re-run
// leaves every file present exactly once. A sharded build swaps the whole database in at once.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "stemming/error.h"

namespace arkiv {

// $ARKIV_DB when set and not empty, else "./arkiv-db".
std::filesystem::path default_database_path();

struct IndexOptions {
  std::filesystem::path database = default_database_path();
  unsigned jobs = 0;     // worker threads reading and analysing; 0 = hardware concurrency
  bool prune = false;    // remove the sections of recorded files that no longer exist
  bool full = false;     // reindex every file, even when size, mtime and hash are unchanged
  // A database that is new or empty is built in `jobs` parallel shards, merged at the end, when
  // jobs >= 2 and at least this many bytes are to be indexed (docs/schema.md "Parallel shards").
  std::uintmax_t shard_min_bytes = 1u << 20;
};

// A file (or input path) that could not be indexed; the run goes on without it.
struct IndexFailure {
  std::filesystem::path file;
  std::string reason;  // one line, without the file name
};

struct IndexProgress {
  std::size_t files_done = 0;
  std::size_t files_total = 0;  // files that needed reading (changed or new)
  std::uintmax_t bytes_done = 0;
  std::uintmax_t bytes_total = 0;
  double seconds = 0;
};

struct IndexSummary {
  std::size_t added = 0;      // files new to the database
  std::size_t updated = 0;    // files whose content changed
  std::size_t unchanged = 0;  // skipped: same size and mtime, or same content hash
  std::size_t removed = 0;    // --prune: recorded files that no longer exist
  std::size_t failed = 0;     // files (and input paths) that could not be indexed
  std::size_t sections = 0;   // sections written by this run
  std::uintmax_t bytes_read = 0;
  double seconds = 0;
  std::vector<IndexFailure> failures;  // in input order
  std::vector<std::string> warnings;   // e.g. symlink loops; do not count as failures
};

// Called by the thread that runs index_files() at most every ~0.2 s and once at the end.
using ProgressCallback = std::function<void(const IndexProgress&)>;

// Indexes files and folders (recursively). Per-file problems become IndexFailure records; throws
// IoError when the database cannot be opened or written, UsageError for bad options.
// Not reentrant on one database: Xapian allows one writer (a second run throws IoError).
IndexSummary index_files(const std::vector<std::filesystem::path>& inputs, const IndexOptions& options,
                         const ProgressCallback& progress = {});

struct DatabaseStats {
  std::size_t documents = 0;  // source files (distinct parent document ids)
  std::size_t sections = 0;   // Xapian documents
  std::size_t organisations = 0;
  std::string first_date;  // "YYYYMMDD", "" when no section has a date
  std::string last_date;
  std::map<std::string, std::size_t> languages;  // language code -> sections
  std::uintmax_t bytes_on_disk = 0;
};

// Reads the statistics of `arkiv-index --stats`. Throws IoError naming the database.
DatabaseStats database_stats(const std::filesystem::path& database);

}  // namespace arkiv
