// arkiv-search run as a user would: exit codes, JSON, --analyze, --show, errors; and end to end
// over the sample corpus indexed by arkiv-index.
#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
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
  for (const auto* arguments :
       {"'sygehus AND'", "--limit -1 sygehus", "--limit 20000 sygehus", "--limit 99999999999999999999 sygehus",
        "--offset -3 sygehus", "--offset 99995 sygehus", "--limit x sygehus", "--sort sideways x", "--facets=colour x",
        "--lang xx x", "'år:99999'", "--from 2017-02-30 x", "--to 1 x", "--no-such-flag x", "--facets", ""}) {
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

TEST_CASE_METHOD(CliFixture, "every filter, paging, sorting and grouping flag shapes the hits") {
  // arguments -> ids of the hits in order ("" = none)
  const auto [arguments, expected] = GENERATE(table<std::string, std::string>({
      {"--org SST sygehus", "c-0"},
      {"--org 'Danske Regioner' --org Medicinrådet sygehus", "b-0"},
      {"--from 2019 --to 2020 sygehus", "b-0"},
      {"--from 2019-06-03 sygehus", "c-0"},
      {"--topic kommuner", "b-1"},
      {"--topic kommuner --topic almen_praksis --sort oldest", "b-1 c-0"},
      {"--type notat", "c-0"},
      {"--lang nb sygehus", ""},
      {"--role decision --sort oldest --limit 1", "a-0"},
      {"--sort newest 'sygehus sygehuse kurser'", "c-0 b-0 a-1"},
      {"--sort oldest 'sygehus sygehuse kurser'", "a-1 b-0 c-0"},
      {"--sort oldest --offset 1 --limit 1 'sygehus sygehuse kurser'", "b-0"},
      {"-n 2 --sort oldest 'sygehus sygehuse kurser'", "a-1 b-0"},
      {"--group --sort oldest 'godkendt godkendes kurser dagsorden'", "a-1"},
  }));
  CAPTURE(arguments);
  const auto result = search("--json " + arguments);
  CHECK(result.status == (expected.empty() ? 1 : 0));
  const auto json = nlohmann::json::parse(result.out);
  std::string ids;
  for (const auto& hit : json["hits"]) ids += (ids.empty() ? "" : " ") + hit["id"].get<std::string>();
  if (arguments.starts_with("--group")) {
    REQUIRE(json["hits"].size() == 1);
    CHECK(json["hits"][0]["collapsed"] == 1);
  } else {
    CHECK(ids == expected);
  }
}

TEST_CASE_METHOD(CliFixture, "a bare --facets counts every facet and the next word stays the query") {
  const auto all = search("--json --facets sygehus");
  REQUIRE(all.status == 0);
  const auto json = nlohmann::json::parse(all.out);
  CHECK(json["query"] == "sygehus");
  for (const auto* facet : {"org", "year", "topic", "type", "lang", "role"}) CHECK(json["facets"].contains(facet));
  CHECK(json["facets_exact"] == true);
  const auto some = nlohmann::json::parse(search("--json --facets=org,year sygehus").out);
  CHECK(some["facets"].size() == 2);
  CHECK(some["facets"]["org"][0]["count"] == 1);
  const auto readable = search("--facets sygehus");
  CHECK(readable.out.find("org:  Danske Regioner (1)  Sundhedsstyrelsen (1)") != std::string::npos);
}

TEST_CASE_METHOD(CliFixture, "hits without --with-text carry an empty text") {
  const auto json = nlohmann::json::parse(search("--json sygehus").out);
  REQUIRE_FALSE(json["hits"].empty());
  CHECK(json["hits"][0]["text"] == "");
}

TEST_CASE_METHOD(CliFixture, "a terminal gets colour unless NO_COLOR is set") {
  // script(1) runs the command on a pseudo-terminal.
  const std::string command = search_binary() + " --db " + db + " sygehus";
  const auto coloured = run("script -qec 'env -u NO_COLOR " + command + "' /dev/null");
  CHECK(coloured.out.find("\x1b[") != std::string::npos);
  const auto plain = run("script -qec 'NO_COLOR=1 " + command + "' /dev/null");
  CHECK(plain.out.find("Nye sygehuse") != std::string::npos);
  CHECK(plain.out.find('\x1b') == std::string::npos);
}

TEST_CASE_METHOD(CliFixture, "show and suggest print JSON too") {
  const auto shown = nlohmann::json::parse(search("--show a-1 --json").out);
  CHECK(shown["id"] == "a-1");
  CHECK(shown["page_start"] == 3);
  CHECK(shown["text"].get<std::string>().find("Kursusudskydelsen godkendes") != std::string::npos);
  const auto words = nlohmann::json::parse(search("--suggest bestyrelses --json").out);
  CHECK(words == nlohmann::json::array({"bestyrelsesmøde"}));
  CHECK(search("--suggest qqqq").status == 1);
}

TEST_CASE_METHOD(CliFixture, "a misspelt query prints the did-you-mean") {
  const auto result = search("sengepladsr");
  CHECK(result.status == 1);
  CHECK(result.out.find("Did you mean: sengepladser") != std::string::npos);
  CHECK(nlohmann::json::parse(search("--json sengepladsr").out)["corrected"] == "sengepladser");
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
  for (const auto* key : {"text", "start", "end", "norm", "stem", "parts", "folded", "variants"})
    CHECK(json["tokens"][0].contains(key));
  CHECK(json["tokens"][0]["stem"] == "sygehus");
  CHECK(json["tokens"][2]["text"] == "Aarhus");
  CHECK(json["tokens"][2]["start"] == 13);
}

TEST_CASE("analyze without --json prints a readable report and without --lang identifies the language") {
  const auto result = run(search_binary() + " --analyze 'Sykehusene i regionen har lange ventetider for pasientene'");
  CHECK(result.status == 0);
  CHECK(result.out.find("sykehus") != std::string::npos);
  const auto json = nlohmann::json::parse(
      run(search_binary() + " --json --analyze 'Sykehusene i regionen har lange ventetider for pasientene'").out);
  CHECK(json["lang"] == "nb");
}

TEST_CASE("the sample corpus indexed by arkiv-index is searched as in the demo") {
  arkiv::testing::TempFolder folder;
  const auto db = (folder.path() / "db").string();
  const auto index = run(std::string(ARKIV_BINARY_DIR) + "/indexer/arkiv-index --db " + db + " " + ARKIV_SOURCE_DIR +
                         "/corpus/samples/ 2>&1");
  REQUIRE(index.status == 0);
  const std::string search = search_binary() + " --db " + db + " --json ";
  const auto regions = nlohmann::json::parse(run(search + "--facets 'org:\"Danske Regioner\" personlig medicin'").out);
  REQUIRE_FALSE(regions["hits"].empty());
  for (const auto& hit : regions["hits"]) CHECK(hit["org"] == "Danske Regioner");
  REQUIRE(regions["facets"]["org"].size() == 1);
  CHECK(regions["facets"]["org"][0]["value"] == "Danske Regioner");
  const auto health = nlohmann::json::parse(run(search + "--facets sundhedsvæsenet").out);
  REQUIRE_FALSE(health["hits"].empty());
  const auto& best = health["hits"][0];
  CHECK(best["snippet"].get<std::string>().find("<mark>sundhedsvæsen") != std::string::npos);
  CHECK(best["snippet_page"].get<int>() >= best["page_start"].get<int>());
  CHECK(best["snippet_page"].get<int>() <= best["page_end"].get<int>());
  const auto shown = run(search_binary() + " --db " + db + " --show " + best["id"].get<std::string>());
  CHECK(shown.status == 0);
  CHECK(shown.out.find("sundhedsvæsen") != std::string::npos);
}

TEST_CASE("the example program builds on the public header alone and searches") {
  arkiv::testing::TempFolder folder;
  arkiv::testing::write_database(folder.path() / "db", arkiv::testing::standard_sections());
  const auto result = run(std::string(ARKIV_BINARY_DIR) + "/searcher/arkiv_search_example " +
                          (folder.path() / "db").string() + " sygehus");
  CHECK(result.status == 0);
  CHECK(result.out.find("2 sections") == 0);
}
