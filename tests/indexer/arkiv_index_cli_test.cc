// arkiv-index run as a user would: help, exit codes, messages for bad input, --stats,
// --explain, and the database read by Xapian's own tools.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "tests/indexer/indexer_test_support.h"

namespace fs = std::filesystem;
using namespace arkiv::indexer;

namespace {

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++count;
  return count;
}

}  // namespace

TEST_CASE("help text names the default database and the exit codes", "[indexer][cli]") {
  const CommandResult help = run_command(arkiv_index() + " --help");
  CHECK(help.exit_code == 0);
  for (const char* text : {"--db", "--jobs", "--prune", "--full", "--explain", "--stats", "$ARKIV_DB", "./arkiv-db",
                           "Exit status"})
    CHECK_THAT(help.out, Catch::Contains(text));
}

TEST_CASE("a command line without paths or with an unknown option is a usage error, exit 2", "[indexer][cli]") {
  TempFolder folder;
  auto arguments = GENERATE(as<std::string>{}, "", "--bogus x", "--jobs many x");
  const CommandResult result = run_command("cd " + quoted(folder.path()) + " && " + arkiv_index() + " " + arguments);
  INFO(arguments);
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::StartsWith("arkiv-index: "));
  CHECK_FALSE(fs::exists(folder.path() / "arkiv-db"));
}

TEST_CASE("each bad input is reported once, the rest is indexed and the exit code is 1", "[indexer][cli]") {
  TempFolder folder;
  const fs::path in = folder.path() / "in";
  copy_samples(in);
  std::ofstream(in / "empty.txt").close();
  std::ofstream(in / "binary.dat", std::ios::binary) << std::string("\0\1\2\3\xff\xfe\0\0", 8) << std::string(5000, '\0');
  fs::create_directory_symlink(in, in / "copy-0/loop");
  // Root reads any file whatever its mode, so then a broken symlink stands in for an unreadable file.
  const bool is_root = ::geteuid() == 0;
  const fs::path unreadable = in / (is_root ? "dangling.txt" : "secret.txt");
  if (is_root) {
    fs::create_symlink(in / "nowhere.txt", unreadable);
  } else {
    std::ofstream(unreadable) << "hemmelig tekst\n";
    fs::permissions(unreadable, fs::perms::none);
  }
  const fs::path missing = folder.path() / "missing.txt";
  const CommandResult result = run_command(arkiv_index() + " --jobs 2 --db " + quoted(folder.path() / "db") + " " +
                                           quoted(in) + " " + quoted(missing));
  CHECK(result.exit_code == 1);
  INFO(result.err);
  for (const fs::path& bad : {in / "empty.txt", in / "binary.dat", unreadable, missing, in / "copy-0/loop"})
    CHECK(occurrences(result.err, "arkiv-index: " + bad.string() + ": ") == 1);
  CHECK_THAT(result.err, Catch::Contains("symlink loop"));
  CHECK_THAT(result.err, Catch::Contains("5 added, 0 updated, 0 unchanged, 0 removed, 4 failed"));
  const CommandResult again = run_command(arkiv_index() + " --db " + quoted(folder.path() / "db") + " " + quoted(in));
  CHECK_THAT(again.err, Catch::Contains("0 added, 0 updated, 5 unchanged"));
}

TEST_CASE("a symlink loop alone is one message and does not fail the run", "[indexer][cli]") {
  TempFolder folder;
  copy_samples(folder.path() / "in");
  fs::create_directory_symlink(folder.path() / "in", folder.path() / "in/copy-0/loop");
  const CommandResult result =
      run_command(arkiv_index() + " --db " + quoted(folder.path() / "db") + " " + quoted(folder.path() / "in"));
  CHECK(result.exit_code == 0);
  CHECK(occurrences(result.err, "symlink loop") == 1);
}

TEST_CASE("the database comes from --db, else $ARKIV_DB, else ./arkiv-db", "[indexer][cli]") {
  TempFolder folder;
  copy_samples(folder.path() / "in");
  const std::string in = quoted(folder.path() / "in");
  const std::string cd = "cd " + quoted(folder.path()) + " && ";
  CHECK(run_command(cd + "env -u ARKIV_DB " + arkiv_index() + " " + in).exit_code == 0);
  CHECK(fs::exists(folder.path() / "arkiv-db"));
  CHECK(run_command(cd + "ARKIV_DB=from-env " + arkiv_index() + " " + in).exit_code == 0);
  CHECK(fs::exists(folder.path() / "from-env"));
  CHECK(run_command(cd + "ARKIV_DB=from-env " + arkiv_index() + " --db from-flag " + in).exit_code == 0);
  CHECK(fs::exists(folder.path() / "from-flag"));
}

TEST_CASE("a locked or unusable database is exit 2 with a message naming it", "[indexer][cli]") {
  TempFolder folder;
  copy_samples(folder.path() / "in");
  std::ofstream(folder.path() / "not-a-db") << "plain file\n";
  const CommandResult result = run_command(arkiv_index() + " --db " + quoted(folder.path() / "not-a-db") + " " +
                                           quoted(folder.path() / "in"));
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains((folder.path() / "not-a-db").string()));
  const CommandResult stats = run_command(arkiv_index() + " --stats --db " + quoted(folder.path() / "none"));
  CHECK(stats.exit_code == 2);
  CHECK_THAT(stats.err, Catch::Contains("no such database"));
}

TEST_CASE("stats count documents, sections, languages and size on disk", "[indexer][cli]") {
  TempFolder folder;
  copy_samples(folder.path() / "in");
  const std::string db = quoted(folder.path() / "db");
  REQUIRE(run_command(arkiv_index() + " --db " + db + " " + quoted(folder.path() / "in")).exit_code == 0);
  const CommandResult stats = run_command(arkiv_index() + " --stats --db " + db);
  CHECK(stats.exit_code == 0);
  INFO(stats.out);
  CHECK(std::regex_search(stats.out, std::regex("documents: +5\n")));
  CHECK(std::regex_search(stats.out, std::regex("sections: +[1-9][0-9]*\n")));
  CHECK(std::regex_search(stats.out, std::regex("languages: .*da=[1-9]")));
  CHECK(std::regex_search(stats.out, std::regex("size on disk: +[0-9.]+ MB")));
}

TEST_CASE("explain prints a file's structure and touches no database", "[indexer][cli]") {
  TempFolder folder;
  const std::string sample = quoted(fs::path(ARKIV_SOURCE_DIR) / "corpus/samples/000_4bee182d6141fea1.txt");
  const std::string cd = "cd " + quoted(folder.path()) + " && ARKIV_DB=db ";
  const CommandResult json = run_command(cd + arkiv_index() + " --explain " + sample + " --json");
  CHECK(json.exit_code == 0);
  CHECK_NOTHROW(nlohmann::json::parse(json.out));
  const CommandResult text = run_command(cd + arkiv_index() + " --explain " + sample);
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("sections: "));
  CHECK(fs::is_empty(folder.path()));
  CHECK(run_command(cd + arkiv_index() + " --explain " + quoted(folder.path() / "missing.txt")).exit_code == 1);
}

TEST_CASE("the database passes xapian-check, opens in xapian-delve and answers quest and Python", "[indexer][interop]") {
  // One copy of the samples is written by the single writer, three (1.4 MB) in merged shards.
  const int copies = GENERATE(1, 3);
  INFO(copies << " copies");
  TempFolder folder;
  copy_samples(folder.path() / "in", copies);
  const std::string db = quoted(folder.path() / "db");
  REQUIRE(run_command(arkiv_index() + " --jobs 2 --db " + db + " " + quoted(folder.path() / "in")).exit_code == 0);
  const CommandResult check = run_command("xapian-check " + db);
  CHECK(check.exit_code == 0);
  CHECK_THAT(check.out, Catch::Contains("No errors found"));
  const CommandResult delve = run_command("xapian-delve " + db);
  CHECK(delve.exit_code == 0);
  CHECK_THAT(delve.out, Catch::Contains("number of documents ="));
  // "videreuddannelsesregion" occurs in sample 000 only (its member list). /usr/bin/python3 is
  // Debian's, which has python3-xapian, whatever python3 comes first in PATH.
  const CommandResult quest = run_command("quest -d " + db + " videreuddannelsesregion");
  CHECK(quest.exit_code == 0);
  INFO(quest.out);
  CHECK(std::regex_search(quest.out, std::regex("MSet:\n[0-9]+: \\[")));
  CHECK_THAT(quest.out, Catch::Contains("000_4bee182d6141fea1.txt"));
  const CommandResult python = run_command(
      "/usr/bin/python3 -c 'import sys, json, xapian\n"
      "db = xapian.Database(sys.argv[1])\n"
      "enquire = xapian.Enquire(db)\n"
      "enquire.set_query(xapian.Query(\"videreuddannelsesregion\"))\n"
      "for match in enquire.get_mset(0, 100):\n"
      "    data = json.loads(match.document.get_data())\n"
      "    assert \"videreuddannelsesregion\" in data[\"text\"].lower()\n"
      "    print(data[\"file\"])\n' " + db);
  CHECK(python.exit_code == 0);
  CHECK_THAT(python.out, Catch::Contains("000_4bee182d6141fea1.txt"));
  CHECK_FALSE(python.out.find("001_") != std::string::npos);
}

TEST_CASE("a terminal sees a progress bar and a pipe sees only the summary", "[indexer][cli]") {
  TempFolder folder;
  copy_samples(folder.path() / "in");
  const std::string arguments = " --jobs 1 --db " + quoted(folder.path() / "db-pipe") + " " + quoted(folder.path() / "in");
  const CommandResult piped = run_command(arkiv_index() + arguments);
  REQUIRE(piped.exit_code == 0);
  CHECK(occurrences(piped.err, "\n") == 1);
  CHECK_THAT(piped.err, Catch::Contains("5 added, 0 updated, 0 unchanged, 0 removed, 0 failed"));
  CHECK_THAT(piped.err, !Catch::Contains("ETA"));
  // script(1) from util-linux runs the command on a pseudo-terminal and copies what it writes.
  const std::string on_terminal = arkiv_index() + " --jobs 1 --db " + quoted(folder.path() / "db-tty") + " " +
                                  quoted(folder.path() / "in");
  const CommandResult tty = run_command("script -qec \"" + on_terminal + "\" /dev/null");
  REQUIRE(tty.exit_code == 0);
  CHECK_THAT(tty.out, Catch::Contains("MB/s") && Catch::Contains("ETA") && Catch::Contains("files "));
  CHECK_THAT(tty.out, Catch::Contains("5 added"));
}
