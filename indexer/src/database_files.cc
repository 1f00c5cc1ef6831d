#include "indexer/src/database_files.h"

#include <system_error>

#include "stemming/error.h"

namespace arkiv::indexer {
namespace fs = std::filesystem;

Xapian::WritableDatabase open_writable(const fs::path& database) {
  std::error_code error;
  if (database.has_parent_path()) fs::create_directories(database.parent_path(), error);
  try {
    return Xapian::WritableDatabase(database.string(), Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw IoError(database.string() + ": database is in use by another writer (another arkiv-index run?)");
  } catch (const Xapian::Error& xapian_error) {
    throw IoError(database.string() + ": cannot open database for writing: " + xapian_error.get_description());
  }
}

Xapian::Database open_readable(const fs::path& database) {
  std::error_code error;
  if (!fs::exists(database, error)) throw IoError(database.string() + ": no such database");
  try {
    return Xapian::Database(database.string());
  } catch (const Xapian::Error& xapian_error) {
    throw IoError(database.string() + ": cannot open database: " + xapian_error.get_description());
  }
}

std::uintmax_t bytes_on_disk(const fs::path& folder) {
  std::uintmax_t total = 0;
  std::error_code error;
  for (fs::recursive_directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    std::error_code size_error;
    if (it->is_regular_file(size_error)) {
      const auto size = it->file_size(size_error);
      if (!size_error) total += size;
    }
  }
  return total;
}

}  // namespace arkiv::indexer
