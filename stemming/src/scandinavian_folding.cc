#include <unicode/utf8.h>

#include <array>
#include <fstream>
#include <map>

#include "stemming/analyzer.h"

namespace arkiv {
namespace {

// The folding table of stemming/data/scandinavian_folding.tsv, loaded once.
struct FoldingTable {
  std::map<UChar32, std::string> replacement;
  std::array<bool, 256> is_lead_byte{};  // first UTF-8 byte of some folded character
};

FoldingTable load_folding_table() {
  const auto path = data_file("stemming/data/scandinavian_folding.tsv");
  std::ifstream in(path);
  if (!in) throw IoError("cannot read " + path.string());
  FoldingTable table;
  std::string line;
  for (int line_number = 1; std::getline(in, line); ++line_number) {
    if (line.empty() || line[0] == '#') continue;
    const auto where = [&] { return path.string() + ":" + std::to_string(line_number) + ": "; };
    const auto tab = line.find('\t');
    if (tab == std::string::npos) throw DataError(where() + "expected 'character<TAB>replacement'");
    const std::string from = line.substr(0, tab);
    const std::string to = line.substr(tab + 1);
    int32_t offset = 0;
    UChar32 c;
    U8_NEXT(from.data(), offset, static_cast<int32_t>(from.size()), c);
    if (c < 0 || offset != static_cast<int32_t>(from.size())) {
      throw DataError(where() + "the first field must be exactly one character");
    }
    if (to.empty() || to.find_first_of("\t ") != std::string::npos) {
      throw DataError(where() + "the replacement must be a non-empty word");
    }
    if (!table.replacement.emplace(c, to).second) throw DataError(where() + "character listed twice: " + from);
    table.is_lead_byte[static_cast<unsigned char>(from[0])] = true;
  }
  return table;
}

const FoldingTable& folding_table() {
  static const FoldingTable table = load_folding_table();
  return table;
}

}  // namespace

std::string fold_scandinavian(std::string_view normalised_word) {
  const FoldingTable& table = folding_table();
  bool any = false;
  for (char byte : normalised_word) any = any || table.is_lead_byte[static_cast<unsigned char>(byte)];
  if (!any) return std::string(normalised_word);

  std::string folded;
  folded.reserve(normalised_word.size() + 4);
  const auto* data = reinterpret_cast<const uint8_t*>(normalised_word.data());
  const auto length = static_cast<int64_t>(normalised_word.size());
  for (int64_t i = 0; i < length;) {
    const int64_t begin = i;
    UChar32 c;
    U8_NEXT(data, i, length, c);
    const auto found = c < 0 ? table.replacement.end() : table.replacement.find(c);
    if (found != table.replacement.end()) {
      folded += found->second;
    } else {
      folded.append(normalised_word.substr(static_cast<size_t>(begin), static_cast<size_t>(i - begin)));
    }
  }
  return folded;
}

}  // namespace arkiv
