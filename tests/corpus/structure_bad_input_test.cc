// read_document end to end on input that cannot be read: one clear error naming the file.
#include <catch2/catch.hpp>

#include <fstream>

#include "corpus/document.h"
#include "structure_test_support.h"

using arkiv::read_document;
using arkiv::test::ScratchFolder;

namespace {

void check_fails_naming(const std::filesystem::path& file) {
  try {
    read_document(file);
    FAIL("no error for " << file.string());
  } catch (const arkiv::Error& error) {
    CHECK(std::string(error.what()).find(file.filename().string()) != std::string::npos);
    CHECK(std::string(error.what()).find('\n') == std::string::npos);
  }
}

}  // namespace

TEST_CASE("an empty file is an error naming it") {
  ScratchFolder folder("bad-empty");
  check_fails_naming(folder.write("empty.txt", ""));
}

TEST_CASE("a binary file is an error naming it") {
  ScratchFolder folder("bad-binary");
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes += static_cast<char>((i * 7919) % 256);
  check_fails_naming(folder.write("image.bin", bytes));
}

TEST_CASE("a corrupt PDF is an error naming it") {
  ScratchFolder folder("bad-pdf");
  check_fails_naming(folder.write("broken.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a pdf body\n"));
}

TEST_CASE("a file that does not exist or cannot be read is an error naming it") {
  ScratchFolder folder("bad-unreadable");
  check_fails_naming(folder.path() / "missing.txt");
  const auto locked = folder.write("locked.txt", "Referat\n\nPunkt 1. Velkomst\n");
  std::filesystem::permissions(locked, std::filesystem::perms::none);
  std::ifstream probe(locked);
  if (probe) {
    WARN("skipped the permission case: running with rights that read any file");
    return;
  }
  check_fails_naming(locked);
}

TEST_CASE("invalid UTF-8 is read, not rejected, and keeps its structure") {
  ScratchFolder folder("bad-utf8");
  const auto file = folder.write("latin.txt",
                                 "Sundhedsstyrelsen\n\nReferat\n\nM\xf8" "dedato 4. oktober 2017\n\n"
                                 "Punkt 1. Godkendelse af dagsorden\n\nDagsordenen blev godkendt \xff\xfe uden bem\xe6rkninger.\n\n"
                                 "Punkt 2. Eventuelt\n\nIntet.\n");
  const arkiv::Document document = read_document(file);
  CHECK(document.org == "Sundhedsstyrelsen");
  CHECK(arkiv::test::section_titles(document) == std::vector<std::string>{"Godkendelse af dagsorden", "Eventuelt"});
  CHECK_NOTHROW(arkiv::document_to_json(document));
}

TEST_CASE("a 100 MB file without a newline is read as one body section") {
  ScratchFolder folder("bad-huge");
  const auto file = folder.path() / "huge.txt";
  {
    std::ofstream out(file, std::ios::binary);
    const std::string chunk = "Sundhedsstyrelsen drøfter lægemidler og psykiatri i regionerne 2017 ";
    for (std::size_t written = 0; written < 100'000'000; written += chunk.size()) out << chunk;
  }
  try {
    const arkiv::Document document = read_document(file);
    REQUIRE(document.sections.size() == 1);
    CHECK(document.sections[0].kind == "body");
    CHECK(document.org == "Sundhedsstyrelsen");
  } catch (const arkiv::Error& error) {
    // Refusing it is fine too, as long as the message names the file.
    CHECK(std::string(error.what()).find("huge.txt") != std::string::npos);
  }
}
