#include "searcher/src/query_lexer.h"

#include <array>
#include <charconv>
#include <optional>

#include "searcher/searcher.h"
#include "searcher/src/query_vocabulary.h"
#include "stemming/analyzer.h"

namespace arkiv::query {
namespace {

// ASCII and typographic quotes all open or close a phrase.
constexpr std::array<std::string_view, 6> kQuotes{"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E", "\xC2\xAB", "\xC2\xBB"};

std::size_t quote_length(std::string_view text, std::size_t at) {
  for (auto quote : kQuotes)
    if (text.substr(at, quote.size()) == quote) return quote.size();
  return 0;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

std::optional<LexKind> operator_kind(std::string_view word, unsigned& window) {
  // Operators count only in upper case: lower-case "og", "eller", "ikke" are ordinary words.
  if (word == "AND" || word == "OG") return LexKind::op_and;
  if (word == "OR" || word == "ELLER") return LexKind::op_or;
  if (word == "NOT" || word == "IKKE") return LexKind::op_not;
  if (word == "NEAR") return LexKind::op_near;
  if (word.starts_with("NEAR/") && all_digits(word.substr(5)) && word.size() <= 8) {
    std::from_chars(word.data() + 5, word.data() + word.size(), window);
    return LexKind::op_near;
  }
  return std::nullopt;
}

// "2017..2019", "2017-03..", "..2018-06-30", or (for date:/year:) a single period.
void read_date_range(std::string_view text, std::size_t offset, Lexeme& lexeme) {
  lexeme.kind = LexKind::date_range;
  const auto dots = text.find("..");
  if (dots == std::string_view::npos) {
    lexeme.from = date_bound(text, false, offset);
    lexeme.to = date_bound(text, true, offset);
    return;
  }
  const auto low = text.substr(0, dots), high = text.substr(dots + 2);
  if (!low.empty()) lexeme.from = date_bound(low, false, offset);
  if (!high.empty()) lexeme.to = date_bound(high, true, offset + dots + 2);
}

bool looks_like_date_range(std::string_view text) {
  const auto dots = text.find("..");
  if (dots == std::string_view::npos || text.size() < 6) return false;
  for (char c : text)
    if (!(c == '.' || c == '-' || (c >= '0' && c <= '9'))) return false;
  return true;
}

// Splits one whitespace-delimited chunk that is not an operator into a lexeme.
Lexeme read_word(std::string_view chunk, std::size_t offset) {
  auto lexeme = make_lexeme(LexKind::word, std::string(chunk), offset);
  if (chunk.size() > 1 && (chunk[0] == '+' || chunk[0] == '-')) {
    lexeme.modifier = chunk[0];
    chunk.remove_prefix(1);
    ++lexeme.offset;
    lexeme.text = std::string(chunk);
  }
  const auto colon = chunk.find(':');
  if (colon != std::string_view::npos && colon > 0) {
    if (auto field = field_for_prefix(normalise_text(chunk.substr(0, colon)))) {
      lexeme.field = *field;
      lexeme.text = std::string(chunk.substr(colon + 1));
      lexeme.offset += colon + 1;
    }
  }
  if (lexeme.field == "date" || lexeme.field == "year") {
    if (!lexeme.text.empty()) read_date_range(lexeme.text, lexeme.offset, lexeme);
    return lexeme;
  }
  if (lexeme.field.empty() && looks_like_date_range(lexeme.text)) {
    read_date_range(lexeme.text, lexeme.offset, lexeme);
    return lexeme;
  }
  if (lexeme.text.size() > 1 && lexeme.text.back() == '*') {
    lexeme.wildcard = true;
    lexeme.text.pop_back();
  }
  return lexeme;
}

std::vector<Lexeme> split(std::string_view query) {
  std::vector<Lexeme> out;
  std::size_t at = 0;
  while (at < query.size()) {
    if (is_space(query[at])) {
      ++at;
      continue;
    }
    if (query[at] == '(' || query[at] == ')') {
      out.push_back(make_lexeme(query[at] == '(' ? LexKind::open : LexKind::close, std::string(1, query[at]), at));
      ++at;
      continue;
    }
    if (const auto open = quote_length(query, at)) {
      std::size_t end = at + open;
      std::size_t close = 0;
      while (end < query.size() && (close = quote_length(query, end)) == 0) ++end;
      // An unterminated quote runs to the end of the query (lenient, like most engines).
      auto phrase = make_lexeme(LexKind::phrase, std::string(query.substr(at + open, end - at - open)), at);
      if (!out.empty() && out.back().kind == LexKind::word && !out.back().field.empty() && out.back().text.empty() &&
          out.back().offset + 0 == at) {
        phrase.field = out.back().field;  // org:"Danske Regioner"
        phrase.modifier = out.back().modifier;
        out.pop_back();
      } else if (!out.empty() && out.back().kind == LexKind::word && out.back().text.empty() && out.back().modifier &&
                 out.back().offset == at) {
        phrase.modifier = out.back().modifier;  // -"a b"
        out.pop_back();
      }
      out.push_back(std::move(phrase));
      at = end < query.size() ? end + close : end;
      continue;
    }
    std::size_t end = at;
    while (end < query.size() && !is_space(query[end]) && query[end] != '(' && query[end] != ')' &&
           quote_length(query, end) == 0)
      ++end;
    const auto chunk = query.substr(at, end - at);
    unsigned window = 10;
    if (const auto kind = operator_kind(chunk, window)) {
      out.push_back(make_lexeme(*kind, std::string(chunk), at));
      out.back().window = window;
    } else if ((chunk == "-" || chunk == "+") && end < query.size() && (query[end] == '(' || quote_length(query, end))) {
      // A modifier glued to a group or phrase: remembered on an empty word, merged below.
      out.push_back(make_lexeme(LexKind::word, "", end));
      out.back().modifier = chunk[0];
    } else {
      auto lexeme = read_word(chunk, at);
      // "org:" glued to a quote: keep the empty field lexeme so the phrase can take it over.
      if (lexeme.kind == LexKind::word && lexeme.text.empty() && !lexeme.field.empty()) lexeme.offset = end;
      out.push_back(std::move(lexeme));
    }
    at = end;
  }
  return out;
}

// Merges "-(" into the group and drops empty words left by a field prefix with nothing after it.
std::vector<Lexeme> tidy(std::vector<Lexeme> lexemes, std::vector<std::string>& warnings) {
  std::vector<Lexeme> out;
  for (std::size_t i = 0; i < lexemes.size(); ++i) {
    auto& lexeme = lexemes[i];
    if (lexeme.kind == LexKind::word && lexeme.text.empty()) {
      if (i + 1 < lexemes.size() && lexemes[i + 1].kind == LexKind::open && lexeme.field.empty()) {
        lexemes[i + 1].modifier = lexeme.modifier;
      } else if (!lexeme.field.empty()) {
        warnings.push_back("ignored field prefix with no value at offset " + std::to_string(lexeme.offset));
      }
      continue;
    }
    out.push_back(std::move(lexeme));
  }
  return out;
}

struct DateExpression {
  std::size_t length = 0;  // lexemes used
  std::string from, to;    // first and last day of the period
};

bool is_year(std::string_view text) { return text.size() == 4 && all_digits(text) && (text[0] == '1' || text[0] == '2'); }

// A year, "marts 2017", or an ISO date at lexemes[at].
std::optional<DateExpression> read_date(const std::vector<Lexeme>& lexemes, std::size_t at) {
  auto plain = [&](std::size_t i) {
    return i < lexemes.size() && lexemes[i].kind == LexKind::word && lexemes[i].field.empty() && !lexemes[i].modifier &&
           !lexemes[i].wildcard;
  };
  if (!plain(at)) return std::nullopt;
  const auto& first = lexemes[at].text;
  if (is_year(first) || (first.size() >= 7 && is_year(first.substr(0, 4)) && first[4] == '-')) {
    try {
      return DateExpression{1, date_bound(first, false), date_bound(first, true)};
    } catch (const QueryError&) {
      return std::nullopt;
    }
  }
  auto month = month_for_name(normalise_text(first));
  if (month && plain(at + 1) && is_year(lexemes[at + 1].text)) {
    char period[8];
    std::snprintf(period, sizeof period, "%s-%02d", lexemes[at + 1].text.c_str(), *month);
    return DateExpression{2, date_bound(period, false), date_bound(period, true)};
  }
  return std::nullopt;
}

// "YYYYMMDD" strings compare like the dates, so an exclusive bound is written as an impossible day:
// before 2018-01-01 is "<= 20180100", after 2017-12-31 is ">= 20171232".
std::string day_before(const std::string& first_day) { return first_day.substr(0, 6) + "00"; }
std::string day_after(const std::string& last_day) { return last_day.substr(0, 6) + "32"; }

std::vector<Lexeme> read_date_phrases(std::vector<Lexeme> lexemes) {
  std::vector<Lexeme> out;
  for (std::size_t i = 0; i < lexemes.size(); ++i) {
    const auto& lexeme = lexemes[i];
    const auto role = lexeme.kind == LexKind::word && lexeme.field.empty() && !lexeme.modifier
                          ? date_word(normalise_text(lexeme.text))
                          : std::nullopt;
    const auto date = role && *role != DateWord::to ? read_date(lexemes, i + 1) : std::nullopt;
    if (!date) {
      out.push_back(std::move(lexemes[i]));
      continue;
    }
    auto range = make_lexeme(LexKind::date_range, lexeme.text, lexeme.offset);
    std::size_t used = 1 + date->length;
    switch (*role) {
      case DateWord::from:
      case DateWord::since: range.from = date->from; break;
      case DateWord::before: range.to = day_before(date->from); break;
      case DateWord::after: range.from = day_after(date->to); break;
      case DateWord::in:
      case DateWord::to: range.from = date->from; range.to = date->to; break;
    }
    if (*role == DateWord::from && i + used < lexemes.size() && lexemes[i + used].kind == LexKind::word &&
        date_word(normalise_text(lexemes[i + used].text)) == DateWord::to) {
      if (const auto end = read_date(lexemes, i + used + 1)) {
        range.to = end->to;
        used += 1 + end->length;
      }
    }
    out.push_back(std::move(range));
    i += used - 1;
  }
  return out;
}

}  // namespace

std::vector<Lexeme> lex_query(std::string_view query, const ParserLimits& limits, std::vector<std::string>& warnings) {
  if (query.size() > limits.max_bytes) {
    std::size_t cut = limits.max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(query[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
    warnings.push_back("query cut to its first " + std::to_string(cut) + " bytes");
    query = query.substr(0, cut);
  }
  auto lexemes = read_date_phrases(tidy(split(query), warnings));
  std::size_t words = 0;
  std::vector<Lexeme> out;
  for (auto& lexeme : lexemes) {
    if (lexeme.kind == LexKind::word || lexeme.kind == LexKind::phrase) {
      if (++words > limits.max_words) {
        warnings.push_back("words after the first " + std::to_string(limits.max_words) + " were ignored");
        break;
      }
    }
    out.push_back(std::move(lexeme));
  }
  // A cut can leave an operator with nothing after it; drop it rather than fail.
  while (words > limits.max_words && !out.empty() && out.back().kind != LexKind::word &&
         out.back().kind != LexKind::phrase && out.back().kind != LexKind::close && out.back().kind != LexKind::date_range)
    out.pop_back();
  return out;
}

}  // namespace arkiv::query
