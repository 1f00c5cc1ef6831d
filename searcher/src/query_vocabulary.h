#pragma once
// The words of the query language that are data, not code (searcher/data/*.tsv): field prefixes,
// part roles, month names and date-phrase words. Loaded once per process; thread-safe.
#include <optional>
#include <string>
#include <string_view>

namespace arkiv::query {

enum class DateWord { from, to, before, after, since, in };

// Field a prefix names ("emne" -> "topic", "beslutning" -> "role_decision"); nullopt if unknown.
// The name must already be lower case.
std::optional<std::string> field_for_prefix(std::string_view name);

// Stored role for a role name a user typed ("vedtak" -> "decision"); nullopt if unknown.
std::optional<std::string> role_for_name(std::string_view name);

// Month number 1..12 for a lower-case month name or abbreviation; nullopt if none.
std::optional<int> month_for_name(std::string_view name);

// True for a normalised Danish or Norwegian stop word ("og", "til", "den"; searcher/data/stopwords).
bool is_stop_word(std::string_view normalised_word);

// Role of a lower-case date-phrase word ("fra" -> from); nullopt if none.
std::optional<DateWord> date_word(std::string_view word);

}  // namespace arkiv::query
