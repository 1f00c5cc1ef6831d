#include "indexer/src/sharded_build.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <exception>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>

#include "indexer/schema.h"
#include "stemming/error.h"

namespace arkiv::indexer {
namespace fs = std::filesystem;

namespace {

constexpr auto kReportInterval = std::chrono::milliseconds(200);
// A shard commits at least this many sections at a time: smaller batches cost more per section.
constexpr std::size_t kMinShardCommitSections = 250;

fs::path shard_path(const fs::path& folder, std::size_t shard) { return folder / ("shard-" + std::to_string(shard)); }

void sync_path(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | flags);
  if (fd < 0 || ::fsync(fd) != 0) {
    const int error = errno;
    if (fd >= 0) ::close(fd);
    throw IoError(path.string() + ": cannot sync: " + std::strerror(error));
  }
  ::close(fd);
}

// fsync of every file in a database folder and of the folder itself: the merged database must be
// on disk before it replaces the target (shards are written without syncs; they are disposable).
void sync_database(const fs::path& folder) {
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.is_regular_file()) sync_path(entry.path(), 0);
  sync_path(folder, O_DIRECTORY);
}

// Indexes one range of the work list into a new shard database, in order.
void build_shard(const std::vector<WorkItem>& work, ShardRange range, const fs::path& path, bool full,
                 const CommonWords& pair_words, CommitLimits limits, IndexSummary& summary, std::atomic<std::size_t>& files_done,
                 std::atomic<std::uintmax_t>& bytes_done, const std::atomic<bool>& stop) {
  Xapian::WritableDatabase shard(path.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
  shard.set_metadata(schema::kPairWordsKey, pair_words.lines());
  IndexWriter writer(shard, summary, limits);
  SectionDocumentBuilder builder(pair_words);
  for (std::size_t index = range.begin; index < range.end && !stop; ++index) {
    writer.write(work[index], process(work[index], full, builder));
    ++files_done;
    bytes_done += work[index].stat.size;
  }
  writer.finish();
}

// Adds a later shard's counts and failures to the run's summary.
void add_counts(IndexSummary& total, IndexSummary& part) {
  total.added += part.added;
  total.updated += part.updated;
  total.unchanged += part.unchanged;
  total.sections += part.sections;
  for (auto& failure : part.failures) total.failures.push_back(std::move(failure));
}

}  // namespace

bool is_empty_database(const Xapian::Database& database) {
  return database.get_doccount() == 0 && database.metadata_keys_begin() == database.metadata_keys_end() &&
         database.spellings_begin() == database.spellings_end() &&
         database.synonym_keys_begin() == database.synonym_keys_end();
}

fs::path build_folder(const fs::path& database) {
  fs::path canonical = fs::weakly_canonical(database);
  if (!canonical.has_filename()) canonical = canonical.parent_path();  // "db/" -> "db"
  return canonical.concat(".arkiv-build");
}

std::vector<ShardRange> split_by_bytes(const std::vector<WorkItem>& work, unsigned shards) {
  const std::size_t count = std::min<std::size_t>(std::max(shards, 1u), work.size());
  std::uintmax_t total = 0;
  for (const auto& item : work) total += item.stat.size;
  std::vector<ShardRange> ranges;
  std::size_t begin = 0;
  std::uintmax_t before = 0;  // bytes of work[0, end)
  for (std::size_t shard = 0; shard < count; ++shard) {
    const std::size_t last_shards = count - shard - 1;  // each of them needs at least one file
    std::size_t end = begin + 1;
    before += work[begin].stat.size;
    const std::uintmax_t goal = total * (shard + 1) / count;
    while (end < work.size() - last_shards && (shard + 1 == count || before + work[end].stat.size / 2 < goal))
      before += work[end++].stat.size;
    ranges.push_back({begin, end});
    begin = end;
  }
  return ranges;
}

fs::path build_merged_shards(const std::vector<WorkItem>& work, unsigned shards, const fs::path& database, bool full,
                             const CommonWords& pair_words,
                             IndexSummary& summary, const ShardProgressReport& report) {
  const fs::path folder = build_folder(database);
  fs::create_directories(folder);
  const std::vector<ShardRange> ranges = split_by_bytes(work, shards);
  const CommitLimits limits{std::max(kCommitLimits.sections / ranges.size(), kMinShardCommitSections),
                            kCommitLimits.text_bytes / ranges.size()};
  std::vector<IndexSummary> parts(ranges.size());
  std::vector<std::exception_ptr> errors(ranges.size());
  std::atomic<std::size_t> files_done{0};
  std::atomic<std::uintmax_t> bytes_done{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::condition_variable finished;
  std::size_t running = ranges.size();
  {
    std::vector<std::jthread> threads;
    for (std::size_t shard = 0; shard < ranges.size(); ++shard)
      threads.emplace_back([&, shard] {
        try {
          build_shard(work, ranges[shard], shard_path(folder, shard), full, pair_words, limits, parts[shard], files_done,
                      bytes_done, stop);
        } catch (...) {
          errors[shard] = std::current_exception();
          stop = true;
        }
        std::lock_guard lock(mutex);
        --running;
        finished.notify_one();
      });
    std::unique_lock lock(mutex);
    while (!finished.wait_for(lock, kReportInterval, [&] { return running == 0; }))
      if (report) report(files_done, bytes_done);
  }
  for (const auto& error : errors)
    if (error) std::rethrow_exception(error);
  for (auto& part : parts) add_counts(summary, part);

  // Compaction renumbers each source's docids to follow the previous source's: merged in range
  // order, the docids are those a single writer gives, whatever the number of shards.
  const fs::path merged = folder / "merged";
  {
    Xapian::Database sources;
    for (std::size_t shard = 0; shard < ranges.size(); ++shard)
      sources.add_database(Xapian::Database(shard_path(folder, shard).string()));
    sources.compact(merged.string(), ranges.size() > 3 ? Xapian::DBCOMPACT_MULTIPASS : 0);
  }
  sync_database(merged);
  for (std::size_t shard = 0; shard < ranges.size(); ++shard) fs::remove_all(shard_path(folder, shard));
  return merged;
}

void exchange_databases(const fs::path& merged, const fs::path& target) {
  const fs::path database = fs::canonical(target);  // a symlink to the database stays one
  if (::renameat2(AT_FDCWD, merged.c_str(), AT_FDCWD, database.c_str(), RENAME_EXCHANGE) != 0) {
    if (errno != EINVAL && errno != ENOSYS)
      throw IoError(database.string() + ": cannot replace the database: " + std::strerror(errno));
    // No RENAME_EXCHANGE on this file system: for a moment there is no database at the path.
    const fs::path aside = merged.parent_path() / "previous";
    fs::rename(database, aside);
    fs::rename(merged, database);
    fs::rename(aside, merged);
  }
  sync_path(database.parent_path(), O_DIRECTORY);
}

}  // namespace arkiv::indexer
