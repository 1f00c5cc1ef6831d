#include "indexer/src/index_writer.h"

#include <exception>
#include <utility>

#include "corpus/document.h"
#include "indexer/schema.h"
#include "stemming/error.h"

namespace arkiv::indexer {
namespace fs = std::filesystem;

namespace {

// Strips a leading "FILE: " from an exception message, since the report names the file itself.
std::string reason_of(const std::string& message, const fs::path& file) {
  const std::string lead = file.string() + ": ";
  return message.starts_with(lead) ? message.substr(lead.size()) : message;
}

}  // namespace

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

IndexWriter::IndexWriter(Xapian::WritableDatabase database, IndexSummary& summary, CommitLimits limits)
    : summary_(summary), database_(std::move(database)), limits_(limits) {
  had_documents_ = database_.get_doccount() > 0;
}

std::map<fs::path, FileRecord> IndexWriter::records() const {
  std::map<fs::path, FileRecord> out;
  for (auto key = database_.metadata_keys_begin(schema::kFileRecordPrefix);
       key != database_.metadata_keys_end(schema::kFileRecordPrefix); ++key)
    if (auto record = decode_record(database_.get_metadata(*key))) out.emplace(record->file, std::move(*record));
  return out;
}

void IndexWriter::remove(const FileRecord& record) {
  database_.delete_document(schema::kDocumentIdPrefix + document_id(record.file));
  database_.set_metadata(record_key(record.file), "");
  ++summary_.removed;
  pending_sections_ += record.sections;
  maybe_commit();
}

void IndexWriter::write(const WorkItem& item, Outcome&& outcome) {
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

void IndexWriter::finish() {
  commit();
  database_.close();
}

void IndexWriter::maybe_commit() {
  if (pending_sections_ >= limits_.sections || pending_bytes_ >= limits_.text_bytes) commit();
}

// Spelling is aggregated per batch: one add_spelling per distinct word, in the batch's commit.
void IndexWriter::commit() {
  for (const auto& [word, count] : spelling_) database_.add_spelling(word, count);
  spelling_.clear();
  database_.commit();
  pending_sections_ = pending_bytes_ = 0;
}

}  // namespace arkiv::indexer
