#pragma once
// Dates as Danish and Norwegian documents write them: "Onsdag 4. oktober 2017", "4. okt. 2017",
// "04.10.2017", "2017-10-04", "4/10 2017", "oktober 2017". Month and weekday names, date labels
// ("Mødedato", "Dato og sted") and next-meeting phrases come from corpus/data/months.tsv.
// Internal to the corpus module; every function is thread-safe.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace arkiv {

struct NordicDate {
  int year = 0;
  int month = 0;  // 0 when only the year is known
  int day = 0;    // 0 when only year and month are known

  // "2017-10-04", "2017-10" or "2017".
  std::string iso() const;
  // Days since 1970-01-01 of the date (first of the month / year when less precise).
  long days() const;
  friend bool operator==(const NordicDate&, const NordicDate&) = default;
};

struct FoundDate {
  NordicDate date;
  std::size_t start = 0;  // byte offsets of the date text in the searched text
  std::size_t end = 0;
};

// Every full date (day, month, year) and month-year in text, in order of appearance. Years
// outside 1900-2100 and impossible days are ignored.
std::vector<FoundDate> find_dates(std::string_view text);

// The first full date in text, or a month-year when there is none; year 0 when neither.
NordicDate first_date(std::string_view text);

// Strength of a date label starting the (case-folded, normalised) line: 1 = a label that names
// the meeting's date ("mødedato"), 2 = a generic one ("dato"), 0 = none. label_length receives
// the label's byte length.
int date_label_at_start(std::string_view normalised_line, std::size_t& label_length);

// Byte offsets in text just past each next-meeting phrase ("næste møde", "Næste møde"), sorted.
std::vector<std::size_t> next_meeting_phrases(std::string_view text);

// True when the folded word is a weekday name in any of the languages.
bool is_weekday_name(std::string_view folded_word);

}  // namespace arkiv
