#include "corpus/src/metadata_participants.h"

#include <algorithm>

#include "corpus/src/metadata_text.h"
#include "corpus/src/organisation_registry.h"
#include "corpus/src/part_roles.h"

namespace arkiv {
namespace {

constexpr std::string_view kNameParticles[] = {"von", "van", "de", "af", "la", "le", "du", "der", "den", "da", "di"};

bool is_name_word(std::string_view word) {
  if (word.empty()) return false;
  for (char c : word) {
    if (c >= '0' && c <= '9') return false;
  }
  if (std::find(std::begin(kNameParticles), std::end(kNameParticles), word) != std::end(kNameParticles)) return true;
  if (!starts_with_uppercase(word)) return false;
  LetterCase letters = count_letter_case(word);
  // "I." (an initial) is fine; "DR" or "KU-SUND" (an acronym) is not a name.
  return letters.lower > 0 || (letters.upper == 1 && word.size() <= 3);
}

std::string name_in_line(std::string_view line) {
  line = trim(line);
  for (std::string_view bullet : {"•", "·", "", "- ", "* ", "– "}) {
    if (line.starts_with(bullet)) line = trim(line.substr(bullet.size()));
  }
  std::size_t cut = line.find_first_of(",(");
  std::string_view name = trim(line.substr(0, cut));
  std::size_t words = 0;
  std::size_t pos = 0;
  while (pos < name.size()) {
    std::size_t end = name.find(' ', pos);
    if (end == std::string_view::npos) end = name.size();
    std::string_view word = name.substr(pos, end - pos);
    if (!word.empty()) {
      if (!is_name_word(word)) return "";
      ++words;
    }
    pos = end + 1;
  }
  if (words < 2 || words > 6) return "";
  if (OrganisationRegistry::instance().find(name)) return "";
  return std::string(name);
}

}  // namespace

std::vector<std::string> extract_participants(std::string_view front_matter) {
  std::vector<std::string> names;
  bool in_list = false;
  for (const LineView& line : split_lines(front_matter)) {
    std::string_view rest;
    std::string_view text = line.text;
    if (!participant_label_of_line(text, &rest).empty()) {
      in_list = true;
      text = rest;
    } else if (starts_with_front_label(text)) {
      in_list = false;
      continue;
    }
    if (!in_list) continue;
    std::string name = name_in_line(text);
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
  }
  return names;
}

}  // namespace arkiv
