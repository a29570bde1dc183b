// @brief DateFinder: publication dates in markup strings and in prose
// ("Publié le 7.1.2022", "date 2022-01", "9. Januar 2022", "5 января 2022 г.").
//
// Month names come from ICU through src/lang (format and stand-alone, wide
// and abbreviated, for every language of data/lang), the order of numeric
// dates from each language's lang.tsv (`date_order`); dateline
// cue words come from data/lang/<code>/dateline.tsv, and the small words
// around dates and times ("1er", "7 de enero", "2022 г.", "à 14h32", "Uhr",
// "pm") from data/lang/<code>/date_words.tsv (docs/formats/lang.md).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/options.h"
#include "base/status.h"
#include "doc/document.h"
#include "lang/language.h"

namespace sitrep {

struct DateMatch {
  PublishedDate date;
  size_t start = 0, end = 0;  // byte range of the match in the searched string
};

class DateFinder {
 public:
  static Result<std::unique_ptr<DateFinder>> Create(const Options& options);

  // Machine-written dates: ISO 8601 ("2022-01-07", "2022-01-07T14:32:00+01:00",
  // "2022-01"), RFC 2822 ("Fri, 07 Jan 2022 14:32:00 GMT"), or a prose date.
  // Strict: the whole string must be the date (a weekday before, a time and
  // zone after); ambiguous numeric forms ("07/01/2022") and impossible dates
  // ("2022-02-30") are errors that say why. ISO times keep their zone:
  // "2022-01-07T14:32+01:00".
  Result<PublishedDate> ParseMachine(std::string_view s) const;

  // The first date written in prose in s[from:], with day, month or year precision.
  // `lang` decides the order of ambiguous numeric dates (its lang.tsv
  // `date_order`; mdy: month first).
  // With require_year false, "le 6 janvier" also matches (value "--01-06").
  std::optional<DateMatch> FindDate(std::string_view s, std::string_view lang, size_t from = 0,
                                    bool require_year = true) const;

  // A dateline at the start of `block`: a cue ("Publié le", "Published",
  // "date") followed by a date and optionally a time. The match covers the
  // whole dateline so it can be removed from the text.
  std::optional<DateMatch> MatchDateline(std::string_view block, std::string_view lang) const;

 private:
  DateFinder() = default;
  // The date order of `lang` (dmy when sitrep does not read it).
  DateOrder OrderOf(std::string_view lang) const;
  std::optional<DateMatch> FindDateInOrder(std::string_view s, DateOrder order, size_t from,
                                           bool require_year) const;
  // Tries a date starting exactly at s[pos].
  std::optional<DateMatch> DateAt(std::string_view s, size_t pos, DateOrder order,
                                  bool require_year = true) const;
  int MonthNumber(std::string_view word) const;  // 0 when not a month name

  // True when the folded `word` is listed with `kind` in some date_words.tsv.
  bool IsDateWord(std::string_view kind, std::string_view word) const;

  std::map<std::string, int, std::less<>> months_;  // folded name -> 1..12
  std::map<std::string, DateOrder, std::less<>> date_orders_;  // by language code
  std::vector<std::string> cues_;                   // folded dateline cues, longest first
  std::set<std::pair<std::string, std::string>> date_words_;  // (kind, folded word)
};

// The --date flag: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][zone], a real date.
Result<PublishedDate> ParseIsoDateFlag(std::string_view s);

// "2022-01-07" from parts; month/day 0 lower the precision.
PublishedDate MakeDate(int year, int month, int day);

}  // namespace sitrep
