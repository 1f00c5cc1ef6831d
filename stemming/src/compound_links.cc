#include "stemming/src/compound_links.h"

#include <fstream>
#include <unordered_set>

namespace arkiv {
namespace {

std::unordered_set<std::string> load_conjunctions() {
  const auto path = data_file("stemming/data/compound_conjunctions.txt");
  std::ifstream in(path);
  if (!in) throw IoError("cannot read " + path.string());
  std::unordered_set<std::string> words;
  std::string line;
  for (int line_number = 1; std::getline(in, line); ++line_number) {
    if (line.empty() || line[0] == '#') continue;
    if (line.find_first_of(" \t") != std::string::npos || normalise_text(line) != line) {
      throw DataError(path.string() + ":" + std::to_string(line_number) + ": expected one normalised word, got '" +
                      line + "'");
    }
    words.insert(line);
  }
  return words;
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// Removes leading white space (ASCII or U+00A0) and returns how much it removed.
std::size_t skip_space(std::string_view& gap) {
  std::size_t skipped = 0;
  while (!gap.empty()) {
    if (gap[0] == ' ' || gap[0] == '\t' || gap[0] == '\n' || gap[0] == '\r') {
      gap.remove_prefix(1);
      ++skipped;
    } else if (starts_with(gap, "\u00A0")) {
      gap.remove_prefix(2);
      ++skipped;
    } else {
      break;
    }
  }
  return skipped;
}

// Removes a leading hyphen-minus, U+2010 hyphen or U+2013 en dash; true if there was one.
bool skip_dash(std::string_view& gap) {
  for (std::string_view dash : {"-", "\u2010", "\u2013"}) {
    if (starts_with(gap, dash)) {
      gap.remove_prefix(dash.size());
      return true;
    }
  }
  return false;
}

std::string_view gap_between(const Token& left, const Token& right, std::string_view text) {
  if (right.start < left.end || right.start > text.size()) return {};
  return text.substr(left.end, right.start - left.end);
}

bool is_word(const Token& token) { return !token.is_number && !token.norm.empty(); }

}  // namespace

bool is_compound_conjunction(std::string_view normalised_word) {
  static const std::unordered_set<std::string> conjunctions = load_conjunctions();
  return conjunctions.count(std::string(normalised_word)) > 0;
}

bool may_link(const TokenWindow& window, std::string_view text) {
  if (window.size() < 2) return false;
  // Every dash of skip_dash is '-' or a three-byte sequence starting with 0xE2.
  const std::string_view gap = gap_between(window[0], window[1], text);
  if (gap.size() == 1) return gap[0] == '-';  // most gaps are one space
  for (char c : gap) {
    if (c == '-' || c == '\xE2') return true;
  }
  return false;
}

bool is_joined_by_hyphen(const TokenWindow& window, std::string_view text) {
  if (window.size() < 2 || !is_word(window[0]) || !is_word(window[1])) return false;
  const std::string_view gap = gap_between(window[0], window[1], text);
  return gap == "-" || gap == "\u2010";
}

std::size_t suspended_compound_head(const TokenWindow& window, std::string_view text) {
  if (window.size() < 3 || !is_word(window[0])) return 0;
  // "Sundheds- og", "Sundheds - og", "Sundheds – og": a dash, then space, after the first word.
  std::string_view gap = gap_between(window[0], window[1], text);
  skip_space(gap);
  if (!skip_dash(gap) || skip_space(gap) == 0 || !gap.empty()) return 0;
  // One or more conjunctions ("og", "og/eller", "el."), then the head word after a separator.
  std::size_t index = 1;
  while (index < window.size() && is_compound_conjunction(window[index].norm)) ++index;
  if (index == 1 || index >= window.size() || !is_word(window[index])) return 0;
  for (std::size_t i = 1; i < index; ++i) {
    const std::string_view separator = gap_between(window[i], window[i + 1], text);
    if (separator.empty() || separator.find_first_not_of(" \t\r\n./") != std::string_view::npos) return 0;
  }
  return index;
}

}  // namespace arkiv
