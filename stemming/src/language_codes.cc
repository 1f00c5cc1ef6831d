#include <array>
#include <cctype>

#include "stemming/analyzer.h"

namespace arkiv {

std::string_view language_code(Language language) {
  static constexpr std::array<std::string_view, 5> kCodes{"da", "nb", "nn", "sv", "en"};
  return kCodes[static_cast<std::size_t>(language)];
}

Language parse_language(std::string_view code) {
  std::string lower;
  for (char c : code) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "no") return Language::nb;
  for (Language language : {Language::da, Language::nb, Language::nn, Language::sv, Language::en}) {
    if (lower == language_code(language)) return language;
  }
  throw UsageError("unknown language code '" + std::string(code) + "' (expected da, nb, nn, sv, en or no)");
}

}  // namespace arkiv
