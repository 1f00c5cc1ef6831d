#include "searcher/src/term_group_source.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <sstream>

namespace arkiv {
namespace {

constexpr std::string_view kDescriptionStart = "arkiv::TermGroup(";

// Xapian 1.4 builds an OP_SYNONYM as a tree of binary ORs, always joining the two lists of
// lowest estimated frequency, and estimates each join as if its sides were independent,
// rounding at every step. The same here, so the group's idf equals Xapian's.
Xapian::doccount synonym_frequency(std::vector<Xapian::doccount> frequencies, Xapian::doccount documents) {
  if (frequencies.empty()) return 0;
  const auto n = static_cast<double>(documents);
  std::make_heap(frequencies.begin(), frequencies.end(), std::greater<>());
  while (frequencies.size() > 1) {
    std::pop_heap(frequencies.begin(), frequencies.end(), std::greater<>());
    const double right = frequencies.back();
    frequencies.pop_back();
    std::pop_heap(frequencies.begin(), frequencies.end(), std::greater<>());
    const double left = frequencies.back();
    frequencies.back() = n == 0 ? 0 : static_cast<Xapian::doccount>(left + right - left * right / n + 0.5);
    std::push_heap(frequencies.begin(), frequencies.end(), std::greater<>());
  }
  return frequencies.front();
}

// BM25Weight::init's idf part with factor 1 (Xapian scales a posting source's weights itself),
// wqf 1 and k3 = 1, whose wqf factor (k3 + 1) wqf / (k3 + wqf) is then 1.
double idf_weight(Xapian::doccount frequency, Xapian::doccount documents, double k1) {
  double idf = (documents - frequency + 0.5) / (frequency + 0.5);
  if (idf < 2) idf = idf * 0.5 + 1;
  return std::log(idf) * (k1 + 1);
}

class TermGroupSource : public Xapian::PostingSource {
 public:
  TermGroupSource(const DocumentLengths& lengths, const Bm25Parameters& parameters, std::vector<std::string> terms,
                  std::vector<std::string> ceiling)
      : lengths_(lengths), parameters_(parameters), terms_(std::move(terms)), ceiling_(std::move(ceiling)) {}

  Xapian::PostingSource* clone() const override {
    return new TermGroupSource(lengths_, parameters_, terms_, ceiling_);
  }

  void init(const Xapian::Database& database) override {
    cursors_.clear();
    heap_.clear();
    at_current_.clear();
    started_ = false;
    current_ = 0;
    std::vector<Xapian::doccount> frequencies;
    Xapian::termcount wdf_bound = 0;
    frequency_min_ = frequency_sum_ = 0;
    for (const auto& term : terms_) {
      const auto frequency = database.get_termfreq(term);
      frequencies.push_back(frequency);
      if (frequency == 0) continue;
      cursors_.push_back({database.postlist_begin(term), 0});
      frequency_min_ = std::max(frequency_min_, frequency);
      frequency_sum_ += frequency;
      wdf_bound += database.get_wdf_upper_bound(term);
    }
    small_ = cursors_.size() <= 4;
    const Xapian::doccount documents = database.get_doccount();
    frequency_sum_ = std::min(frequency_sum_, documents);
    frequency_estimate_ = synonym_frequency(std::move(frequencies), documents);

    term_weight_ = idf_weight(frequency_estimate_, documents, parameters_.k1);
    if (!ceiling_.empty()) {
      std::vector<Xapian::doccount> ceiling_frequencies;
      for (const auto& term : ceiling_) ceiling_frequencies.push_back(database.get_termfreq(term));
      term_weight_ = std::min(
          term_weight_, idf_weight(synonym_frequency(std::move(ceiling_frequencies), documents), documents, parameters_.k1));
    }
    length_factor_ = parameters_.k1 == 0 || parameters_.b == 0 || lengths_.average() == 0 ? 0 : 1 / lengths_.average();
    // A strict bound: the largest wdf in the shortest document.
    wdf_bound = std::min(wdf_bound, std::max(lengths_.upper_bound(), Xapian::termcount{1}));
    set_maxweight(cursors_.empty() ? 0 : weight(wdf_bound, lengths_.lower_bound()));
  }

  Xapian::doccount get_termfreq_min() const override { return frequency_min_; }
  Xapian::doccount get_termfreq_est() const override { return frequency_estimate_; }
  Xapian::doccount get_termfreq_max() const override { return frequency_sum_; }

  void next(double) override {
    if (!started_) {
      start([](Xapian::PostingIterator&) {});
    } else {
      for (auto i : at_current_) advance(i, [](Xapian::PostingIterator& it) { ++it; });
    }
    gather();
  }

  void skip_to(Xapian::docid document, double) override {
    if (!started_) {
      start([document](Xapian::PostingIterator& it) { it.skip_to(document); });
    } else {
      if (document <= current_) return;
      for (auto i : at_current_) advance(i, [document](Xapian::PostingIterator& it) { it.skip_to(document); });
      if (small_)
        for (std::size_t i = 0; i < cursors_.size(); ++i)
          if (cursors_[i].docid != 0 && cursors_[i].docid < document)
            advance(i, [document](Xapian::PostingIterator& it) { it.skip_to(document); });
      while (!heap_.empty() && cursors_[heap_.front()].docid < document) {
        const auto i = pop();
        advance(i, [document](Xapian::PostingIterator& it) { it.skip_to(document); });
      }
    }
    gather();
  }

  bool at_end() const override { return started_ && current_ == 0; }
  Xapian::docid get_docid() const override { return current_; }

  double get_weight() const override {
    const Xapian::termcount length = lengths_[current_];
    // As Xapian's SynonymPostList: the summed wdf is never taken above the document's length.
    return weight(std::min(wdf_, std::max(length, Xapian::termcount{1})), length);
  }

  std::string get_description() const override {
    std::string out(kDescriptionStart);
    for (std::size_t i = 0; i < terms_.size(); ++i) out += (i ? " " : "") + terms_[i];
    if (!ceiling_.empty()) out += " |";
    for (const auto& term : ceiling_) out += " " + term;
    return out + ")";
  }

 private:
  struct Cursor {
    Xapian::PostingIterator it;
    Xapian::docid docid;  // 0 once at the end
  };

  // A wildcard's group has up to wildcard_limit terms: beyond a few, the cursors not at the end
  // wait in a min-heap on their docid, and those on the current document are out of it, in
  // at_current_. A word's group (one to four terms) is scanned.
  bool later(std::size_t a, std::size_t b) const { return cursors_[a].docid > cursors_[b].docid; }
  std::size_t pop() {
    std::pop_heap(heap_.begin(), heap_.end(), [this](auto a, auto b) { return later(a, b); });
    const auto i = heap_.back();
    heap_.pop_back();
    return i;
  }

  template <typename Move>
  void advance(std::size_t i, Move&& move) {
    auto& cursor = cursors_[i];
    move(cursor.it);
    cursor.docid = cursor.it == Xapian::PostingIterator() ? 0 : *cursor.it;
    if (cursor.docid == 0 || small_) return;
    heap_.push_back(i);
    std::push_heap(heap_.begin(), heap_.end(), [this](auto a, auto b) { return later(a, b); });
  }

  template <typename Move>
  void start(Move&& move) {
    started_ = true;
    heap_.clear();
    for (std::size_t i = 0; i < cursors_.size(); ++i) advance(i, move);
  }

  // The lowest docid of the cursors and the summed wdf of the terms there.
  void gather() {
    at_current_.clear();
    wdf_ = 0;
    if (small_) {
      current_ = 0;
      for (const auto& cursor : cursors_)
        if (cursor.docid != 0 && (current_ == 0 || cursor.docid < current_)) current_ = cursor.docid;
      for (std::size_t i = 0; i < cursors_.size() && current_ != 0; ++i)
        if (cursors_[i].docid == current_) at_current_.push_back(i), wdf_ += cursors_[i].it.get_wdf();
      return;
    }
    current_ = heap_.empty() ? 0 : cursors_[heap_.front()].docid;
    while (!heap_.empty() && cursors_[heap_.front()].docid == current_) {
      const auto i = pop();
      at_current_.push_back(i);
      wdf_ += cursors_[i].it.get_wdf();
    }
  }

  // BM25Weight::get_sumpart.
  double weight(Xapian::termcount wdf, Xapian::termcount length) const {
    const double normalised_length = std::max(length * length_factor_, parameters_.min_normlen);
    const double wdf_double = wdf;
    const double denominator = parameters_.k1 * (normalised_length * parameters_.b + (1 - parameters_.b)) + wdf_double;
    return term_weight_ * (wdf_double / denominator);
  }

  const DocumentLengths& lengths_;
  Bm25Parameters parameters_;
  std::vector<std::string> terms_;
  std::vector<std::string> ceiling_;  // idf at most theirs
  std::vector<Cursor> cursors_;
  std::vector<std::size_t> heap_, at_current_;
  bool small_ = true;
  bool started_ = false;
  Xapian::docid current_ = 0;
  Xapian::termcount wdf_ = 0;
  Xapian::doccount frequency_min_ = 0, frequency_estimate_ = 0, frequency_sum_ = 0;
  double term_weight_ = 0, length_factor_ = 0;
};

}  // namespace

DocumentLengths::DocumentLengths(const Xapian::Database& database)
    : document_count_(database.get_doccount()),
      average_(database.get_avlength()),
      lower_bound_(database.get_doclength_lower_bound()),
      upper_bound_(database.get_doclength_upper_bound()) {
  lengths_.assign(database.get_lastdocid() + std::size_t{1}, 0);
  for (auto it = database.postlist_begin(""); it != database.postlist_end(""); ++it)
    if (*it < lengths_.size()) lengths_[*it] = it.get_doclength();
}

Xapian::Query term_group_query(const DocumentLengths& lengths, const Bm25Parameters& parameters,
                               std::vector<std::string> terms, std::vector<std::string> ceiling) {
  for (auto* list : {&terms, &ceiling}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  auto* source = new TermGroupSource(lengths, parameters, std::move(terms), std::move(ceiling));
  return Xapian::Query(source->release());
}

std::optional<std::vector<std::string>> term_group_terms(const Xapian::Query& query) {
  if (query.get_type() != Xapian::Query::LEAF_POSTING_SOURCE) return std::nullopt;
  const std::string description = query.get_description();
  const auto start = description.find(kDescriptionStart);
  // The group's own ')' is the first of the closing run (terms are words: none ends in ')').
  const auto end = description.find_last_not_of(')') + 1;
  if (start == std::string::npos || end <= start) return std::nullopt;
  std::vector<std::string> terms;
  std::istringstream words(
      description.substr(start + kDescriptionStart.size(), end - start - kDescriptionStart.size()));
  for (std::string term; words >> term && term != "|";) terms.push_back(term);
  return terms;
}

}  // namespace arkiv
