#pragma once
// Helpers shared by the corpus structure, metadata and accuracy tests.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

#include "corpus/document.h"

namespace arkiv::test {

inline std::filesystem::path structure_sample(std::string_view prefix) {
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(ARKIV_SOURCE_DIR) / "corpus/samples")) {
    if (entry.path().filename().string().rfind(prefix, 0) == 0) return entry.path();
  }
  return {};
}

// The Python generator of the shared benchmark corpus, next to the repository.
inline std::filesystem::path corpus_generator() {
  return std::filesystem::path(ARKIV_SOURCE_DIR) / ".." / "shared" / "bench" / "make-corpus.py";
}

// A scratch folder for one test, removed with its content when the object goes.
class StructureScratch {
 public:
  explicit StructureScratch(std::string_view name)
      : path_(std::filesystem::temp_directory_path() /
              ("arkiv-structure-" + std::string(name) + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~StructureScratch() {
    std::error_code ignored;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ignored);
    std::filesystem::remove_all(path_, ignored);
  }
  StructureScratch(const StructureScratch&) = delete;
  StructureScratch& operator=(const StructureScratch&) = delete;

  std::filesystem::path write(std::string_view name, std::string_view bytes) const {
    const std::filesystem::path file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return file;
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The titles of a document's agenda items and chapters, in order.
inline std::vector<std::string> section_titles(const Document& document) {
  std::vector<std::string> titles;
  for (const Section& section : document.sections) {
    if (section.kind == "agenda_item" || section.kind == "chapter") titles.push_back(section.title);
  }
  return titles;
}

}  // namespace arkiv::test
