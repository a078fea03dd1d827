// The date a version of a document gives itself: the forms vendors write, in the languages
// their policies are published in (sources named where the form was seen).
#include <catch2/catch.hpp>

#include "doc_date.h"
#include "engine.h"

using namespace consentlens;

namespace {

// The built-in vocabularies' labels and month names.
std::string document_date(const std::string& text) {
  static const Engine engine;
  return consentlens::document_date(engine.lexicon(), text);
}

}  // namespace

TEST_CASE("a version's date in the forms vendors write it", "[date]") {
  struct Case {
    const char* text;
    const char* want;
  };
  for (const Case& c : {
           Case{"Last updated: June 30, 2023\n\nWe ...", "2023-06-30"},
           Case{"Effective Date: March 31, 2023", "2023-03-31"},
           Case{"Stand: 1. Juli 2023", "2023-07-01"},
           // Slack's terms (ToS;DR copy, 2023) and privacy policy: an ordinal day.
           Case{"Last updated 25th April 2023", "2023-04-25"},
           Case{"Effective 5th July 2023", "2023-07-05"},
           Case{"Last updated June 1st, 2024", "2024-06-01"},
           // Dropbox's terms (ToS;DR copy): the date in force, after the date posted.
           Case{"Posted January 17, 2023; Effective April 3, 2023", "2023-04-03"},
           // Written variants in the languages of localised policies.
           Case{"En vigueur le 1er octobre 2025", "2025-10-01"},
           Case{"Dernière mise à jour : 3 février 2024", "2024-02-03"},
           Case{"Последнее обновление: 30 июня 2023 г.", "2023-06-30"},
           Case{"Останнє оновлення: 1 березня 2024", "2024-03-01"},
           Case{"Ostatnia aktualizacja: 15 marca 2024", "2024-03-15"},
           Case{"Son güncelleme: 5 Mart 2024", "2024-03-05"},
           Case{"最終更新日：2023年6月30日", "2023-06-30"},
           Case{"시행일: 2023년 6월 30일", "2023-06-30"},
           Case{"更新日期：2024年1月5日", "2024-01-05"},
       }) {
    CAPTURE(c.text);
    CHECK(document_date(c.text) == c.want);
  }
  // No label, or no valid date after it: nothing.
  CHECK(document_date("We updated our models in 2023.").empty());
  CHECK(document_date("Last updated: February 30, 2023").empty());
  CHECK(document_date("Effective immediately for all users.").empty());
}

TEST_CASE("a version's date away from the label's line or the top", "[date]") {
  // Meta AI's terms (Open Terms Archive, genai-eu-versions): the label alone on its line.
  CHECK(document_date("# Terms\n\n*   **Effective Date**\n    \n    January 5, 2026\n") == "2026-01-05");
  // Slack's terms (ToS;DR copy): the site's menus fill the top; Twitter's terms date themselves
  // at the end. A label that opens its line still counts further down.
  const std::string menus(9000, 'x');
  CHECK(document_date("# Slack\n" + menus + "\n\n**Last updated: 25th April 2023**\n") == "2023-04-25");
  CHECK(document_date("# Terms\n" + menus + "\n\n**Effective:** June 18, 2020\n") == "2020-06-18");
  const std::string long_text(40000, 'x');
  CHECK(document_date("# Terms\n" + long_text + "\n\n**Effective:** June 18, 2020\n") == "2020-06-18");
  // Further down, a label inside a sentence dates something else (LinkedIn's Service Terms:
  // "migrated to ... effective October 1, 2020"); the date alone under the title is the version's.
  CHECK(document_date("# LinkedIn Service Terms\n\nAugust 7, 2023\n\n" + menus +
                      "\n\nTalent Media Services migrated to the LMS Program effective October 1, 2020.\n") == "2023-08-07");
  CHECK(document_date("# Terms\n" + menus + "\n\nThis program moved to new terms effective October 1, 2020.\n").empty());
}

TEST_CASE("a date in a file name", "[date]") {
  CHECK(date_in_name("zoom-tos-2023-08-07.md") == "2023-08-07");
  CHECK(date_in_name("v12023-08-07.md").empty());
  CHECK(date_in_name("notes-2023-13-01.md").empty());
}
