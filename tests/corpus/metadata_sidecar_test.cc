// Overrides from FILE.meta.json and a folder's manifest.csv.
#include <catch2/catch.hpp>

#include "corpus/document.h"
#include "structure_test_support.h"

using arkiv::read_document;
using arkiv::test::ScratchFolder;

namespace {

const std::string kMinutes =
    "Sundhedsstyrelsen\nsst.dk\n\nReferat\n\nMødedato onsdag 4. oktober 2017\n\n"
    "Punkt 1. Godkendelse af dagsorden\n\nDagsordenen blev godkendt uden bemærkninger.\n\n"
    "Punkt 2. Eventuelt\n\nIntet til eventuelt.\n";

}  // namespace

TEST_CASE("without overrides the extracted metadata stands") {
  ScratchFolder folder("sidecar-none");
  const arkiv::Document document = read_document(folder.write("minutes.txt", kMinutes));
  CHECK(document.org == "Sundhedsstyrelsen");
  CHECK(document.date == "2017-10-04");
  CHECK(document.type == "referat");
}

TEST_CASE("a FILE.meta.json sidecar sets any field and wins") {
  ScratchFolder folder("sidecar-json");
  const auto file = folder.write("minutes.txt", kMinutes);
  folder.write("minutes.txt.meta.json",
               R"({"org": "SST", "date": "2017-10-05", "type": "Saksliste", "lang": "no", "title": "Rådsmøde",
                   "topics": ["psykiatri", "lægemidler"]})");
  const arkiv::Document document = read_document(file);
  CHECK(document.org == "Sundhedsstyrelsen");
  CHECK(document.date == "2017-10-05");
  CHECK(document.type == "dagsorden");
  CHECK(document.lang == "nb");
  CHECK(document.title == "Rådsmøde");
  CHECK(document.topics == std::vector<std::string>{"psykiatri", "laegemidler"});
}

TEST_CASE("a sidecar named after the file's stem is found too") {
  ScratchFolder folder("sidecar-stem");
  const auto file = folder.write("minutes.txt", kMinutes);
  folder.write("minutes.meta.json", R"({"org": "Medicinrådet"})");
  CHECK(read_document(file).org == "Medicinrådet");
}

TEST_CASE("a manifest.csv row sets fields and a sidecar wins over it") {
  ScratchFolder folder("sidecar-manifest");
  const auto file = folder.write("minutes.txt", kMinutes);
  folder.write("manifest.csv",
               "file,org,date,type,lang,title,topics\n"
               "other.txt,KL,2001,notat,da,Andet,\n"
               "minutes.txt,Danske Regioner,2017-10,protokol,da,\"Protokol, bestyrelsen\",kræft;ventetid\n");
  arkiv::Document document = read_document(file);
  CHECK(document.org == "Danske Regioner");
  CHECK(document.date == "2017-10");
  CHECK(document.type == "protokol");
  CHECK(document.title == "Protokol, bestyrelsen");
  CHECK(document.topics == std::vector<std::string>{"kraeft", "ventetider"});
  folder.write("minutes.txt.meta.json", R"({"org": "Amgros"})");
  CHECK(read_document(file).org == "Amgros");
}

TEST_CASE("sidecars are ignored when the options say so") {
  ScratchFolder folder("sidecar-off");
  const auto file = folder.write("minutes.txt", kMinutes);
  folder.write("minutes.txt.meta.json", R"({"org": "Amgros"})");
  CHECK(read_document(file, {.use_sidecars = false}).org == "Sundhedsstyrelsen");
}

TEST_CASE("an invalid sidecar is an error naming the file and the field") {
  auto [sidecar, field] = GENERATE(table<std::string, std::string>({
      {R"({"date": "4. oktober 2017"})", "date"},
      {R"({"date": "2017-02-30"})", "date"},
      {R"({"type": "roman"})", "type"},
      {R"({"lang": "xx"})", "lang"},
      {R"({"topics": ["astrologi"]})", "topics"},
      {R"({"topics": "psykiatri"})", "topics"},
      {R"({"org": 7})", "org"},
      {R"({"colour": "red"})", "colour"},
  }));
  ScratchFolder folder("sidecar-invalid");
  const auto file = folder.write("minutes.txt", kMinutes);
  folder.write("minutes.txt.meta.json", sidecar);
  INFO(sidecar);
  CHECK_THROWS_AS(read_document(file), arkiv::DataError);
  CHECK_THROWS_WITH(read_document(file), Catch::Contains("minutes.txt.meta.json") && Catch::Contains("'" + field + "'"));
}

TEST_CASE("malformed sidecar files are errors naming them") {
  ScratchFolder folder("sidecar-malformed");
  const auto file = folder.write("minutes.txt", kMinutes);
  folder.write("minutes.txt.meta.json", "{\"org\": ");
  CHECK_THROWS_WITH(read_document(file), Catch::Contains("minutes.txt.meta.json") && Catch::Contains("JSON"));
  std::filesystem::remove(folder.path() / "minutes.txt.meta.json");
  folder.write("manifest.csv", "file,org,colour\nminutes.txt,KL,red\n");
  CHECK_THROWS_WITH(read_document(file), Catch::Contains("manifest.csv:1") && Catch::Contains("'colour'"));
  folder.write("manifest.csv", "file,org,date\nminutes.txt,KL,2017-13\n");
  CHECK_THROWS_WITH(read_document(file), Catch::Contains("manifest.csv:2") && Catch::Contains("'date'"));
}
