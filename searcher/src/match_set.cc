#include "searcher/src/match_set.h"

#include <algorithm>
#include <sstream>
#include <string>

#include "searcher/src/term_group_source.h"

namespace arkiv {

void MatchSet::unite(const MatchSet& other) {
  for (std::size_t i = 0; i < words_.size(); ++i) words_[i] |= other.words_[i];
}

void MatchSet::intersect(const MatchSet& other) {
  for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= other.words_[i];
}

void MatchSet::subtract(const MatchSet& other) {
  for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= ~other.words_[i];
}

void MatchSet::symmetric_difference(const MatchSet& other) {
  for (std::size_t i = 0; i < words_.size(); ++i) words_[i] ^= other.words_[i];
}

std::size_t MatchSet::count() const {
  std::size_t total = 0;
  for (auto word : words_) total += static_cast<std::size_t>(std::popcount(word));
  return total;
}

Xapian::docid MatchSet::first_from(Xapian::docid document) const {
  std::size_t i = document / 64;
  if (i >= words_.size()) return 0;
  std::uint64_t word = words_[i] & (~std::uint64_t{0} << (document % 64));
  while (word == 0) {
    if (++i == words_.size()) return 0;
    word = words_[i];
  }
  return static_cast<Xapian::docid>(i * 64 + static_cast<std::size_t>(std::countr_zero(word)));
}

std::shared_ptr<const MatchSet> MatchSetCache::find(const std::string& term) {
  const auto it = index_.find(term);
  if (it == index_.end()) return nullptr;
  recent_.splice(recent_.begin(), recent_, it->second);
  return it->second->second;
}

void MatchSetCache::insert(const std::string& term, std::shared_ptr<const MatchSet> set) {
  if (index_.contains(term) || set->bytes() > max_bytes_) return;
  bytes_ += set->bytes();
  recent_.emplace_front(term, std::move(set));
  index_.emplace(term, recent_.begin());
  while (bytes_ > max_bytes_) {
    bytes_ -= recent_.back().second->bytes();
    index_.erase(recent_.back().first);
    recent_.pop_back();
  }
}

namespace {

using Q = Xapian::Query;

class BitmapSpy : public Xapian::MatchSpy {
 public:
  explicit BitmapSpy(MatchSet& set) : set_(set) {}
  void operator()(const Xapian::Document& document, double) override { set_.add(document.get_docid()); }

 private:
  MatchSet& set_;
};

class Evaluator {
 public:
  Evaluator(const Xapian::Database& database, const FacetTable& table, MatchSetCache* cache, unsigned wildcard_limit)
      : database_(database),
        table_(table),
        cache_(cache),
        wildcard_limit_(wildcard_limit),
        last_docid_(database.get_lastdocid()) {}

  // Postings the plain terms of query would make us read; wildcards and phrases are matched by
  // Xapian and not counted.
  std::size_t postings(const Q& query) const {
    if (query.get_type() == Q::LEAF_TERM) {
      auto term = query.get_unique_terms_begin();
      return term == query.get_unique_terms_end() ? 0 : database_.get_termfreq(*term);
    }
    if (query.get_type() == Q::LEAF_MATCH_ALL) return database_.get_doccount();
    std::size_t total = 0;
    if (auto terms = term_group_terms(query)) {
      for (const auto& term : *terms) total += database_.get_termfreq(term);
      return total;
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) total += postings(query.get_subquery(i));
    return total;
  }

  MatchSet evaluate(const Q& query) const {
    switch (query.get_type()) {
      case Q::LEAF_TERM: {
        auto term = query.get_unique_terms_begin();
        if (term == query.get_unique_terms_end()) return MatchSet(last_docid_);
        return term_set(*term);
      }
      case Q::LEAF_MATCH_ALL:
        return term_set("");
      case Q::LEAF_POSTING_SOURCE:
        if (auto terms = term_group_terms(query)) {
          MatchSet set(last_docid_);
          for (const auto& term : *terms) add_term(set, term);
          return set;
        }
        return by_xapian(query);
      case Q::OP_INVALID:
        return MatchSet(last_docid_);
      case Q::OP_SCALE_WEIGHT:
        return evaluate(query.get_subquery(0));
      case Q::OP_AND_MAYBE:
        return evaluate(query.get_subquery(0));
      case Q::OP_OR:
      case Q::OP_SYNONYM:
      case Q::OP_MAX:
        return combine(query, &MatchSet::unite);
      case Q::OP_AND:
      case Q::OP_FILTER:
        return intersect_positional_last(query);
      case Q::OP_AND_NOT:
        return combine(query, &MatchSet::subtract);
      case Q::OP_XOR:
        return combine(query, &MatchSet::symmetric_difference);
      case Q::OP_VALUE_RANGE:
      case Q::OP_VALUE_GE:
      case Q::OP_VALUE_LE:
        if (auto set = value_range(query)) return *std::move(set);
        return by_xapian(query);
      case Q::OP_WILDCARD:
        if (auto set = wildcard(query)) return *std::move(set);
        return by_xapian(query);
      default:
        return by_xapian(query);
    }
  }

 private:
  // Adds a term's sections to set without a set of its own unless the cache keeps one.
  void add_term(MatchSet& set, const std::string& term) const {
    if (cache_) {
      if (auto cached = cache_->find(term)) return set.unite(*cached);
      if (database_.get_termfreq(term) >= last_docid_ / 64) return set.unite(term_set(term));
    }
    for (auto it = database_.postlist_begin(term); it != database_.postlist_end(term); ++it) set.add(*it);
  }

  MatchSet term_set(const std::string& term) const {
    if (cache_)
      if (auto cached = cache_->find(term)) return *cached;
    MatchSet set(last_docid_);
    Xapian::doccount postings = 0;
    for (auto it = database_.postlist_begin(term); it != database_.postlist_end(term); ++it, ++postings) set.add(*it);
    if (cache_ && postings >= last_docid_ / 64 && postings > 0) cache_->insert(term, std::make_shared<MatchSet>(set));
    return set;
  }

  MatchSet combine(const Q& query, void (MatchSet::*operation)(const MatchSet&)) const {
    MatchSet set = evaluate(query.get_subquery(0));
    for (std::size_t i = 1; i < query.get_num_subqueries(); ++i) (set.*operation)(evaluate(query.get_subquery(i)));
    return set;
  }

  // Phrases and NEAR are matched by Xapian over only the sections the other conditions leave
  // (Xapian checks positions of an AND's phrase after its terms match): a phrase of common
  // words beside its rarer pair terms then checks positions in a few sections, not in every
  // section holding its words.
  MatchSet intersect_positional_last(const Q& query) const {
    std::vector<Q> positional;
    std::optional<MatchSet> set;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
      const Q child = query.get_subquery(i);
      if (child.get_type() == Q::OP_PHRASE || child.get_type() == Q::OP_NEAR) {
        positional.push_back(child);
      } else if (set) {
        set->intersect(evaluate(child));
      } else {
        set = evaluate(child);
      }
    }
    if (positional.empty()) return set ? *std::move(set) : MatchSet(last_docid_);
    if (set) positional.push_back(match_set_query(std::make_shared<const MatchSet>(*std::move(set))));
    return by_xapian(Q(Q::OP_AND, positional.begin(), positional.end()));
  }

  // Xapian 1.4 has no accessors for a value range's slot and bounds; its description is
  // "Query(VALUE_RANGE slot begin end)", "Query(VALUE_GE slot begin)" or "Query(VALUE_LE slot end)".
  std::optional<MatchSet> value_range(const Q& query) const {
    std::string description = query.get_description();
    if (!description.starts_with("Query(") || !description.ends_with(")")) return std::nullopt;
    std::istringstream fields(description.substr(6, description.size() - 7));
    std::string kind, begin, end;
    Xapian::valueno slot = 0;
    fields >> kind >> slot;
    if (kind == "VALUE_RANGE") fields >> begin >> end;
    if (kind == "VALUE_GE") fields >> begin;
    if (kind == "VALUE_LE") fields >> end;
    std::string rest;
    if (!fields || (fields >> rest)) return std::nullopt;  // bounds with spaces: leave it to Xapian
    std::size_t column = table_.slot_count();
    for (std::size_t c = 0; c < table_.slot_count(); ++c)
      if (table_.slot(c) == slot) column = c;
    if (column == table_.slot_count()) return std::nullopt;
    std::vector<char> in_range(table_.value_count(column), 0);
    for (std::uint32_t id = 1; id < in_range.size(); ++id) {
      const std::string& value = table_.value(column, id);
      in_range[id] = (kind == "VALUE_LE" || value >= begin) && (kind == "VALUE_GE" || value <= end);
    }
    MatchSet set(last_docid_);
    for (Xapian::docid document = 1; document <= last_docid_; ++document)
      if (in_range[table_.value_id(document, column)]) set.add(document);
    return set;
  }

  // Xapian 1.4 has no accessor for a wildcard's pattern either: "Query(WILDCARD SYNONYM pattern)".
  std::optional<MatchSet> wildcard(const Q& query) const {
    const std::string description = query.get_description();
    const auto space = description.rfind(' ');
    if (!description.starts_with("Query(WILDCARD ") || space == std::string::npos || !description.ends_with(")"))
      return std::nullopt;
    const std::string pattern = description.substr(space + 1, description.size() - space - 2);
    MatchSet set(last_docid_);
    for (const auto& term : expand_wildcard(database_, pattern, wildcard_limit_)) add_term(set, term);
    return set;
  }

  MatchSet by_xapian(const Q& query) const {
    MatchSet set(last_docid_);
    Xapian::Enquire enquire(database_);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    BitmapSpy spy(set);
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, database_.get_doccount());
    return set;
  }

  const Xapian::Database& database_;
  const FacetTable& table_;
  MatchSetCache* cache_;
  unsigned wildcard_limit_;
  Xapian::docid last_docid_;
};

class MatchSetSource : public Xapian::PostingSource {
 public:
  explicit MatchSetSource(std::shared_ptr<const MatchSet> set) : set_(std::move(set)), count_(set_->count()) {}
  Xapian::PostingSource* clone() const override { return new MatchSetSource(set_); }
  void init(const Xapian::Database&) override {
    current_ = 0;
    started_ = false;
  }
  Xapian::doccount get_termfreq_min() const override { return static_cast<Xapian::doccount>(count_); }
  Xapian::doccount get_termfreq_est() const override { return static_cast<Xapian::doccount>(count_); }
  Xapian::doccount get_termfreq_max() const override { return static_cast<Xapian::doccount>(count_); }
  void next(double) override { move_to(started_ ? current_ + 1 : 1); }
  void skip_to(Xapian::docid document, double) override {
    if (!started_ || document > current_) move_to(document);
  }
  bool check(Xapian::docid document, double) override {
    // Positioned on document either way; the next move starts after it.
    started_ = true;
    current_ = document;
    return set_->contains(document);
  }
  bool at_end() const override { return started_ && current_ == 0; }
  Xapian::docid get_docid() const override { return current_; }
  std::string get_description() const override { return "arkiv::MatchSet(" + std::to_string(count_) + ")"; }

 private:
  void move_to(Xapian::docid document) {
    started_ = true;
    current_ = set_->first_from(document);
  }
  std::shared_ptr<const MatchSet> set_;
  std::size_t count_;
  Xapian::docid current_ = 0;
  bool started_ = false;
};

}  // namespace

std::vector<std::string> expand_wildcard(const Xapian::Database& database, const std::string& prefix_term,
                                         unsigned limit) {
  std::vector<std::pair<Xapian::doccount, std::string>> terms;
  for (auto it = database.allterms_begin(prefix_term); it != database.allterms_end(prefix_term); ++it)
    terms.emplace_back(it.get_termfreq(), *it);
  if (terms.size() > limit) {
    std::stable_sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    terms.resize(limit);
  }
  std::vector<std::string> out;
  for (auto& [frequency, term] : terms) out.push_back(std::move(term));
  return out;
}

Xapian::Query match_set_query(std::shared_ptr<const MatchSet> set) {
  return Xapian::Query((new MatchSetSource(std::move(set)))->release());
}

std::optional<MatchSet> matching_sections(const Xapian::Database& database, const Xapian::Query& query,
                                          const FacetTable& table, const MatchSetLimits& limits, MatchSetCache* cache) {
  const Evaluator evaluator(database, table, cache, limits.wildcard_limit);
  if (evaluator.postings(query) > limits.max_postings) return std::nullopt;
  return evaluator.evaluate(query);
}

}  // namespace arkiv
