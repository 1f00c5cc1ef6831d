#include "stemming/analyzer.h"

#include <unicode/ubrk.h>

#include <array>
#include <optional>
#include <unordered_map>

#include "stemming/src/compound_links.h"
#include "stemming/src/decompounder.h"
#include "stemming/src/equivalences.h"
#include "stemming/src/snowball_stemmer.h"
#include "stemming/src/text_normalisation.h"
#include "stemming/src/word_cache.h"
#include "stemming/src/word_segmenter.h"

namespace arkiv {
namespace {

// Long inputs are segmented in chunks cut at white space, which bounds ICU's working set and
// keeps break positions within 32 bits; a chunk without white space is cut at a character.
constexpr std::size_t kChunkBytes = 4u << 20;
constexpr std::size_t kChunkSearchBytes = 64u << 10;
// Distinct words cached per Analyzer before the cache is emptied (a text has far fewer).
constexpr std::size_t kWordCacheLimit = 1u << 18;
constexpr std::size_t kMaxCachedWordBytes = 128;
constexpr std::size_t kExpansionCacheLimit = 1u << 14;
// Longer "words" (base64, URLs without dots, junk) are kept but neither stemmed nor split.
constexpr std::size_t kMaxAnalysedWordBytes = 96;
// A token leaves the window once the longest hyphen link it may start is visible:
// first word, conjunction, "/", conjunction, head.
constexpr std::size_t kLinkWindow = TokenWindow::kCapacity;
// Segments found (and their word cache lines requested) before the token that is analysed.
// Two per link of a word cache lookup: each link is requested two tokens after the one it
// depends on, which gives the memory time to answer.
constexpr std::size_t kLinkSpacing = 2;
constexpr std::size_t kLookahead = 4 * kLinkSpacing;

struct ExpansionTerms {
  std::string stem;
  std::vector<std::string> part_stems;
};

void add_unique(std::vector<std::string>& list, std::string value) {
  if (value.empty()) return;
  for (const std::string& present : list) {
    if (present == value) return;
  }
  list.push_back(std::move(value));
}

// A refilled token's string keeps its buffer; append is the cheapest copy into it.
void assign(std::string& to, std::string_view from) {
  to.clear();
  to.append(from);
}

bool is_letter_status(int32_t rule_status) {
  return rule_status >= UBRK_WORD_LETTER && rule_status < UBRK_WORD_LETTER_LIMIT;
}

// Words with digits or URL/e-mail punctuation ("co2", "www.sst.dk", "h.c") are not stemmed.
bool is_stemmable(std::string_view norm) {
  return norm.size() <= kMaxAnalysedWordBytes && norm.find_first_of("0123456789.@_:") == std::string_view::npos;
}

std::size_t chunk_end(std::string_view text, std::size_t begin) {
  if (text.size() - begin <= kChunkBytes) return text.size();
  std::size_t end = begin + kChunkBytes;
  const std::size_t search_floor = end - kChunkSearchBytes;
  for (std::size_t i = end; i > search_floor; --i) {
    if (text[i - 1] == ' ' || text[i - 1] == '\n') return i;
  }
  while (end > begin + 1 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}

}  // namespace

struct Analyzer::Impl {
  explicit Impl(AnalyzerOptions analyzer_options) : options(analyzer_options) { stemmer_for(options.language); }

  AnalyzerOptions options;
  WordSegmenter segmenter;
  std::array<std::unique_ptr<SnowballStemmer>, 5> stemmers;
  WordCache word_cache{kWordCacheLimit};
  std::unordered_map<std::string, ExpansionTerms> expansion_cache;
  std::unordered_map<std::string, std::optional<std::string>> suspension_cache;
  TokenWindow window;  // kept between calls for its Tokens' storage
  bool window_in_use = false;

  SnowballStemmer& stemmer_for(Language language) {
    auto& stemmer = stemmers[static_cast<std::size_t>(language)];
    if (!stemmer) stemmer = std::make_unique<SnowballStemmer>(language);
    return *stemmer;
  }

  std::string stem_word(std::string_view norm, Language language) {
    if (!is_stemmable(norm)) return std::string(norm);
    return stemmer_for(language).stem(norm);
  }

  std::vector<std::string> decompose(std::string_view norm) {
    if (norm.size() > kMaxAnalysedWordBytes) return {};
    return decompounder_for(options.language).split(norm);
  }

  WordAnalysis analyse_word(std::string norm, bool is_letter_word) {
    WordAnalysis word;
    word.is_letter_word = is_letter_word;
    word.norm = std::move(norm);
    const bool stemmable = is_letter_word && is_stemmable(word.norm);
    word.stem = stemmable ? stemmer_for(options.language).stem(word.norm) : word.norm;
    if (!stemmable) return word;
    auto derived = std::make_shared<WordDerivations>();
    if (options.fold) {
      std::string folded = fold_scandinavian(word.norm);
      if (folded != word.norm) {
        add_unique(derived->folded_stems, fold_scandinavian(word.stem));
        add_unique(derived->folded_stems, stem_word(folded, options.language));
        derived->folded.push_back(std::move(folded));
      }
    }
    if (options.decompound) {
      derived->parts = decompose(word.norm);
      for (const std::string& part : derived->parts) add_unique(derived->part_stems, stem_word(part, options.language));
    }
    if (options.variants) {
      // The index holds stems from each document's own stemmer, so a variant is stemmed in its language.
      for (Variant& variant : cross_language_variants(word.norm, options.language, word.stem)) {
        std::string variant_stem = stem_word(variant.word, variant.language);
        if (variant_stem != word.stem) add_unique(derived->variant_stems, std::move(variant_stem));
        add_unique(derived->variants, std::move(variant.word));
      }
    }
    if (!derived->empty()) word.derived = std::move(derived);
    return word;
  }

  // Looked up as written, then by norm, so "Sygehusene" and "sygehusene" are analysed once.
  // Fills token.norm, token.stem and the derived lists. text_hash is WordCache::hash_of the text.
  void analyse_into(Token& token, bool is_letter_word, std::uint64_t text_hash) {
    CachedWord found;
    if (token.text.size() <= kMaxCachedWordBytes && word_cache.find(token.text, is_letter_word, text_hash, found)) {
      return fill_from(token, found);
    }
    std::string norm;
    normalise_word(token.text, norm);
    const bool same = norm == token.text;
    if (!same && word_cache.find(norm, is_letter_word, found)) {
      if (token.text.size() <= kMaxCachedWordBytes) found = word_cache.insert_alias(token.text, is_letter_word, found);
      return fill_from(token, found);
    }
    const WordAnalysis word = analyse_word(std::move(norm), is_letter_word);
    if (token.text.size() > kMaxCachedWordBytes || !WordCache::can_hold(token.text, word)) {
      assign(token.norm, word.norm);
      assign(token.stem, word.stem);
      return fill_derived(token, word.derived.get());
    }
    if (!same) word_cache.insert(word.norm, word);
    fill_from(token, word_cache.insert(token.text, word));
  }

  static void fill_from(Token& token, const CachedWord& word) {
    assign(token.norm, word.norm);
    assign(token.stem, word.stem);
    if (!word.packed) return fill_derived(token, nullptr);
    const char* packed = word.packed;
    for (auto* list : {&token.parts, &token.part_stems, &token.folded, &token.folded_stems, &token.variants,
                       &token.variant_stems}) {
      unpack_list(packed, *list);
    }
  }

  // Assigns rather than constructs, so a refilled Token keeps its storage.
  static void fill_derived(Token& token, const WordDerivations* derived) {
    if (!derived) {
      token.parts.clear();
      token.part_stems.clear();
      token.folded.clear();
      token.folded_stems.clear();
      token.variants.clear();
      token.variant_stems.clear();
      return;
    }
    token.parts = derived->parts;
    token.part_stems = derived->part_stems;
    token.folded = derived->folded;
    token.folded_stems = derived->folded_stems;
    token.variants = derived->variants;
    token.variant_stems = derived->variant_stems;
  }

  // A segment and the word cache key of its bytes, whose table slot is already being fetched.
  struct PendingSegment {
    WordSegment segment;
    std::uint64_t hash = 0;
  };

  bool next_segment(std::string_view chunk, PendingSegment& pending) {
    if (!segmenter.next(pending.segment)) return false;
    const WordSegment& segment = pending.segment;
    pending.hash = WordCache::hash_of(chunk.substr(segment.start, segment.end - segment.start),
                                      is_letter_status(segment.rule_status));
    word_cache.prefetch(pending.hash, 0);
    return true;
  }

  // Fills every field of token, which may hold (or have had moved out) an earlier token.
  void make_token(Token& token, std::string_view input, const PendingSegment& pending, std::size_t chunk_offset,
                  std::uint32_t position) {
    const WordSegment& segment = pending.segment;
    token.start = chunk_offset + segment.start;
    token.end = chunk_offset + segment.end;
    token.position = position;
    token.is_number = segment.rule_status >= UBRK_WORD_NUMBER && segment.rule_status < UBRK_WORD_NUMBER_LIMIT;
    const bool is_letter_word = is_letter_status(segment.rule_status);
    const std::string_view bytes = input.substr(token.start, token.end - token.start);
    // A well-formed chunk (most are) has well-formed words: no need to check each again.
    const bool unchanged = segmenter.is_valid_utf8() ? (assign(token.text, bytes), true) : repair_utf8(bytes, token.text);
    token.norm.clear();
    token.stem.clear();
    token.expansions.clear();
    token.expansion_stems.clear();
    analyse_into(token, is_letter_word, unchanged ? pending.hash : WordCache::hash_of(token.text, is_letter_word));
  }

  // Stems of an expansion and of its parts; cached, as headers repeat the same organisations.
  const ExpansionTerms& expansion_terms(const std::string& expansion) {
    if (const auto found = expansion_cache.find(expansion); found != expansion_cache.end()) return found->second;
    if (expansion_cache.size() >= kExpansionCacheLimit) expansion_cache.clear();
    ExpansionTerms terms;
    terms.stem = stem_word(expansion, options.language);
    if (options.decompound) {
      for (const std::string& part : decompose(expansion))
        add_unique(terms.part_stems, stem_word(part, options.language));
    }
    return expansion_cache.emplace(expansion, std::move(terms)).first->second;
  }

  void add_expansion(Token& token, std::string expansion) {
    if (expansion.empty() || expansion == token.norm) return;
    const ExpansionTerms& terms = expansion_terms(expansion);
    add_unique(token.expansion_stems, terms.stem);
    for (const std::string& part_stem : terms.part_stems) add_unique(token.part_stems, part_stem);
    add_unique(token.expansions, std::move(expansion));
  }

  const std::optional<std::string>& completed_suspension(const std::string& first, const std::string& head) {
    std::string key = first + '\n' + head;
    if (const auto found = suspension_cache.find(key); found != suspension_cache.end()) return found->second;
    if (suspension_cache.size() >= kExpansionCacheLimit) suspension_cache.clear();
    return suspension_cache.emplace(std::move(key), complete_suspended_compound(first, head, options.language))
        .first->second;
  }

  void link_front(TokenWindow& window, std::string_view input) {
    if (!options.suspended_compounds || !may_link(window, input)) return;
    Token& first = window.front();
    if (is_joined_by_hyphen(window, input)) add_expansion(first, first.norm + window[1].norm);
    if (const std::size_t head = suspended_compound_head(window, input)) {
      if (const auto& expansion = completed_suspension(first.norm, window[head].norm)) add_expansion(first, *expansion);
    }
  }

  void analyze(std::string_view input, const std::function<void(Token&&)>& sink) {
    if (window_in_use) {  // a sink analysing more text with this Analyzer
      TokenWindow own_window;
      return analyze(input, sink, own_window);
    }
    window_in_use = true;
    window.clear();
    try {
      analyze(input, sink, window);
    } catch (...) {
      window_in_use = false;
      throw;
    }
    window_in_use = false;
  }

  void analyze(std::string_view input, const std::function<void(Token&&)>& sink, TokenWindow& window) {
    std::uint32_t position = 0;
    for (std::size_t begin = 0; begin < input.size();) {
      const std::size_t end = chunk_end(input, begin);
      const std::string_view chunk = input.substr(begin, end - begin);
      segmenter.set_text(chunk);
      // A few segments ahead, so the word cache lines of the next tokens load while this one is analysed.
      std::array<PendingSegment, kLookahead> ahead;
      std::size_t queued = 0;
      while (queued < kLookahead && next_segment(chunk, ahead[queued])) ++queued;
      for (std::size_t i = 0; queued > 0; i = (i + 1) % kLookahead) {
        const PendingSegment current = ahead[i];
        // Segment i + k is at link (kLookahead - k) / kLinkSpacing of its lookup chain (stage 0
        // was next_segment).
        for (std::size_t k = kLinkSpacing; k < kLookahead && k < queued; k += kLinkSpacing) {
          word_cache.prefetch(ahead[(i + k) % kLookahead].hash, static_cast<int>((kLookahead - k) / kLinkSpacing));
        }
        if (!next_segment(chunk, ahead[i])) --queued;
        make_token(window.push_back(), input, current, begin, ++position);
        if (window.size() == kLinkWindow) {
          link_front(window, input);
          sink(std::move(window.front()));
          window.pop_front();
        }
      }
      begin = end;
    }
    for (; !window.empty(); window.pop_front()) {
      link_front(window, input);
      sink(std::move(window.front()));
    }
  }
};

Analyzer::Analyzer(AnalyzerOptions options) : impl_(std::make_unique<Impl>(options)) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::vector<Token> Analyzer::analyze(std::string_view text) const {
  std::vector<Token> tokens;
  impl_->analyze(text, [&tokens](Token&& token) { tokens.push_back(std::move(token)); });
  return tokens;
}

void Analyzer::analyze(std::string_view text, const std::function<void(Token&&)>& sink) const {
  impl_->analyze(text, sink);
}

std::string Analyzer::stem(std::string_view normalised_word) const {
  return impl_->stemmer_for(impl_->options.language).stem(normalised_word);
}

const AnalyzerOptions& Analyzer::options() const { return impl_->options; }

}  // namespace arkiv
