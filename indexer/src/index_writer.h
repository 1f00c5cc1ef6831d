#pragma once
// One file through the pipeline: a worker turns a WorkItem into an Outcome (process), a writer
// puts the Outcome into a Xapian database with the file's record, committing in batches.
// Internal to the indexer; used by the single-writer pipeline and by each parallel shard.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <variant>

#include "indexer/indexer.h"
#include "indexer/src/file_record.h"
#include "indexer/src/section_documents.h"

namespace arkiv::indexer {

struct WorkItem {
  std::filesystem::path file;
  FileStat stat;
  std::optional<FileRecord> record;  // from the previous run
};

// What a worker made of one file.
struct Indexed {
  FileDocuments documents;
  std::uint64_t content_hash = 0;
};
struct SameContent {  // mtime changed, bytes did not: only the record is refreshed
  std::uint64_t content_hash = 0;
};
struct Failed {
  std::string reason;
};
using Outcome = std::variant<Indexed, SameContent, Failed>;

// Hashes, reads and analyses one file; never throws (problems become Failed).
Outcome process(const WorkItem& item, bool full, SectionDocumentBuilder& builder);

// A writer commits after this many sections or bytes of section text.
struct CommitLimits {
  std::size_t sections = 0;
  std::size_t text_bytes = 0;
};

// The writers' batch in all: small batches keep Xapian's buffers (and RSS) small and were faster
// than large ones (bench/RESULTS.md "Indexer"), and bound the work a crash loses. Parallel shards
// share it out so that RSS does not grow with their number.
inline constexpr CommitLimits kCommitLimits{2000, 16u << 20};

// Writes outcomes into one database and counts them in `summary`. A file's record ("file:"
// metadata) follows its sections, so a commit that holds the record holds every section.
// Not thread-safe: one thread per writer.
class IndexWriter {
 public:
  IndexWriter(Xapian::WritableDatabase database, IndexSummary& summary, CommitLimits limits);

  std::map<std::filesystem::path, FileRecord> records() const;
  void remove(const FileRecord& record);
  void write(const WorkItem& item, Outcome&& outcome);
  // Commits what is pending and closes the database.
  void finish();

 private:
  void maybe_commit();
  void commit();

  IndexSummary& summary_;
  Xapian::WritableDatabase database_;
  CommitLimits limits_;
  bool had_documents_ = false;
  SpellingCounts spelling_;
  std::size_t pending_sections_ = 0, pending_bytes_ = 0;
};

}  // namespace arkiv::indexer
