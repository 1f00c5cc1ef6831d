#include "indexer/src/file_record.h"

#include <sys/stat.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <vector>

#include "indexer/schema.h"
#include "stemming/error.h"

namespace arkiv::indexer {
namespace {

// Xapian refuses terms and metadata keys longer than 245 bytes; leave room for prefixes.
constexpr std::size_t kMaxPathInKey = 200;

template <typename Number>
bool parse_number(std::string_view text, Number& out) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t seed) {
  std::uint64_t hash = seed;
  for (unsigned char byte : bytes) {
    hash ^= byte;
    hash *= 0x100000001b3ull;
  }
  return hash;
}

std::uint64_t hash_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw IoError(file.string() + ": cannot open: " + std::strerror(errno));
  std::vector<char> block(1 << 16);
  std::uint64_t hash = fnv1a64({});
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    hash = fnv1a64(std::string_view(block.data(), static_cast<std::size_t>(in.gcount())), hash);
  }
  if (in.bad()) throw IoError(file.string() + ": read error");
  return hash;
}

std::string hex64(std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = kDigits[value & 15];
  return out;
}

std::string document_id(const std::filesystem::path& file) { return hex64(fnv1a64(file.native())); }

std::string file_term(const std::filesystem::path& file) {
  if (file.native().size() <= kMaxPathInKey) return schema::kFilePrefix + file.native();
  return std::string(schema::kFilePrefix) + "#" + document_id(file);
}

std::optional<FileStat> stat_file(const std::filesystem::path& file) {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0) return std::nullopt;
  return FileStat{static_cast<std::uintmax_t>(info.st_size),
                  static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec};
}

std::string record_key(const std::filesystem::path& file) {
  if (file.native().size() <= kMaxPathInKey) return schema::kFileRecordPrefix + file.native();
  return std::string(schema::kFileRecordPrefix) + "#" + document_id(file);
}

std::string encode_record(const FileRecord& record) {
  return std::to_string(record.stat.size) + '|' + std::to_string(record.stat.mtime_ns) + '|' +
         hex64(record.content_hash) + '|' + std::to_string(record.sections) + '|' + record.file.native();
}

std::optional<FileRecord> decode_record(std::string_view value) {
  std::string_view fields[4];
  for (auto& field : fields) {
    auto bar = value.find('|');
    if (bar == std::string_view::npos) return std::nullopt;
    field = value.substr(0, bar);
    value.remove_prefix(bar + 1);
  }
  FileRecord record;
  if (!parse_number(fields[0], record.stat.size) || !parse_number(fields[1], record.stat.mtime_ns) ||
      fields[2].size() != 16 || !parse_number(fields[3], record.sections) || value.empty())
    return std::nullopt;
  auto [end, error] = std::from_chars(fields[2].data(), fields[2].data() + 16, record.content_hash, 16);
  if (error != std::errc() || end != fields[2].data() + 16) return std::nullopt;
  record.file = std::string(value);
  return record;
}

}  // namespace arkiv::indexer
