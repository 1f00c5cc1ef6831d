// Content hashes, ids and the per-file records of incremental runs.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>

#include "indexer/src/file_record.h"
#include "indexer/src/section_documents.h"

using namespace arkiv::indexer;

TEST_CASE("FNV-1a 64 matches the published test vectors", "[indexer][record]") {
  auto [input, expected] = GENERATE(table<std::string, std::uint64_t>({
      {"", 0xcbf29ce484222325ull},
      {"a", 0xaf63dc4c8601ec8cull},
      {"foobar", 0x85944171f73967e8ull},
  }));
  INFO(input);
  CHECK(fnv1a64(input) == expected);
}

TEST_CASE("a file's hash is the hash of its bytes, read in blocks", "[indexer][record]") {
  const auto file = std::filesystem::temp_directory_path() / "arkiv-hash-test.bin";
  std::string bytes(200'000, 'x');
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7 % 251);
  std::ofstream(file, std::ios::binary) << bytes;
  CHECK(hash_file(file) == fnv1a64(bytes));
  std::filesystem::remove(file);
  CHECK_THROWS_AS(hash_file(file), arkiv::IoError);
}

TEST_CASE("a file record survives encoding and decoding", "[indexer][record]") {
  const FileRecord record{{12345, 1700000000123456789}, 0xdeadbeef01234567ull, 17, "/data/arkiv/a|b.txt"};
  const auto decoded = decode_record(encode_record(record));
  REQUIRE(decoded);
  CHECK(decoded->stat == record.stat);
  CHECK(decoded->content_hash == record.content_hash);
  CHECK(decoded->sections == record.sections);
  CHECK(decoded->file == record.file);
}

TEST_CASE("a malformed file record is not decoded", "[indexer][record]") {
  auto value = GENERATE(as<std::string>{}, "", "1|2|3", "x|2|0123456789abcdef|1|/a", "1|2|0123456789abcdeg|1|/a",
                        "1|2|0123456789abcdef|1|");
  INFO(value);
  CHECK_FALSE(decode_record(value));
}

TEST_CASE("long paths get hashed keys and terms that fit Xapian's limits", "[indexer][record]") {
  const std::filesystem::path short_path = "/data/a.txt";
  const std::filesystem::path long_path = "/" + std::string(300, 'x') + ".txt";
  CHECK(file_term(short_path) == "XFILE/data/a.txt");
  CHECK(record_key(short_path) == "file:/data/a.txt");
  CHECK(file_term(long_path) == "XFILE#" + document_id(long_path));
  CHECK(record_key(long_path).size() < 245);
  CHECK(document_id(short_path).size() == 16);
}

TEST_CASE("ISO dates become sortable YYYYMMDD values, partial dates padded with 01", "[indexer][record]") {
  auto [iso, sortable] = GENERATE(table<std::string, std::string>({
      {"2017-10-04", "20171004"},
      {"2025-03", "20250301"},
      {"2025", "20250101"},
      {"", ""},
      {"unknown", ""},
      {"2025-3-1", "20250101"},
  }));
  INFO(iso);
  CHECK(sortable_date(iso) == sortable);
}
