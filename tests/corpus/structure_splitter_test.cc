// SectionSplitter on small cleaned texts: heading forms, false headings, titles, parts, pages.
#include <catch2/catch.hpp>

#include "corpus/src/part_roles.h"
#include "corpus/src/section_splitter.h"

using arkiv::CleanText;
using arkiv::Section;
using arkiv::split_sections;

namespace {

CleanText clean(std::string text, std::vector<arkiv::PageStart> pages = {{0, 1}}) {
  CleanText result;
  result.text = std::move(text);
  result.page_starts = std::move(pages);
  return result;
}

std::vector<std::string> titles(const std::vector<Section>& sections) {
  std::vector<std::string> out;
  for (const Section& section : sections) {
    if (section.kind != "front_matter" && section.kind != "body") out.push_back(section.number + " " + section.title);
  }
  return out;
}

std::vector<std::string> roles(const std::vector<arkiv::Part>& parts) {
  std::vector<std::string> out;
  for (const auto& part : parts) out.push_back(part.role);
  return out;
}

const std::string kParagraph =
    "Regionerne har drøftet sagen grundigt og er enige om at gå videre med arbejdet i det kommende år.\n"
    "Sekretariatet udarbejder et oplæg til næste møde med en samlet plan for den videre proces.\n\n";

}  // namespace

TEST_CASE("agenda headings with the title on the line or the next line are both read") {
  const auto split = split_sections(clean("Referat\n\nPunkt 1.\n\nVelkomst\n\n" + kParagraph +
                                          "Punkt 2. Økonomi og budget 2018\n\n" + kParagraph + "Pkt. 3 Eventuelt\n\n" +
                                          kParagraph));
  CHECK(split.heading_form == "agenda");
  CHECK(titles(split.sections) == std::vector<std::string>{"1 Velkomst", "2 Økonomi og budget 2018", "3 Eventuelt"});
  CHECK(split.sections.front().kind == "front_matter");
}

TEST_CASE("an agenda heading quoted at a line start inside a later item is not an item") {
  const auto split = split_sections(clean("Punkt 1. Velkomst\n\n" + kParagraph + "Punkt 2. Budget\n\n" +
                                          "Rådet drøftede sagen, og det blev besluttet at henvise til\n"
                                          "Punkt 7. Eventuelt på det næste møde, hvor sagen tages op igen.\n\n" +
                                          kParagraph + "Punkt 3. Eventuelt\n\n" + kParagraph));
  CHECK(titles(split.sections) == std::vector<std::string>{"1 Velkomst", "2 Budget", "3 Eventuelt"});
}

TEST_CASE("a numbered list inside an agenda item does not split it") {
  const auto split = split_sections(clean("Punkt 1. Anbefalinger\n\n" + kParagraph +
                                          "1. Anbefaling 5: Et nyt format\n2. Anbefaling 7: Modernisering\n\n" +
                                          "Punkt 2. Eventuelt\n\n" + kParagraph));
  CHECK(titles(split.sections) == std::vector<std::string>{"1 Anbefalinger", "2 Eventuelt"});
}

TEST_CASE("an agenda table stays in the front matter and the items follow it") {
  const auto split = split_sections(clean(
      "REFERAT\nDagsorden\nPkt. 29/17 16:00 – 16:05 Velkomst\nPkt. 30/17 16:05 - 16:35 Input til strategien\n"
      "Pkt. 31/17 16:35 – 17:00 Eventuelt\nDeltagere\nAnne Hansen\n\nPunkt 29/17:\n\nVelkomst\n\n" +
      kParagraph + "Punkt 30/17:\n\nInput til strategien\n\n" + kParagraph + "Punkt 31/17:\n\nEventuelt\n\n" + kParagraph));
  CHECK(titles(split.sections) ==
        std::vector<std::string>{"29/17 Velkomst", "30/17 Input til strategien", "31/17 Eventuelt"});
  CHECK(split.sections.front().text.find("Pkt. 30/17 16:05") != std::string::npos);
}

TEST_CASE("a title continues over a wrapped line but a heading line is not body text") {
  const auto split = split_sections(clean(
      " 11 (Offentlig) Godkendelse af åbent referat af møde den 2. marts \n2017 i Danske Regioners bestyrelse\n"
      "  Maren Munk-Madsen\nResumé\n-\nIndstilling\nDet indstilles,\nat referatet godkendes.\nBilag\n"
      " 12 (Offentlig) Kampagne i forbindelse med kommunal- og \nregionsvalg 2017\n  Trine Friis\nResumé\n"
      "Kampagnen er godkendt.\n"));
  CHECK(split.heading_form == "access");
  CHECK(titles(split.sections) ==
        std::vector<std::string>{"11 Godkendelse af åbent referat af møde den 2. marts 2017 i Danske Regioners bestyrelse",
                                 "12 Kampagne i forbindelse med kommunal- og regionsvalg 2017"});
  CHECK(roles(split.sections[0].parts) == std::vector<std::string>{"recommendation"});
  CHECK(roles(split.sections[1].parts) == std::vector<std::string>{"summary"});
}

TEST_CASE("chapters are read from part words and all-caps lines, not from running footers") {
  const auto split = split_sections(clean("PRESIDENTEN HAR ORDET\n" + kParagraph + "DEL I – VIKTIGE UTVIKLINGSTREKK\n" +
                                          kParagraph + "22 DEN NORSKE LEGEFORENING\n" + kParagraph +
                                          "DEL II – HOVEDUTFORDRINGER\n" + kParagraph));
  CHECK(split.heading_form == "chapter");
  CHECK(titles(split.sections) ==
        std::vector<std::string>{" PRESIDENTEN HAR ORDET", "I VIKTIGE UTVIKLINGSTREKK", "II HOVEDUTFORDRINGER"});
}

TEST_CASE("numbered headings are read when no agenda form is present") {
  const auto split = split_sections(clean("Notat\n\n1. Baggrund for sagen\n\n" + kParagraph + "2. Vurdering\n\n" +
                                          kParagraph + "2.1 Økonomiske forhold\n\n" + kParagraph +
                                          "3. Anbefaling\n\n" + kParagraph));
  CHECK(split.heading_form == "numbered");
  CHECK(titles(split.sections) == std::vector<std::string>{"1 Baggrund for sagen", "2 Vurdering",
                                                          "2.1 Økonomiske forhold", "3 Anbefaling"});
}

TEST_CASE("short lines between paragraphs are headings when nothing else is") {
  const std::string paragraph =
      "Forperson og næstforperson bød velkommen til rådsmødet og præsenterede programmet for dagen, der omhandlede "
      "vejledning.\n";
  const auto split = split_sections(clean("Referat\nDeltagere\n• Anne Hansen\n• Bo Jensen\nVelkomst og formål\n" +
                                          paragraph + paragraph + "Hverdagen i almen praksis\n" + paragraph));
  CHECK(split.heading_form == "unnumbered");
  CHECK(titles(split.sections) == std::vector<std::string>{" Velkomst og formål", " Hverdagen i almen praksis"});
  CHECK(split.sections.front().participants == std::vector<std::string>{"Anne Hansen", "Bo Jensen"});
}

TEST_CASE("a text without headings is one body section") {
  const auto split = split_sections(clean(kParagraph + kParagraph));
  CHECK(split.heading_form == "none");
  REQUIRE(split.sections.size() == 1);
  CHECK(split.sections[0].kind == "body");
}

TEST_CASE("page starts are re-based to each section's text") {
  const std::string first = "Punkt 1. Velkomst\n\n" + kParagraph;
  const std::string second = "Punkt 2. Eventuelt\n\n" + kParagraph;
  const std::size_t page_two = first.size() + 20;
  const auto split = split_sections(clean(first + second + kParagraph, {{0, 1}, {page_two, 2}, {first.size() + second.size(), 3}}));
  REQUIRE(split.sections.size() == 2);
  CHECK(split.sections[0].page_start == 1);
  CHECK(split.sections[0].page_end == 1);
  CHECK(split.sections[1].page_start == 1);
  CHECK(split.sections[1].page_end == 3);
  REQUIRE(split.sections[1].page_starts.size() == 3);
  CHECK(split.sections[1].page_starts[1].offset == 20);
  CHECK(split.sections[1].page_starts[1].page == 2);
}

TEST_CASE("parts are labelled, a byline is dropped and attachments end the parts") {
  const auto parts = arkiv::split_parts(
      "Line Møller Rasmussen\nResumé\nKort resumé.\nSagsfremstilling:\nSagen er denne.\nØkonomi\n-\n"
      "Beslutning: Godkendt.\nBilag\n1. Referat\nIndstilling\nEt gammelt bilag.\n");
  CHECK(roles(parts) == std::vector<std::string>{"summary", "case", "decision", "attachments"});
  CHECK(parts[2].text == "Godkendt.");
  CHECK(parts[3].text.find("Indstilling") != std::string::npos);
}

TEST_CASE("text before the first part heading is the case presentation") {
  const auto parts = arkiv::split_parts("Med en strategisk satsning følger et behov for at udvikle strategier.\n"
                                        "Det indstilles at:\nBestyrelsen giver input.\nREFERAT:\nDrøftet.\n");
  CHECK(roles(parts) == std::vector<std::string>{"case", "recommendation", "decision"});
}
