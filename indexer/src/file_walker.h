#pragma once
// Input paths -> the sorted list of files to index. Internal to the indexer.
#include <filesystem>
#include <string>
#include <vector>

namespace arkiv::indexer {

struct WalkProblem {
  std::filesystem::path path;
  std::string reason;
};

struct WalkResult {
  std::vector<std::filesystem::path> files;  // absolute, sorted, each file once
  std::vector<WalkProblem> failures;         // missing inputs, unreadable folders, broken links
  std::vector<WalkProblem> warnings;         // symlink loops and repeated links, skipped
};

// The ignore file of a folder: one fnmatch(3) glob per line, '#' starts a comment line, blank
// lines are skipped. A glob without '/' matches the name of a file or folder in that folder or
// any folder below it; a glob with '/' matches the path relative to that folder ("drafts/*.txt");
// a trailing '/' limits a glob to folders. An ignored folder is not entered.
inline constexpr const char* kIgnoreFileName = ".arkivignore";

// Walks folders recursively, following symlinks. Skips hidden entries (".name"), "*.meta.json"
// sidecars, "manifest.csv" and what the .arkivignore files of the walked folders name (those of
// the input folder and below; not those above it); a file named directly is always taken. A
// folder reached twice (a symlink loop, or two links to one folder) is walked once and reported once.
WalkResult collect_files(const std::vector<std::filesystem::path>& inputs);

}  // namespace arkiv::indexer
