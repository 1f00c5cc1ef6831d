#include "searcher/src/query_builder.h"

#include <algorithm>
#include <array>

#include "corpus/document.h"
#include "indexer/schema.h"
#include "searcher/src/query_vocabulary.h"
#include "stemming/xapian_terms.h"

namespace arkiv::query {
namespace {

Xapian::Query boolean(const Xapian::Query& query) { return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, 0.0); }

// A factor of 0 drops the query (it would still match, as a weightless alternative).
Xapian::Query scaled(const Xapian::Query& query, double factor) {
  if (factor <= 0) return Xapian::Query();
  return factor == 1.0 ? query : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, factor);
}

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
  if (parts.empty()) return Xapian::Query();
  if (parts.size() == 1) return parts.front();
  return Xapian::Query(op, parts.begin(), parts.end());
}

bool is_empty(const Xapian::Query& query) { return query.empty(); }

}  // namespace

struct QueryBuilder::Context {
  BuiltQuery* out;
};

Xapian::Query QueryBuilder::date_filter(const std::string& from, const std::string& to) {
  using Q = Xapian::Query;
  if (!from.empty() && !to.empty()) return boolean(Q(Q::OP_VALUE_RANGE, schema::kSlotDate, from, to));
  if (!from.empty()) return boolean(Q(Q::OP_VALUE_GE, schema::kSlotDate, from));
  if (!to.empty()) return boolean(Q(Q::OP_VALUE_LE, schema::kSlotDate, to));
  return Q::MatchAll;
}

Xapian::Query QueryBuilder::filter(const std::string& field, const std::string& value,
                                   std::vector<std::string>& warnings) const {
  const std::string normalised = normalise_text(value);
  std::string term;
  if (field == "org") {
    const auto canonical = canonical_organisation(value);
    if (!canonical) warnings.push_back("unknown organisation '" + value + "'");
    term = schema::kOrganisationPrefix + normalise_text(canonical.value_or(value));
  } else if (field == "topic") {
    const auto canonical = canonical_topic(value);
    if (!canonical) warnings.push_back("unknown topic '" + value + "'");
    term = schema::kTopicPrefix + canonical.value_or(normalised);
  } else if (field == "type") {
    term = schema::kTypePrefix + normalised;
  } else if (field == "lang") {
    try {
      term = schema::kLanguagePrefix + std::string(language_code(parse_language(value)));
    } catch (const UsageError&) {
      throw QueryError("unknown language code '" + value + "' (expected da, nb, nn, sv, en or no)", value,
                       std::string::npos);
    }
  } else if (field == "role") {
    term = schema::kRolePrefix + role_for_name(normalised).value_or(normalised);
  } else {
    throw QueryError("unknown filter field '" + field + "'", field, std::string::npos);
  }
  return boolean(Xapian::Query(term));
}

Xapian::Query QueryBuilder::word(const Token& token, const std::string& field) const {
  const TermWeights weights{options_.part_weight, options_.variant_weight, options_.folded_weight};
  if (field.starts_with("role_")) {
    // Part texts are indexed as stems only, one term space per role (schema::kRoleTextPrefix).
    std::string term = schema::kRoleTextPrefix + field.substr(5) + ':' + token.stem;
    return sources_.make_group ? sources_.make_group({std::move(term)}, {}) : Xapian::Query(term);
  }
  const auto document_title = word_query(token, schema::kDocumentTitle, weights, sources_.make_group);
  if (field == "title")
    return Xapian::Query(Xapian::Query::OP_OR, word_query(token, schema::kSectionTitle, weights, sources_.make_group),
                         document_title);
  // Section-title words are scored with the body's statistics (BM25F-like, see word_query);
  // the title boosts then add a share of a title-only match on top.
  const std::array<FieldPrefixes, 2> body_and_section_title{schema::kBody, schema::kSectionTitle};
  return combine(Xapian::Query::OP_OR, {word_query(token, body_and_section_title, weights, sources_.make_group),
                                        scaled(word_query(token, schema::kSectionTitle, weights, sources_.make_group),
                                               options_.section_title_boost),
                                        scaled(document_title, options_.document_title_boost)});
}

std::vector<Token> QueryBuilder::analyze(std::string_view text) const {
  std::vector<Token> tokens = analyzer_.analyze(text);
  for (Token& token : tokens) {
    if (!token.variants.empty() || token.is_number) continue;
    for (const Analyzer& other : variant_analyzers_) {
      std::vector<Token> as_other = other.analyze(token.text);
      if (as_other.size() != 1) continue;
      const auto add_new = [](std::vector<std::string>& to, const std::vector<std::string>& from,
                              const std::string& own) {
        for (const std::string& value : from)
          if (value != own && std::find(to.begin(), to.end(), value) == to.end()) to.push_back(value);
      };
      add_new(token.variants, as_other[0].variants, token.norm);
      add_new(token.variant_stems, as_other[0].variant_stems, token.stem);
    }
  }
  return tokens;
}

// NEAR over the exact-space terms of the words (positions live in the exact space only).
Xapian::Query QueryBuilder::near(const Node& node, Context& context, bool positive, bool required) const {
  std::vector<Xapian::Query> terms;
  for (const auto& child : node.children) {
    auto tokens = analyze(child.text);
    for (auto& token : tokens) {
      std::string term = schema::kBody.exact + token.norm;
      terms.push_back(weights_only_ && required && sources_.make_group ? sources_.make_group({term}, {})
                                                                       : Xapian::Query(term));
      if (positive) context.out->positive_tokens.push_back(std::move(token));
    }
  }
  // A section within the window weighs as its words do.
  if (terms.size() >= 2 && weights_only_ && required) context.out->left_out_conditions = true;
  if (terms.size() < 2 || (weights_only_ && required)) return combine(Xapian::Query::OP_OR, terms);
  const auto window = static_cast<Xapian::termcount>(node.window + terms.size() - 1);
  return Xapian::Query(Xapian::Query::OP_NEAR, terms.begin(), terms.end(), window);
}

Xapian::Query QueryBuilder::node_query(const Node& node, Context& context, bool positive, bool required) const {
  using Q = Xapian::Query;
  // Conditions that gate a weight (a phrase inside an OR) stay even in weights_only.
  const bool drop_conditions = weights_only_ && required;
  auto children = [&](bool child_positive, bool first_required, bool others_required) {
    std::vector<Q> out;
    for (std::size_t i = 0; i < node.children.size(); ++i) {
      auto query = node_query(node.children[i], context, child_positive, i == 0 ? first_required : others_required);
      if (!is_empty(query)) out.push_back(std::move(query));
    }
    return out;
  };
  switch (node.kind) {
    case NodeKind::word:
    case NodeKind::phrase: {
      auto tokens = analyze(node.text);
      if (tokens.empty()) return Q();
      std::vector<Q> words;
      for (const auto& token : tokens) words.push_back(word(token, node.field));
      Q query = combine(Q::OP_OR, words);
      const bool is_phrase = node.kind == NodeKind::phrase && tokens.size() > 1 && !node.field.starts_with("role_");
      if (is_phrase && drop_conditions) context.out->left_out_conditions = true;
      if (is_phrase && !drop_conditions) {
        const auto& space = node.field == "title" ? schema::kSectionTitle : schema::kBody;
        Q phrase = phrase_query(tokens, space, 0, sources_.pair_words ? *sources_.pair_words : CommonWords());
        // Score the phrase by its words, but match only where they stand together.
        query = Q(Q::OP_FILTER, query, phrase);
      }
      if (positive)
        for (auto& token : tokens) context.out->positive_tokens.push_back(std::move(token));
      return query;
    }
    case NodeKind::wildcard: {
      const auto prefix = normalise_text(node.text);
      if (positive) context.out->wildcard_prefixes.push_back(prefix);
      Q wildcard(Q::OP_WILDCARD, schema::kBody.exact + prefix, options_.wildcard_limit,
                 Q::WILDCARD_LIMIT_MOST_FREQUENT);
      if (!sources_.make_group || !sources_.expand_wildcard) return wildcard;
      // Xapian's wildcard is a synonym of its terms; with none it still matches nothing in an AND.
      auto terms = sources_.expand_wildcard(schema::kBody.exact + prefix);
      return terms.empty() ? wildcard : sources_.make_group(std::move(terms), {});
    }
    case NodeKind::filter:
    case NodeKind::date_range:
      if (drop_conditions) {
        context.out->left_out_conditions = true;
        return Q();
      }
      if (node.kind == NodeKind::filter) return filter(node.field, node.text, context.out->warnings);
      return date_filter(node.from, node.to);
    case NodeKind::match_all:
      return Q::MatchAll;
    case NodeKind::all_of:
      return combine(Q::OP_AND, children(positive, required, required));
    case NodeKind::any_of: {
      // A stop word beside other words ("vejledninger til almen praksis") only adds to the score
      // of sections the other words match: on its own it would match nearly every section, and
      // Xapian would have to walk its whole posting list for every search.
      std::vector<Q> words, stop_words;
      for (const auto& child : node.children) {
        auto query = node_query(child, context, positive, false);
        if (is_empty(query)) continue;
        const bool stop =
            positive && child.kind == NodeKind::word && child.field.empty() && is_stop_word(normalise_text(child.text));
        (stop ? stop_words : words).push_back(std::move(query));
      }
      if (words.empty()) return combine(Q::OP_OR, stop_words);
      if (stop_words.empty()) return combine(Q::OP_OR, words);
      return Q(Q::OP_AND_MAYBE, combine(Q::OP_OR, words), combine(Q::OP_OR, stop_words));
    }
    case NodeKind::maybe: {
      auto parts = children(positive, required, false);
      if (parts.size() < 2) return combine(Q::OP_AND, parts);
      return Q(Q::OP_AND_MAYBE, parts[0], parts[1]);
    }
    case NodeKind::but_not: {
      Q left = node_query(node.children[0], context, positive, required);
      if (drop_conditions) {
        context.out->left_out_conditions = true;
        return left;
      }
      Q right = node_query(node.children[1], context, !positive, false);
      if (is_empty(right)) return left;
      return Q(Q::OP_AND_NOT, is_empty(left) ? Q::MatchAll : left, right);
    }
    case NodeKind::near:
      return near(node, context, positive, required);
  }
  return Q();
}

BuiltQuery QueryBuilder::build(const ParsedQuery& parsed) const {
  BuiltQuery out;
  out.warnings = parsed.warnings;
  if (parsed.empty) {
    out.query = Xapian::Query::MatchAll;
    return out;
  }
  Context context{&out};
  out.query = node_query(parsed.root, context, true, true);
  return out;
}

}  // namespace arkiv::query
