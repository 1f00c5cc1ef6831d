// Plain-text reading: encodings, form feeds, and refusal of what is not text.
#include <catch2/catch.hpp>

#include "corpus/src/reader.h"
#include "stemming/error.h"
#include "tests/corpus/reading_test_support.h"

using arkiv::read_raw_text;
using arkiv::test::fixture;
using arkiv::test::ScratchFolder;

namespace {

std::string error_of(const std::filesystem::path& file) {
  try {
    read_raw_text(file);
  } catch (const arkiv::Error& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a UTF-8 sample document is read as one page of unchanged text", "[reading][text]") {
  const auto file = arkiv::test::sample("004");
  const arkiv::RawText raw = read_raw_text(file);
  CHECK(raw.format == "text");
  REQUIRE(raw.pages.size() == 1);
  CHECK(raw.pages[0] == arkiv::test::read_bytes(file));
}

TEST_CASE("UTF-16 text with a byte-order mark is decoded, little- and big-endian", "[reading][text]") {
  for (const char* name : {"utf16le.txt", "utf16be.txt"}) {
    INFO(name);
    const arkiv::RawText raw = read_raw_text(fixture(name));
    REQUIRE(raw.pages.size() == 2);
    CHECK(raw.pages[0] == "Referat af mødet i Sundhedsstyrelsen\nDeltagere: Søren Ærø, Åse Øster\n");
    CHECK(raw.pages[1] == "Side 2 af teksten: Ældreministeriet – økonomi.\n");
  }
}

TEST_CASE("Windows-1252 text is converted to UTF-8", "[reading][text]") {
  const arkiv::RawText raw = read_raw_text(fixture("windows1252.txt"));
  REQUIRE(raw.pages.size() == 1);
  CHECK(raw.pages[0] == "Referat af mødet i Sundhedsstyrelsen\nDeltagere: Søren Ærø, Åse Øster – “godkendt” € 100\n");
}

TEST_CASE("UTF-8 with a stray invalid byte stays UTF-8 with U+FFFD in its place", "[reading][text]") {
  const arkiv::RawText raw = read_raw_text(fixture("utf8_damaged.txt"));
  REQUIRE(raw.pages.size() == 1);
  CHECK(raw.pages[0] == "Referat af mødet i Sundhedsstyrelsen. Økonomi og \xEF\xBF\xBDldre til kurser blev drøftet på mødet.\n");
}

TEST_CASE("form feeds split a text file into pages and CR LF becomes LF", "[reading][text]") {
  ScratchFolder folder("formfeed");
  const auto file = folder.write("pages.txt", "første side\r\nlinje 2\r\n\fanden side\r\n\ftredje side\f");
  const arkiv::RawText raw = read_raw_text(file);
  REQUIRE(raw.pages.size() == 3);
  CHECK(raw.pages[0] == "første side\nlinje 2\n");
  CHECK(raw.pages[1] == "anden side\n");
  CHECK(raw.pages[2] == "tredje side");
}

TEST_CASE("an empty file is refused with a DataError naming it", "[reading][errors]") {
  ScratchFolder folder("empty");
  const auto file = folder.write("empty.txt", "");
  CHECK_THROWS_AS(read_raw_text(file), arkiv::DataError);
  CHECK(error_of(file) == file.string() + ": empty file");
}

TEST_CASE("a binary file is refused with a DataError naming it", "[reading][errors]") {
  ScratchFolder folder("binary");
  std::string bytes = "\x7F" "ELF";
  for (int i = 0; i < 4000; ++i) bytes += static_cast<char>(i * 7 % 256);
  const auto file = folder.write("program.txt", bytes);
  CHECK_THROWS_AS(read_raw_text(file), arkiv::DataError);
  CHECK(error_of(file) == file.string() + ": binary file, not text/PDF/HTML");
}

TEST_CASE("a directory, a missing file and a dangling link give an IoError naming them", "[reading][errors]") {
  ScratchFolder folder("io");
  const auto link = folder.path() / "dangling.txt";
  std::filesystem::create_symlink(folder.path() / "absent-target.txt", link);
  for (const auto& file : {folder.path(), folder.path() / "absent.txt", link}) {
    INFO(file);
    CHECK_THROWS_AS(read_raw_text(file), arkiv::IoError);
    CHECK(error_of(file).rfind(file.string() + ": ", 0) == 0);
  }
}

TEST_CASE("an unreadable file gives an IoError naming it", "[reading][errors]") {
  ScratchFolder folder("unreadable");
  const auto file = folder.write("secret.txt", "hemmelig tekst\n");
  std::filesystem::permissions(file, std::filesystem::perms::none);
  // The super-user reads any file, so there the refusal cannot be observed.
  if (::geteuid() == 0) {
    WARN("running as root: permissions do not stop reading; checking the readable case instead");
    CHECK(read_raw_text(file).pages.at(0) == "hemmelig tekst\n");
    return;
  }
  CHECK_THROWS_AS(read_raw_text(file), arkiv::IoError);
  CHECK(error_of(file).rfind(file.string() + ": cannot open", 0) == 0);
}

TEST_CASE("a 100 MB text without a newline is read as one page", "[reading][limits]") {
  ScratchFolder folder("huge");
  const std::string line(100 * 1000 * 1000, 'a');
  const auto file = folder.write("one-line.txt", line);
  const arkiv::RawText raw = read_raw_text(file);
  REQUIRE(raw.pages.size() == 1);
  CHECK(raw.pages[0].size() == line.size());
}
