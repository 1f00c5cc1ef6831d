// arkiv-index: the command line of the indexer module. Exit codes: 0 every file indexed,
// 1 some file or path failed (each reported once on stderr), 2 usage or database error.
#include <unistd.h>

#include <boost/program_options.hpp>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "corpus/document.h"
#include "indexer/indexer.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

constexpr int kExitOk = 0, kExitSomeFailed = 1, kExitUsage = 2;

const char* const kUsage =
    "Usage: arkiv-index [--db DIR] [--jobs N] [--prune] [--full] PATH...\n"
    "       arkiv-index --explain FILE [--json]\n"
    "       arkiv-index --stats [--db DIR]\n"
    "\n"
    "Indexes text, PDF and HTML files and folders (recursively; hidden entries, *.meta.json\n"
    "sidecars and manifest.csv are skipped) into a Xapian database, one document per section.\n"
    "A folder's .arkivignore file lists more to skip there and below: one glob per line\n"
    "(fnmatch; '#' starts a comment). A glob without '/' matches file and folder names, one\n"
    "with '/' the path relative to that folder, a trailing '/' folders only. A file named on\n"
    "the command line is always indexed.\n"
    "A re-run skips files whose size and modification time are unchanged. A new database\n"
    "(1 MiB of files or more, --jobs 2 or more) is built in one shard per job, merged at the end.\n"
    "\n"
    "Exit status: 0 all files indexed, 1 some files failed (each named on stderr),\n"
    "2 usage or database error.\n"
    "\n"
    "Options";

std::string megabytes(double bytes) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f MB", bytes / 1e6);
  return buffer;
}

void draw_progress(const arkiv::IndexProgress& progress) {
  const double rate = progress.seconds > 0 ? progress.bytes_done / progress.seconds : 0;
  const double eta = rate > 0 ? (progress.bytes_total - progress.bytes_done) / rate : 0;
  std::fprintf(stderr, "\r\033[Kfiles %zu/%zu  %s/%s  %.1f MB/s  ETA %d:%02d", progress.files_done,
               progress.files_total, megabytes(progress.bytes_done).c_str(), megabytes(progress.bytes_total).c_str(),
               rate / 1e6, static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
  if (progress.files_done == progress.files_total) std::fputs("\r\033[K", stderr);
}

void print_explanation(const arkiv::Document& document) {
  std::cout << "file:  " << document.file.string() << "\ntitle: " << document.title << "\norg:   " << document.org
            << "\ndate:  " << document.date << "\ntype:  " << document.type << "\nlang:  " << document.lang
            << "\npages: " << document.pages << "\nsections: " << document.sections.size() << '\n';
  for (const auto& section : document.sections) {
    std::cout << "  [" << section.kind << "] " << section.number << (section.number.empty() ? "" : " ")
              << section.title << "  (p. " << section.page_start << '-' << section.page_end << ", "
              << section.text.size() << " bytes)";
    for (const auto& part : section.parts) std::cout << ' ' << part.role;
    std::cout << '\n';
  }
  for (const auto& warning : document.warnings) std::cout << "warning: " << warning << '\n';
}

void print_stats(const arkiv::DatabaseStats& stats) {
  std::cout << "documents:     " << stats.documents << "\nsections:      " << stats.sections
            << "\norganisations: " << stats.organisations << "\ndates:         "
            << (stats.first_date.empty() ? "-" : stats.first_date + " .. " + stats.last_date) << "\nlanguages:    ";
  for (const auto& [language, sections] : stats.languages) std::cout << ' ' << language << '=' << sections;
  std::cout << "\nsize on disk:  " << megabytes(static_cast<double>(stats.bytes_on_disk)) << '\n';
}

int run(int argc, char** argv) {
  po::options_description visible(kUsage);
  visible.add_options()
      ("help,h", "show this help")
      ("db", po::value<std::string>(), "database folder (default: $ARKIV_DB, else ./arkiv-db)")
      ("jobs,j", po::value<unsigned>()->default_value(0), "worker threads; 0 = one per core")
      ("prune", "remove the sections of indexed files that no longer exist")
      ("full", "reindex every file, changed or not")
      ("explain", po::value<std::string>(), "show how FILE is read and split; touches no database")
      ("json", "with --explain: print the JSON of docs/explain.md")
      ("stats", "print database statistics");
  po::options_description hidden;
  hidden.add_options()("path", po::value<std::vector<std::string>>(), "");
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map args;
  po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), args);
  po::notify(args);

  if (args.count("help")) {
    std::cout << visible << '\n';
    return kExitOk;
  }
  const fs::path database = args.count("db") ? fs::path(args["db"].as<std::string>()) : arkiv::default_database_path();
  const std::vector<std::string> paths = args.count("path") ? args["path"].as<std::vector<std::string>>()
                                                            : std::vector<std::string>{};
  if (args.count("explain")) {
    if (!paths.empty()) throw arkiv::UsageError("--explain takes one FILE and no other paths");
    arkiv::Document document;
    try {
      document = arkiv::read_document(args["explain"].as<std::string>());
    } catch (const arkiv::Error& error) {  // a bad file, as in an indexing run
      std::cerr << "arkiv-index: " << error.what() << '\n';
      return kExitSomeFailed;
    }
    if (args.count("json"))
      std::cout << arkiv::document_to_json(document) << '\n';
    else
      print_explanation(document);
    return kExitOk;
  }
  if (args.count("stats")) {
    print_stats(arkiv::database_stats(database));
    return kExitOk;
  }
  if (paths.empty()) throw arkiv::UsageError("no PATH to index (see --help)");

  arkiv::IndexOptions options;
  options.database = database;
  options.jobs = args["jobs"].as<unsigned>();
  options.prune = args.count("prune") > 0;
  options.full = args.count("full") > 0;
  arkiv::ProgressCallback progress;
  if (::isatty(STDERR_FILENO)) progress = draw_progress;
  const arkiv::IndexSummary summary =
      arkiv::index_files(std::vector<fs::path>(paths.begin(), paths.end()), options, progress);

  for (const auto& warning : summary.warnings) std::cerr << "arkiv-index: " << warning << '\n';
  for (const auto& failure : summary.failures)
    std::cerr << "arkiv-index: " << failure.file.string() << ": " << failure.reason << '\n';
  char timing[64];
  std::snprintf(timing, sizeof timing, "%.1f s", summary.seconds);
  std::cerr << "arkiv-index: " << summary.added << " added, " << summary.updated << " updated, " << summary.unchanged
            << " unchanged, " << summary.removed << " removed, " << summary.failed << " failed ("
            << summary.sections << " sections, " << megabytes(static_cast<double>(summary.bytes_read)) << " read) in "
            << timing << '\n';
  return summary.failed ? kExitSomeFailed : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const po::error& error) {
    std::cerr << "arkiv-index: " << error.what() << " (see --help)\n";
  } catch (const arkiv::Error& error) {  // usage, or the database could not be opened or written
    std::cerr << "arkiv-index: " << error.what() << '\n';
  } catch (const std::exception& error) {
    std::cerr << "arkiv-index: " << error.what() << '\n';
  } catch (...) {
    std::cerr << "arkiv-index: unexpected error\n";
  }
  return kExitUsage;
}
