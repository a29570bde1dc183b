// @brief Tests for the time lexicon: tokenizer, ICU names, data-file errors.
#include "time/time_lexicon.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "doc/text_tokens.h"

namespace sitrep {
namespace {

const std::string kData = std::string(SITREP_SOURCE_DIR) + "/data";

TEST(TimeTokenizerTest, SplitsLettersDigitsAndSymbols) {
  std::vector<TimeToken> t = TokenizeForTime("Le 1er janvier, à 14h30 aujourd’hui");
  std::vector<std::string> folded;
  for (const TimeToken& x : t) folded.push_back(x.folded);
  std::vector<std::string> want = {"le", "1", "er", "janvier", ",", "a",
                                   "14", "h", "30", "aujourd", "'", "hui"};
  EXPECT_EQ(folded, want);
  EXPECT_FALSE(t[2].space_before);
  EXPECT_TRUE(t[3].space_before);
  EXPECT_EQ(t[6].number, 14);
  EXPECT_EQ(t[6].ndigits, 2);
}

TEST(TimeTokenizerTest, ReadsTheTokenStream) {
  // A soft hyphen stays inside its word; digits other than ASCII are no
  // number, one mark each.
  std::vector<TimeToken> t = TokenizeForTime("Jan\u00ADuar \u0661\u0662 2022");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].kind, TimeTokKind::kWord);
  EXPECT_EQ(t[0].folded, "januar");
  EXPECT_TRUE(t[0].capital);
  EXPECT_EQ(t[1].kind, TimeTokKind::kPunct);
  EXPECT_EQ(t[2].kind, TimeTokKind::kPunct);
  EXPECT_EQ(t[2].folded, "\u0662");
  EXPECT_FALSE(t[2].space_before);
  EXPECT_EQ(t[3].kind, TimeTokKind::kNumber);
  EXPECT_EQ(t[3].number, 2022);
  EXPECT_EQ(t[3].ndigits, 4);
}

TEST(TimeTokenizerTest, ASliceOfTheStreamHasTheSliceOffsets) {
  const std::string text = "Hier.\n\nLe 7 janvier";
  const TokenStream stream = TokenizeText(text);
  size_t first = 0, last = 0;
  ASSERT_TRUE(stream.Slice(7, static_cast<uint32_t>(text.size()), &first, &last));
  std::vector<TimeToken> t = TimeTokensOf(stream, text, first, last, 7);
  std::vector<TimeToken> alone = TokenizeForTime(std::string_view(text).substr(7));
  ASSERT_EQ(t.size(), alone.size());
  for (size_t i = 0; i < t.size(); ++i) {
    EXPECT_EQ(t[i].start, alone[i].start);
    EXPECT_EQ(t[i].end, alone[i].end);
    EXPECT_EQ(t[i].folded, alone[i].folded);
    EXPECT_EQ(t[i].space_before, alone[i].space_before);
  }
}

TEST(TimeLexiconTest, MonthAndWeekdayNamesComeFromIcu) {
  for (const char* lang : {"fr", "en", "es", "de", "ru", "it"}) {
    auto lex = TimeLexicon::Load(kData, lang);
    ASSERT_TRUE(lex.ok()) << lang << ": " << lex.status().ToString();
  }
  auto ru = TimeLexicon::Load(kData, "ru");
  ASSERT_TRUE(ru.ok());
  // Genitive (format) and nominative (stand-alone) forms.
  auto toks = TokenizeForTime("января январь");
  const TimeLexEntry* e = nullptr;
  ASSERT_EQ((*ru)->Match(toks, 0, TimeLexKind::kMonth, &e), 1u);
  EXPECT_EQ(e->number, 1);
  ASSERT_EQ((*ru)->Match(toks, 1, TimeLexKind::kMonth, &e), 2u);
  auto fr = TimeLexicon::Load(kData, "fr");
  ASSERT_TRUE(fr.ok());
  toks = TokenizeForTime("dimanche");
  ASSERT_EQ((*fr)->Match(toks, 0, TimeLexKind::kWeekday, &e), 1u);
  EXPECT_EQ(e->number, 7);
}

TEST(TimeLexiconTest, AbbreviationsNeedADotOrANumber) {
  auto en = TimeLexicon::Load(kData, "en");
  ASSERT_TRUE(en.ok());
  auto toks = TokenizeForTime("the sun set. Sun. 5 Jan");
  EXPECT_EQ((*en)->Match(toks, 1, TimeLexKind::kWeekday), 0u);
  EXPECT_NE((*en)->Match(toks, 4, TimeLexKind::kWeekday), 0u);
  EXPECT_NE((*en)->Match(toks, 7, TimeLexKind::kMonth), 0u);
}

TEST(TimeLexiconTest, SpelledNumbersUseIcuSpellout) {
  auto fr = TimeLexicon::Load(kData, "fr");
  ASSERT_TRUE(fr.ok());
  size_t end = 0;
  EXPECT_EQ((*fr)->ParseSpelledNumber("trente", &end), 30);
  EXPECT_EQ(end, 6u);
  EXPECT_EQ((*fr)->ParseSpelledNumber("vingt-quatre", &end), 24);
  EXPECT_EQ((*fr)->ParseSpelledNumber("vingt-quatre", &end), 24);  // cached
  EXPECT_EQ(end, 12u);
  EXPECT_EQ((*fr)->ParseSpelledNumber("une", &end), 1);
  EXPECT_LT((*fr)->ParseSpelledNumber("janvier", &end), 0);
}

TEST(TimeLexiconTest, BadLineIsReportedWithFileAndLine) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "sitrep_time_lex_test";
  std::filesystem::create_directories(dir / "lang" / "xx");
  {
    std::ofstream w(dir / "lang" / "xx" / "time_words.tsv");
    w << "# comment\nhier\tday_rel\t-1\nfoo\tbogus_kind\t1\n";
    std::ofstream t(dir / "lang" / "xx" / "time_tense.tsv");
    t << "a\tpast\n";
  }
  auto lex = TimeLexicon::Load(dir.string(), "xx");
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("time_words.tsv:3"), std::string::npos)
      << lex.status().message();
  EXPECT_NE(lex.status().message().find("bogus_kind"), std::string::npos);
  {
    std::ofstream w(dir / "lang" / "xx" / "time_words.tsv");
    w << "hier\tday_rel\tminus one\n";
  }
  lex = TimeLexicon::Load(dir.string(), "xx");
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("time_words.tsv:1"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(TimeLexiconTest, TensePhrasesPluralUnitsAndCountNouns) {
  auto en = TimeLexicon::Load(kData, "en");
  ASSERT_TRUE(en.ok());
  const std::vector<TensePhrase>* p = (*en)->TensePhrasesFor("are");
  ASSERT_NE(p, nullptr);
  bool due = false;
  for (const TensePhrase& ph : *p) due |= ph.words == std::vector<std::string>{"are", "due"};
  EXPECT_TRUE(due);
  EXPECT_TRUE((*en)->IsCountNoun("soldiers"));
  EXPECT_FALSE((*en)->IsCountNoun("monday"));
  auto toks = TokenizeForTime("days day");
  const TimeLexEntry* e = nullptr;
  ASSERT_NE((*en)->Match(toks, 0, TimeLexKind::kUnit, &e), 0u);
  EXPECT_EQ(e->value, "D");
  EXPECT_TRUE(e->plural);
  ASSERT_NE((*en)->Match(toks, 1, TimeLexKind::kUnit, &e), 0u);
  EXPECT_FALSE(e->plural);
}

TEST(TimeLexiconTest, BadUnitLaterPostAndPhraseLinesAreReported) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "sitrep_time_lex_test2";
  std::filesystem::create_directories(dir / "lang" / "xx");
  struct Bad {
    const char* words;
    const char* tense;
    const char* where;
    const char* what;
  };
  const Bad bad[] = {
      {"day\tunit\tD\ndays\tunit\tD plurals\n", "a\tpast\n", "time_words.tsv:2", "plural"},
      {"day\tunit\tDAY\n", "a\tpast\n", "time_words.tsv:1", "unknown unit"},
      {"later\tlater_post\tdct\n", "a\tpast\n", "time_words.tsv:1", "later_post"},
      {"men\tcount_noun\nin all\tcount_noun\n", "a\tpast\n", "time_words.tsv:2", "one word"},
      {"day\tunit\tD\n", "due\tfuture\tphrase\n", "time_tense.tsv:1", "two words"},
      {"xmas\tholiday\t12-25\nyule\tholiday\t13-01\n", "a\tpast\n", "time_words.tsv:2",
       "holiday value"},
      {"and a half\thalf_unit\t1.5\n", "a\tpast\n", "time_words.tsv:1", "half_unit value"},
      {"cold war\tperiod_name\t1947/1991\nbig war\tperiod_name\t1945/1939\n", "a\tpast\n",
       "time_words.tsv:2", "period_name value"},
      {"long ago\tperiod_name\t1991-13\n", "a\tpast\n", "time_words.tsv:1", "period_name value"},
      {"about\thedge\tAPPROX\nsoonish\thedge\tSOON\n", "a\tpast\n", "time_words.tsv:2",
       "hedge value"},
      {"or later\thedge_post\tLATER\n", "a\tpast\n", "time_words.tsv:1", "hedge_post value"},
      {"noon\tclock\tT12\nmidnight\tclock\tmidnight\n", "a\tpast\n", "time_words.tsv:2",
       "clock value"},
      {"soir\tpart\tEV\nnuit\tpart\tNIGHT\n", "a\tpast\n", "time_words.tsv:2", "part of day"},
  };
  for (const Bad& b : bad) {
    {
      std::ofstream w(dir / "lang" / "xx" / "time_words.tsv");
      w << b.words;
      std::ofstream t(dir / "lang" / "xx" / "time_tense.tsv");
      t << b.tense;
    }
    auto lex = TimeLexicon::Load(dir.string(), "xx");
    ASSERT_FALSE(lex.ok()) << b.words << b.tense;
    EXPECT_NE(lex.status().message().find(b.where), std::string::npos) << lex.status().message();
    EXPECT_NE(lex.status().message().find(b.what), std::string::npos) << lex.status().message();
  }
  std::filesystem::remove_all(dir);
}

TEST(TimeLexiconTest, RuleFilesAreReadAndBadRuleLinesAreReported) {
  auto fr = TimeLexicon::Load(kData, "fr");
  ASSERT_TRUE(fr.ok()) << fr.status().message();
  bool roman = false;
  for (const TimeRule& r : (*fr)->rules()) {
    if (r.name != "century_roman") continue;
    roman = true;
    EXPECT_EQ(r.label, "fr:century_roman");
    EXPECT_EQ(r.production, TimeRuleProduction::kCentury);
    ASSERT_EQ(r.slots.size(), 2u);
    EXPECT_EQ(r.slots[0].type, TimeSlotType::kRoman);
    EXPECT_EQ(r.slots[1].kind, TimeLexKind::kUnit);
    EXPECT_EQ(r.slots[1].unit, TimeUnit::kCE);
  }
  EXPECT_TRUE(roman);

  std::filesystem::path dir = std::filesystem::temp_directory_path() / "sitrep_time_rules_test";
  std::filesystem::create_directories(dir / "lang" / "xx");
  {
    std::ofstream w(dir / "lang" / "xx" / "time_words.tsv");
    w << "century\tunit\tCE\n";
    std::ofstream t(dir / "lang" / "xx" / "time_tense.tsv");
    t << "a\tpast\n";
  }
  // No rule file: no rules, no error.
  auto none = TimeLexicon::Load(dir.string(), "xx");
  ASSERT_TRUE(none.ok()) << none.status().message();
  EXPECT_TRUE((*none)->rules().empty());
  struct Bad {
    const char* rules;
    const char* where;
    const char* what;
  };
  const Bad bad[] = {
      {"# c\nok\tnth unit=CE\tCentury\t280\nbad\tnth bogus\tCentury\t280\n", "time_rules.tsv:3",
       "unknown slot \"bogus\""},
      {"c\tnth unit=CENTURY\tCentury\t280\n", "time_rules.tsv:1", "unknown unit"},
      {"c\tnth unit=CE\tDecadeOfDoom\t280\n", "time_rules.tsv:1", "unknown production"},
      {"c\tunit=CE\tCentury\t280\n", "time_rules.tsv:1", "exactly one number slot"},
      {"c\tnumber:30-1 unit=CE\tCentury\t280\n", "time_rules.tsv:1", "range"},
      {"c\t\"ab.\" nth unit=CE\tCentury\t280\n", "time_rules.tsv:1", "one token"},
      {"c\tnth unit=CE\tCentury\tfirst\n", "time_rules.tsv:1", "priority"},
      {"Century Rule\tnth unit=CE\tCentury\t280\n", "time_rules.tsv:1", "rule name"},
      {"c\t_ nth unit=CE\tCentury\t280\n", "time_rules.tsv:1", "cannot start with _"},
      {"c\tnth unit=CE\tCentury\n", "time_rules.tsv:1", "4 tab-separated fields"},
      {"q\tnumber:1-4 year\tQuarter\t60\n", "time_rules.tsv:1", "Quarter needs a year slot"},
      {"q\tyear quarter_abbr +number:1-9\tQuarter\t60\n", "time_rules.tsv:1", "Quarter needs"},
      {"c\tyear unit=CE\tCentury\t280\n", "time_rules.tsv:1", "Century needs"},
  };
  for (const Bad& b : bad) {
    {
      std::ofstream r(dir / "lang" / "xx" / "time_rules.tsv");
      r << b.rules;
    }
    auto lex = TimeLexicon::Load(dir.string(), "xx");
    ASSERT_FALSE(lex.ok()) << b.rules;
    EXPECT_NE(lex.status().message().find(b.where), std::string::npos) << lex.status().message();
    EXPECT_NE(lex.status().message().find(b.what), std::string::npos) << lex.status().message();
  }
  std::filesystem::remove_all(dir);
}

TEST(TimeLexiconTest, KindSetsHoldEveryKind) {
  // The set spans more than one 64-bit word: test both sides of the boundary.
  const TimeLexKindSet lead = {TimeLexKind::kMonth, TimeLexKind::kWeekdayPart};
  EXPECT_TRUE(lead.Has(TimeLexKind::kMonth));
  EXPECT_TRUE(lead.Has(TimeLexKind::kWeekdayPart));
  EXPECT_FALSE(lead.Has(TimeLexKind::kCountNoun));
  TimeLexKindSet s;
  EXPECT_FALSE(s.HasOutside(lead));
  s.Add(TimeLexKind::kWeekdayPart);
  EXPECT_FALSE(s.HasOutside(lead));
  s.Add(TimeLexKind::kCountNoun);
  EXPECT_TRUE(s.HasOutside(lead));
  EXPECT_GT(static_cast<int>(TimeLexKind::kCount), 64);
  TimeLexKind k = TimeLexKind::kMonth;
  ASSERT_TRUE(ParseLexKind("rel_post", &k));
  EXPECT_EQ(k, TimeLexKind::kRelPost);
  EXPECT_FALSE(ParseLexKind("weekday_part", &k));  // made at load time, no TSV kind
}

TEST(TimeLexiconTest, UnitsAndModsAreTypedAtLoad) {
  for (const char* code :
       {"D", "BD", "WD", "W", "FN", "WE", "M", "Q", "HY", "Y", "DE", "CE", "H", "MIN", "S"}) {
    std::optional<TimeUnit> u = ParseTimeUnit(code);
    ASSERT_TRUE(u) << code;
    EXPECT_STREQ(TimeUnitCode(*u), code);
  }
  EXPECT_FALSE(ParseTimeUnit("MINUTE"));
  EXPECT_STREQ(DurationLetters(TimeUnit::kMin), "M");
  EXPECT_STREQ(DurationLetters(TimeUnit::kM), "M");
  EXPECT_STREQ(TimeModName(TimeMod::kNone), "");
  EXPECT_EQ(ParseTimeMod("EQUAL_OR_LESS"), TimeMod::kEqualOrLess);
  EXPECT_FALSE(ParseTimeMod("approx"));
  for (const char* code : {"MO", "AF", "EV", "NI", "DT", "NT"}) {
    std::optional<DayPeriod> p = ParseDayPeriod(code);
    ASSERT_TRUE(p) << code;
    EXPECT_STREQ(DayPeriodCode(*p), code);
  }
  EXPECT_FALSE(ParseDayPeriod("ev"));
  EXPECT_EQ(HourInPart(7, DayPeriod::kEV, 6), 19);
  EXPECT_EQ(HourInPart(2, DayPeriod::kNI, 6), 2);  // small hours stay
  EXPECT_EQ(HourInPart(10, DayPeriod::kNI, 6), 22);
  EXPECT_EQ(HourInPart(12, DayPeriod::kNI, 6), 0);  // midnight
  EXPECT_EQ(HourInPart(12, DayPeriod::kAF, 6), 12);  // noon
  EXPECT_EQ(HourInPart(9, DayPeriod::kMO, 6), 9);

  auto lex = TimeLexicon::Load(kData, "en");
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  std::vector<TimeToken> t = TokenizeForTime("minutes about");
  const TimeLexEntry* e = nullptr;
  ASSERT_TRUE((*lex)->Match(t, 0, TimeLexKind::kUnit, &e));
  EXPECT_EQ(e->unit, TimeUnit::kMin);
  EXPECT_TRUE(e->plural);
  ASSERT_TRUE((*lex)->Match(t, 1, TimeLexKind::kHedge, &e));
  EXPECT_EQ(e->mod, TimeMod::kApprox);
  EXPECT_EQ(e->unit, TimeUnit::kNone);
  t = TokenizeForTime("evening tonight");
  ASSERT_TRUE((*lex)->Match(t, 0, TimeLexKind::kPart, &e));
  EXPECT_EQ(e->part, DayPeriod::kEV);
  ASSERT_TRUE((*lex)->Match(t, 1, TimeLexKind::kDayPart, &e));
  EXPECT_EQ(e->part, DayPeriod::kNI);
}

}  // namespace
}  // namespace sitrep
