#pragma once
// Where a token becomes a term. The indexer adds terms through add_terms(); the searcher builds
// queries through word_query()/phrase_query(); both from the same Analyzer tokens, so indexing
// and querying cannot drift apart. Term spaces and weights are described in docs/analysis.md.
#include <xapian.h>

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "stemming/analyzer.h"

namespace arkiv {

// The term spaces of one indexed field (body, title, section title ...). The concrete prefix
// strings live in indexer/schema.h; only these five kinds exist.
struct FieldPrefixes {
  std::string exact;   // normalised word, with positions (phrase and NEAR queries)
  std::string stem;    // Snowball stem of the word and of completed suspended compounds
  std::string part;    // stem of each compound part, at the compound's position
  std::string folded;  // Scandinavian-folded stems (æ/ø/å typed as ae/oe/aa, ä, ö)
  std::string pair;    // two adjacent normalised words, one of them common (CommonWords); "": none
};

// Words so common that a phrase holding one ("den har", "for bedre") would make Xapian check
// positions in a large share of all sections. Each adjacent pair of words of which one is common
// is also indexed as one term without positions (Lucene's "common grams"), so that phrase is one
// posting list. The standard list is the Snowball Danish and Norwegian stop words
// (stemming/data/stopwords); a database records the list it was built with (indexer/schema.h).
class CommonWords {
 public:
  CommonWords() = default;  // none: no pair terms
  // The Snowball Danish and Norwegian stop words. Throws IoError if a list cannot be read.
  static CommonWords standard();
  // One word a line, as lines() writes them.
  static CommonWords from_lines(std::string_view lines);
  std::string lines() const;  // sorted

  bool contains(std::string_view normalised_word) const { return words_.contains(std::string(normalised_word)); }
  bool empty() const { return words_.empty(); }
  bool operator==(const CommonWords& other) const { return words_ == other.words_; }

 private:
  std::unordered_set<std::string> words_;
};

// The pair term of two adjacent normalised words in field (field.pair + first + ' ' + second);
// "" when the field has no pair space, neither word is common, or the term would be too long.
std::string pair_term(const FieldPrefixes& field, const CommonWords& common, std::string_view first,
                      std::string_view second);

// Weights of the derived matches relative to an exact (same stem) match = 1.0. The order
// exact > part > variant > folded is what the ranking promises users. Tuned on the development
// relevance set (bench/eval/run-dev.sh); the searcher takes them from SearcherOptions.
struct TermWeights {
  double part = 0.65;
  double variant = 0.6;
  double folded = 0.55;
};

// Makes the query that scores a group of terms (sorted, unique) as one term. Without one,
// Xapian's OP_SYNONYM of them (a single term: the term); the searcher passes one that weighs
// with document lengths held in memory (searcher/src/term_group_source.h). ceiling: for a
// derived group (parts, variants, folded forms), the exact terms of the word it stands for; the
// group's idf is capped at theirs, so a rare Norwegian variant or folded spelling cannot outweigh
// the word as typed ("lægemidler" would otherwise rank "legemidler" first: 3,000 sections
// against 166,000). Empty for the exact group. Xapian's OP_SYNONYM has no such cap.
using TermGroupMaker = std::function<Xapian::Query(std::vector<std::string> terms, std::vector<std::string> ceiling)>;

// Adds the terms of already-analysed tokens to doc. Positions are token.position + position_offset;
// returns the last position used so a caller can leave a gap before the next field. With common
// words and a field that has a pair space, adjacent tokens holding a common word also add their
// pair term.
Xapian::termpos add_terms(const std::vector<Token>& tokens, const FieldPrefixes& field, Xapian::Document& document,
                          Xapian::termpos position_offset = 0, Xapian::termcount wdf_increment = 1,
                          const CommonWords& common = {});

// Query for one word typed by a user, analysed by the same Analyzer: the exact stem at full weight,
// OR its compound parts, cross-language variants and folded forms at the lower TermWeights. A word
// typed without æ/ø/å ("aeldre") reaches the æ/ø/å form through the folded space, below documents
// that contain the word as typed.
Xapian::Query word_query(const Token& token, const FieldPrefixes& field, const TermWeights& weights = {},
                         const TermGroupMaker& make_group = {});

// The same over several fields at once (body and titles): each weight class is one OP_SYNONYM
// over the terms of every field, so a title occurrence adds to the wdf of the one term the
// class is scored as, with statistics of all fields together (BM25F-like). Separate title
// terms would be scored with title-only statistics, in which every title word looks rare.
Xapian::Query word_query(const Token& token, std::span<const FieldPrefixes> fields, const TermWeights& weights = {},
                         const TermGroupMaker& make_group = {});

// Phrase over the exact-space terms of consecutive tokens (window 0 = adjacent). With the common
// words the index was built with, an adjacent phrase uses the pair terms of its common pairs: two
// words are then their pair term alone, longer phrases check positions only in the sections that
// hold all of their pair terms. The same sections match either way.
Xapian::Query phrase_query(const std::vector<Token>& tokens, const FieldPrefixes& field, unsigned window = 0,
                           const CommonWords& common = {});

}  // namespace arkiv
