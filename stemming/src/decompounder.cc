#include "stemming/src/decompounder.h"

#include <libstemmer.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <fstream>
#include <functional>
#include <memory>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "stemming/src/lexicon.h"

namespace arkiv {
namespace {

constexpr std::size_t kMinCompoundLength = 8;  // code points; shorter words are never split
// Parts have 4 letters or more; 3 only beside a linking s ("råds|formand", "sundheds|råd"), or
// as the base of an inflected head of 4+ after a modifier of 5+ ("medicin|rådet"; not
// "spesial|ist", "person|ell").
constexpr std::size_t kMinPartLength = 4;
constexpr std::size_t kMinPartLengthBesideS = 3;
constexpr std::size_t kMinModifierBeforeShortHead = 5;

// How short the next head may be (see above); indexes the segmentation memo.
enum class HeadLength : std::uint8_t { kNormal, kShortAfterS, kShortBase };
constexpr int kMaxDepth = 3;  // recursion into parts that are compounds themselves
constexpr std::size_t kMaxPrefixWalkBytes = 128;  // longer words have their first words looked up one by one
constexpr std::array<std::string_view, 3> kLinks = {"s", "", "e"};

std::size_t code_points(std::string_view word) {
  std::size_t count = 0;
  for (char c : word) count += U8_IS_TRAIL(static_cast<uint8_t>(c)) ? 0 : 1;
  return count;
}

// word.starts_with(prefix) and word.ends_with(suffix), which compare one byte before calling
// memcmp: most words are tested against every listed prefix and ending.
bool has_prefix(std::string_view word, std::string_view prefix) {
  return prefix.empty() || (word.size() >= prefix.size() && word[0] == prefix[0] && word.starts_with(prefix));
}
bool has_suffix(std::string_view word, std::string_view suffix) {
  return suffix.empty() || (word.size() >= suffix.size() && word.back() == suffix.back() && word.ends_with(suffix));
}

bool is_boundary(std::string_view word, std::size_t offset) {
  return offset == word.size() || !U8_IS_TRAIL(static_cast<uint8_t>(word[offset]));
}

bool all_letters(std::string_view word) {
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const auto length = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {  // ASCII: only a-z and A-Z are letters
      if (((s[i] | 0x20) - 'a') > 'z' - 'a') return false;
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || !u_isalpha(c)) return false;
  }
  return true;
}

// One Snowball stemmer per thread and algorithm: sb_stemmer is not thread-safe.
class SnowballStemmer {
 public:
  explicit SnowballStemmer(const char* algorithm) : stemmer_(sb_stemmer_new(algorithm, "UTF_8")) {
    if (!stemmer_) throw Error(std::string("Snowball stemmer unavailable: ") + algorithm);
  }
  ~SnowballStemmer() { sb_stemmer_delete(stemmer_); }
  SnowballStemmer(const SnowballStemmer&) = delete;
  SnowballStemmer& operator=(const SnowballStemmer&) = delete;

  std::string stem(std::string_view word) {
    const sb_symbol* out =
        sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    return std::string(reinterpret_cast<const char*>(out), sb_stemmer_length(stemmer_));
  }

 private:
  sb_stemmer* stemmer_;
};

SnowballStemmer& stemmer_for(Language language) {
  thread_local SnowballStemmer danish("danish");
  thread_local SnowballStemmer norwegian("norwegian");
  return language == Language::da ? danish : norwegian;
}

// An inflectional ending: strip it, then append `append` ("a>e": nynorsk "tenesta" -> "teneste").
struct Ending {
  std::string strip;
  std::string append;
};

// Looked up by string_view without a std::string copy.
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
};
// A small set of words asked about for most candidate parts, which it rarely holds: a bit per
// (first byte, length) answers most questions before the hash table.
class WordSet {
 public:
  void insert(const std::string& word) {
    words_.insert(word);
    if (!word.empty()) lengths_[static_cast<std::uint8_t>(word[0])] |= length_bit(word.size());
  }
  bool count(std::string_view word) const {
    if (!word.empty() && (lengths_[static_cast<std::uint8_t>(word[0])] & length_bit(word.size())) == 0) return false;
    return words_.count(word) > 0;
  }

 private:
  static std::uint64_t length_bit(std::size_t length) { return 1ull << std::min<std::size_t>(length, 63); }
  std::unordered_set<std::string, WordHash, std::equal_to<>> words_;
  std::array<std::uint64_t, 256> lengths_{};
};

struct WordRules {
  WordSet keep, not_modifier, not_head;
  std::vector<std::string> prefixes;
  std::vector<Ending> endings;  // longest strip first
};

// stemming/data/decompounding.tsv, per language (da, nb, nn).
const WordRules& rules_for(Language language) {
  static const std::array<WordRules, 3> rules = [] {
    std::array<WordRules, 3> loaded;
    const std::filesystem::path path = data_file("stemming/data/decompounding.tsv");
    std::ifstream in(path);
    if (!in) throw IoError("cannot read " + path.string());
    std::string line;
    for (std::size_t line_number = 1; std::getline(in, line); ++line_number) {
      if (line.empty() || line[0] == '#') continue;
      const std::string where = path.string() + ":" + std::to_string(line_number) + ": ";
      const std::size_t tab1 = line.find('\t');
      const std::size_t tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
      if (tab2 == std::string::npos || tab2 + 1 == line.size()) {
        throw DataError(where + "expected kind<TAB>language<TAB>word");
      }
      const std::string kind = line.substr(0, tab1);
      const std::string language_field = line.substr(tab1 + 1, tab2 - tab1 - 1);
      const std::string word = line.substr(tab2 + 1);
      std::vector<std::size_t> targets;
      if (language_field == "*") {
        targets = {0, 1, 2};
      } else if (language_field == "da" || language_field == "nb" || language_field == "nn") {
        targets = {static_cast<std::size_t>(parse_language(language_field))};
      } else {
        throw DataError(where + "unknown language '" + language_field + "' (da, nb, nn or *)");
      }
      for (std::size_t target : targets) {
        WordRules& r = loaded.at(target);
        if (kind == "keep") {
          r.keep.insert(word);
        } else if (kind == "not-modifier") {
          r.not_modifier.insert(word);
        } else if (kind == "not-head") {
          r.not_head.insert(word);
        } else if (kind == "prefix") {
          r.prefixes.push_back(word);
        } else if (kind == "ending") {
          const std::size_t arrow = word.find('>');
          r.endings.push_back(arrow == std::string::npos ? Ending{word, {}}
                                                         : Ending{word.substr(0, arrow), word.substr(arrow + 1)});
        } else {
          throw DataError(where + "unknown kind '" + kind + "' (keep, not-modifier, not-head, prefix, ending)");
        }
      }
    }
    for (WordRules& r : loaded) {
      std::stable_sort(r.endings.begin(), r.endings.end(),
                       [](const Ending& a, const Ending& b) { return a.strip.size() > b.strip.size(); });
    }
    return loaded;
  }();
  return rules.at(static_cast<std::size_t>(language));
}

// A part of the word: bytes [begin, end), followed by the linking letter link ("" for none).
struct Segment {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string_view link;
};

// Every part has a vowel: the word lists hold abbreviations ("ordf") that are no parts.
// One pass over the bytes: a, e, i, o, u, y, or æ ø å (C3 A6, C3 B8, C3 A5).
bool is_ascii_vowel(char c) {
  switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
      return true;
    default:
      return false;
  }
}

// æ, ø, å are C3 A6, C3 B8, C3 A5.
bool is_scandinavian_vowel_tail(char c) { return c == '\xA6' || c == '\xB8' || c == '\xA5'; }

bool has_vowel(std::string_view word) {
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (is_ascii_vowel(word[i])) return true;
    if (word[i] == '\xC3' && i + 1 < word.size() && is_scandinavian_vowel_tail(word[i + 1])) return true;
  }
  return false;
}

// Ends with a, e, i, o, u, y, æ, ø or å.
bool ends_with_vowel(std::string_view word) {
  if (word.empty()) return false;
  if (is_ascii_vowel(word.back())) return true;
  return word.size() >= 2 && word[word.size() - 2] == '\xC3' && is_scandinavian_vowel_tail(word.back());
}

// The best segmentation of word[from..] found so far, by its ranking and its first segment (the
// rest is the memoised best segmentation of what follows the first segment and its link).
// Ranking, best first: fewer parts; then more natural joints (a linking s after a modifier
// ending in a consonant, "verden|s|krig" not "verden|skrig"; none after a vowel,
// "spise|svamp" not "spise|s|vamp"); then the longer head; then longer parts.
struct Segmentation {
  int parts = 0;                 // 0: none found
  int natural = 0;               // natural joints
  std::size_t head_bytes = 0;    // length of the last part
  std::size_t squares = 0;       // sum of the squared part lengths
  std::size_t first_end = 0;     // end of the first part; the word's end when it is the only one
  std::uint8_t link = 0;         // index in kLinks of the first part's link
  HeadLength rest_head_length = HeadLength::kNormal;  // how the rest was searched

  bool found() const { return parts > 0; }
  auto rank() const { return std::make_tuple(-parts, natural, head_bytes, squares); }
};

class LexiconDecompounder final : public Decompounder {
 public:
  LexiconDecompounder(Language language, const Lexicon& lexicon, const WordRules& rules)
      : language_(language), lexicon_(lexicon), rules_(rules), endings_keep_prefixes_(keep_prefixes(rules)) {}

  std::vector<std::string> split(std::string_view word) const override {
    std::vector<std::string> parts;
    std::size_t head = 0;
    decompose(word, 0, parts, head);
    return parts;
  }

  std::optional<std::size_t> head_offset(std::string_view word) const override {
    std::vector<std::string> parts;
    std::size_t head = 0;
    if (!decompose(word, 0, parts, head)) return std::nullopt;
    return head;
  }

 private:
  // Appends the parts of word to parts and sets head to the byte offset of its last part; false
  // (nothing appended) when the word does not split.
  bool decompose(std::string_view word, int depth, std::vector<std::string>& parts, std::size_t& head) const {
    if (depth >= kMaxDepth || code_points(word) < kMinCompoundLength || !all_letters(word)) return false;
    if (rules_.keep.count(word)) return false;
    // The common words that begin the word, from one trie walk: a compound begins with a
    // modifier of 3+ letters, so many words that do not split are known here, and base_form and
    // the search read the rest from it instead of looking each candidate up.
    std::bitset<kMaxPrefixWalkBytes + 1> prefixes;
    const bool prefixes_known = endings_keep_prefixes_ && word.size() <= kMaxPrefixWalkBytes;
    if (prefixes_known) {
      bool has_modifier = false;
      lexicon_.for_each_common_word_at(word, 0, [&](std::size_t end) {
        prefixes.set(end);
        has_modifier = has_modifier || (end < word.size() && code_points(word.substr(0, end)) >= kMinPartLengthBesideS);
      });
      if (!has_modifier) return false;
    }
    // A base form that begins the word has its prefixes among the word's.
    auto base_form_of = [&](std::string_view head) {
      if (!prefixes_known || !word.starts_with(head)) return base_form(head);
      return base_form(head, [&prefixes](std::size_t length) { return prefixes.test(length); });
    };
    // Split the uninflected word when the lexicon has it, so an ending never makes a head:
    // "tjenesten" is split as "tjeneste" (no tjene+sten), "formanden" as "formand" (no form+anden).
    std::string base = base_form_of(word);
    // Genitive after a definite plural: "danskernes" -> "danskerne" -> "dansker" (not dans+kerne).
    if (base != word) base = base_form_of(base);
    const std::string_view target = base;
    if (rules_.keep.count(target) || is_prefix_derivation(target)) return false;
    Split split = best_split(target, prefixes_known && word.starts_with(target) ? &prefixes : nullptr);
    const std::vector<Segment>& segments = split.segments;
    if (segments.empty()) return false;
    for (std::size_t i = 0; i < segments.size(); ++i) {
      const Segment& s = segments[i];
      const bool is_last = i + 1 == segments.size();
      // The head as written keeps the word's own ending: "ministeriet", not "ministeri".
      const std::string_view text = is_last ? word.substr(s.begin) : target.substr(s.begin, s.end - s.begin);
      std::size_t inner_head = 0;
      if (decompose(text, depth + 1, parts, inner_head)) {
        if (is_last) head = s.begin + inner_head;
        continue;
      }
      if (is_last) head = s.begin;
      // The search found the base of its head already; the head as written is the same text
      // when the word had no ending to strip.
      if (is_last && target == word) {
        parts.push_back(std::move(split.head_base));
      } else {
        parts.push_back(is_last ? base_form(text) : std::string(text));
      }
    }
    return true;
  }

  // "understøtte" = under + støtte, "forskrift" = for + skrift: a prefix before a word makes a
  // derivation, whose other splits (forsk+rift) are accidents of spelling.
  bool is_prefix_derivation(std::string_view word) const {
    for (const std::string& prefix : rules_.prefixes) {
      if (word.size() <= prefix.size() || !has_prefix(word, prefix)) continue;
      const std::string_view rest = word.substr(prefix.size());
      if (code_points(rest) >= kMinPartLengthBesideS && lexicon_.contains_common_word(rest)) return true;
    }
    return false;
  }

  // What is known of word[offset..] as a head, whatever the head length (lexicon and Snowball work).
  struct HeadFacts {
    bool is_word = false;         // has a vowel and is a common lexicon word
    std::string base;             // its base form (base_form), when it is a word
    std::size_t base_points = 0;  // code points of its base form
    bool not_listed = false;      // neither it nor its base form is a not-head exception
  };

  // What the search of one word has learnt, each question asked once.
  struct Search {
    std::string_view word;
    std::size_t positions = 0;  // word.size() + 1
    // memo[offset * 3 + head_length]: best segmentation of word[offset..] as modifiers + head.
    std::vector<std::optional<Segmentation>> memo;
    // pair[from * positions + end]: what word[from, end) is (kNotAWord ...); the row of a start
    // is filled by one trie walk when it is first asked about (walked[from]).
    std::vector<std::uint8_t> pair;
    std::vector<std::uint8_t> walked;
    std::vector<std::optional<HeadFacts>> heads;  // heads[offset]
  };
  enum PairState : std::uint8_t { kNotAWord, kCommonWord, kModifier, kNotModifier };

  // The segments of the best segmentation of word into at least two parts; empty if none.
  struct Split {
    std::vector<Segment> segments;  // empty: no split
    std::string head_base;          // base_form of the last segment
  };

  // first_words, when given: bit n set when word.substr(0, n) is a common word.
  Split best_split(std::string_view word, const std::bitset<kMaxPrefixWalkBytes + 1>* first_words) const {
    // Reused by each word this thread splits (a search never starts another), so its buffers
    // are allocated once.
    thread_local Search search;
    search.word = word;
    search.positions = word.size() + 1;
    search.memo.assign(search.positions * 3, std::nullopt);
    search.pair.assign(search.positions * search.positions, kNotAWord);
    search.walked.assign(search.positions, false);
    search.heads.assign(search.positions, std::nullopt);
    if (first_words) {
      for (std::size_t end = 1; end <= word.size(); ++end) {
        if (first_words->test(end)) search.pair[end] = kCommonWord;
      }
      search.walked[0] = true;
    }
    Segmentation best = best_from(search, 0, HeadLength::kNormal, true);
    Split split;
    std::vector<Segment>& segments = split.segments;
    for (std::size_t from = 0; best.found();) {
      if (best.parts == 1) {
        segments.push_back(Segment{from, word.size(), {}});
        split.head_base = search.heads[from]->base;  // a head alone passed is_head
        break;
      }
      const std::string_view link = kLinks[best.link];
      segments.push_back(Segment{from, best.first_end, link});
      from = best.first_end + link.size();
      best = *search.memo[from * 3 + static_cast<std::size_t>(best.rest_head_length)];
    }
    return split;
  }

  // lexicon_.contains_common_word(search.word.substr(from, end - from)).
  bool is_common_word(Search& search, std::size_t from, std::size_t end) const {
    if (!search.walked[from]) {
      search.walked[from] = true;
      std::uint8_t* row = search.pair.data() + from * search.positions;
      lexicon_.for_each_common_word_at(search.word, from, [row](std::size_t word_end) { row[word_end] = kCommonWord; });
    }
    return search.pair[from * search.positions + end] != kNotAWord;
  }

  bool is_modifier(Search& search, std::size_t from, std::size_t end) const {
    if (!is_common_word(search, from, end)) return false;
    std::uint8_t& state = search.pair[from * search.positions + end];
    if (state == kCommonWord) {
      const std::string_view modifier = search.word.substr(from, end - from);
      state = has_vowel(modifier) && !rules_.not_modifier.count(modifier) ? kModifier : kNotModifier;
    }
    return state == kModifier;
  }

  Segmentation best_from(Search& search, std::size_t from, HeadLength head_length, bool must_split) const {
    const std::string_view word = search.word;
    auto& memo = search.memo[from * 3 + static_cast<std::size_t>(head_length)];
    if (!must_split && memo) return *memo;
    Segmentation best;
    if (!must_split && is_head(search, from, head_length)) {
      const std::size_t length = word.size() - from;
      best = Segmentation{1, 0, length, length * length, word.size(), 0, HeadLength::kNormal};
    }
    for (std::size_t end = from + 1; end < word.size(); ++end) {
      if (!is_boundary(word, end)) continue;
      if (!is_modifier(search, from, end)) continue;
      const std::string_view modifier = word.substr(from, end - from);
      const std::size_t length = code_points(modifier);
      for (std::uint8_t link_index = 0; link_index < kLinks.size(); ++link_index) {
        const std::string_view link = kLinks[link_index];
        if (length < (link == "s" ? kMinPartLengthBesideS : kMinPartLength)) continue;
        if (!has_prefix(word.substr(end), link) || end + link.size() >= word.size()) continue;
        const HeadLength rest_head_length = link == "s" ? HeadLength::kShortAfterS
                                            : link.empty() && length >= kMinModifierBeforeShortHead
                                                ? HeadLength::kShortBase
                                                : HeadLength::kNormal;
        const Segmentation rest = best_from(search, end + link.size(), rest_head_length, false);
        if (!rest.found()) continue;
        const bool vowel = ends_with_vowel(modifier);
        const bool natural = (link == "s" && !vowel) || (link.empty() && vowel);
        const Segmentation candidate{rest.parts + 1,          rest.natural + (natural ? 1 : 0),
                                     rest.head_bytes,         rest.squares + modifier.size() * modifier.size(),
                                     end,                     link_index,
                                     rest_head_length};
        if (!best.found() || candidate.rank() > best.rank()) best = candidate;
      }
    }
    if (!must_split) memo = best;
    return best;
  }

  bool is_head(Search& search, std::size_t offset, HeadLength head_length) const {
    const std::string_view head = search.word.substr(offset);
    const std::size_t min_length = head_length == HeadLength::kShortAfterS ? kMinPartLengthBesideS : kMinPartLength;
    if (code_points(head) < min_length) return false;
    std::optional<HeadFacts>& facts = search.heads[offset];
    if (!facts) {
      facts.emplace();
      facts->is_word = is_common_word(search, offset, search.word.size()) && has_vowel(head);
      if (facts->is_word) {
        // Endings are stripped from the head, so the candidate bases it is asked about are the
        // words the trie walk from offset found.
        facts->base = base_form(head, [&](std::size_t length) { return is_common_word(search, offset, offset + length); });
        facts->base_points = code_points(facts->base);
        facts->not_listed = !rules_.not_head.count(facts->base) && !rules_.not_head.count(head);
      }
    }
    if (!facts->is_word) return false;
    if (facts->base_points < (head_length == HeadLength::kNormal ? kMinPartLength : kMinPartLengthBesideS))
      return false;
    return facts->not_listed;
  }

  std::string base_form(std::string_view head) const {
    return base_form(head, [&](std::size_t length) { return lexicon_.contains_common_word(head.substr(0, length)); });
  }

  // The head without its inflectional ending, when that is a lexicon word whose Snowball stem
  // begins the head's stem: "uddannelsen" -> "uddannelse", "væsenet" -> "væsen", "budgettet" ->
  // "budget" (doubled consonant undone); the head itself otherwise. is_common_prefix(length)
  // says whether head.substr(0, length) is a common lexicon word.
  template <typename IsCommonPrefix>
  std::string base_form(std::string_view head, IsCommonPrefix&& is_common_prefix) const {
    SnowballStemmer& stemmer = stemmer_for(language_);
    std::optional<std::string> head_stem;  // stemmed once a candidate is a lexicon word, which most never are
    // Same stem, or the candidate is the head's stem itself (Snowball cuts "væsen" to "væs").
    auto fits = [&](std::string_view candidate, bool is_common_word) {
      if (!is_common_word) return false;
      if (!head_stem) head_stem = stemmer.stem(head);
      return candidate == *head_stem || stemmer.stem(candidate) == *head_stem;
    };
    // The endings the head has, found once for both passes below.
    thread_local std::vector<const Ending*> endings;  // base_form never calls itself
    endings.clear();
    for (const Ending& ending : rules_.endings) {
      if (head.size() > ending.strip.size() + 1 && has_suffix(head, ending.strip)) endings.push_back(&ending);
    }
    // Undoubling ("budgettet" -> "budget") only once no plain ending fits ("massen" -> "masse").
    for (bool undouble : {false, true}) {
      for (const Ending* listed : endings) {
        const Ending& ending = *listed;
        const std::string_view stripped = head.substr(0, head.size() - ending.strip.size());
        if (!ending.append.empty()) {
          if (undouble) continue;
          std::string candidate = std::string(stripped) + ending.append;
          if (fits(candidate, lexicon_.contains_common_word(candidate))) return candidate;
          continue;
        }
        // The candidate is a prefix of the head.
        std::string_view candidate = stripped;
        const std::size_t n = candidate.size();
        if (undouble) {
          if (n < 3 || candidate[n - 1] != candidate[n - 2] ||
              std::string_view("bdfgklmnprst").find(candidate[n - 1]) == std::string_view::npos) {
            continue;
          }
          candidate.remove_suffix(1);
        }
        if (fits(candidate, is_common_prefix(candidate.size()))) return std::string(candidate);
      }
    }
    return std::string(head);
  }

  // True when every ending strips a letter or more and appends at most one (decompounding.tsv):
  // then a base form differs from the word only in its last 3 bytes, within any head, so every
  // modifier of the base form begins the word as written.
  static bool keep_prefixes(const WordRules& rules) {
    return std::all_of(rules.endings.begin(), rules.endings.end(),
                       [](const Ending& ending) { return !ending.strip.empty() && ending.append.size() <= 2; });
  }

  Language language_;
  const Lexicon& lexicon_;
  const WordRules& rules_;
  bool endings_keep_prefixes_;
};

class NoSplitDecompounder final : public Decompounder {
 public:
  std::vector<std::string> split(std::string_view) const override { return {}; }
  std::optional<std::size_t> head_offset(std::string_view) const override { return std::nullopt; }
};

}  // namespace

const Decompounder& decompounder_for(Language language) {
  switch (language) {
    case Language::da: {
      static const LexiconDecompounder danish(Language::da, Lexicon::for_language(Language::da),
                                              rules_for(Language::da));
      return danish;
    }
    case Language::nb: {
      static const LexiconDecompounder bokmal(Language::nb, Lexicon::for_language(Language::nb),
                                              rules_for(Language::nb));
      return bokmal;
    }
    case Language::nn: {
      static const LexiconDecompounder nynorsk(Language::nn, Lexicon::for_language(Language::nn),
                                               rules_for(Language::nn));
      return nynorsk;
    }
    default: {
      static const NoSplitDecompounder none;
      return none;
    }
  }
}

namespace {

// The coordination itself says the second word is a compound, so its modifier may be unknown
// ("somatikkområdet"): the longest proper suffix that is a common lexicon word of 4+ letters.
std::optional<std::size_t> longest_known_head(std::string_view word, Language language) {
  if (language != Language::da && language != Language::nb && language != Language::nn) return std::nullopt;
  const Lexicon& lexicon = Lexicon::for_language(language);
  const WordRules& rules = rules_for(language);
  for (std::size_t offset = 1; offset < word.size(); ++offset) {
    if (!is_boundary(word, offset) || code_points(word.substr(0, offset)) < kMinPartLengthBesideS) continue;
    const std::string_view head = word.substr(offset);
    if (code_points(head) < kMinPartLength) break;
    if (lexicon.contains_common_word(head) && !rules.not_head.count(head)) return offset;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> complete_suspended_compound(std::string_view first_normalised,
                                                       std::string_view second_normalised, Language language) {
  if (code_points(first_normalised) < 2 || !all_letters(first_normalised) || !all_letters(second_normalised)) {
    return std::nullopt;
  }
  std::optional<std::size_t> head = decompounder_for(language).head_offset(second_normalised);
  if (!head) head = longest_known_head(second_normalised, language);
  if (!head) return std::nullopt;
  return std::string(first_normalised) + std::string(second_normalised.substr(*head));
}

namespace {

// A base form the word list leaves out although it lists inflections with the same Snowball
// stem: "ministerie" ("ministeriet", "ministerier" are listed). Two inflections are required, as
// a fragment may have one by accident ("ministe" + r).
bool is_listed_via_stem(const std::string& word, Language language) {
  if (language != Language::da && language != Language::nb && language != Language::nn) return false;
  if (code_points(word) < kMinPartLength || !all_letters(word)) return false;
  const Lexicon& lexicon = Lexicon::for_language(language);
  SnowballStemmer& stemmer = stemmer_for(language);
  std::string stem;
  int inflections = 0;
  for (const Ending& ending : rules_for(language).endings) {
    if (!ending.append.empty()) continue;
    const std::string inflected = word + ending.strip;
    if (!lexicon.contains_common_word(inflected)) continue;
    if (stem.empty()) stem = stemmer.stem(word);
    if (stemmer.stem(inflected) == stem && ++inflections == 2) return true;
  }
  return false;
}

}  // namespace

bool is_known_word(std::string_view normalised_word, Language language) {
  const Lexicon& lexicon = Lexicon::for_language(language);
  if (lexicon.contains(normalised_word)) return true;
  const std::string folded = normalise_lexicon_word(normalised_word);
  if (folded != normalised_word && lexicon.contains(folded)) return true;
  return is_listed_via_stem(folded, language) || !decompounder_for(language).split(folded).empty();
}

}  // namespace arkiv
