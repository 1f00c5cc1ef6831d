#include "corpus/src/nordic_date.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "corpus/src/metadata_text.h"
#include "corpus/src/metadata_tsv.h"

namespace arkiv {
namespace {

constexpr std::string_view kMonthsFile = "corpus/data/months.tsv";

struct Label {
  std::string phrase;
  int strength = 0;
};

struct CalendarWords {
  std::unordered_map<std::string, int> months;  // folded name or abbreviation -> 1..12
  std::unordered_set<std::string> weekdays;
  std::vector<Label> labels;  // longest phrase first
  std::vector<std::string> next_meeting;
};

const CalendarWords& calendar_words() {
  static const CalendarWords words = [] {
    CalendarWords loaded;
    for (const TsvRow& row : load_tsv(kMonthsFile, 4, 4)) {
      const std::string& kind = row.fields[0];
      int number = 0;
      try {
        number = std::stoi(row.fields[2]);
      } catch (const std::exception&) {
        throw_data_error(kMonthsFile, row.line, "number field is not a number: " + row.fields[2]);
      }
      std::string word = normalise_for_matching(row.fields[3]);
      if (kind == "month") {
        if (number < 1 || number > 12) throw_data_error(kMonthsFile, row.line, "month number must be 1-12");
        auto [it, inserted] = loaded.months.emplace(word, number);
        if (!inserted && it->second != number) throw_data_error(kMonthsFile, row.line, "month word with two numbers: " + word);
      } else if (kind == "weekday") {
        loaded.weekdays.insert(word);
      } else if (kind == "label") {
        if (number < 1 || number > 2) throw_data_error(kMonthsFile, row.line, "label strength must be 1 or 2");
        loaded.labels.push_back({word, number});
      } else if (kind == "next_meeting") {
        loaded.next_meeting.push_back(word);
      } else {
        throw_data_error(kMonthsFile, row.line, "unknown kind '" + kind + "' (month, weekday, label, next_meeting)");
      }
    }
    if (loaded.months.size() < 12) throw_data_error(kMonthsFile, 0, "fewer than twelve month names");
    std::stable_sort(loaded.labels.begin(), loaded.labels.end(),
                     [](const Label& a, const Label& b) { return a.phrase.size() > b.phrase.size(); });
    return loaded;
  }();
  return words;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Reads 1..max_digits digits at pos; returns -1 when there is none or more follow.
int read_number(std::string_view text, std::size_t& pos, std::size_t max_digits, std::size_t* digits_read = nullptr) {
  std::size_t start = pos;
  int value = 0;
  while (pos < text.size() && is_digit(text[pos])) {
    if (pos - start >= max_digits) return -1;
    value = value * 10 + (text[pos] - '0');
    ++pos;
  }
  if (pos == start) return -1;
  if (digits_read) *digits_read = pos - start;
  return value;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool valid(int year, int month, int day) {
  return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

// Spaces, tabs and no-break spaces (U+00A0, common between "4." and "oktober" in PDFs).
std::size_t skip_spaces(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    if (text[pos] == ' ' || text[pos] == '\t') ++pos;
    else if (text.substr(pos, 2) == "\xC2\xA0") pos += 2;
    else break;
  }
  return pos;
}

// A month word at pos (folded ASCII letters, optional '.'); returns its number or 0.
int read_month(std::string_view text, std::size_t& pos) {
  std::size_t start = pos;
  while (pos < text.size() && is_ascii_letter(text[pos])) ++pos;
  if (pos == start || pos - start > 9) return 0;
  const auto& months = calendar_words().months;
  auto it = months.find(fold_case(text.substr(start, pos - start)));
  if (it == months.end()) return 0;
  if (pos < text.size() && text[pos] == '.') ++pos;
  return it->second;
}

bool word_boundary_before(std::string_view text, std::size_t pos) {
  if (pos == 0) return true;
  char c = text[pos - 1];
  if (static_cast<unsigned char>(c) >= 0x80) {  // a letter such as "ø" joins; a no-break space does not
    UChar32 previous = 0;
    int32_t i = static_cast<int32_t>(pos);
    U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, previous);
    return previous >= 0 && !u_isalnum(previous);
  }
  return !is_digit(c) && !is_ascii_letter(c) && c != '.' && c != '/' && c != '-';
}

bool word_boundary_after(std::string_view text, std::size_t pos) {
  return pos >= text.size() || (!is_digit(text[pos]) && !is_ascii_letter(text[pos]));
}

// A date starting with a number at pos; fills found and returns true on success.
bool parse_date_at(std::string_view text, std::size_t pos, FoundDate& found) {
  std::size_t p = pos;
  std::size_t digits = 0;
  int first = read_number(text, p, 4, &digits);
  if (first < 0) return false;
  if (digits == 4) {  // 2017-10-04
    if (p + 6 > text.size() || text[p] != '-') return false;
    std::size_t q = p + 1;
    int month = read_number(text, q, 2);
    if (month < 0 || q >= text.size() || text[q] != '-') return false;
    ++q;
    int day = read_number(text, q, 2);
    if (day < 0 || !valid(first, month, day) || !word_boundary_after(text, q)) return false;
    found = {{first, month, day}, pos, q};
    return true;
  }
  if (digits > 2) return false;
  int day = first;
  if (p < text.size() && (text[p] == '.' || text[p] == '/' || text[p] == '-')) {
    char separator = text[p];
    std::size_t q = p + 1;
    std::size_t month_digits = 0;
    int month = read_number(text, q, 2, &month_digits);
    if (month > 0) {  // 04.10.2017, 4/10 2017, 4/10-2017, 4-10-2017
      if (q < text.size() && (text[q] == separator || (separator == '/' && (text[q] == ' ' || text[q] == '-')))) {
        std::size_t r = q + 1;
        std::size_t year_digits = 0;
        int year = read_number(text, r, 4, &year_digits);
        if (year_digits == 4 && valid(year, month, day) && word_boundary_after(text, r)) {
          found = {{year, month, day}, pos, r};
          return true;
        }
      }
      return false;
    }
    if (separator != '.') return false;
    ++p;
  }
  std::size_t q = skip_spaces(text, p);
  if (q == p && q < text.size() && !is_ascii_letter(text[q])) return false;
  int month = read_month(text, q);
  if (month == 0) return false;
  std::size_t r = skip_spaces(text, q);
  std::size_t year_digits = 0;
  int year = read_number(text, r, 4, &year_digits);
  if (year_digits != 4 || !valid(year, month, day) || !word_boundary_after(text, r)) return false;
  found = {{year, month, day}, pos, r};
  return true;
}

// "oktober 2017" at a month word.
bool parse_month_year_at(std::string_view text, std::size_t pos, FoundDate& found) {
  std::size_t q = pos;
  int month = read_month(text, q);
  if (month == 0) return false;
  std::size_t r = skip_spaces(text, q);
  if (r == q) return false;
  std::size_t year_digits = 0;
  int year = read_number(text, r, 4, &year_digits);
  if (year_digits != 4 || year < 1900 || year > 2100 || !word_boundary_after(text, r)) return false;
  found = {{year, month, 0}, pos, r};
  return true;
}

long days_from_civil(int y, unsigned m, unsigned d) {
  // Howard Hinnant's algorithm.
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

// "næste møde" -> "Næste møde" (ICU title-casing of the first letter).
std::string capitalise_first(const std::string& phrase) {
  std::size_t first_length = 1;
  while (first_length < phrase.size() && (static_cast<unsigned char>(phrase[first_length]) & 0xC0) == 0x80) ++first_length;
  std::string first;
  icu::UnicodeString::fromUTF8(icu::StringPiece(phrase.data(), static_cast<int32_t>(first_length))).toUpper().toUTF8String(first);
  return first + phrase.substr(first_length);
}

}  // namespace

std::string NordicDate::iso() const {
  if (year == 0) return "";
  char buffer[16];
  if (month == 0) std::snprintf(buffer, sizeof buffer, "%04d", year);
  else if (day == 0) std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  else std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

long NordicDate::days() const {
  return days_from_civil(year, static_cast<unsigned>(std::max(month, 1)), static_cast<unsigned>(std::max(day, 1)));
}

std::vector<FoundDate> find_dates(std::string_view text) {
  std::vector<FoundDate> dates;
  std::size_t pos = 0;
  while (pos < text.size()) {
    char c = text[pos];
    FoundDate found;
    if (is_digit(c) && word_boundary_before(text, pos)) {
      if (parse_date_at(text, pos, found)) {
        dates.push_back(found);
        pos = found.end;
        continue;
      }
      while (pos < text.size() && is_digit(text[pos])) ++pos;
      continue;
    }
    if (is_ascii_letter(c) && (pos == 0 || !is_ascii_letter(text[pos - 1])) &&
        static_cast<unsigned char>(pos == 0 ? ' ' : text[pos - 1]) < 0x80) {
      if (parse_month_year_at(text, pos, found)) {
        dates.push_back(found);
        pos = found.end;
        continue;
      }
      while (pos < text.size() && is_ascii_letter(text[pos])) ++pos;
      continue;
    }
    ++pos;
  }
  return dates;
}

NordicDate first_date(std::string_view text) {
  NordicDate month_year;
  for (const FoundDate& found : find_dates(text)) {
    if (found.date.day != 0) return found.date;
    if (month_year.year == 0) month_year = found.date;
  }
  return month_year;
}

int date_label_at_start(std::string_view normalised_line, std::size_t& label_length) {
  for (const Label& label : calendar_words().labels) {
    if (normalised_line.substr(0, label.phrase.size()) != label.phrase) continue;
    std::size_t end = label.phrase.size();
    if (end < normalised_line.size() && (is_ascii_letter(normalised_line[end]) ||
                                          static_cast<unsigned char>(normalised_line[end]) >= 0x80)) {
      continue;
    }
    label_length = end;
    return label.strength;
  }
  return 0;
}

std::vector<std::size_t> next_meeting_phrases(std::string_view text) {
  std::vector<std::size_t> ends;
  for (const std::string& phrase : calendar_words().next_meeting) {
    for (const std::string& form : {phrase, capitalise_first(phrase)}) {
      std::size_t pos = text.find(form);
      while (pos != std::string_view::npos) {
        ends.push_back(pos + form.size());
        pos = text.find(form, pos + form.size());
      }
    }
  }
  std::sort(ends.begin(), ends.end());
  return ends;
}

bool is_weekday_name(std::string_view folded_word) {
  return calendar_words().weekdays.count(std::string(folded_word)) > 0;
}

}  // namespace arkiv
