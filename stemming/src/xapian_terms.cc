#include "stemming/xapian_terms.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace arkiv {
namespace {

// Xapian rejects terms longer than 245 bytes; such "words" are junk and are left out.
constexpr std::size_t kMaxTermBytes = 245;

bool fits(const std::string& prefix, const std::string& term) {
  return !term.empty() && prefix.size() + term.size() <= kMaxTermBytes;
}

void add_term(Xapian::Document& document, const std::string& prefix, const std::string& term,
              Xapian::termcount wdf_increment) {
  if (fits(prefix, term)) document.add_term(prefix + term, wdf_increment);
}

// The terms as one synonym group (scored as one term).
Xapian::Query synonyms(std::vector<std::string> terms, const TermGroupMaker& make_group,
                       const std::vector<std::string>& ceiling = {}) {
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  if (terms.empty()) return Xapian::Query();
  if (make_group) return make_group(std::move(terms), ceiling);
  return terms.size() == 1 ? Xapian::Query(terms.front())
                           : Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
}

// The group scaled to a weight class.
Xapian::Query weighted_synonyms(std::vector<std::string> terms, double weight, const TermGroupMaker& make_group,
                                const std::vector<std::string>& ceiling = {}) {
  Xapian::Query group = synonyms(std::move(terms), make_group, ceiling);
  return weight == 1.0 || group.empty() ? group : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, group, weight);
}

void add_prefixed(std::vector<std::string>& terms, const std::string& prefix, const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    if (fits(prefix, word)) terms.push_back(prefix + word);
  }
}

}  // namespace

CommonWords CommonWords::standard() {
  CommonWords out;
  for (const char* list : {"stemming/data/stopwords/danish.txt", "stemming/data/stopwords/norwegian.txt"}) {
    const auto path = data_file(list);
    std::ifstream in(path);
    if (!in) throw IoError("cannot read " + path.string());
    // Snowball's format: '|' starts a comment, the word is the first of a line.
    for (std::string line; std::getline(in, line);) {
      std::istringstream words(line.substr(0, line.find('|')));
      if (std::string word; words >> word) out.words_.insert(normalise_text(word));
    }
  }
  return out;
}

CommonWords CommonWords::from_lines(std::string_view lines) {
  CommonWords out;
  std::istringstream in{std::string(lines)};
  for (std::string word; std::getline(in, word);)
    if (!word.empty()) out.words_.insert(word);
  return out;
}

std::string CommonWords::lines() const {
  std::vector<std::string> sorted(words_.begin(), words_.end());
  std::sort(sorted.begin(), sorted.end());
  std::string out;
  for (const auto& word : sorted) out += word + '\n';
  return out;
}

std::string pair_term(const FieldPrefixes& field, const CommonWords& common, std::string_view first,
                      std::string_view second) {
  if (field.pair.empty() || first.empty() || second.empty() || (!common.contains(first) && !common.contains(second)))
    return "";
  if (field.pair.size() + first.size() + 1 + second.size() > kMaxTermBytes) return "";
  std::string term = field.pair;
  term.append(first).append(1, ' ').append(second);
  return term;
}

Xapian::termpos add_terms(const std::vector<Token>& tokens, const FieldPrefixes& field, Xapian::Document& document,
                          Xapian::termpos position_offset, Xapian::termcount wdf_increment, const CommonWords& common) {
  Xapian::termpos last_position = position_offset;
  const bool pairs = !field.pair.empty() && !common.empty();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    // Exactly the pairs a phrase of their exact terms matches: adjacent positions.
    if (pairs && i > 0 && tokens[i - 1].position + 1 == token.position && fits(field.exact, token.norm) &&
        fits(field.exact, tokens[i - 1].norm))
      if (auto term = pair_term(field, common, tokens[i - 1].norm, token.norm); !term.empty())
        document.add_term(term, wdf_increment);
    const Xapian::termpos position = token.position + position_offset;
    last_position = std::max(last_position, position);
    if (fits(field.exact, token.norm)) document.add_posting(field.exact + token.norm, position, wdf_increment);
    add_term(document, field.stem, token.stem, wdf_increment);
    for (const std::string& stem : token.expansion_stems) add_term(document, field.stem, stem, wdf_increment);
    for (const std::string& stem : token.part_stems) add_term(document, field.part, stem, wdf_increment);
    // Only folded stems: a query meets the folded space through stems, so the folded word
    // itself would add index size and no match.
    for (const std::string& stem : token.folded_stems) add_term(document, field.folded, stem, wdf_increment);
  }
  return last_position;
}

Xapian::Query word_query(const Token& token, const FieldPrefixes& field, const TermWeights& weights,
                         const TermGroupMaker& make_group) {
  return word_query(token, std::span<const FieldPrefixes>(&field, 1), weights, make_group);
}

Xapian::Query word_query(const Token& token, std::span<const FieldPrefixes> fields, const TermWeights& weights,
                         const TermGroupMaker& make_group) {
  if (token.stem.empty() || fields.empty()) return Xapian::Query();
  std::vector<Xapian::Query> alternatives;
  std::vector<std::string> exact_terms;
  for (const auto& field : fields) add_prefixed(exact_terms, field.stem, {token.stem});
  if (auto exact = weighted_synonyms(exact_terms, 1.0, make_group); !exact.empty()) alternatives.push_back(exact);

  // The typed word as part of an indexed compound ("væsen" in "sundhedsvæsenet"), and a typed
  // compound through its parts, each found as a word or as a part.
  std::vector<std::string> part_terms;
  for (const auto& field : fields) add_prefixed(part_terms, field.part, {token.stem});
  Xapian::Query parts_query = weighted_synonyms(part_terms, weights.part, make_group, exact_terms);
  if (token.part_stems.size() > 1) {
    std::vector<Xapian::Query> each_part;
    for (const std::string& stem : token.part_stems) {
      std::vector<std::string> forms;
      for (const auto& field : fields) {
        add_prefixed(forms, field.stem, {stem});
        add_prefixed(forms, field.part, {stem});
      }
      each_part.push_back(synonyms(std::move(forms), make_group, exact_terms));
    }
    Xapian::Query all_parts(Xapian::Query::OP_AND, each_part.begin(), each_part.end());
    parts_query = Xapian::Query(Xapian::Query::OP_OR, parts_query,
                                Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, all_parts, weights.part));
  }
  if (!parts_query.empty()) alternatives.push_back(parts_query);

  std::vector<std::string> variant_terms;
  for (const auto& field : fields) {
    add_prefixed(variant_terms, field.stem, token.variant_stems);
    add_prefixed(variant_terms, field.stem, token.expansion_stems);
  }
  if (auto variants = weighted_synonyms(variant_terms, weights.variant, make_group, exact_terms); !variants.empty()) {
    alternatives.push_back(variants);
  }

  // Folded space: a word typed without æ/ø/å meets the folded forms of indexed æ/ø/å words;
  // a word typed with them also meets documents that wrote it folded ("aeldre").
  std::vector<std::string> folded_terms;
  for (const auto& field : fields) {
    if (token.folded.empty()) {
      add_prefixed(folded_terms, field.folded, {token.stem});
    } else {
      add_prefixed(folded_terms, field.folded, token.folded_stems);
      add_prefixed(folded_terms, field.stem, token.folded_stems);
    }
  }
  if (auto folded = weighted_synonyms(folded_terms, weights.folded, make_group, exact_terms); !folded.empty())
    alternatives.push_back(folded);

  if (alternatives.size() == 1) return alternatives.front();
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

Xapian::Query phrase_query(const std::vector<Token>& tokens, const FieldPrefixes& field, unsigned window,
                           const CommonWords& common) {
  std::vector<std::string> terms, pairs;
  const Token* previous = nullptr;  // the token before, if it has a term
  for (const Token& token : tokens) {
    if (!fits(field.exact, token.norm)) {
      previous = nullptr;
      continue;
    }
    if (window == 0 && previous)
      if (auto pair = pair_term(field, common, previous->norm, token.norm); !pair.empty()) pairs.push_back(std::move(pair));
    terms.push_back(field.exact + token.norm);
    previous = &token;
  }
  if (terms.empty()) return Xapian::Query();
  if (terms.size() == 1) return Xapian::Query(terms.front());
  if (terms.size() == 2 && pairs.size() == 1) return Xapian::Query(pairs.front());
  Xapian::Query phrase(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                       static_cast<Xapian::termcount>(terms.size() + window));
  if (pairs.empty()) return phrase;
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  std::vector<Xapian::Query> all;
  for (const auto& pair : pairs) all.emplace_back(pair);
  all.push_back(phrase);
  return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
}

}  // namespace arkiv
