#pragma once
// Errors shared by every arkiv module, and where data files are found.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace arkiv {

// Every arkiv exception derives from Error; its message names the input at fault
// (file, line, field, query) and is fit to show a user as one line.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The caller's mistake: an unknown language code, a bad option, a malformed query.
class UsageError : public Error {
 public:
  using Error::Error;
};

// The world's: input that cannot be understood (corrupt PDF, invalid data file line).
class DataError : public Error {
 public:
  using Error::Error;
};

// The world's: a file or database that cannot be read or written.
class IoError : public Error {
 public:
  using Error::Error;
};

// Absolute path of a data file shipped with arkiv, given relative to the project root
// (e.g. "corpus/data/organisations.tsv"). The root is $ARKIV_DATA_DIR when set, else the
// source folder the binaries were built from. Throws IoError naming the file if it is absent.
std::filesystem::path data_file(std::string_view relative_path);

}  // namespace arkiv
