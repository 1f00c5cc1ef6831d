// kill -9 at several moments of a run: the database stays consistent and a re-run completes it
// to exactly what a clean build holds. With --jobs 1 the single writer commits in batches; with
// --jobs 2 a new database is built in shards that are merged and swapped in at the end.
#include <catch2/catch.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "tests/indexer/indexer_test_support.h"

namespace fs = std::filesystem;
using namespace arkiv::indexer;

namespace {

// The moment to kill a run: `delay` after its start, or as soon as `path` exists when not empty.
struct KillPoint {
  std::chrono::milliseconds delay{0};
  std::string path;  // relative to the database's folder
};

// Starts arkiv-index on `input` writing to `database` and sends SIGKILL at `when`; returns true
// when the process was still running (killed mid-run) and false when it had finished first.
bool kill_during_run(const fs::path& input, const fs::path& database, const std::string& jobs, const KillPoint& when) {
  const std::string binary = (fs::path(ARKIV_BINARY_DIR) / "indexer/arkiv-index").string();
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::freopen("/dev/null", "w", stderr);
    ::execl(binary.c_str(), binary.c_str(), "--jobs", jobs.c_str(), "--db", database.c_str(), input.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  const auto started = std::chrono::steady_clock::now();
  int status = 0;
  while (::waitpid(child, &status, WNOHANG) == 0) {
    const bool now = when.path.empty() ? std::chrono::steady_clock::now() - started >= when.delay
                                       : fs::exists(database.parent_path() / when.path);
    if (now) {
      ::kill(child, SIGKILL);
      ::waitpid(child, &status, 0);
      return true;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  return false;
}

// Indexes copies of the samples cleanly, then kills runs into fresh databases "db" at each point
// and checks the killed database and a re-run.
void check_kills(int copies, const std::string& jobs, const std::vector<KillPoint>& points, int min_killed_mid_run) {
  TempFolder folder;
  const fs::path input = folder.path() / "in";
  copy_samples(input, copies);
  const std::string run = arkiv_index() + " --jobs " + jobs + " --db '";
  const fs::path clean = folder.path() / "clean";
  REQUIRE(run_command(run + clean.string() + "' '" + input.string() + "'").exit_code == 0);
  const auto expected = section_fingerprints(clean);

  int killed_mid_run = 0, kill = 0;
  for (const auto& point : points) {
    INFO("killed after " << point.delay.count() << " ms / when " << point.path << " exists");
    const fs::path database = folder.path() / std::to_string(++kill) / "db";
    fs::create_directories(database.parent_path());
    killed_mid_run += kill_during_run(input, database, jobs, point);
    if (fs::exists(database)) {
      const CommandResult check = run_command("xapian-check '" + database.string() + "'");
      INFO(check.out << check.err);
      CHECK(check.exit_code == 0);
    }
    const CommandResult rerun = run_command(run + database.string() + "' '" + input.string() + "'");
    INFO(rerun.err);
    CHECK(rerun.exit_code == 0);
    CHECK(section_fingerprints(database) == expected);
    CHECK_FALSE(fs::exists(database.string() + ".arkiv-build"));
  }
  CHECK(killed_mid_run >= min_killed_mid_run);  // the corpus is large enough that the kills land mid-run
}

}  // namespace

TEST_CASE("after kill -9 at any moment of a single-writer run the database checks clean and a re-run completes it",
          "[indexer][crash]") {
  using std::chrono::milliseconds;
  // 4 copies, ~1.9 MB: a few seconds of indexing, longer than the last kill.
  check_kills(4, "1", {{milliseconds(200), ""}, {milliseconds(500), ""}, {milliseconds(1000), ""}}, 2);
}

// Killed while the shards are written, when the merge has begun (the target is untouched until
// the swap), and when the target has the merged tables (right after the swap: a new empty
// database has no docdata table). The last two wait for those files: they cannot miss.
TEST_CASE("after kill -9 at any moment of a sharded build the database checks clean and a re-run completes it",
          "[indexer][crash][shards]") {
  using std::chrono::milliseconds;
  check_kills(3, "2",
              {{milliseconds(300), ""},
               {milliseconds(0), "db.arkiv-build/merged"},
               {milliseconds(0), "db/docdata.glass"}},
              3);
}
