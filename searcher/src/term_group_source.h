#pragma once
// BM25 for one synonym group of terms, with document lengths read from memory.
//
// Xapian 1.4 reads a document's length for every posting it weighs with BM25 (b > 0) from the
// document-length list on disk, a chunked list it decodes forward to each docid: on the full
// mb1000 index (667,440 sections) that decoding is ~4 ms of every word query, whatever the
// word's frequency, and 60–80% of the ranked pass. TermGroupSource is a PostingSource that
// merges the terms' posting lists itself and weighs each match with the same formula as
// Xapian's BM25Weight over an OP_SYNONYM of the terms, taking the length from DocumentLengths.
// Xapian's matcher still combines, prunes and ranks. One local database only (docids of
// DocumentLengths); remote and sharded searches keep Xapian's own BM25.
#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace arkiv {

// The length (sum of wdfs) of every document of one local database, read once per revision.
class DocumentLengths {
 public:
  explicit DocumentLengths(const Xapian::Database& database);

  Xapian::termcount operator[](Xapian::docid document) const {
    return document < lengths_.size() ? lengths_[document] : 0;
  }
  Xapian::doccount document_count() const { return document_count_; }
  double average() const { return average_; }
  Xapian::termcount lower_bound() const { return lower_bound_; }
  Xapian::termcount upper_bound() const { return upper_bound_; }

 private:
  std::vector<Xapian::termcount> lengths_;  // by docid
  Xapian::doccount document_count_ = 0;
  double average_ = 0;
  Xapian::termcount lower_bound_ = 0, upper_bound_ = 0;
};

struct Bm25Parameters {
  double k1 = 1.2;
  double b = 0.75;
  double min_normlen = 0.5;
};

// The query scoring terms (prefixed, at least one) as one group: equal in matches and weights to
// Xapian's OP_SYNONYM of them (a single term: the term) under BM25Weight(k1, 0, 1, b, min_normlen),
// except that with ceiling terms its idf is at most theirs (TermGroupMaker in
// stemming/xapian_terms.h). lengths must outlive the query's use.
Xapian::Query term_group_query(const DocumentLengths& lengths, const Bm25Parameters& parameters,
                               std::vector<std::string> terms, std::vector<std::string> ceiling = {});

// The terms of a query made by term_group_query (read back from its description, as Xapian 1.4
// has no accessor for a query's posting source); nullopt for any other query.
std::optional<std::vector<std::string>> term_group_terms(const Xapian::Query& query);

}  // namespace arkiv
