// kill -9 at several moments of a run: the database stays consistent and a re-run completes it
// to exactly what a clean build holds.
#include <catch2/catch.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "tests/indexer/indexer_test_support.h"

namespace fs = std::filesystem;
using namespace arkiv::indexer;

namespace {

// Starts arkiv-index on `input` writing to `database`, waits `delay`, sends SIGKILL; returns true
// when the process was still running (killed mid-run) and false when it had finished.
bool kill_during_run(const fs::path& input, const fs::path& database, std::chrono::milliseconds delay) {
  const std::string binary = (fs::path(ARKIV_BINARY_DIR) / "indexer/arkiv-index").string();
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::freopen("/dev/null", "w", stderr);
    ::execl(binary.c_str(), binary.c_str(), "--jobs", "2", "--db", database.c_str(), input.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  std::this_thread::sleep_for(delay);
  int status = 0;
  const bool running = ::waitpid(child, &status, WNOHANG) == 0;
  if (running) {
    ::kill(child, SIGKILL);
    ::waitpid(child, &status, 0);
  }
  return running;
}

}  // namespace

TEST_CASE("after kill -9 at any moment the database checks clean and a re-run completes it exactly",
          "[indexer][crash]") {
  TempFolder folder;
  const fs::path input = folder.path() / "in";
  copy_samples(input, 4);  // ~1.9 MB: a few seconds of indexing, longer than the last kill
  const fs::path clean = folder.path() / "clean";
  REQUIRE(run_command(arkiv_index() + " --jobs 2 --db '" + clean.string() + "' '" + input.string() + "'").exit_code ==
          0);
  const auto expected = section_fingerprints(clean);

  int killed_mid_run = 0;
  for (int milliseconds : {200, 500, 1000}) {
    INFO("killed after " << milliseconds << " ms");
    const fs::path database = folder.path() / ("db-" + std::to_string(milliseconds));
    killed_mid_run += kill_during_run(input, database, std::chrono::milliseconds(milliseconds));
    if (fs::exists(database)) {
      const CommandResult check = run_command("xapian-check '" + database.string() + "'");
      INFO(check.out << check.err);
      CHECK(check.exit_code == 0);
    }
    const CommandResult rerun =
        run_command(arkiv_index() + " --jobs 2 --db '" + database.string() + "' '" + input.string() + "'");
    INFO(rerun.err);
    CHECK(rerun.exit_code == 0);
    CHECK(section_fingerprints(database) == expected);
  }
  CHECK(killed_mid_run >= 2);  // the corpus is large enough that the kills land mid-run
}
