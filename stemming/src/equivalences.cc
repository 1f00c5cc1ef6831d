#include "stemming/src/equivalences.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <unordered_map>

#include "stemming/src/language_data_reader.h"
#include "stemming/src/snowball_stemmer.h"

namespace arkiv {
namespace {

constexpr std::string_view kTablePath = "stemming/data/equivalences.tsv";
constexpr std::string_view kHeader = "da\tnb\tnn";
constexpr std::string_view kInflectionsPath = "stemming/data/equivalences_inflections.tsv";

// Empty when the word is acceptable, else what is wrong with it.
std::string word_problem(std::string_view word) {
  if (word.empty()) return "empty word";
  for (std::int32_t i = 0; i < static_cast<std::int32_t>(word.size());) {
    UChar32 c;
    U8_NEXT(word.data(), i, static_cast<std::int32_t>(word.size()), c);
    if (c < 0) return "invalid UTF-8 in \"" + std::string(word) + "\"";
    if (u_isUWhiteSpace(c)) return "space in \"" + std::string(word) + "\" (one word a cell)";
    if (u_isupper(c)) return "upper-case letter in \"" + std::string(word) + "\" (write words lower case)";
  }
  return {};
}

// libstemmer objects are not thread-safe, so each thread keeps its own, one per language.
std::string snowball_stem(std::string_view word, Language language) {
  thread_local std::array<std::unique_ptr<SnowballStemmer>, 5> stemmers;
  auto& stemmer = stemmers[static_cast<std::size_t>(language)];
  if (!stemmer) stemmer = std::make_unique<SnowballStemmer>(language);
  return stemmer->stem(word);
}

// Language -> inflection endings ("=" prefix: double the final consonant), as in the file.
std::unordered_map<Language, std::vector<std::string>> load_inflections(const std::filesystem::path& path) {
  TsvDataReader reader(path);
  std::unordered_map<Language, std::vector<std::string>> endings;
  for (std::vector<std::string_view> cells; reader.next("language\tendings", cells);) {
    if (cells.size() != 2) reader.fail("expected 2 tab-separated columns (language, endings)");
    auto column = std::find_if(kEquivalenceLanguages.begin(), kEquivalenceLanguages.end(),
                               [&](Language l) { return language_code(l) == cells[0]; });
    if (column == kEquivalenceLanguages.end()) reader.fail("unknown language \"" + std::string(cells[0]) + "\"");
    for (std::string_view ending : split_fields(cells[1], ' ')) {
      if (ending.empty() || ending == "=") reader.fail("empty ending");
      endings[*column].emplace_back(ending);
    }
  }
  if (!reader.header_seen()) reader.fail_file("no header line \"language<TAB>endings\"");
  return endings;
}

// The word with the ending appended, after doubling its final consonant for an "=" ending.
std::string inflect(const std::string& word, std::string_view ending) {
  if (ending.front() != '=') return word + std::string(ending);
  char last = word.back();
  // Only ASCII consonants are doubled; a word ending in a vowel or non-ASCII letter is left alone.
  bool consonant = last >= 'a' && last <= 'z' && std::string_view("aeiouy").find(last) == std::string_view::npos;
  return (consonant ? word + last : word) + std::string(ending.substr(1));
}

// A bit per key hash over every key of the indexes: most words have no equivalent, and the
// filter (32 KB) answers them without the maps.
class KeyFilter {
 public:
  void add(std::string_view key) { bits_[bit(key) / 64] |= 1ull << (bit(key) % 64); }
  bool may_contain(std::string_view key) const { return (bits_[bit(key) / 64] >> (bit(key) % 64)) & 1; }

 private:
  static constexpr std::size_t kBits = 1u << 18;
  static std::size_t bit(std::string_view key) { return std::hash<std::string_view>{}(key) % kBits; }
  std::vector<std::uint64_t> bits_ = std::vector<std::uint64_t>(kBits / 64);
};

struct EquivalenceTable {
  std::vector<EquivalenceRow> rows;
  using Index = std::array<std::unordered_map<std::string, std::vector<std::size_t>>, kEquivalenceLanguages.size()>;
  Index rows_by_word;  // per column: form -> rows
  Index rows_by_stem;  // per column: stem of a form, or of the form with an inflection ending -> rows
  KeyFilter keys;      // of both indexes
};

void add_to_index(EquivalenceTable& table, EquivalenceTable::Index& index, std::size_t column, const std::string& key,
                  std::size_t row) {
  table.keys.add(key);
  auto& rows = index[column][key];
  if (std::find(rows.begin(), rows.end(), row) == rows.end()) rows.push_back(row);
}

EquivalenceTable build_table() {
  EquivalenceTable table;
  table.rows = load_equivalence_rows(data_file(kTablePath));
  auto endings = load_inflections(data_file(kInflectionsPath));
  for (std::size_t row = 0; row < table.rows.size(); ++row) {
    for (std::size_t column = 0; column < kEquivalenceLanguages.size(); ++column) {
      Language language = kEquivalenceLanguages[column];
      for (const std::string& form : table.rows[row].forms[column]) {
        add_to_index(table, table.rows_by_word, column, form, row);
        add_to_index(table, table.rows_by_stem, column, snowball_stem(form, language), row);
        for (const std::string& ending : endings[language]) {
          add_to_index(table, table.rows_by_stem, column, snowball_stem(inflect(form, ending), language), row);
        }
      }
    }
  }
  return table;
}

const EquivalenceTable& equivalence_table() {
  static const EquivalenceTable table = build_table();
  return table;
}

// Columns whose words a `language` input can match: bokmål and nynorsk share a stemmer and
// are often mixed (or mis-identified), so each searches both Norwegian columns.
std::vector<std::size_t> searched_columns(Language language) {
  switch (language) {
    case Language::da:
      return {0};
    case Language::nb:
      return {1, 2};
    case Language::nn:
      return {2, 1};
    case Language::sv:
    case Language::en:
      return {};
  }
  return {};
}

}  // namespace

std::vector<EquivalenceRow> load_equivalence_rows(const std::filesystem::path& path) {
  TsvDataReader reader(path);
  std::vector<EquivalenceRow> rows;
  for (std::vector<std::string_view> cells; reader.next(kHeader, cells);) {
    if (cells.size() != kEquivalenceLanguages.size()) {
      reader.fail("expected 3 tab-separated columns (da, nb, nn), found " + std::to_string(cells.size()));
    }
    EquivalenceRow row;
    std::vector<std::string> all_forms;
    for (std::size_t column = 0; column < cells.size(); ++column) {
      for (std::string_view form : split_fields(cells[column], '|')) {
        if (std::string problem = word_problem(form); !problem.empty()) {
          reader.fail("column " + std::to_string(column + 1) + ": " + problem);
        }
        row.forms[column].emplace_back(form);
        all_forms.emplace_back(form);
      }
    }
    std::sort(all_forms.begin(), all_forms.end());
    if (std::unique(all_forms.begin(), all_forms.end()) - all_forms.begin() < 2) {
      reader.fail("all forms are identical; such a row adds nothing");
    }
    row.line = reader.line_number();
    rows.push_back(std::move(row));
  }
  if (!reader.header_seen()) reader.fail_file("no header line \"da<TAB>nb<TAB>nn\"");
  return rows;
}

namespace {

struct Match {
  std::size_t column;
  std::size_t row;
};

// The rows a word matches: those holding the word itself; else, among the rows sharing its
// stem (or the stem of an inflected form), those whose form is the longest prefix of the word
// ("offentligheden" is "offentlighed" + ending, not "offentlig"). A word that merely shares a
// stem is no match: Danish Snowball gives "lige", "ligger" and "lighed" one stem, "videre" and
// "viden" another. Irregular inflections ("forældre") are therefore alternatives in the table.
std::vector<Match> matching_rows(const EquivalenceTable& table, std::string_view word, Language language,
                                 std::string_view stem) {
  std::vector<Match> exact, candidates;
  if (!table.keys.may_contain(word) && !table.keys.may_contain(stem)) return exact;
  auto collect = [&](const EquivalenceTable::Index& index, std::size_t column, std::string_view key,
                     std::vector<Match>& matches) {
    if (!table.keys.may_contain(key)) return;
    auto found = index[column].find(std::string(key));
    if (found == index[column].end()) return;
    for (std::size_t row : found->second) matches.push_back({column, row});
  };
  for (std::size_t column : searched_columns(language)) {
    collect(table.rows_by_word, column, word, exact);
    collect(table.rows_by_stem, column, stem, candidates);
  }
  if (!exact.empty()) return exact;
  auto longest_prefix = [&](const Match& match) {
    std::size_t longest = 0;
    for (const std::string& form : table.rows[match.row].forms[match.column]) {
      std::string_view prefix = form;
      // A long plural in -er also heads its definite forms ("legemidler" -> "legemidlene").
      if (!word.starts_with(prefix) && prefix.ends_with("er") && prefix.size() >= 10) prefix.remove_suffix(2);
      if (word.starts_with(prefix)) longest = std::max(longest, prefix.size());
    }
    return longest;
  };
  std::size_t best = 0;
  for (const Match& match : candidates) best = std::max(best, longest_prefix(match));
  std::vector<Match> prefixed;
  if (best == 0) return prefixed;
  for (const Match& match : candidates) {
    if (longest_prefix(match) == best) prefixed.push_back(match);
  }
  return prefixed;
}

}  // namespace

std::vector<Variant> cross_language_variants(std::string_view normalised_word, Language language) {
  if (normalised_word.empty()) return {};
  return cross_language_variants(normalised_word, language, snowball_stem(normalised_word, language));
}

std::vector<Variant> cross_language_variants(std::string_view normalised_word, Language language,
                                             std::string_view stem) {
  const EquivalenceTable& table = equivalence_table();
  std::vector<Variant> variants;
  if (normalised_word.empty()) return variants;
  for (const Match& match : matching_rows(table, normalised_word, language, stem)) {
    // The matched column's own alternatives are spellings, not cross-language variants.
    for (std::size_t other = 0; other < kEquivalenceLanguages.size(); ++other) {
      if (other == match.column) continue;
      for (const std::string& form : table.rows[match.row].forms[other]) {
        // A word spelled alike in nb and nn (or equal to the input) is listed once.
        bool listed = form == normalised_word ||
                      std::any_of(variants.begin(), variants.end(), [&](const Variant& v) { return v.word == form; });
        if (!listed) variants.push_back({form, kEquivalenceLanguages[other]});
      }
    }
  }
  return variants;
}

}  // namespace arkiv
