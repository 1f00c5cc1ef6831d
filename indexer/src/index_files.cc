// index_files(): plan (walk, stat, compare with the records), read and analyse on worker
// threads, write through one Xapian writer in input order, commit in batches.
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <map>
#include <optional>
#include <thread>
#include <utility>
#include <variant>

#include "corpus/document.h"
#include "indexer/indexer.h"
#include "indexer/schema.h"
#include "indexer/src/database_files.h"
#include "indexer/src/file_record.h"
#include "indexer/src/file_walker.h"
#include "indexer/src/ordered_results.h"
#include "indexer/src/section_documents.h"

namespace arkiv {
namespace fs = std::filesystem;
using namespace indexer;

namespace {

// Commit after this many sections or bytes of text: small batches keep Xapian's buffers (and
// RSS) small and were faster than large ones (notes §5), and bound the work a crash loses.
constexpr std::size_t kCommitSections = 2000;
constexpr std::size_t kCommitTextBytes = 16u << 20;
constexpr auto kProgressInterval = std::chrono::milliseconds(200);

struct WorkItem {
  fs::path file;
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

// Strips a leading "FILE: " from an exception message, since the report names the file itself.
std::string reason_of(const std::string& message, const fs::path& file) {
  const std::string lead = file.string() + ": ";
  return message.starts_with(lead) ? message.substr(lead.size()) : message;
}

Outcome process(const WorkItem& item, bool full, SectionDocumentBuilder& builder) {
  try {
    const std::uint64_t hash = hash_file(item.file);
    if (!full && item.record && item.record->content_hash == hash) return SameContent{hash};
    const Document document = read_document(item.file);
    if (document.sections.empty()) return Failed{"no text to index"};
    return Indexed{builder.build(document, item.file, hash), hash};
  } catch (const Error& error) {
    return Failed{reason_of(error.what(), item.file)};
  } catch (const Xapian::Error& error) {
    return Failed{error.get_description()};
  } catch (const std::exception& error) {
    return Failed{error.what()};
  }
}

class IndexWriter {
 public:
  IndexWriter(const fs::path& database, IndexSummary& summary) : summary_(summary) {
    database_ = open_writable(database);
    had_documents_ = database_.get_doccount() > 0;
  }

  std::map<fs::path, FileRecord> records() const {
    std::map<fs::path, FileRecord> out;
    for (auto key = database_.metadata_keys_begin(schema::kFileRecordPrefix);
         key != database_.metadata_keys_end(schema::kFileRecordPrefix); ++key)
      if (auto record = decode_record(database_.get_metadata(*key))) out.emplace(record->file, std::move(*record));
    return out;
  }

  void remove(const FileRecord& record) {
    database_.delete_document(schema::kDocumentIdPrefix + document_id(record.file));
    database_.set_metadata(record_key(record.file), "");
    ++summary_.removed;
    pending_sections_ += record.sections;
    maybe_commit();
  }

  void write(const WorkItem& item, Outcome&& outcome) {
    if (auto* failed = std::get_if<Failed>(&outcome)) {
      summary_.failures.push_back({item.file, std::move(failed->reason)});
      return;
    }
    FileRecord record{item.stat, 0, item.record ? item.record->sections : 0, item.file};
    if (auto* same = std::get_if<SameContent>(&outcome)) {
      record.content_hash = same->content_hash;
      ++summary_.unchanged;
    } else {
      auto& indexed = std::get<Indexed>(outcome);
      // Always delete first: a crash may have committed some sections of a file without its record.
      if (had_documents_) database_.delete_document(schema::kDocumentIdPrefix + indexed.documents.document_id);
      for (auto& section : indexed.documents.sections) database_.add_document(section);
      for (auto& [word, count] : indexed.documents.spelling) spelling_[word] += count;
      record.content_hash = indexed.content_hash;
      record.sections = indexed.documents.sections.size();
      summary_.sections += record.sections;
      ++(item.record ? summary_.updated : summary_.added);
      pending_sections_ += record.sections;
      pending_bytes_ += indexed.documents.text_bytes;
    }
    // The record follows the sections, so a commit that holds the record holds every section.
    database_.set_metadata(record_key(item.file), encode_record(record));
    maybe_commit();
  }

  void finish() {
    commit();
    database_.close();
  }

 private:
  void maybe_commit() {
    if (pending_sections_ >= kCommitSections || pending_bytes_ >= kCommitTextBytes) commit();
  }

  // Spelling is aggregated per batch: one add_spelling per distinct word, in the batch's commit.
  void commit() {
    for (const auto& [word, count] : spelling_) database_.add_spelling(word, count);
    spelling_.clear();
    database_.commit();
    pending_sections_ = pending_bytes_ = 0;
  }

  IndexSummary& summary_;
  Xapian::WritableDatabase database_;
  bool had_documents_ = false;
  SpellingCounts spelling_;
  std::size_t pending_sections_ = 0, pending_bytes_ = 0;
};

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

IndexSummary run_index(const std::vector<fs::path>& inputs, const IndexOptions& options,
                       const ProgressCallback& progress) {
  const auto started = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };
  IndexSummary summary;
  IndexWriter writer(options.database, summary);

  const WalkResult walk = collect_files(inputs);
  for (const auto& problem : walk.failures) summary.failures.push_back({problem.path, problem.reason});
  for (const auto& problem : walk.warnings) summary.warnings.push_back(problem.path.string() + ": " + problem.reason);
  const Plan plan = make_plan(walk, writer.records(), options, summary);
  for (const auto& record : plan.gone) writer.remove(record);

  const unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  OrderedResults<Outcome> results(plan.work.size(), 4 * std::size_t{jobs} + 4);
  std::vector<std::jthread> workers;
  for (unsigned j = 0; j < std::min<std::size_t>(jobs, plan.work.size()); ++j)
    workers.emplace_back([&] {
      SectionDocumentBuilder builder;
      while (auto index = results.claim()) results.put(*index, process(plan.work[*index], options.full, builder));
    });

  IndexProgress state{0, plan.work.size(), 0, plan.bytes, 0};
  auto last_report = std::chrono::steady_clock::now();
  try {
    for (std::size_t index = 0; auto outcome = results.take(); ++index) {
      writer.write(plan.work[index], std::move(*outcome));
      ++state.files_done;
      state.bytes_done += plan.work[index].stat.size;
      if (progress && std::chrono::steady_clock::now() - last_report >= kProgressInterval) {
        state.seconds = elapsed();
        progress(state);
        last_report = std::chrono::steady_clock::now();
      }
    }
    writer.finish();
  } catch (...) {
    results.cancel();
    throw;
  }
  summary.bytes_read = state.bytes_done;
  summary.failed = summary.failures.size();
  summary.seconds = state.seconds = elapsed();
  if (progress) progress(state);
  return summary;
}

}  // namespace

IndexSummary index_files(const std::vector<fs::path>& inputs, const IndexOptions& options,
                         const ProgressCallback& progress) {
  try {
    return run_index(inputs, options, progress);
  } catch (const Xapian::Error& error) {  // a write, commit or read of the database failed
    throw IoError(options.database.string() + ": database error: " + error.get_description());
  }
}

}  // namespace arkiv
