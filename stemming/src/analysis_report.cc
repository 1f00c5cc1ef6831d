#include <nlohmann/json.hpp>

#include <sstream>

#include "stemming/analyzer.h"

namespace arkiv {
namespace {

std::string joined(const std::vector<std::string>& words, const char* separator = ",") {
  std::string result;
  for (const std::string& word : words) {
    if (!result.empty()) result += separator;
    result += word;
  }
  return result.empty() ? "-" : result;
}

}  // namespace

std::string analysis_report_json(std::string_view text, const std::vector<Token>& tokens, Language language) {
  nlohmann::json report;
  report["lang"] = std::string(language_code(language));
  report["bytes"] = text.size();
  nlohmann::json& list = report["tokens"] = nlohmann::json::array();
  for (const Token& token : tokens) {
    list.push_back({{"text", token.text},
                    {"start", token.start},
                    {"end", token.end},
                    {"position", token.position},
                    {"number", token.is_number},
                    {"norm", token.norm},
                    {"stem", token.stem},
                    {"parts", token.parts},
                    {"part_stems", token.part_stems},
                    {"folded", token.folded},
                    {"folded_stems", token.folded_stems},
                    {"variants", token.variants},
                    {"variant_stems", token.variant_stems},
                    {"expansions", token.expansions},
                    {"expansion_stems", token.expansion_stems}});
  }
  // Token text is repaired UTF-8, so dump() cannot meet invalid bytes; replace keeps it total.
  return report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string analysis_report_text(std::string_view text, const std::vector<Token>& tokens, Language language) {
  std::ostringstream out;
  out << "lang " << language_code(language) << ", " << text.size() << " bytes, " << tokens.size() << " tokens\n";
  out << "pos\tbytes\ttext\tnorm\tstem\tparts\tfolded\tvariants\texpansions\n";
  for (const Token& token : tokens) {
    out << token.position << '\t' << token.start << '-' << token.end << '\t' << token.text << '\t' << token.norm << '\t'
        << token.stem << (token.is_number ? " (number)" : "") << '\t' << joined(token.parts) << '\t'
        << joined(token.folded) << '\t' << joined(token.variants) << '\t' << joined(token.expansions) << '\n';
  }
  return out.str();
}

}  // namespace arkiv
