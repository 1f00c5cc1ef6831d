#include "searcher/src/snippets.h"

#include <algorithm>
#include <set>

namespace arkiv {
namespace {

constexpr double kPartWeight = 0.5;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Appends text with every whitespace run made one space.
void append_collapsed(std::string& out, std::string_view text) {
  for (char c : text) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
}

}  // namespace

SnippetMaker::SnippetMaker(const std::vector<Token>& query_tokens, std::vector<std::string> wildcard_prefixes)
    : wildcard_prefixes_(std::move(wildcard_prefixes)) {
  std::unordered_map<std::string, std::size_t> word_ids;
  for (const auto& token : query_tokens) {
    const auto [it, added] = word_ids.emplace(token.stem, word_ids.size());
    const std::size_t id = it->second;
    auto add = [&](auto& map, const std::vector<std::string>& keys) {
      for (const auto& key : keys) map.emplace(key, id);
    };
    direct_.emplace(token.stem, id);
    direct_.emplace(token.norm, id);
    direct_.emplace(fold_scandinavian(token.norm), id);
    add(direct_, token.folded);
    add(direct_, token.folded_stems);
    add(direct_, token.variant_stems);
    add(direct_, token.variants);
    add(direct_, token.expansion_stems);
    add(parts_, token.part_stems);
  }
  words_ = word_ids.size() + wildcard_prefixes_.size();
}

bool SnippetMaker::match(const Token& token, Match& found) const {
  auto lookup = [&](const std::unordered_map<std::string, std::size_t>& map, const std::string& key, double weight) {
    const auto it = map.find(key);
    if (it == map.end()) return false;
    found = {it->second, weight};
    return true;
  };
  if (lookup(direct_, token.stem, 1) || lookup(direct_, token.norm, 1)) return true;
  for (const auto& key : token.folded_stems)
    if (lookup(direct_, key, 1)) return true;
  for (const auto& key : token.expansion_stems)
    if (lookup(direct_, key, 1)) return true;
  // The query word is a part of this compound, or this word a part of the query's compound.
  for (const auto& key : token.part_stems)
    if (lookup(direct_, key, kPartWeight)) return true;
  if (lookup(parts_, token.stem, kPartWeight)) return true;
  for (std::size_t i = 0; i < wildcard_prefixes_.size(); ++i) {
    if (token.norm.starts_with(wildcard_prefixes_[i])) {
      found = {words_ - wildcard_prefixes_.size() + i, 1};
      return true;
    }
  }
  return false;
}

Snippet SnippetMaker::make(std::string_view text, const std::vector<Token>& tokens, std::size_t bytes,
                           const std::string& begin_marker, const std::string& end_marker) const {
  std::vector<std::pair<std::size_t, Match>> matches;  // token index, match
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    Match found{};
    if (match(tokens[i], found)) matches.emplace_back(i, found);
  }
  // Best window: most distinct query words (by weight), then most matches.
  std::size_t best_first = 0;
  double best_score = -1;
  for (std::size_t a = 0; a < matches.size(); ++a) {
    std::vector<double> per_word(words_, 0.0);
    std::size_t count = 0;
    for (std::size_t b = a; b < matches.size(); ++b) {
      if (tokens[matches[b].first].end - tokens[matches[a].first].start > bytes) break;
      auto& weight = per_word[matches[b].second.word];
      weight = std::max(weight, matches[b].second.weight);
      ++count;
    }
    double score = 0.05 * static_cast<double>(count);
    for (double weight : per_word) score += weight;
    if (score > best_score) {
      best_score = score;
      best_first = a;
    }
  }
  Snippet snippet;
  snippet.matched = !matches.empty();
  if (tokens.empty()) {
    std::size_t cut = std::min(bytes, text.size());
    while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    append_collapsed(snippet.text, text.substr(0, cut));
    return snippet;
  }
  // Start a little before the first matching word so it is read in context.
  std::size_t first = matches.empty() ? 0 : matches[best_first].first;
  const std::size_t anchor = tokens[first].start;
  while (first > 0 && anchor - tokens[first - 1].start < bytes / 4) --first;
  std::size_t last = first;
  while (last + 1 < tokens.size() && tokens[last + 1].end - tokens[first].start <= bytes) ++last;

  const std::set<std::size_t> highlighted = [&] {
    std::set<std::size_t> out;
    for (const auto& [index, found] : matches) out.insert(index);
    return out;
  }();
  snippet.offset = matches.empty() ? tokens[first].start : anchor;
  // The text before the first word (an opening quote or bracket) belongs to a passage that starts the text.
  std::size_t at = first == 0 ? 0 : tokens[first].start;
  if (first > 0) snippet.text = "… ";
  for (std::size_t i = first; i <= last; ++i) {
    append_collapsed(snippet.text, text.substr(at, tokens[i].start - at));
    const auto word = text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
    if (highlighted.count(i))
      snippet.text += begin_marker + std::string(word) + end_marker;
    else
      snippet.text += word;
    at = tokens[i].end;
  }
  // Punctuation that closes the last word ("sygehusene.") stays; a cut passage then ends in "…".
  const std::size_t stop = last + 1 < tokens.size() ? tokens[last + 1].start : text.size();
  auto rest = text.substr(at, stop - at);
  if (last + 1 < tokens.size()) {
    const auto space = std::find_if(rest.begin(), rest.end(), is_space);
    rest = rest.substr(0, static_cast<std::size_t>(space - rest.begin()));
  }
  append_collapsed(snippet.text, rest);
  while (!snippet.text.empty() && snippet.text.back() == ' ') snippet.text.pop_back();
  if (last + 1 < tokens.size()) snippet.text += " …";
  return snippet;
}

}  // namespace arkiv
