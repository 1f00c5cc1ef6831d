#include "indexer/src/file_walker.h"

#include <algorithm>
#include <set>
#include <system_error>
#include <utility>

namespace arkiv::indexer {
namespace fs = std::filesystem;
namespace {

bool is_skipped_entry(const std::string& name) {
  static const std::string kSidecarSuffix = ".meta.json";
  return name.starts_with('.') || name == "manifest.csv" ||
         (name.size() >= kSidecarSuffix.size() && name.ends_with(kSidecarSuffix));
}

std::string describe(const std::error_code& error) {
  if (error == std::errc::too_many_symbolic_link_levels) return "symlink loop, skipped";
  if (error == std::errc::no_such_file_or_directory) return "no such file or directory";
  return error.message();
}

class Walker {
 public:
  void walk_input(const fs::path& input) {
    const fs::path path = fs::absolute(input).lexically_normal();
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error) return result_.failures.push_back({path, describe(error)});
    if (fs::is_directory(status)) return walk_folder(path);
    if (fs::is_regular_file(status)) return add_file(path);
    result_.failures.push_back({path, "not a regular file or folder"});
  }

  WalkResult finish() {
    std::sort(found_.begin(), found_.end());
    std::set<fs::path> seen;  // canonical paths: a file reached through two links is indexed once
    for (auto& [file, canonical] : found_)
      if (seen.insert(canonical).second) result_.files.push_back(std::move(file));
    return std::move(result_);
  }

 private:
  void walk_folder(const fs::path& root) {
    std::vector<fs::path> pending{root};
    while (!pending.empty()) {
      fs::path folder = std::move(pending.back());
      pending.pop_back();
      if (!enter(folder)) continue;
      std::error_code error;
      fs::directory_iterator it(folder, error), end;
      if (error) {
        result_.failures.push_back({folder, "cannot read folder: " + error.message()});
        continue;
      }
      // Entries in sorted order, so which of two links to a folder counts as the second is stable.
      std::vector<fs::directory_entry> entries;
      for (; it != end; it.increment(error)) entries.push_back(*it);
      std::sort(entries.begin(), entries.end());
      std::vector<fs::path> subfolders;
      for (const auto& item : entries) {
        const fs::path& entry = item.path();
        if (is_skipped_entry(entry.filename().string())) continue;
        std::error_code status_error;
        const fs::file_status status = fs::status(entry, status_error);
        if (status_error == std::errc::too_many_symbolic_link_levels) {
          result_.warnings.push_back({entry, describe(status_error)});
        } else if (status_error) {
          std::error_code link_error;
          const bool is_link = item.is_symlink(link_error);
          result_.failures.push_back({entry, is_link ? "broken symlink" : describe(status_error)});
        } else if (fs::is_directory(status)) {
          subfolders.push_back(entry);
        } else if (fs::is_regular_file(status)) {
          add_file(entry);
        }
      }
      pending.insert(pending.end(), subfolders.rbegin(), subfolders.rend());
      if (error) result_.failures.push_back({folder, "cannot read folder: " + error.message()});
    }
  }

  // False when the folder was walked already: a symlink loop or a second link to it.
  bool enter(const fs::path& folder) {
    std::error_code error;
    fs::path canonical = fs::canonical(folder, error);
    if (error) canonical = folder;
    if (visited_.insert(canonical).second) return true;
    const fs::path parent = fs::canonical(folder.parent_path(), error);
    const auto [mismatch, unused] = std::mismatch(canonical.begin(), canonical.end(), parent.begin(), parent.end());
    const bool is_ancestor = !error && mismatch == canonical.end();
    result_.warnings.push_back({folder, (is_ancestor ? "symlink loop back to " : "second link to ") +
                                            canonical.string() + ", skipped"});
    return false;
  }

  void add_file(const fs::path& file) {
    std::error_code error;
    fs::path canonical = fs::canonical(file, error);
    if (error) canonical = file;
    found_.emplace_back(file, std::move(canonical));
  }

  WalkResult result_;
  std::set<fs::path> visited_;
  std::vector<std::pair<fs::path, fs::path>> found_;  // file as reached, canonical path
};

}  // namespace

WalkResult collect_files(const std::vector<fs::path>& inputs) {
  Walker walker;
  for (const auto& input : inputs) walker.walk_input(input);
  return walker.finish();
}

}  // namespace arkiv::indexer
