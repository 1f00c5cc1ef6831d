// Precision and recall of decompounding on hand-labelled words (tests/data/compounds).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "stemming/analyzer.h"
#include "stemming/src/decompounder.h"

namespace {

struct LabelledWord {
  std::string word;
  arkiv::Language language;
  std::vector<std::string> expected;  // empty: must not split
};

std::vector<LabelledWord> read_labelled_words(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  std::vector<LabelledWord> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string word, language, parts;
    std::getline(fields, word, '\t');
    std::getline(fields, language, '\t');
    std::getline(fields, parts);
    LabelledWord row{word, arkiv::parse_language(language), {}};
    std::istringstream part_stream(parts);
    for (std::string part; part_stream >> part;) {
      if (part != "+" && part != "-") row.expected.push_back(part);
    }
    rows.push_back(row);
  }
  return rows;
}

// Parts are compared by Snowball stem, as the Analyzer indexes them ("uddannelsen" and
// "uddannelse" are the same part).
std::string stems(const std::vector<std::string>& parts, const arkiv::Analyzer& analyzer) {
  std::string out;
  for (const std::string& part : parts) out += analyzer.stem(part) + "|";
  return out;
}

}  // namespace

TEST_CASE("decompounding reaches its precision and recall on hand-labelled words", "[decompounding]") {
  const auto rows = read_labelled_words(ARKIV_SOURCE_DIR "/tests/data/compounds/compounds.tsv");
  const arkiv::Analyzer danish({.language = arkiv::Language::da});
  const arkiv::Analyzer norwegian({.language = arkiv::Language::nb});
  int compounds = 0, non_compounds = 0, splits = 0, correct = 0, false_splits = 0;
  for (const LabelledWord& row : rows) {
    const auto& analyzer = row.language == arkiv::Language::da ? danish : norwegian;
    const std::vector<std::string> parts = arkiv::decompounder_for(row.language).split(row.word);
    if (!parts.empty()) ++splits;
    if (row.expected.empty()) {
      ++non_compounds;
      if (!parts.empty()) ++false_splits;
    } else {
      ++compounds;
      if (!parts.empty() && stems(parts, analyzer) == stems(row.expected, analyzer)) ++correct;
    }
  }
  REQUIRE(compounds >= 200);
  REQUIRE(non_compounds >= 200);
  const double precision = static_cast<double>(correct) / splits;
  const double recall = static_cast<double>(correct) / compounds;
  WARN("decompounding: " << compounds << " compounds, " << non_compounds << " non-compounds; precision "
                         << precision << ", recall " << recall << ", false splits " << false_splits);
  CHECK(precision >= 0.9);
  CHECK(recall >= 0.85);
  CHECK(false_splits * 100 <= non_compounds);  // at most 1% of non-compounds split
}
