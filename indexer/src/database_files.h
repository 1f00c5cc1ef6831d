#pragma once
// Opening the arkiv database with errors that name it, and its size on disk. Internal.
#include <xapian.h>

#include <cstdint>
#include <filesystem>

namespace arkiv::indexer {

// Creates the database (and missing parent folders) if needed. Throws IoError naming the
// database when it is locked by another writer, corrupt or not writable.
Xapian::WritableDatabase open_writable(const std::filesystem::path& database);

// Throws IoError naming the database when it is missing or unreadable.
Xapian::Database open_readable(const std::filesystem::path& database);

// Sum of the sizes of the regular files under the folder.
std::uintmax_t bytes_on_disk(const std::filesystem::path& folder);

}  // namespace arkiv::indexer
