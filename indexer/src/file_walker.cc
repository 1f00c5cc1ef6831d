#include "indexer/src/file_walker.h"

#include <fnmatch.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <set>
#include <string_view>
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

// The globs of one ignore file; they apply to the folder that holds it and every folder below.
struct IgnoreRules {
  fs::path base;
  std::vector<std::string> patterns;  // without a leading or trailing '/'
  std::vector<bool> folders_only;     // the pattern ended with '/'
};
using IgnoreChain = std::vector<std::shared_ptr<const IgnoreRules>>;

std::string_view trimmed(std::string_view line) {
  constexpr std::string_view kSpace = " \t\r";
  const auto first = line.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return line.substr(first, line.find_last_not_of(kSpace) - first + 1);
}

// A glob without '/' matches an entry's name at any depth; one with '/' matches the path
// relative to the ignore file's folder ('*' does not cross '/').
bool is_ignored(const IgnoreChain& chain, const fs::path& entry, bool is_folder) {
  const std::string name = entry.filename().string();
  for (const auto& rules : chain)
    for (std::size_t i = 0; i < rules->patterns.size(); ++i) {
      if (rules->folders_only[i] && !is_folder) continue;
      const std::string& pattern = rules->patterns[i];
      const bool matches = pattern.find('/') == std::string::npos
                               ? ::fnmatch(pattern.c_str(), name.c_str(), 0) == 0
                               : ::fnmatch(pattern.c_str(), entry.lexically_relative(rules->base).c_str(), FNM_PATHNAME) == 0;
      if (matches) return true;
    }
  return false;
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
    std::vector<std::pair<fs::path, IgnoreChain>> pending{{root, {}}};
    while (!pending.empty()) {
      auto [folder, ignore] = std::move(pending.back());
      pending.pop_back();
      if (!enter(folder)) continue;
      read_ignore_file(folder, ignore);
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
      std::vector<std::pair<fs::path, IgnoreChain>> subfolders;
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
          if (!is_ignored(ignore, entry, true)) subfolders.emplace_back(entry, ignore);
        } else if (fs::is_regular_file(status)) {
          if (!is_ignored(ignore, entry, false)) add_file(entry);
        }
      }
      pending.insert(pending.end(), std::make_move_iterator(subfolders.rbegin()),
                     std::make_move_iterator(subfolders.rend()));
      if (error) result_.failures.push_back({folder, "cannot read folder: " + error.message()});
    }
  }

  // Adds the globs of folder/.arkivignore (one per line, '#' comments) to the chain.
  void read_ignore_file(const fs::path& folder, IgnoreChain& chain) {
    const fs::path file = folder / kIgnoreFileName;
    std::error_code error;
    if (!fs::is_regular_file(file, error)) return;
    std::ifstream in(file);
    if (!in) return result_.failures.push_back({file, "cannot read ignore file"});
    auto rules = std::make_shared<IgnoreRules>();
    rules->base = folder;
    for (std::string line; std::getline(in, line);) {
      std::string_view pattern = trimmed(line);
      if (pattern.empty() || pattern.front() == '#') continue;
      const bool folders_only = pattern.back() == '/';
      while (!pattern.empty() && pattern.back() == '/') pattern.remove_suffix(1);
      while (!pattern.empty() && pattern.front() == '/') pattern.remove_prefix(1);
      if (pattern.empty()) continue;
      rules->patterns.emplace_back(pattern);
      rules->folders_only.push_back(folders_only);
    }
    if (!rules->patterns.empty()) chain.push_back(std::move(rules));
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
