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

// Walks folders recursively, following symlinks. Skips hidden entries (".name"), "*.meta.json"
// sidecars and "manifest.csv" inside folders; a file named directly is always taken. A folder
// reached twice (a symlink loop, or two links to one folder) is walked once and reported once.
WalkResult collect_files(const std::vector<std::filesystem::path>& inputs);

}  // namespace arkiv::indexer
