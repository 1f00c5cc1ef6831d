// Walking input folders: what is taken, what is skipped, symlink loops and missing paths.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "indexer/src/file_walker.h"
#include "tests/indexer/indexer_test_support.h"

namespace fs = std::filesystem;
using namespace arkiv::indexer;

namespace {

void write(const fs::path& file, const std::string& text = "text\n") {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

std::vector<std::string> relative(const std::vector<fs::path>& files, const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& file : files) out.push_back(file.lexically_relative(root).string());
  return out;
}

}  // namespace

TEST_CASE("folders are walked recursively in sorted order, skipping hidden files, sidecars and manifests",
          "[indexer][walk]") {
  TempFolder root;
  for (const char* name : {"b.txt", "a/z.pdf", "a/y.html", ".hidden.txt", ".git/config", "a/y.html.meta.json",
                           "a/manifest.csv", "c/d/e.txt"})
    write(root.path() / name);
  const WalkResult walk = collect_files({root.path()});
  CHECK(relative(walk.files, root.path()) == std::vector<std::string>{"a/y.html", "a/z.pdf", "b.txt", "c/d/e.txt"});
  CHECK(walk.failures.empty());
  CHECK(walk.warnings.empty());
}

TEST_CASE("a file named directly is taken even when a walk would skip it", "[indexer][walk]") {
  TempFolder root;
  write(root.path() / ".hidden.txt");
  const WalkResult walk = collect_files({root.path() / ".hidden.txt"});
  CHECK(walk.files.size() == 1);
}

TEST_CASE("a symlink loop is reported once and the walk goes on", "[indexer][walk]") {
  TempFolder root;
  write(root.path() / "docs/a.txt");
  fs::create_directory_symlink(root.path(), root.path() / "docs/loop");
  fs::create_symlink(root.path() / "self", root.path() / "self");
  const WalkResult walk = collect_files({root.path()});
  CHECK(relative(walk.files, root.path()) == std::vector<std::string>{"docs/a.txt"});
  REQUIRE(walk.warnings.size() == 2);
  // Entries of a folder come before its subfolders' entries.
  CHECK(walk.warnings[0].path == root.path() / "self");
  CHECK_THAT(walk.warnings[0].reason, Catch::Contains("symlink loop"));
  CHECK(walk.warnings[1].path == root.path() / "docs/loop");
  CHECK_THAT(walk.warnings[1].reason, Catch::Contains("symlink loop back to " + root.path().string()));
}

TEST_CASE("a file reached through two paths is taken once", "[indexer][walk]") {
  TempFolder root;
  write(root.path() / "a.txt");
  fs::create_symlink(root.path() / "a.txt", root.path() / "b.txt");
  const WalkResult walk = collect_files({root.path(), root.path() / "a.txt"});
  CHECK(relative(walk.files, root.path()) == std::vector<std::string>{"a.txt"});
}

TEST_CASE("a missing input path and a broken symlink are failures naming them", "[indexer][walk]") {
  TempFolder root;
  write(root.path() / "a.txt");
  fs::create_symlink(root.path() / "gone.txt", root.path() / "broken.txt");
  const WalkResult walk = collect_files({root.path() / "missing", root.path()});
  REQUIRE(walk.failures.size() == 2);
  CHECK(walk.failures[0].path == root.path() / "missing");
  CHECK(walk.failures[0].reason == "no such file or directory");
  CHECK(walk.failures[1].path == root.path() / "broken.txt");
  CHECK(walk.failures[1].reason == "broken symlink");
  CHECK(walk.files.size() == 1);
}

TEST_CASE("an .arkivignore file skips the files and folders its globs name, in its folder and below",
          "[indexer][walk]") {
  TempFolder root;
  for (const char* name : {"a.txt", "SOURCE.md", "SHA256SUMS", "notes.tmp", "sub/b.txt", "sub/c.tmp", "sub/SOURCE.md",
                           "drafts/d.txt", "keep/drafts.txt", "sub/old/e.txt", "old/f.txt"})
    write(root.path() / name);
  write(root.path() / ".arkivignore", "# provenance, not documents\nSOURCE.md\nSHA256SUMS\n\n  *.tmp  \ndrafts/\n");
  write(root.path() / "sub/.arkivignore", "old/*.txt\n");
  const WalkResult walk = collect_files({root.path()});
  // "drafts/" names folders only; "old/*.txt" is relative to sub/, so old/f.txt at the top stays.
  CHECK(relative(walk.files, root.path()) ==
        std::vector<std::string>{"a.txt", "keep/drafts.txt", "old/f.txt", "sub/b.txt"});
  CHECK(walk.failures.empty());
}

TEST_CASE("the globs of an .arkivignore file do not reach a sibling folder or a file named directly",
          "[indexer][walk]") {
  TempFolder root;
  write(root.path() / "one/.arkivignore", "*.txt\n");
  write(root.path() / "one/a.txt");
  write(root.path() / "two/b.txt");
  const WalkResult walk = collect_files({root.path(), root.path() / "one/a.txt"});
  CHECK(relative(walk.files, root.path()) == std::vector<std::string>{"one/a.txt", "two/b.txt"});
  CHECK(relative(collect_files({root.path() / "one"}).files, root.path()).empty());
}

TEST_CASE("the bundled samples folder yields its five documents and not its checksum and source files",
          "[indexer][walk]") {
  const fs::path samples = fs::path(ARKIV_SOURCE_DIR) / "corpus/samples";
  const WalkResult walk = collect_files({samples});
  REQUIRE(walk.files.size() == 5);
  for (const auto& file : walk.files) CHECK(file.extension() == ".txt");
}
