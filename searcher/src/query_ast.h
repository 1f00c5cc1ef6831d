#pragma once
// The parsed form of a query string: a small tree that query_builder turns into a Xapian::Query.
// Kept free of Xapian so the parser can be tested on its own (describe() gives a stable text).
#include <cstddef>
#include <string>
#include <vector>

namespace arkiv::query {

enum class NodeKind {
  word,        // text: a word as typed (analysed later; may yield several tokens); field: "" or "title"
  phrase,      // text: the quoted words; field: "" or "title"
  wildcard,    // text: the prefix before '*'
  filter,      // field: org, topic, type, lang, role; text: the value as typed
  date_range,  // from/to: "YYYYMMDD" bounds (inclusive), "" = open
  match_all,   // the whole collection (a query of filters only, or a lone negation)
  all_of,      // AND
  any_of,      // OR
  but_not,     // children[0] AND_NOT children[1]
  maybe,       // children[0] AND_MAYBE children[1]
  near,        // window: words apart at most
};

struct Node {
  NodeKind kind = NodeKind::match_all;
  std::string text;
  std::string field;
  std::string from;
  std::string to;
  unsigned window = 0;
  std::size_t offset = 0;  // byte offset of the node's text in the query
  std::vector<Node> children;
};

struct ParsedQuery {
  bool empty = true;  // no text and no filters
  Node root;
  std::vector<std::string> warnings;  // what was ignored, and why
};

// Node of a kind at a query offset (designated initialisers would trip -Wmissing-field-initializers).
inline Node make_node(NodeKind kind, std::size_t offset, std::vector<Node> children = {}) {
  Node node;
  node.kind = kind;
  node.offset = offset;
  node.children = std::move(children);
  return node;
}

// One-line description for tests and --explain: (AND word:a (OR phrase:"b c" org=SST)).
std::string describe(const Node& node);

}  // namespace arkiv::query
