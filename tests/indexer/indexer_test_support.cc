#include "tests/indexer/indexer_test_support.h"

#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace arkiv::indexer {
namespace fs = std::filesystem;

TempFolder::TempFolder() {
  std::string pattern = (fs::temp_directory_path() / "arkiv-indexer-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempFolder::~TempFolder() {
  std::error_code error;
  fs::remove_all(path_, error);
}

void copy_samples(const fs::path& folder, int copies) {
  const fs::path samples = fs::path(ARKIV_SOURCE_DIR) / "corpus/samples";
  for (int copy = 0; copy < copies; ++copy) {
    const fs::path target = folder / ("copy-" + std::to_string(copy));
    fs::create_directories(target);
    for (const auto& entry : fs::directory_iterator(samples))
      if (entry.path().extension() == ".txt") {
        fs::copy_file(entry.path(), target / entry.path().filename());
        fs::permissions(target / entry.path().filename(), fs::perms::owner_write, fs::perm_options::add);
      }
  }
}

namespace {

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

CommandResult run_command(const std::string& command_line) {
  TempFolder capture;
  const fs::path out = capture.path() / "out", err = capture.path() / "err";
  const int status = std::system((command_line + " >'" + out.string() + "' 2>'" + err.string() + "'").c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(out);
  result.err = slurp(err);
  return result;
}

std::string arkiv_index() { return "'" + (fs::path(ARKIV_BINARY_DIR) / "indexer/arkiv-index").string() + "'"; }

std::map<std::string, std::string> section_fingerprints(const fs::path& database_path) {
  Xapian::Database database(database_path.string());
  std::map<std::string, std::string> out;
  for (auto id = database.allterms_begin("Q"); id != database.allterms_end("Q"); ++id) {
    const Xapian::docid docid = *database.postlist_begin(*id);
    const Xapian::Document document = database.get_document(docid);
    std::ostringstream fingerprint;
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
      fingerprint << *term << ':' << term.get_wdf();
      for (auto position = term.positionlist_begin(); position != term.positionlist_end(); ++position)
        fingerprint << ',' << *position;
      fingerprint << '\n';
    }
    for (auto value = document.values_begin(); value != document.values_end(); ++value)
      fingerprint << '#' << value.get_valueno() << '=' << *value << '\n';
    fingerprint << document.get_data();
    out[*id] = fingerprint.str();
  }
  return out;
}

}  // namespace arkiv::indexer
