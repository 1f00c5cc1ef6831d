// The bundled sample corpus is the five shared seed documents, byte for byte.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "stemming/error.h"

namespace {

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("the sample corpus holds the five seed documents unchanged", "[samples]") {
  const std::filesystem::path samples = std::filesystem::path(ARKIV_SOURCE_DIR) / "corpus/samples";
  std::ifstream sums(samples / "SHA256SUMS");
  REQUIRE(sums);
  int files = 0;
  std::string sum, name;
  while (sums >> sum >> name) {
    INFO(name);
    REQUIRE(std::filesystem::file_size(samples / name) > 10000);
    ++files;
    // The seeds beside the checkout (present in CI and for developers) must match byte for byte.
    const auto seed = std::filesystem::path(ARKIV_SOURCE_DIR) / "../shared/corpus/seeds" / name;
    if (std::filesystem::exists(seed)) CHECK(read_bytes(seed) == read_bytes(samples / name));
  }
  CHECK(files == 5);
  // The recorded checksums hold (sha256sum is in coreutils).
  const std::string check = "cd '" + samples.string() + "' && sha256sum --check --quiet SHA256SUMS";
  CHECK(std::system(check.c_str()) == 0);
}

TEST_CASE("a missing data file is reported with its path", "[errors]") {
  try {
    arkiv::data_file("stemming/data/no-such-file.tsv");
    FAIL("no exception");
  } catch (const arkiv::IoError& error) {
    CHECK(std::string(error.what()).find("no-such-file.tsv") != std::string::npos);
  }
}

// catch_discover_tests passes each name to the suite as its test spec; a name beginning with
// '-' is read as an option instead (and "--help" even exits 0), so no name may start with one.
TEST_CASE("no test case name begins with a dash", "[project]") {
  const std::regex test_case_name(R"re(TEST_CASE(?:_METHOD)?\s*\((?:\s*\w+\s*,)?\s*"(-[^"]*)")re");
  std::vector<std::string> offenders;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::filesystem::path(ARKIV_SOURCE_DIR) / "tests")) {
    if (entry.path().extension() != ".cc") continue;
    const std::string source = read_bytes(entry.path());
    for (std::sregex_iterator match(source.begin(), source.end(), test_case_name), end; match != end; ++match)
      offenders.push_back(entry.path().filename().string() + ": " + (*match)[1].str());
  }
  CHECK(offenders == std::vector<std::string>{});
}
