// arkiv-search run as a user would: exit codes, JSON, --analyze, --show, errors; and end to end
// over the sample corpus indexed by arkiv-index.
#include <catch2/catch.hpp>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_database.h"

namespace {

struct Run {
  int status = -1;
  std::string out;
};

// Runs a shell command line, capturing stdout (stderr is folded in with 2>&1 where a test wants it).
Run run(const std::string& command) {
  Run result;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::array<char, 4096> buffer;
  while (const auto n = fread(buffer.data(), 1, buffer.size(), pipe)) result.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string search_binary() { return std::string(ARKIV_BINARY_DIR) + "/searcher/arkiv-search"; }

struct CliFixture {
  arkiv::testing::TempFolder folder;
  std::string db;
  CliFixture() : db((folder.path() / "db").string()) {
    arkiv::testing::write_database(db, arkiv::testing::standard_sections());
  }
  Run search(const std::string& arguments) { return run(search_binary() + " --db " + db + " " + arguments); }
};

}  // namespace

TEST_CASE_METHOD(CliFixture, "hits exit 0 and no hits exit 1, like grep") {
  CHECK(search("sygehus").status == 0);
  CHECK(search("qqqqqq").status == 1);
}

TEST_CASE_METHOD(CliFixture, "errors exit 2 with one line on stderr") {
  for (const auto* arguments : {"'sygehus AND'", "--limit -1 sygehus", "--limit 20000 sygehus", "--sort sideways x",
                                "--facets colour x", "--lang xx x", "'år:99999'"}) {
    CAPTURE(arguments);
    const auto result = search(std::string(arguments) + " 2>&1 >/dev/null");
    CHECK(result.status == 2);
    CHECK(result.out.rfind("arkiv-search: ", 0) == 0);
    CHECK(std::count(result.out.begin(), result.out.end(), '\n') == 1);
  }
  CHECK(run(search_binary() + " --db /nonexistent/db x 2>/dev/null").status == 2);
}

TEST_CASE_METHOD(CliFixture, "JSON output has the documented fields") {
  const auto result = search("--json --facets --with-text sygehus");
  REQUIRE(result.status == 0);
  const auto json = nlohmann::json::parse(result.out);
  for (const auto* key : {"query", "parsed", "total", "total_exact", "corrected", "hits", "facets"})
    CHECK(json.contains(key));
  CHECK(json["query"] == "sygehus");
  REQUIRE(json["hits"].size() == 2);
  for (const auto* key : {"id", "score", "file", "title", "section", "section_number", "page_start", "page_end", "org",
                          "date", "type", "lang", "topics", "snippet", "text"})
    CHECK(json["hits"][0].contains(key));
  CHECK(json["hits"][0]["snippet"].get<std::string>().find("<mark>") != std::string::npos);
  for (const auto* facet : {"org", "year", "topic", "type", "lang"}) CHECK(json["facets"].contains(facet));
}

TEST_CASE_METHOD(CliFixture, "readable output is plain when not a terminal") {
  const auto result = search("sygehus");
  CHECK(result.out.find("Nye sygehuse") != std::string::npos);
  CHECK(result.out.find('\x1b') == std::string::npos);
}

TEST_CASE_METHOD(CliFixture, "show prints one section and suggest completes a prefix") {
  const auto shown = search("--show a-1");
  CHECK(shown.status == 0);
  CHECK(shown.out.find("Kursusudskydelsen godkendes") != std::string::npos);
  CHECK(search("--show nope 2>/dev/null").status == 1);
  const auto suggested = search("--suggest syge");
  CHECK(suggested.status == 0);
  CHECK(suggested.out.find("sygehuse\n") != std::string::npos);
}

TEST_CASE("analyze reports the Analyzer's tokens without a database") {
  const auto result = run(search_binary() + " --db /nonexistent --analyze 'Sygehusene i Aarhus' --lang da --json");
  REQUIRE(result.status == 0);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json["lang"] == "da");
  REQUIRE(json["tokens"].size() == 3);
  CHECK(json["tokens"][0]["norm"] == "sygehusene");
}

TEST_CASE("the example program builds on the public header alone and searches") {
  arkiv::testing::TempFolder folder;
  arkiv::testing::write_database(folder.path() / "db", arkiv::testing::standard_sections());
  const auto result = run(std::string(ARKIV_BINARY_DIR) + "/searcher/arkiv_search_example " +
                          (folder.path() / "db").string() + " sygehus");
  CHECK(result.status == 0);
  CHECK(result.out.find("2 sections") == 0);
}
