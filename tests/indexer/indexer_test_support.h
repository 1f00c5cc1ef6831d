#pragma once
// Shared by the indexer tests: temporary folders, sample copies, running arkiv-index and
// reading back what a database holds.
#include <filesystem>
#include <map>
#include <string>

namespace arkiv::indexer {

// A fresh folder under the system temp folder, removed with everything in it on destruction.
class TempFolder {
 public:
  TempFolder();
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Copies the sample documents (corpus/samples/*.txt) into folder/copy-N/ for N < copies.
void copy_samples(const std::filesystem::path& folder, int copies = 1);

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs a shell command line, capturing stdout and stderr.
CommandResult run_command(const std::string& command_line);

// The arkiv-index binary of this build, quoted for a shell.
std::string arkiv_index();

// Every section of a database as Q id -> its terms (with wdf and positions) and values, one
// line each: equal maps mean equal indexes whatever the docids.
std::map<std::string, std::string> section_fingerprints(const std::filesystem::path& database);

}  // namespace arkiv::indexer
