// Danish and Norwegian dates in running text and header lines.
#include <catch2/catch.hpp>

#include "corpus/src/nordic_date.h"

using arkiv::find_dates;
using arkiv::first_date;

TEST_CASE("dates written the Danish and Norwegian ways are read") {
  auto [text, iso] = GENERATE(table<std::string, std::string>({
      {"Onsdag 4. oktober 2017 kl. 16.00", "2017-10-04"},
      {"Mødedato 17. september 2025 kl. 11:00-14:00", "2025-09-17"},
      {"Møtedato tirsdag 3. desember 2024", "2024-12-03"},
      {"den 2. marts 2017", "2017-03-02"},
      {"fredag 22. mai 2020", "2020-05-22"},
      {"4. okt. 2017", "2017-10-04"},
      {"4 oktober 2017", "2017-10-04"},
      {"Dato: 04.10.2017", "2017-10-04"},
      {"4.10.2017", "2017-10-04"},
      {"2017-10-04", "2017-10-04"},
      {"4/10 2017", "2017-10-04"},
      {"4/10-2017", "2017-10-04"},
      {"oktober 2017", "2017-10"},
      {"29. februar 2024", "2024-02-29"},
      {"den\u00a04.\u00a0oktober\u00a02017", "2017-10-04"},
      {"(4. oktober 2017)", "2017-10-04"},
  }));
  INFO(text);
  CHECK(first_date(text).iso() == iso);
}

TEST_CASE("numbers that are not dates are not read as dates") {
  auto text = GENERATE(as<std::string>{}, "kl. 16.00 - 18.00", "Pkt. 29/17 16:00",
                       "31.04.2017", "55,7 mio. kr.", "4. møde i bestyrelsen", "Sagsnr. 06-0101-1260",
                       "1.000 borgere i 2017-2020", "Hjertedødelighed pr. 100.000 indbygger");
  INFO(text);
  CHECK(first_date(text).year == 0);
}

TEST_CASE("every date in a text is found with its position") {
  const std::string text = "Mødet 2. marts 2017 godkendte; næste møde holdes torsdag den 18. maj 2017 kl. 10.30.";
  const auto dates = find_dates(text);
  REQUIRE(dates.size() == 2);
  CHECK(dates[0].date.iso() == "2017-03-02");
  CHECK(text.substr(dates[1].start, dates[1].end - dates[1].start) == "18. maj 2017");
}

TEST_CASE("date labels are recognised with their strength") {
  std::size_t length = 0;
  CHECK(arkiv::date_label_at_start("mødedato 17. september 2025", length) == 1);
  CHECK(length == std::string("mødedato").size());
  CHECK(arkiv::date_label_at_start("dato og sted", length) == 1);
  CHECK(arkiv::date_label_at_start("dato: 04.10.2017", length) == 2);
  CHECK(arkiv::date_label_at_start("datoen for mødet", length) == 0);
  CHECK(arkiv::date_label_at_start("emne referat", length) == 0);
}

TEST_CASE("an impossible day leaves only the month and year") {
  CHECK(first_date("29. februar 2023").iso() == "2023-02");
  CHECK(first_date("31. april 2017").iso() == "2017-04");
}
