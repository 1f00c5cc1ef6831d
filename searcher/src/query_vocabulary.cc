#include "searcher/src/query_vocabulary.h"

#include <fstream>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "stemming/error.h"
#include "stemming/xapian_terms.h"

namespace arkiv::query {
namespace {

// Reads "key<TAB>value" lines (value may hold several space-separated words); '#' starts a comment.
std::vector<std::pair<std::string, std::string>> read_tsv(std::string_view relative_path) {
  const auto path = data_file(relative_path);
  std::ifstream in(path);
  if (!in) throw IoError("cannot read " + path.string());
  std::vector<std::pair<std::string, std::string>> rows;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 == line.size() || line.find('\t', tab + 1) != std::string::npos)
      throw DataError(path.string() + ":" + std::to_string(number) + ": expected two tab-separated columns");
    rows.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return rows;
}

std::vector<std::string> split_words(const std::string& words) {
  std::istringstream in(words);
  std::vector<std::string> out;
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

struct Vocabulary {
  std::unordered_map<std::string, std::string> fields;
  std::unordered_map<std::string, std::string> roles;
  std::unordered_map<std::string, int> months;
  std::unordered_map<std::string, DateWord> date_words;
  CommonWords stop_words = CommonWords::standard();  // the Snowball lists, as for pair terms

  Vocabulary() {
    for (auto& [name, field] : read_tsv("searcher/data/query_fields.tsv")) fields.emplace(name, field);
    for (auto& [name, role] : read_tsv("searcher/data/roles.tsv")) roles.emplace(name, role);
    for (auto& [number, names] : read_tsv("searcher/data/months.tsv")) {
      const int month = std::stoi(number);
      if (month < 1 || month > 12) throw DataError("searcher/data/months.tsv: bad month number " + number);
      for (auto& name : split_words(names)) months.emplace(name, month);
    }
    static const std::unordered_map<std::string, DateWord> kRoles{
        {"from", DateWord::from},   {"to", DateWord::to},       {"before", DateWord::before},
        {"after", DateWord::after}, {"since", DateWord::since}, {"in", DateWord::in}};
    for (auto& [role, words] : read_tsv("searcher/data/date_words.tsv")) {
      const auto known = kRoles.find(role);
      if (known == kRoles.end()) throw DataError("searcher/data/date_words.tsv: unknown role " + role);
      for (auto& word : split_words(words)) date_words.emplace(word, known->second);
    }
  }
};

const Vocabulary& vocabulary() {
  static const Vocabulary instance;
  return instance;
}

template <typename Map>
auto find(const Map& map, std::string_view key) -> std::optional<typename Map::mapped_type> {
  const auto it = map.find(std::string(key));
  if (it == map.end()) return std::nullopt;
  return it->second;
}

}  // namespace

std::optional<std::string> field_for_prefix(std::string_view name) { return find(vocabulary().fields, name); }
std::optional<std::string> role_for_name(std::string_view name) { return find(vocabulary().roles, name); }
std::optional<int> month_for_name(std::string_view name) { return find(vocabulary().months, name); }
std::optional<DateWord> date_word(std::string_view word) { return find(vocabulary().date_words, word); }
bool is_stop_word(std::string_view normalised_word) {
  return vocabulary().stop_words.contains(normalised_word);
}

}  // namespace arkiv::query
