// index_files(): plan (walk, stat, compare with the records), then either read and analyse on
// worker threads and write through one Xapian writer in input order, committing in batches, or
// (a new database and enough to index) build it in parallel shards merged at the end.
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <map>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>

#include "indexer/indexer.h"
#include "indexer/schema.h"
#include "indexer/src/database_files.h"
#include "indexer/src/file_record.h"
#include "indexer/src/file_walker.h"
#include "indexer/src/index_writer.h"
#include "indexer/src/ordered_results.h"
#include "indexer/src/sharded_build.h"

namespace arkiv {
namespace fs = std::filesystem;
using namespace indexer;

namespace {

constexpr auto kProgressInterval = std::chrono::milliseconds(200);

struct Plan {
  std::vector<WorkItem> work;
  std::vector<FileRecord> gone;  // recorded files that no longer exist
  std::uintmax_t bytes = 0;
};

Plan make_plan(const WalkResult& walk, std::map<fs::path, FileRecord> records, const IndexOptions& options,
               IndexSummary& summary) {
  Plan plan;
  for (const auto& file : walk.files) {
    auto stat = stat_file(file);
    if (!stat) {
      summary.failures.push_back({file, std::error_code(errno, std::generic_category()).message()});
      continue;
    }
    auto known = records.find(file);
    std::optional<FileRecord> record;
    if (known != records.end()) record = std::move(known->second);
    if (!options.full && record && record->stat == *stat) {
      ++summary.unchanged;
      continue;
    }
    plan.bytes += stat->size;
    plan.work.push_back({file, *stat, std::move(record)});
  }
  if (options.prune)
    for (auto& [file, record] : records)
      if (!stat_file(file) && (errno == ENOENT || errno == ENOTDIR)) plan.gone.push_back(std::move(record));
  return plan;
}

}  // namespace

fs::path default_database_path() {
  const char* from_environment = std::getenv("ARKIV_DB");
  return from_environment && *from_environment ? fs::path(from_environment) : fs::path("arkiv-db");
}

namespace {

// Reports progress at most every kProgressInterval, and once at the end.
class ProgressReporter {
 public:
  ProgressReporter(const ProgressCallback& callback, const Plan& plan)
      : callback_(callback), state_{0, plan.work.size(), 0, plan.bytes, 0} {}

  void update(std::size_t files_done, std::uintmax_t bytes_done) {
    state_.files_done = files_done;
    state_.bytes_done = bytes_done;
    if (callback_ && std::chrono::steady_clock::now() - last_report_ >= kProgressInterval) {
      state_.seconds = seconds();
      callback_(state_);
      last_report_ = std::chrono::steady_clock::now();
    }
  }

  // The final report; returns the seconds since the run started.
  double finish() {
    state_.seconds = seconds();
    if (callback_) callback_(state_);
    return state_.seconds;
  }

  const IndexProgress& state() const { return state_; }

 private:
  double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count(); }

  const ProgressCallback& callback_;
  IndexProgress state_;
  const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_report_ = started_;
};

// N workers read and analyse, the calling thread writes their outcomes in input order.
void write_in_order(const Plan& plan, unsigned jobs, bool full, const CommonWords& pair_words, IndexWriter& writer,
                    ProgressReporter& reporter) {
  OrderedResults<Outcome> results(plan.work.size(), 4 * std::size_t{jobs} + 4);
  std::vector<std::jthread> workers;
  for (unsigned j = 0; j < std::min<std::size_t>(jobs, plan.work.size()); ++j)
    workers.emplace_back([&] {
      SectionDocumentBuilder builder(pair_words);
      while (auto index = results.claim()) results.put(*index, process(plan.work[*index], full, builder));
    });
  try {
    std::uintmax_t bytes_done = 0;
    for (std::size_t index = 0; auto outcome = results.take(); ++index) {
      writer.write(plan.work[index], std::move(*outcome));
      bytes_done += plan.work[index].stat.size;
      reporter.update(index + 1, bytes_done);
    }
    writer.finish();
  } catch (...) {
    results.cancel();
    throw;
  }
}

IndexSummary run_index(const std::vector<fs::path>& inputs, const IndexOptions& options,
                       const ProgressCallback& progress) {
  IndexSummary summary;
  // Held open for the whole run: the write lock keeps other runs out, also of the build folder.
  Xapian::WritableDatabase target = open_writable(options.database);
  const fs::path build = build_folder(options.database);
  fs::remove_all(build);  // left by a sharded build that was killed
  const bool empty = is_empty_database(target);
  // A database keeps the common words it was created with, so its pair terms stay consistent.
  const CommonWords pair_words =
      empty ? CommonWords::standard() : CommonWords::from_lines(target.get_metadata(schema::kPairWordsKey));
  IndexWriter writer(target, summary, kCommitLimits);

  const WalkResult walk = collect_files(inputs);
  for (const auto& problem : walk.failures) summary.failures.push_back({problem.path, problem.reason});
  for (const auto& problem : walk.warnings) summary.warnings.push_back(problem.path.string() + ": " + problem.reason);
  const Plan plan = make_plan(walk, writer.records(), options, summary);
  for (const auto& record : plan.gone) writer.remove(record);

  const unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  ProgressReporter reporter(progress, plan);
  if (empty && jobs >= 2 && plan.work.size() >= 2 && plan.bytes >= options.shard_min_bytes) {
    const fs::path merged =
        build_merged_shards(plan.work, jobs, options.database, options.full, pair_words, summary,
                            [&](std::size_t files, std::uintmax_t bytes) { reporter.update(files, bytes); });
    reporter.update(plan.work.size(), plan.bytes);
    exchange_databases(merged, options.database);
    target.close();  // the empty database, now in the build folder
    // The database is complete and unlocked now: a folder left by a failure here, or by a race
    // with the next run (which removes it too), is harmless, so errors are ignored.
    std::error_code ignored;
    fs::remove_all(build, ignored);
  } else {
    // Not on the sharded path: the target's commit at close would land on the merged database.
    if (empty) target.set_metadata(schema::kPairWordsKey, pair_words.lines());
    write_in_order(plan, jobs, options.full, pair_words, writer, reporter);
  }
  summary.bytes_read = reporter.state().bytes_done;
  summary.failed = summary.failures.size();
  summary.seconds = reporter.finish();
  return summary;
}

}  // namespace

IndexSummary index_files(const std::vector<fs::path>& inputs, const IndexOptions& options,
                         const ProgressCallback& progress) {
  try {
    return run_index(inputs, options, progress);
  } catch (const Xapian::Error& error) {  // a write, commit or read of the database failed
    throw IoError(options.database.string() + ": database error: " + error.get_description());
  } catch (const fs::filesystem_error& error) {  // the build folder of a sharded build
    throw IoError(options.database.string() + ": " + error.what());
  }
}

}  // namespace arkiv
