// The Xapian bridge: terms added for tokens, and the queries built from them.
#include <catch2/catch.hpp>

#include "stemming/xapian_terms.h"
#include "tests/stemming/analyzer_test_support.h"

using arkiv::Analyzer;
using arkiv::FieldPrefixes;

namespace {

const FieldPrefixes kField{"", "Z", "XP", "XF", "XW"};

Xapian::Document document_for(const Analyzer& analyzer, const std::string& text) {
  Xapian::Document document;
  document.set_data(text);
  arkiv::add_terms(analyzer.analyze(text), kField, document);
  return document;
}

// Document data of the matches of the word query for typed, best first.
std::vector<std::string> ranking(Xapian::Database& database, const Analyzer& analyzer, const std::string& typed) {
  const auto tokens = analyzer.analyze(typed);
  REQUIRE(tokens.size() == 1);
  Xapian::Enquire enquire(database);
  enquire.set_query(arkiv::word_query(tokens[0], kField));
  std::vector<std::string> found;
  const Xapian::MSet matches = enquire.get_mset(0, 20);
  for (auto match = matches.begin(); match != matches.end(); ++match) found.push_back(match.get_document().get_data());
  return found;
}

Xapian::WritableDatabase database_of(const Analyzer& analyzer, const std::vector<std::string>& texts) {
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const auto& text : texts) database.add_document(document_for(analyzer, text));
  // Unrelated documents, so that BM25's idf of a term in one or two documents is positive.
  for (int i = 0; i < 8; ++i) database.add_document(document_for(analyzer, "mødet blev holdt i København"));
  return database;
}

}  // namespace

TEST_CASE("exact words carry positions; stems and folded stems do not", "[analyzer]") {
  Analyzer analyzer;
  const auto document = document_for(analyzer, "Lægerne på sygehusene i Århus");
  CHECK(arkiv::test::describe_terms(document) ==
        "XFaarhus XFlaeg XFpaa Zi Zlæg Zpå Zsygehus Zårhus i[4] lægerne[1] på[2] sygehusene[3] århus[5]");
}

TEST_CASE("add_terms offsets positions and returns the last one", "[analyzer]") {
  Analyzer analyzer;
  Xapian::Document document;
  const auto last = arkiv::add_terms(analyzer.analyze("to ord"), kField, document, 100);
  CHECK(last == 102);
  CHECK(arkiv::test::describe_terms(document) == "Zord Zto ord[102] to[101]");
}

TEST_CASE("a folded query finds the æ/ø/å word, and the exact spelling ranks first", "[analyzer]") {
  Analyzer analyzer;
  auto database = database_of(analyzer, {"de ældre borgere", "de aeldre borgere", "ingen af dem"});
  SECTION("typed without æ") { CHECK(ranking(database, analyzer, "aeldre") == std::vector<std::string>{"de aeldre borgere", "de ældre borgere"}); }
  SECTION("typed with æ") { CHECK(ranking(database, analyzer, "ældre") == std::vector<std::string>{"de ældre borgere", "de aeldre borgere"}); }
  SECTION("inflected and folded") { CHECK(ranking(database, analyzer, "AELDRES").size() == 2); }
}

TEST_CASE("folded queries reach ø, å and Swedish ö/ä spellings", "[analyzer]") {
  Analyzer analyzer;
  auto database = database_of(analyzer, {"lønnen stiger", "sygehuset i Århus", "sundhedsvæsenet", "Köping"});
  auto [typed, expected] = GENERATE(table<std::string, std::string>({
      {"loen", "lønnen stiger"},
      {"Aarhus", "sygehuset i Århus"},
      {"århus", "sygehuset i Århus"},
      {"sundhedsvaesenet", "sundhedsvæsenet"},
      {"køping", "Köping"},
  }));
  CAPTURE(typed);
  const auto found = ranking(database, analyzer, typed);
  REQUIRE(found.size() == 1);
  CHECK(found[0] == expected);
}

TEST_CASE("the phrase query matches words in order and adjacent", "[analyzer]") {
  Analyzer analyzer;
  auto database = database_of(analyzer, {"lægerne på sygehusene", "sygehusene på lægerne", "lægerne var på sygehusene"});
  const auto query_tokens = analyzer.analyze("Lægerne på sygehusene");
  Xapian::Enquire enquire(database);
  enquire.set_query(arkiv::phrase_query(query_tokens, kField));
  auto matches = enquire.get_mset(0, 10);
  REQUIRE(matches.size() == 1);
  CHECK(matches.begin().get_document().get_data() == "lægerne på sygehusene");
  enquire.set_query(arkiv::phrase_query(query_tokens, kField, 1));
  CHECK(enquire.get_mset(0, 10).size() == 2);
}

TEST_CASE("terms longer than Xapian's limit are left out, not thrown", "[analyzer]") {
  Analyzer analyzer;
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::string long_word(400, 'x');
  REQUIRE_NOTHROW(database.add_document(document_for(analyzer, "kort " + long_word + " ord")));
  CHECK(arkiv::test::describe_terms(database.get_document(1)) == "Zkort Zord kort[1] ord[3]");
}

TEST_CASE("adjacent words of which one is common are also indexed as one pair term without positions",
          "[analyzer][pairs]") {
  Analyzer analyzer;
  const auto common = arkiv::CommonWords::standard();
  REQUIRE(common.contains("den"));
  REQUIRE_FALSE(common.contains("behandling"));
  Xapian::Document document;
  arkiv::add_terms(analyzer.analyze("Den bedste behandling. For patienter"), kField, document, 0, 1, common);
  std::vector<std::string> pairs;
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    if (!(*term).starts_with("XW")) continue;
    pairs.push_back(*term);
    CHECK(term.positionlist_count() == 0);
  }
  // Across the full stop too: a phrase of the two exact terms matches there as well.
  CHECK(pairs == std::vector<std::string>{"XWbehandling for", "XWden bedste", "XWfor patienter"});
  SECTION("no pair terms without common words or without a pair space") {
    Xapian::Document plain;
    arkiv::add_terms(analyzer.analyze("Den bedste behandling"), kField, plain);
    arkiv::add_terms(analyzer.analyze("Den bedste behandling"), FieldPrefixes{"S", "ZS", "XPS", "XFS", ""}, plain, 0, 1,
                     common);
    for (auto term = plain.termlist_begin(); term != plain.termlist_end(); ++term) CHECK_FALSE((*term).starts_with("XW"));
  }
}

TEST_CASE("the common words round-trip through the lines a database records", "[analyzer][pairs]") {
  const auto common = arkiv::CommonWords::standard();
  CHECK(arkiv::CommonWords::from_lines(common.lines()) == common);
  CHECK(arkiv::CommonWords::from_lines("").empty());
  CHECK(arkiv::pair_term(kField, common, "for", "bedre") == "XWfor bedre");
  CHECK(arkiv::pair_term(kField, common, "life", "science").empty());
  CHECK(arkiv::pair_term(kField, arkiv::CommonWords(), "for", "bedre").empty());
}

// Every 2-4 word window at a few offsets of each sample paragraph, as a phrase: through pair
// terms it must match exactly the paragraphs it matches through positions.
TEST_CASE("phrases match the same sample paragraphs through pair terms as through positions", "[analyzer][pairs]") {
  Analyzer analyzer;
  const auto common = arkiv::CommonWords::standard();
  Xapian::WritableDatabase database(std::string(), Xapian::DB_BACKEND_INMEMORY);
  std::vector<std::vector<arkiv::Token>> paragraphs;
  for (const char* name : {"000_4bee182d6141fea1.txt", "002_17672f166347968f.txt", "004_fe2e7b098ecff674.txt"}) {
    const std::string text = arkiv::test::read_file(arkiv::data_file(std::string("corpus/samples/") + name).string());
    for (std::size_t start = 0; start < text.size();) {
      const auto end = std::min(text.find("\n\n", start), text.size());
      auto tokens = analyzer.analyze(std::string_view(text).substr(start, end - start));
      if (tokens.size() >= 4) {
        Xapian::Document document;
        arkiv::add_terms(tokens, kField, document, 0, 1, common);
        database.add_document(document);
        paragraphs.push_back(std::move(tokens));
      }
      start = end + 2;
    }
  }
  REQUIRE(paragraphs.size() > 100);
  const auto matches = [&](const Xapian::Query& query) {
    Xapian::Enquire enquire(database);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    std::vector<Xapian::docid> found;
    const auto mset = enquire.get_mset(0, database.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) found.push_back(*it);
    std::sort(found.begin(), found.end());
    return found;
  };
  std::size_t phrases = 0, through_pairs = 0, two_word_pairs = 0;
  for (std::size_t p = 0; p < paragraphs.size(); p += 3) {
    const auto& tokens = paragraphs[p];
    for (std::size_t length = 2; length <= 4; ++length)
      for (std::size_t start = 0; start + length <= tokens.size(); start += 7) {
        const std::vector<arkiv::Token> phrase(tokens.begin() + start, tokens.begin() + start + length);
        const auto with_pairs = arkiv::phrase_query(phrase, kField, 0, common);
        const auto by_positions = arkiv::phrase_query(phrase, kField);
        const bool uses_pairs = with_pairs.get_description().find("XW") != std::string::npos;
        through_pairs += uses_pairs;
        two_word_pairs += uses_pairs && with_pairs.get_type() == Xapian::Query::LEAF_TERM;
        ++phrases;
        CAPTURE(with_pairs.get_description());
        const auto found = matches(with_pairs);
        CHECK_FALSE(found.empty());
        CHECK(found == matches(by_positions));
      }
  }
  CHECK(phrases > 1000);
  CHECK(through_pairs > phrases / 3);
  CHECK(two_word_pairs > 100);
}
