#pragma once
// Identity and bookkeeping of one source file: content hash, document id, the "file:" record
// kept in the database's user metadata for incremental runs. Internal to the indexer.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace arkiv::indexer {

// FNV-1a 64: stable across compilers and versions, unlike std::hash.
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t seed = 0xcbf29ce484222325ull);

// FNV-1a 64 over the file's bytes, read in blocks. Throws IoError naming the file.
std::uint64_t hash_file(const std::filesystem::path& file);

// 16 lowercase hex digits.
std::string hex64(std::uint64_t value);

// Parent document id of a file: hex64(fnv1a64(absolute path)).
std::string document_id(const std::filesystem::path& file);

// The XFILE boolean term of a file (schema::kFilePrefix).
std::string file_term(const std::filesystem::path& file);

// What stat() says about a file; equal stats let a run skip the file without reading it.
struct FileStat {
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const FileStat&) const = default;
};

// stat() following symlinks; nullopt with errno set when it fails.
std::optional<FileStat> stat_file(const std::filesystem::path& file);

struct FileRecord {
  FileStat stat;
  std::uint64_t content_hash = 0;
  std::size_t sections = 0;
  std::filesystem::path file;
};

// The user metadata key of a file (schema::kFileRecordPrefix + path, or + "#id" when too long).
std::string record_key(const std::filesystem::path& file);
std::string encode_record(const FileRecord& record);
// nullopt for a value this version cannot parse (the file is then simply reindexed).
std::optional<FileRecord> decode_record(std::string_view value);

}  // namespace arkiv::indexer
