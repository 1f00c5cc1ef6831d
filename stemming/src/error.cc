#include "stemming/error.h"

#include <cstdlib>

namespace arkiv {

std::filesystem::path data_file(std::string_view relative_path) {
  const char* override_root = std::getenv("ARKIV_DATA_DIR");
  std::filesystem::path root = (override_root && *override_root) ? override_root : ARKIV_DATA_DIR;
  std::filesystem::path path = root / relative_path;
  std::error_code ignored;
  if (!std::filesystem::is_regular_file(path, ignored)) {
    throw IoError("data file not found: " + path.string() + " (set ARKIV_DATA_DIR to the arkiv source folder)");
  }
  return path;
}

}  // namespace arkiv
