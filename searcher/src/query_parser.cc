#include "searcher/src/query_parser.h"

#include <algorithm>
#include <charconv>

#include "searcher/searcher.h"
#include "searcher/src/query_lexer.h"

namespace arkiv {

QueryError::QueryError(const std::string& message, std::string fragment, std::size_t offset)
    : UsageError(message), fragment_(std::move(fragment)), offset_(offset) {}

namespace query {
namespace {

int number(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

bool digits(std::string_view text, std::size_t count) {
  if (text.size() != count) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

class Parser {
 public:
  Parser(std::vector<Lexeme> lexemes, std::string_view query) : lexemes_(std::move(lexemes)), query_(query) {}

  Node parse() {
    Node root = parse_or();
    if (at_ < lexemes_.size()) fail("unmatched ')'", lexemes_[at_]);
    return root;
  }

 private:
  [[noreturn]] void fail(const std::string& what, const Lexeme& lexeme) {
    throw QueryError("query: " + what + " at offset " + std::to_string(lexeme.offset) + " ('" + lexeme.text + "')",
                     lexeme.text, lexeme.offset);
  }

  const Lexeme* peek() const { return at_ < lexemes_.size() ? &lexemes_[at_] : nullptr; }

  bool starts_operand() const {
    const auto* next = peek();
    return next && (next->kind == LexKind::word || next->kind == LexKind::phrase || next->kind == LexKind::open ||
                    next->kind == LexKind::date_range);
  }

  // An operand must follow op. A second operator in its place is the stray one and is named;
  // otherwise op itself, which then ends the query or a group.
  void expect_operand(const Lexeme& op) {
    if (starts_operand()) return;
    if (const auto* next = peek(); next && next->kind != LexKind::close)
      fail(next->text + " needs a word before it", *next);
    fail(op.text + " needs a word after it", op);
  }

  // The operand after a binary operator; its absence is the user's mistake, named in the error.
  Node operand_after(const Lexeme& op) {
    if (peek() && peek()->kind == LexKind::op_not && at_ + 1 < lexemes_.size()) {
      ++at_;
      return make_node(NodeKind::but_not, op.offset, {make_node(NodeKind::match_all, op.offset), operand_after(op)});
    }
    expect_operand(op);
    return parse_sequence();
  }

  static Node combine(NodeKind kind, Node left, Node right) {
    if (left.kind == kind && kind != NodeKind::but_not) {
      left.children.push_back(std::move(right));
      return left;
    }
    const auto offset = left.offset;
    return make_node(kind, offset, {std::move(left), std::move(right)});
  }

  Node parse_or() {
    Node left = parse_and();
    while (peek() && peek()->kind == LexKind::op_or) {
      const Lexeme op = lexemes_[at_++];
      Node right = parse_and_after(op);
      left = combine(NodeKind::any_of, std::move(left), std::move(right));
    }
    return left;
  }

  Node parse_and_after(const Lexeme& op) {
    if (!(peek() && peek()->kind == LexKind::op_not)) expect_operand(op);
    return parse_and();
  }

  Node parse_and() {
    Node left = parse_sequence();
    while (peek() && (peek()->kind == LexKind::op_and || peek()->kind == LexKind::op_not)) {
      const Lexeme op = lexemes_[at_++];
      if (op.kind == LexKind::op_and && peek() && peek()->kind == LexKind::op_not) {
        const Lexeme not_op = lexemes_[at_++];
        expect_operand(not_op);
        left = make_node(NodeKind::but_not, op.offset, {std::move(left), parse_sequence()});
      } else if (op.kind == LexKind::op_not) {
        expect_operand(op);
        left = make_node(NodeKind::but_not, op.offset, {std::move(left), parse_sequence()});
      } else {
        left = combine(NodeKind::all_of, std::move(left), operand_after(op));
      }
    }
    return left;
  }

  // Words side by side: +required, -excluded, the rest optional (ranked, at least one must match).
  // Filters and date ranges restrict whatever the words match: (AND filters words).
  Node parse_sequence() {
    std::vector<Node> filters, required, optional, excluded;
    auto leading_not = peek() && peek()->kind == LexKind::op_not;
    if (leading_not) {
      const Lexeme op = lexemes_[at_++];
      expect_operand(op);
    }
    if (!starts_operand()) {
      const auto* next = peek();
      if (!next) throw QueryError("query: nothing to search for", "", 0);
      fail(next->kind == LexKind::close ? "unmatched ')'" : next->text + " needs a word before it", *next);
    }
    while (starts_operand()) {
      char modifier = peek()->modifier;
      Node item = parse_near();
      if (leading_not) {
        modifier = '-';
        leading_not = false;
      }
      const bool restricts = item.kind == NodeKind::filter || item.kind == NodeKind::date_range;
      if (modifier == '-')
        excluded.push_back(std::move(item));
      else if (restricts)
        filters.push_back(std::move(item));
      else if (modifier == '+')
        required.push_back(std::move(item));
      else
        optional.push_back(std::move(item));
    }
    group_filters(filters);
    auto join = [](NodeKind kind, std::vector<Node> nodes) {
      if (nodes.size() == 1) return std::move(nodes.front());
      const auto offset = nodes.front().offset;
      return make_node(kind, offset, std::move(nodes));
    };
    std::vector<Node> words;
    if (!required.empty() && !optional.empty()) {
      const auto offset = required.front().offset;
      words.push_back(
          make_node(NodeKind::maybe, offset,
                    {join(NodeKind::all_of, std::move(required)), join(NodeKind::any_of, std::move(optional))}));
    } else if (!required.empty()) {
      words.push_back(join(NodeKind::all_of, std::move(required)));
    } else if (!optional.empty()) {
      words.push_back(join(NodeKind::any_of, std::move(optional)));
    }
    for (auto& word : words) filters.push_back(std::move(word));
    Node result = filters.empty() ? make_node(NodeKind::match_all, excluded.front().offset)
                                  : join(NodeKind::all_of, std::move(filters));
    if (!excluded.empty()) {
      const auto offset = result.offset;
      result = make_node(NodeKind::but_not, offset, {std::move(result), join(NodeKind::any_of, std::move(excluded))});
    }
    return result;
  }

  // Filters on the same field are alternatives (org:A org:B = either); different fields all apply.
  static void group_filters(std::vector<Node>& required) {
    std::vector<Node> grouped;
    for (auto& node : required) {
      if (node.kind == NodeKind::filter) {
        auto same = std::find_if(grouped.begin(), grouped.end(), [&](const Node& g) {
          return (g.kind == NodeKind::filter && g.field == node.field) ||
                 (g.kind == NodeKind::any_of && !g.children.empty() && g.children[0].kind == NodeKind::filter &&
                  g.children[0].field == node.field);
        });
        if (same != grouped.end()) {
          if (same->kind == NodeKind::filter) *same = make_node(NodeKind::any_of, same->offset, {*same});
          same->children.push_back(std::move(node));
          continue;
        }
      }
      grouped.push_back(std::move(node));
    }
    required = std::move(grouped);
  }

  Node parse_near() {
    Node left = parse_primary();
    while (peek() && peek()->kind == LexKind::op_near) {
      const Lexeme op = lexemes_[at_++];
      if (left.kind != NodeKind::word && left.kind != NodeKind::phrase && left.kind != NodeKind::near)
        fail("NEAR needs words on both sides", op);
      if (!peek() || (peek()->kind != LexKind::word && peek()->kind != LexKind::phrase))
        fail("NEAR needs words on both sides", op);
      Node right = parse_primary();
      if (right.kind != NodeKind::word && right.kind != NodeKind::phrase) fail("NEAR needs words on both sides", op);
      if (left.kind == NodeKind::near && left.window == op.window) {
        left.children.push_back(std::move(right));
      } else {
        const auto offset = left.offset;
        left = make_node(NodeKind::near, offset, {std::move(left), std::move(right)});
        left.window = op.window;
      }
    }
    return left;
  }

  Node parse_primary() {
    const Lexeme lexeme = lexemes_[at_++];
    switch (lexeme.kind) {
      case LexKind::open: {
        // The parser recurses per group: a bound keeps "((((…" from exhausting the stack.
        if (depth_ == kMaxNesting) fail("parentheses nested deeper than " + std::to_string(kMaxNesting), lexeme);
        if (!starts_operand() && !(peek() && peek()->kind == LexKind::op_not)) {
          if (peek() && peek()->kind == LexKind::close) fail("empty parentheses", lexeme);
          if (!peek()) fail("unmatched '('", lexeme);
        }
        ++depth_;
        Node inner = parse_or();
        --depth_;
        // A missing ')' at the very end is forgiven: the group closes with the query.
        if (peek() && peek()->kind == LexKind::close) ++at_;
        return inner;
      }
      case LexKind::date_range: {
        Node range = make_node(NodeKind::date_range, lexeme.offset);
        range.text = lexeme.text;
        range.from = lexeme.from;
        range.to = lexeme.to;
        return range;
      }
      case LexKind::phrase:
      case LexKind::word: {
        const bool text_field = lexeme.field.empty() || lexeme.field == "title" || lexeme.field.starts_with("role_");
        Node node = make_node(NodeKind::word, lexeme.offset);
        node.text = lexeme.text;
        if (!text_field) {
          node.kind = NodeKind::filter;
          node.field = lexeme.field;
          return node;
        }
        node.kind = lexeme.kind == LexKind::phrase ? NodeKind::phrase
                    : lexeme.wildcard              ? NodeKind::wildcard
                                                   : NodeKind::word;
        // "title", or "role_decision" for beslutning:sygehus (the word within a decision part).
        node.field = lexeme.field;
        if (node.kind == NodeKind::wildcard && !node.field.empty()) node.kind = NodeKind::word;
        return node;
      }
      default:
        fail(lexeme.text + " needs a word before it", lexeme);
    }
  }

  std::vector<Lexeme> lexemes_;
  std::string_view query_;
  std::size_t at_ = 0;
  std::size_t depth_ = 0;  // parentheses open around the current position
};

}  // namespace

std::string date_bound(std::string_view text, bool end, std::size_t offset) {
  auto bad = [&](const std::string& why) {
    return QueryError("query: " + why + ": '" + std::string(text) + "'" +
                          (offset == std::string_view::npos ? "" : " at offset " + std::to_string(offset)),
                      std::string(text), offset);
  };
  const auto year_text = text.substr(0, 4);
  if (!digits(year_text, 4) || (text.size() != 4 && text.size() != 7 && text.size() != 10))
    throw bad("not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)");
  const int year = number(year_text);
  if (year < 1000 || year > 2999) throw bad("year out of range 1000-2999");
  int month = end ? 12 : 1;
  if (text.size() >= 7) {
    if (text[4] != '-' || !digits(text.substr(5, 2), 2)) throw bad("not a date (expected YYYY-MM)");
    month = number(text.substr(5, 2));
    if (month < 1 || month > 12) throw bad("month out of range");
  }
  int day = end ? days_in_month(year, month) : 1;
  if (text.size() == 10) {
    if (text[7] != '-' || !digits(text.substr(8, 2), 2)) throw bad("not a date (expected YYYY-MM-DD)");
    day = number(text.substr(8, 2));
    if (day < 1 || day > days_in_month(year, month)) throw bad("day out of range");
  }
  char out[9];
  std::snprintf(out, sizeof out, "%04d%02d%02d", year, month, day);
  return out;
}

ParsedQuery parse_query(std::string_view query, const ParserLimits& limits) {
  ParsedQuery parsed;
  auto lexemes = lex_query(query, limits, parsed.warnings);
  if (lexemes.empty()) return parsed;
  parsed.root = Parser(std::move(lexemes), query).parse();
  parsed.empty = false;
  return parsed;
}

std::string describe(const Node& node) {
  auto list = [&](const std::string& name) {
    std::string out = "(" + name;
    for (const auto& child : node.children) out += " " + describe(child);
    return out + ")";
  };
  const std::string field = node.field.empty() ? "" : node.field + ":";
  switch (node.kind) {
    case NodeKind::word:
      return field + node.text;
    case NodeKind::phrase:
      return field + "\"" + node.text + "\"";
    case NodeKind::wildcard:
      return field + node.text + "*";
    case NodeKind::filter:
      return node.field + "=" + node.text;
    case NodeKind::date_range:
      return "date=" + node.from + ".." + node.to;
    case NodeKind::match_all:
      return "*";
    case NodeKind::all_of:
      return list("AND");
    case NodeKind::any_of:
      return list("OR");
    case NodeKind::but_not:
      return list("NOT");
    case NodeKind::maybe:
      return list("MAYBE");
    case NodeKind::near:
      return list("NEAR/" + std::to_string(node.window));
  }
  return "";
}

}  // namespace query
}  // namespace arkiv
