#include "searcher/src/spelling.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <vector>

namespace arkiv {
namespace {

std::u32string code_points(std::string_view utf8) {
  const auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::u32string out;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) out.push_back(static_cast<char32_t>(text.char32At(i)));
  return out;
}

}  // namespace

std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit) {
  const std::size_t longer = std::max(a.size(), b.size()), shorter = std::min(a.size(), b.size());
  if (longer - shorter > limit) return limit + 1;
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    std::size_t row_minimum = current[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
      row_minimum = std::min(row_minimum, current[j]);
    }
    if (row_minimum > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[b.size()], limit + 1);
}

std::string nearest_spelling(const Xapian::Database& database, std::string_view normalised_word) {
  const std::u32string typed = code_points(normalised_word);
  if (typed.size() < 3) return "";
  const std::size_t limit = typed.size() <= 4 ? 1 : 2;
  // The first two letters, as UTF-8 bytes of the normalised word (a letter ends where the
  // next lead byte starts).
  std::size_t prefix_end = 0;
  for (int letters = 0; letters < 3 && prefix_end < normalised_word.size(); ++prefix_end)
    if ((static_cast<unsigned char>(normalised_word[prefix_end]) & 0xC0) != 0x80 && ++letters == 3) break;
  const std::string prefix(normalised_word.substr(0, prefix_end));

  std::string best;
  std::size_t best_distance = limit + 1;
  Xapian::doccount best_frequency = 0;
  auto it = database.spellings_begin();
  for (it.skip_to(prefix); it != database.spellings_end(); ++it) {
    const std::string word = *it;
    if (!word.starts_with(prefix)) break;
    if (word == normalised_word) return "";
    const std::size_t distance = edit_distance(typed, code_points(word), limit);
    const Xapian::doccount frequency = it.get_termfreq();
    if (distance < best_distance || (distance == best_distance && distance <= limit && frequency > best_frequency)) {
      best = word;
      best_distance = distance;
      best_frequency = frequency;
    }
  }
  return best_distance <= limit ? best : "";
}

}  // namespace arkiv
