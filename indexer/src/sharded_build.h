#pragma once
// Building a new database in parallel shards (docs/schema.md "Parallel shards"): Xapian's writer
// is the bottleneck (72% of the CPU with one writer), so each of N threads reads, analyses and
// writes a contiguous, byte-balanced range of the sorted work list into a shard database of its
// own; the shards are merged in range order by Xapian compaction, and the merged database takes
// the place of the empty target in one renameat2(RENAME_EXCHANGE). Internal to the indexer.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

#include "indexer/indexer.h"
#include "indexer/src/index_writer.h"

namespace arkiv::indexer {

// True when the database holds nothing at all: no documents, metadata, spelling or synonyms.
bool is_empty_database(const Xapian::Database& database);

// The folder next to a database where a sharded build keeps its shards and the merged result:
// "<canonical database path>.arkiv-build". Only the holder of the database's write lock uses it.
std::filesystem::path build_folder(const std::filesystem::path& database);

// [begin, end) indexes into the work list.
struct ShardRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const ShardRange&) const = default;
};

// Splits `work` into min(shards, work.size()) contiguous, non-empty ranges in order, each
// holding about the same number of bytes.
std::vector<ShardRange> split_by_bytes(const std::vector<WorkItem>& work, unsigned shards);

// Called by the thread that runs build_merged_shards about every 0.2 s while the shards are
// written, with the files and bytes finished so far.
using ShardProgressReport = std::function<void(std::size_t files_done, std::uintmax_t bytes_done)>;

// Indexes `work` (files new to the database) in `shards` threads into shard databases under
// build_folder(database) and merges them into one compacted database there, whose path it
// returns. Counts go to `summary` in work-list order. Throws Xapian::Error when a shard cannot
// be written or the merge fails; the caller then leaves the target untouched.
std::filesystem::path build_merged_shards(const std::vector<WorkItem>& work, unsigned shards,
                                          const std::filesystem::path& database, bool full,
                                          const CommonWords& pair_words, IndexSummary& summary,
                                          const ShardProgressReport& report);

// Swaps the merged database into the target's place atomically (renameat2 RENAME_EXCHANGE; on
// a file system without it, two renames) and syncs both. Afterwards `merged` holds the old target.
// Throws IoError naming the database.
void exchange_databases(const std::filesystem::path& merged, const std::filesystem::path& database);

}  // namespace arkiv::indexer
