// @brief Table-driven tests of the time tagger, per language.
#include "time/time_tagger.h"

#include <gtest/gtest.h>

#include <memory>

#include "time/time_scan.h"

namespace sitrep {
namespace {

class TimeTaggerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Options o;
    o.data_dir = std::string(SITREP_SOURCE_DIR) + "/data";
    auto t = TimeTagger::Create(o);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    tagger_ = std::move(t).value();
  }
  static void TearDownTestSuite() { tagger_.reset(); }
  static std::unique_ptr<TimeTagger> tagger_;
};
std::unique_ptr<TimeTagger> TimeTaggerTest::tagger_;

struct Case {
  const char* lang;
  const char* dct;  // "" for none
  const char* text;
  const char* span;  // expected text of one expression
  const char* value;
  const char* mod = "";
};

// A text where `span` (its first occurrence) must not be part of any expression.
struct NotCase {
  const char* lang;
  const char* dct;
  const char* text;
  const char* span;
};

void CheckAbsent(const TimeTagger& tagger, const NotCase& c) {
  std::optional<PublishedDate> dct;
  if (*c.dct) dct = PublishedDate{c.dct, DatePrecision::kDay, "", "input"};
  const std::string text = c.text;
  const size_t b = text.find(c.span);
  ASSERT_NE(b, std::string::npos) << c.span << " not in " << text;
  const size_t e = b + std::string(c.span).size();
  for (const TimeExpr& x : tagger.Tag(text, c.lang, dct)) {
    EXPECT_FALSE(x.start < e && b < x.end) << c.lang << ": \"" << c.span << "\" is in [" << x.text
                                           << " = " << x.value << "] of \"" << text << "\"";
  }
}

void Check(const TimeTagger& tagger, const Case& c) {
  std::optional<PublishedDate> dct;
  if (*c.dct) {
    const bool timed = std::string_view(c.dct).find('T') != std::string_view::npos;
    dct = PublishedDate{c.dct, timed ? DatePrecision::kMinute : DatePrecision::kDay, "", "input"};
  }
  std::vector<TimeExpr> got = tagger.Tag(c.text, c.lang, dct);
  std::string all;
  for (const TimeExpr& x : got) {
    all += "[" + x.text + " = " + x.value + (x.mod.empty() ? "" : " " + x.mod) + "] ";
    if (x.text == c.span) {
      EXPECT_EQ(x.value, c.value) << c.lang << ": " << c.text;
      EXPECT_EQ(x.mod, c.mod) << c.lang << ": " << c.text;
      return;
    }
  }
  ADD_FAILURE() << c.lang << ": no \"" << c.span << "\" in \"" << c.text << "\"; got " << all;
}

TEST_F(TimeTaggerTest, FrenchIssueExamples) {
  // Friday 7 January 2022.
  const Case cases[] = {
      {"fr", "2022-01-07", "Il a demandé l'aide mercredi.", "mercredi", "2022-01-05"},
      {"fr", "2022-01-07", "Les discussions reprendront lundi à Genève.", "lundi", "2022-01-10"},
      {"fr", "2022-01-07", "Le pays est devenu indépendant il y a 30 ans.", "il y a 30 ans",
       "1992"},
      {"fr", "2022-01-07", "Les troupes sont arrivées cette semaine.", "cette semaine", "2022-W01"},
      {"fr", "2022-01-07", "Le retrait prendra 10 jours.", "10 jours", "P10D"},
      {"fr", "2022-01-07", "Jeudi soir, la police a tiré.", "Jeudi soir", "2022-01-06TEV"},
      {"fr", "2022-01-07", "En 2020, les manifestations ont échoué.", "2020", "2020"},
      {"fr", "2022-01-07", "Le retrait commencera le 23 janvier.", "23 janvier", "2022-01-23"},
      {"fr", "2022-01-07", "Ils se réuniront la semaine prochaine.", "la semaine prochaine",
       "2022-W02"},
      {"fr", "2022-01-07", "Cela a duré trente ans.", "trente ans", "P30Y"},
      {"fr", "2022-01-07", "Ils sont partis début janvier.", "début janvier", "2022-01", "START"},
      {"fr", "2022-01-07", "Il est arrivé vers 16h30.", "vers 16h30", "T16:30", "APPROX"},
      {"fr", "2022-01-07", "Le sommet s'est tenu le 1er février 2021.", "1er février 2021",
       "2021-02-01"},
      {"fr", "2022-01-07", "Publié le 7.1.2022", "7.1.2022", "2022-01-07"},
      {"fr", "2022-01-07", "La réunion a eu lieu hier.", "hier", "2022-01-06"},
      {"fr", "2022-01-07", "Il règne depuis plus de trois décennies.", "plus de trois décennies",
       "P30Y", "MORE_THAN"},
      {"fr", "2022-01-07", "Il est mort dans les années 1990.", "années 1990", "199"},
      {"fr", "2022-01-07", "Il vit ici maintenant.", "maintenant", "PRESENT_REF"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, FrenchRangesAndAnchors) {
  const Case cases[] = {
      {"fr", "2022-01-07", "Le forum se tiendra du 6 au 10 janvier.", "du 6 au 10 janvier",
       "2022-01-06/2022-01-10"},
      {"fr", "2022-01-12", "Il a atterri le 2 juin 2017. La veille, il avait appelé.", "La veille",
       "2017-06-01"},
      {"fr", "2022-01-12", "Il a atterri le 2 juin 2017. Le lendemain, il est reparti.",
       "Le lendemain", "2017-06-03"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, YearBoundariesAndEdgeCases) {
  const Case cases[] = {
      // Friday 7 January 2022: the past weekend is 1-2 January, ISO week 2021-W52.
      {"fr", "2022-01-07", "Des pillages ont eu lieu au cours du week-end.", "week-end",
       "2021-W52-WE"},
      // "lundi" said on a Monday is that Monday.
      {"fr", "2022-01-10", "Ils se sont réunis lundi.", "lundi", "2022-01-10"},
      {"fr", "2022-01-10", "Il était là lundi dernier.", "lundi dernier", "2022-01-03"},
      {"fr", "2022-01-10", "Il viendra lundi prochain.", "lundi prochain", "2022-01-17"},
      // 29 February exists in 2020 only.
      {"fr", "2020-03-01", "Le vote du 29 février a été annulé.", "29 février", "2020-02-29"},
      {"fr", "2021-03-01", "Le 29 février 2021 n'existe pas, le 29 février 2020 si.",
       "29 février 2020", "2020-02-29"},
      // Ambiguous 1/2/2022: day first in French, month first in English.
      {"fr", "2022-01-07", "Le décret du 1/2/2022.", "1/2/2022", "2022-02-01"},
      {"en", "2022-01-07", "The decree of 1/2/2022.", "1/2/2022", "2022-01-02"},
      // Last week of December, next year.
      {"en", "2021-12-30", "They will meet next week.", "next week", "2022-W01"},
      {"fr", "2022-01-03", "Il est parti le mois dernier.", "le mois dernier", "2021-12"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, UnanchoredDocumentsKeepRelativeValuesOpen) {
  const Case cases[] = {
      {"fr", "", "Il a demandé l'aide mercredi.", "mercredi", "XXXX-WXX-3"},
      {"fr", "", "La réunion a eu lieu hier.", "hier", ""},
      {"fr", "", "Le retrait commencera le 23 janvier.", "23 janvier", "XXXX-01-23"},
      {"fr", "", "Le sommet s'est tenu le 1er février 2021.", "1er février 2021", "2021-02-01"},
      {"fr", "", "Le retrait prendra 10 jours.", "10 jours", "P10D"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  auto got = tagger_->Tag("La réunion a eu lieu hier.", "fr", std::nullopt);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_TRUE(got[0].unresolved);
  EXPECT_EQ(got[0].anchor, AnchorKind::kNone);
}

TEST_F(TimeTaggerTest, ANightBetweenTwoDaysIsTheNightOfTheFirst) {
  const Case cases[] = {
      {"fr", "2022-01-06", "Il a sollicité, dans la nuit de mercredi à jeudi, l'aide de l'OTSC.",
       "dans la nuit de mercredi à jeudi", "2022-01-05TNI"},
      {"fr", "2022-01-06", "La nuit de mercredi à jeudi a été calme.",
       "La nuit de mercredi à jeudi", "2022-01-05TNI"},
      {"en", "2022-01-06", "Shots were heard in the night from Wednesday to Thursday.",
       "in the night from Wednesday to Thursday", "2022-01-05TNI"},
      {"es", "2022-01-06", "En la noche del miércoles al jueves llegaron las tropas.",
       "En la noche del miércoles al jueves", "2022-01-05TNI"},
      {"de", "2022-01-06", "In der Nacht von Mittwoch auf Donnerstag kamen die Truppen.",
       "Nacht von Mittwoch auf Donnerstag", "2022-01-05TNI"},
      {"ru", "2022-01-06", "В ночь со вторника на среду прибыли войска.",
       "ночь со вторника на среду", "2022-01-04TNI"},
      {"ru", "2022-01-06", "С понедельника по среду шли протесты.", "С понедельника по среду",
       "2022-01-03/2022-01-05"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, NamedErasAndEventsHaveTheirDates) {
  const Case cases[] = {
      {"fr", "2022-01-10", "Un héritage de la guerre froide pèse encore.", "la guerre froide",
       "1947/1991"},
      {"fr", "2022-01-10", "Un espace perdu depuis l'effondrement de l'URSS, selon elle.",
       "depuis l'effondrement de l'URSS", "1991/2022-01"},
      {"fr", "2022-01-10", "L'alliance est née au lendemain de la chute de l'Union soviétique.",
       "au lendemain de la chute de l'Union soviétique", "1992", "APPROX"},
      {"fr", "2022-01-10", "Au lendemain de la chute du mur de Berlin, tout change.",
       "Au lendemain de la chute du mur de Berlin", "1989-11-10", "APPROX"},
      {"en", "2022-01-10", "It is the worst unrest since the collapse of the Soviet Union.",
       "since the collapse of the Soviet Union", "1991", "AFTER"},  // as "since 1991"
      {"en", "2022-01-10", "Ties forged during the Cold War still matter.", "the Cold War",
       "1947/1991"},
      {"de", "2022-01-10", "Seit dem Zerfall der Sowjetunion ist das Land unabhängig.",
       "Seit dem Zerfall der Sowjetunion", "1991", "AFTER"},  // as en "since"
      {"de", "2022-01-10", "Nach dem Ende des Kalten Krieges wuchs die NATO.",
       "Ende des Kalten Krieges", "1947/1991", "END"},
      {"es", "2022-01-10", "Desde la disolución de la URSS el país es independiente.",
       "la disolución de la URSS", "1991"},
      {"ru", "2022-01-10", "Впервые после распада СССР войска ОДКБ вошли в страну.",
       "после распада СССР", "1991", "AFTER"},
      {"ru", "2022-01-10", "Это наследие холодной войны.", "холодной войны", "1947/1991"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  // "depuis" before an era: since when within it is unsaid; the era alone.
  Check(*tagger_, {"fr", "2022-01-10", "Une région dominée depuis l'ère soviétique par Moscou.",
                   "l'ère soviétique", "1922/1991"});
}

TEST_F(TimeTaggerTest, TwoDigitYearsNearTheDct) {
  const Case cases[] = {
      {"en", "2019-05-02", "He was born on 03/18/40.", "03/18/40", "1940-03-18"},
      {"fr", "2022-01-10", "Le contrat court jusqu'au 18/03/30.", "18/03/30", "2030-03-18"},
      {"fr", "2022-01-10", "C'était en juillet 98, à Almaty.", "juillet 98", "1998-07"},
      {"en", "2099-06-01", "It ended on 03/18/05.", "03/18/05", "2105-03-18"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, WithoutADctADayTakesTheYearOfAnEarlierDate) {
  // No publication date: "14. Juli" takes its year from "21. Juni 2012".
  const std::string text = "Am 21. Juni 2012 begann der Streik. Am 14. Juli endete er.";
  std::vector<TimeExpr> got = tagger_->Tag(text, "de", std::nullopt);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].text, "14. Juli");
  EXPECT_EQ(got[1].value, "2012-07-14");
  EXPECT_EQ(got[1].anchor, AnchorKind::kExpr);
  EXPECT_EQ(got[1].anchor_start, text.find("21. Juni"));
  // Nothing before it: the day stays open.
  std::vector<TimeExpr> alone = tagger_->Tag("Am 14. Juli endete er.", "de", std::nullopt);
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_EQ(alone[0].value, "XXXX-07-14");
  EXPECT_TRUE(alone[0].unresolved);
}

TEST_F(TimeTaggerTest, RussianBareUnitsAndGermanDayRanges) {
  const Case cases[] = {
      {"ru", "2022-01-07", "Через неделю войска уйдут.", "Через неделю", "2022-W02"},
      {"ru", "2022-01-07", "Год назад всё было иначе.", "Год назад", "2021"},
      {"ru", "2022-01-07", "К концу года ситуация изменится.", "К концу года", "2022", "END"},
      {"ru", "2022-01-07", "Утром 5 января в 14:00 открылся аэропорт.", "5 января в 14:00",
       "2022-01-05T14:00"},
      {"de", "2022-01-07", "Vom 5. bis 10. Januar gilt der Notstand.", "Vom 5. bis 10. Januar",
       "2022-01-05/2022-01-10"},
      {"de", "2022-01-07", "Zwischen dem 5. und 10. Januar blieb es ruhig.",
       "Zwischen dem 5. und 10. Januar", "2022-01-05/2022-01-10"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  // A unit after an article is no bare amount ("in the week after the vote").
  CheckAbsent(*tagger_, {"en", "2022-01-07", "He left in the week after the vote.", "in"});
}

TEST_F(TimeTaggerTest, LocalTimeZonesAndSpanishPartsOfADay) {
  const Case cases[] = {
      {"fr", "2022-01-07", "Le couvre-feu commence à 18h30 heure locale.", "18h30", "T18:30"},
      {"es", "2022-01-07", "Empieza a las 18:30 hora local.", "18:30", "T18:30"},
      {"de", "2022-01-07", "Der Flug landete um 14 Uhr Ortszeit.", "14 Uhr", "T14"},
      {"ru", "2022-01-07", "Самолет сел в 14:00 по местному времени.", "14:00", "T14:00"},
      {"es", "2022-01-07", "Anoche hubo disparos en Almaty.", "Anoche", "2022-01-06TNI"},
      {"es", "2022-01-07", "Llegaron el lunes 10 de enero por la noche.",
       "lunes 10 de enero por la noche", "2022-01-10TNI"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  // "30 heure" is no duration when a zone follows the minutes.
  CheckAbsent(*tagger_,
              {"fr", "2022-01-07", "Le couvre-feu commence à 18h30 heure locale.", "heure locale"});
}

TEST_F(TimeTaggerTest, ADeadlineHedgeLooksAhead) {
  // Friday 7 January 2022: "d'ici lundi" is the coming Monday even after a past verb.
  Check(*tagger_, {"fr", "2022-01-07", "Il a promis une réponse d'ici lundi.", "d'ici lundi",
                   "2022-01-10", "BEFORE"});
  Check(*tagger_, {"fr", "2022-01-07", "Ils partiront d'ici vendredi.", "d'ici vendredi",
                   "2022-01-07", "BEFORE"});  // said on a Friday: that day
  // "from Monday on" in a present tense announcing it: the coming Monday.
  Check(*tagger_, {"fr", "2022-01-07", "À partir de lundi, les banques rouvrent.",
                   "À partir de lundi", "2022-01-10", "AFTER"});
  Check(*tagger_, {"de", "2022-01-07", "Ab Montag öffnen die Banken wieder.", "Ab Montag",
                   "2022-01-10", "AFTER"});
  Check(*tagger_, {"es", "2022-01-07", "A partir del lunes abren los bancos.", "A partir del lunes",
                   "2022-01-10", "AFTER"});
}

TEST_F(TimeTaggerTest, ADemonstrativeWeekdayBeforeAFullDate) {
  const Case cases[] = {
      {"fr", "2022-04-20", "Lors de la séance, ce mardi 19 avril, il a parlé.", "ce mardi 19 avril",
       "2022-04-19"},
      {"es", "2022-04-20", "Durante la sesión, este martes 19 de abril, habló.",
       "este martes 19 de abril", "2022-04-19"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, GermanLangeIsADurationOnlyAsAnAdverb) {
  CheckAbsent(*tagger_, {"de", "2022-01-10", "Sie hat lange Haare.", "lange"});
  CheckAbsent(*tagger_, {"de", "2022-01-10", "Mein Favorit für lange Spaziergänge.", "lange"});
  Check(*tagger_, {"de", "2022-01-10", "Wie lange die EU wartet, ist unklar.", "Wie lange", "PXY"});
  Check(*tagger_, {"de", "2022-01-10", "Das dauert noch lange.", "noch lange", "PXY"});
}

TEST_F(TimeTaggerTest, FrequencyWordsThatNameNewspapers) {
  const NotCase absent[] = {
      {"es", "2022-01-10", "Hay pan, contó a este diario Marat, un taxista.", "diario"},
      {"fr", "2022-01-10", "Selon le quotidien Le Monde, le calme revient.", "quotidien"},
      {"en", "2022-01-10", "The weekly reported new arrests.", "weekly"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
  const Case cases[] = {
      {"es", "2022-01-10", "Se reúnen a diario en la plaza.", "diario", "P1D"},
      {"fr", "2022-01-10", "Un bilan quotidien est publié.", "quotidien", "P1D"},
      {"en", "2022-01-10", "Officials brief reporters daily.", "daily", "P1D"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, HoursAndMinutesCountFromATimedDct) {
  const Case cases[] = {
      {"en", "2022-01-07T14:32", "Police arrived two hours ago.", "two hours ago",
       "2022-01-07T12:32"},
      {"en", "2016-11-07T00:00:00", "I'll be back in 5 minutes", "in 5 minutes",
       "2016-11-07T00:05"},
      {"en", "2022-01-07T23:50", "The vote closes in 30 minutes.", "in 30 minutes",
       "2022-01-08T00:20"},  // past midnight: the next day
      {"fr", "2022-01-07T14:32", "Les tirs ont cessé il y a trois heures.", "il y a trois heures",
       "2022-01-07T11:32"},
      {"de", "2022-01-01T00:10", "Vor 20 Minuten fiel der Strom aus.", "Vor 20 Minuten",
       "2021-12-31T23:50"},
      {"ru", "2022-01-07T09:00", "Через два часа начнется заседание.", "Через два часа",
       "2022-01-07T11:00"},
      {"en", "2022-01-07T14:32", "The blast came 90 seconds ago.", "90 seconds ago",
       "2022-01-07T14:30:30"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const Case within[] = {
      {"en", "2016-11-07T16:12:00", "I'll be back within 2h", "within 2h",
       "2016-11-07T16:12/2016-11-07T18:12"},
      {"fr", "2022-01-10T14:00", "Il sera de retour dans les 2h.", "dans les 2h",
       "2022-01-10T14:00/2022-01-10T16:00"},
      {"fr", "2022-01-10", "Le retrait aura lieu dans les 10 jours.", "dans les 10 jours",
       "2022-01-10/2022-01-19"},
      {"fr", "2022-01-10", "Il sera de retour dans les 2h.", "dans les 2h", ""},  // no clock
  };
  for (const Case& c : within) Check(*tagger_, c);
  // A DCT of day precision has no clock to count hours from.
  Check(*tagger_, {"en", "2022-01-07", "Police arrived two hours ago.", "two hours ago", ""});
}

TEST_F(TimeTaggerTest, OtherLanguages) {
  const Case cases[] = {
      {"en", "2022-01-07", "Protesters gathered yesterday.", "yesterday", "2022-01-06"},
      {"en", "2022-01-07", "Talks will resume on Monday.", "Monday", "2022-01-10"},
      {"en", "2022-01-07", "He was elected on January 9, 2019.", "January 9, 2019", "2019-01-09"},
      {"en", "2022-01-07", "It happened three years ago.", "three years ago", "2019"},
      {"en", "2022-01-07", "The deployment lasted 10 days.", "10 days", "P10D"},
      {"es", "2022-01-07", "Las protestas comenzaron ayer.", "ayer", "2022-01-06"},
      {"es", "2022-01-07", "El 7 de enero de 2022 hubo disturbios.", "7 de enero de 2022",
       "2022-01-07"},
      {"es", "2022-01-07", "La misión durará diez días.", "diez días", "P10D"},
      {"de", "2022-01-07", "Die Proteste begannen gestern.", "gestern", "2022-01-06"},
      {"de", "2022-01-07", "Am 9. Januar 2022 kamen sie an.", "9. Januar 2022", "2022-01-09"},
      {"de", "2022-01-07", "Das Treffen ist nächste Woche.", "nächste Woche", "2022-W02"},
      {"ru", "2022-01-07", "Протесты начались вчера.", "вчера", "2022-01-06"},
      {"ru", "2022-01-07", "Это случилось 5 января 2022 г. в Алматы.", "5 января 2022 г.",
       "2022-01-05"},
      {"ru", "2022-01-07", "Страна стала независимой 30 лет назад.", "30 лет назад", "1992"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, TimeRanges) {
  // Friday 7 January 2022. A bare first hour borrows am/pm or the part of day
  // of the second; with no from-word, the second bound must be a clock time.
  const Case cases[] = {
      {"fr", "2022-01-07", "Le couvre-feu court de 22h à 6h.", "de 22h à 6h", "T22/T06"},
      {"fr", "2022-01-07", "Ils manifestent entre 17 et 18 heures.", "entre 17 et 18 heures",
       "T17/T18"},
      // "a lieu" (takes place): an announced event, the next Monday.
      {"fr", "2022-01-07", "Le vote a lieu lundi de 8h à 20h.", "lundi de 8h à 20h",
       "2022-01-10T08/2022-01-10T20"},
      {"fr", "2022-01-07", "Le vote a eu lieu lundi de 8h à 20h.", "lundi de 8h à 20h",
       "2022-01-03T08/2022-01-03T20"},
      {"en", "2022-01-07", "The office opens 5 to 6pm.", "5 to 6pm", "T17/T18"},
      {"en", "2022-01-07", "Polls close 3:00 to 4:00 tomorrow.", "3:00 to 4:00 tomorrow",
       "2022-01-08T03:00/2022-01-08T04:00"},
      {"es", "2022-01-07", "La reunión será de 10 a 12 h.", "de 10 a 12 h", "T10/T12"},
      {"de", "2022-01-07", "Die Sitzung dauert von 8 bis 9 Uhr.", "von 8 bis 9 Uhr", "T08/T09"},
      {"ru", "2022-01-07", "Комендантский час с 23 до 7 часов.", "с 23 до 7 часов", "T23/T07"},
      // A start without am/pm takes the end's half of the day when it still comes first.
      {"en", "2022-01-07", "The polls are open from 7:00 to 8:00pm.", "from 7:00 to 8:00pm",
       "T19:00/T20:00"},
      {"en", "2022-01-07", "Talks ran between 2:20 and 3pm.", "between 2:20 and 3pm", "T14:20/T15"},
      {"en", "2022-01-07", "The store is open from 10:00 to 2pm.", "from 10:00 to 2pm",
       "T10:00/T14"},
      {"en", "2022-01-07", "Voting is tomorrow from 7:00 to 8:00pm.",
       "tomorrow from 7:00 to 8:00pm", "2022-01-08T19:00/2022-01-08T20:00"},
      {"fr", "2022-01-07", "Le bureau ouvre de 9:00 à 17:00.", "de 9:00 à 17:00", "T09:00/T17:00"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, MonthDayDashDay) {
  // "November 18-19": the second day number is in the first bound's month.
  const Case cases[] = {
      {"en", "2022-11-15", "The summit is on November 18-19 in Bali.", "November 18-19",
       "2022-11-18/2022-11-19"},
      {"en", "2022-01-07", "Talks were held Jan 3-5.", "Jan 3-5", "2022-01-03/2022-01-05"},
      {"fr", "2022-11-15", "Je serai de sortie novembre 19-20.", "novembre 19-20",
       "2022-11-19/2022-11-20"},
      {"es", "2022-11-15", "La cumbre será en noviembre 18-19.", "noviembre 18-19",
       "2022-11-18/2022-11-19"},
      {"de", "2022-11-15", "Der Gipfel ist am November 18-19.", "November 18-19",
       "2022-11-18/2022-11-19"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      // A score, an hour or a percentage after the dash is not a second day.
      {"en", "2022-01-07", "On March 3 - 5 pm was the deadline.", "- "},
      {"en", "2022-01-07", "Polls on May 2 - 9 % for Smith.", "- 9"},
      {"en", "2022-01-07", "Since March 3-2 wins followed.", "-2"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, RangesWithoutFromWord) {
  const Case cases[] = {
      {"fr", "2022-01-07", "Il fut ministre 2014-2018.", "2014-2018", "2014/2018"},
      {"en", "2022-01-07", "The range is 2014 to 2018.", "2014 to 2018", "2014/2018"},
      {"en", "2022-01-07", "Out 10/1-11/2/2017.", "10/1-11/2/2017", "2017-10-01/2017-11-02"},
      {"es", "2022-01-07", "Gobernó 2014-2018.", "2014-2018", "2014/2018"},
      {"de", "2022-01-07", "Er regierte 2014 bis 2018.", "2014 bis 2018", "2014/2018"},
      {"ru", "2022-01-07", "Он правил в 2014–2018 годах.", "2014–2018", "2014/2018"},
      // A second bound with a year lends it to the first.
      {"en", "2022-01-07", "It lasted from May to Oct 2020.", "from May to Oct 2020",
       "2020-05/2020-10"},
      // Scores and counts are not periods.
      {"en", "2022-01-07", "They won 2 - 1 in 2018.", "2018", "2018"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, NextAndLastNUnits) {
  // The N whole units after or before the DCT, as a closed range of days.
  const Case cases[] = {
      {"fr", "2022-01-07", "Il neigera les 3 prochains jours.", "3 prochains jours",
       "2022-01-08/2022-01-10"},
      {"fr", "2022-01-07", "Au cours des trois dernières années, rien.", "trois dernières années",
       "2019-01-07/2022-01-06"},
      {"en", "2022-01-07", "Expect snow over the next 3 days.", "next 3 days",
       "2022-01-08/2022-01-10"},
      {"en", "2022-01-07", "Prices rose during the past 2 weeks.", "past 2 weeks",
       "2021-12-24/2022-01-06"},
      {"es", "2022-01-07", "Nevará los próximos 3 días.", "los próximos 3 días",
       "2022-01-08/2022-01-10"},
      {"de", "2022-01-07", "Es schneit die nächsten 3 Tage.", "die nächsten 3 Tage",
       "2022-01-08/2022-01-10"},
      {"ru", "2022-01-07", "Снег пойдёт в ближайшие 3 дня.", "ближайшие 3 дня",
       "2022-01-08/2022-01-10"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, DateAndTimeTogether) {
  const Case cases[] = {
      {"fr", "2022-01-07", "Il partira demain à 8h.", "demain à 8h", "2022-01-08T08"},
      {"fr", "2022-01-07", "Il reviendra jeudi avant 17h.", "jeudi avant 17h", "2022-01-13T17",
       "BEFORE"},
      {"fr", "2022-01-07", "Il arrive à 16 heures.", "16 heures", "T16"},
      {"fr", "2022-01-07", "Le bus part à 16h.", "16h", "T16"},
      {"fr", "2022-01-07", "Le délai est de 24h.", "24h", "PT24H"},
      {"en", "2022-01-07", "It will happen tomorrow before 4pm.", "tomorrow before 4pm",
       "2022-01-08T16", "BEFORE"},
      {"en", "2022-01-07", "I went back 8am this morning.", "8am this morning", "2022-01-07T08"},
      {"en", "2022-01-07", "Shots were heard last night.", "last night", "2022-01-06TNI"},
      {"en", "2022-01-07", "Talks resumed Tuesday, January 4, 2022.", "Tuesday, January 4, 2022",
       "2022-01-04"},
      {"en", "2022-01-07", "They met on the 14th of May.", "the 14th of May", "2022-05-14"},
      {"es", "2022-01-07", "Llegó mañana a las 8 h.", "mañana a las 8 h", "2022-01-08T08"},
      {"de", "2022-01-07", "Er kommt morgen um 8 Uhr.", "morgen um 8 Uhr", "2022-01-08T08"},
      {"ru", "2022-01-07", "Он приедет завтра в 8 часов.", "завтра в 8 часов", "2022-01-08T08"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, Quarters) {
  // Thursday 1 August 2019: the third quarter.
  const Case cases[] = {
      {"en", "2019-08-01", "Sales fell this quarter.", "this quarter", "2019-Q3"},
      {"en", "2019-08-01", "Sales fell last quarter.", "last quarter", "2019-Q2"},
      {"en", "2019-08-01", "Sales will rise next quarter.", "next quarter", "2019-Q4"},
      {"en", "2019-01-10", "Sales fell last quarter.", "last quarter", "2018-Q4"},
      {"en", "2019-08-01", "Results for Q3 2019 are out.", "Q3 2019", "2019-Q3"},
      {"en", "2019-08-01", "Results for 2017-Q1 are out.", "2017-Q1", "2017-Q1"},
      {"en", "2019-08-01", "Results for 2017 q1 are out.", "2017 q1", "2017-Q1"},
      {"en", "2019-08-01", "Results for Q2 are out.", "Q2", "2019-Q2"},
      {"en", "2019-08-01", "In the first quarter of 2013 sales fell.", "the first quarter of 2013",
       "2013-Q1"},
      {"en", "2019-08-01", "Reports come quarterly.", "quarterly", "P3M"},
      {"fr", "2019-08-01", "Les ventes ont baissé ce trimestre.", "ce trimestre", "2019-Q3"},
      {"fr", "2019-08-01", "Les ventes ont baissé au trimestre dernier.", "trimestre dernier",
       "2019-Q2"},
      {"es", "2019-08-01", "Las ventas subirán el próximo trimestre.", "el próximo trimestre",
       "2019-Q4"},
      {"de", "2019-08-01", "Der Umsatz stieg im letzten Quartal.", "letzten Quartal", "2019-Q2"},
      {"ru", "2019-08-01", "Продажи выросли в прошлом квартале.", "прошлом квартале", "2019-Q2"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, ClockTimesInWordsAndParts) {
  const Case cases[] = {
      {"en", "2019-08-01", "We meet at half past seven.", "half past seven", "T07:30"},
      {"en", "2019-08-01", "We meet at 10 past 9.", "10 past 9", "T09:10"},
      {"en", "2019-08-01", "We meet ten past 9 in the evening.", "ten past 9 in the evening",
       "T21:10"},
      {"en", "2019-08-01", "We meet at a quarter past eight.", "a quarter past eight", "T08:15"},
      {"en", "2019-08-01", "We meet in the afternoon at 7.", "in the afternoon at 7", "T19"},
      {"en", "2019-08-01", "We meet in the morning.", "in the morning", "TMO"},
      {"en", "2019-08-01", "Morning is best.", "Morning", "TMO"},
      {"en", "2019-08-01", "Lunch at noonish.", "noonish", "T12"},
      {"fr", "2019-08-01", "Ils arrivent dans la soirée.", "dans la soirée", "TEV"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  // "good morning" is a greeting, not a time.
  auto got = tagger_->Tag("Good morning Paul", "en", std::nullopt);
  EXPECT_TRUE(got.empty());
}

TEST_F(TimeTaggerTest, SetsWithATime) {
  const Case cases[] = {
      {"en", "2019-08-01", "I leave each Monday at 4pm.", "each Monday at 4pm", "XXXX-WXX-1T16"},
      {"en", "2019-08-01", "I leave every day at 7:13 p.m.", "every day at 7:13 p.m.", "T19:13"},
      {"en", "2019-08-01", "I leave at 3pm each day.", "3pm each day", "T15"},
      {"en", "2019-08-01", "I run everyday 6am.", "everyday 6am", "T06"},
      {"en", "2019-08-01", "I run every morning.", "every morning", "TMO"},
      {"en", "2019-08-01", "I run once a week.", "once a week", "P1W"},
      {"fr", "2019-08-01", "Il part à 16h chaque lundi.", "16h chaque lundi", "XXXX-WXX-1T16"},
      {"fr", "2019-08-01", "Il part chaque lundi à 16h.", "chaque lundi à 16h", "XXXX-WXX-1T16"},
      {"de", "2019-08-01", "Er kommt jeden Montag um 16 Uhr.", "jeden Montag um 16 Uhr",
       "XXXX-WXX-1T16"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, DaysOfMonthAndHedgedPeriods) {
  // Thursday 1 August 2019. "Monday 21": the nearest month where the 21st is
  // a Monday (October 2019).
  const Case cases[] = {
      {"en", "2019-08-01", "Call me Monday 21.", "Monday 21", "2019-10-21"},
      {"en", "2019-08-01", "Call me Wed 21st.", "Wed 21st", "2019-08-21"},
      {"en", "2019-08-01", "Call me Wednesday the twenty first.", "Wednesday the twenty first",
       "2019-08-21"},
      {"en", "2019-08-01", "Call me on the 18th.", "the 18th", "2019-08-18"},
      {"en", "2019-08-01", "Call me on the fourth of July 1995.", "the fourth of July 1995",
       "1995-07-04"},
      {"en", "2019-08-01", "It rained earlier this week.", "earlier this week", "2019-W31",
       "START"},
      {"en", "2019-08-01", "It will rain later this month.", "later this month", "2019-08", "END"},
      {"en", "2019-08-01", "It will rain later in the year.", "later in the year", "2019", "END"},
      {"fr", "2019-08-01", "Rendez-vous lundi 21.", "lundi 21", "2019-10-21"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  // A number that counts something is no day: "Monday 5 people".
  for (const TimeExpr& x : tagger_->Tag("On Monday 5 people died.", "en",
                                        PublishedDate{"2019-08-01", DatePrecision::kDay, "", ""})) {
    EXPECT_EQ(x.text, "Monday");
  }
}

TEST_F(TimeTaggerTest, RangesWithWordAndHedgedBounds) {
  // Sunday 26 April 2020.
  const Case cases[] = {
      {"en", "2020-04-26", "Sales between jan 2019 and now rose.", "between jan 2019 and now",
       "2019-01/2020-04-26"},
      {"en", "2020-04-26", "Open between now and november 15th.", "between now and november 15th",
       "2020-04-26/2020-11-15"},
      {"en", "2020-04-26", "He served from 2007 to the end of 2008.",
       "from 2007 to the end of 2008", "2007/2008-12-31"},
      {"en", "2020-04-26", "Prices from march to date.", "from march to date",
       "2020-03/2020-04-26"},
      {"fr", "2020-04-26", "Il reste d'ici la fin du mois.", "d'ici la fin du mois", "2020-04",
       "END"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, DaysMovedByAnAmount) {
  // Monday 7 November 2016.
  const Case cases[] = {
      {"en", "2016-11-07", "We meet two days after today.", "two days after today", "2016-11-09"},
      {"en", "2016-11-07", "Due 4 months from tomorrow.", "4 months from tomorrow", "2017-03-08"},
      {"en", "2016-11-07", "It was 2 weeks before may 13 1999.", "2 weeks before may 13 1999",
       "1999-04-29"},
      {"en", "2016-11-07", "Due 16 days from 01/02/2018.", "16 days from 01/02/2018", "2018-01-18"},
      {"fr", "2016-11-07", "Il viendra trois jours après le 12 janvier.",
       "trois jours après le 12 janvier", "2017-01-15"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, WeeksNamedByADayOrAnOrdinal) {
  // Monday 7 November 2016. The n-th week of a period holds its day 4+7(n-1)
  // (ISO weeks for a year); the last one holds its last day but three.
  const Case cases[] = {
      {"en", "2016-11-07", "Busy the week of April 10th.", "the week of April 10th", "2017-04-10"},
      {"en", "2016-11-07", "Away the last week of july.", "the last week of july", "2016-W30"},
      {"en", "2016-11-07", "Away the first week of 2015.", "the first week of 2015", "2015-W01"},
      {"en", "2016-11-07", "Away last week of 2016.", "last week of 2016", "2016-W52"},
      {"en", "2016-11-07", "Away the 3rd week of jan 2015.", "the 3rd week of jan 2015",
       "2015-W03"},
      {"en", "2016-11-07", "Away in week 31.", "week 31", "2016-W31"},
      {"en", "2016-11-07", "Away week 3 of 2027.", "week 3 of 2027", "2027-W03"},
      {"en", "2016-11-07", "He was away last week.", "last week", "2016-W44"},
      {"fr", "2016-11-07", "Absent la semaine du 10 avril.", "la semaine du 10 avril",
       "2017-04-10"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, ClockTimesWithDotsAndFrenchMinutes) {
  // Monday 7 November 2016.
  const Case cases[] = {
      {"en", "2016-11-07", "Meet at 8.30pm today.", "8.30pm today", "2016-11-07T20:30"},
      {"en", "2016-11-07", "Meet at 17.30.", "17.30", "T17:30"},
      {"en", "2016-11-07", "Meet before 2.30pm.", "before 2.30pm", "T14:30", "BEFORE"},
      {"en", "2016-11-07", "Meet tonight at 2am.", "tonight at 2am", "2016-11-08T02"},
      {"en", "2016-11-07", "Meet tonight around 7.", "tonight around 7", "2016-11-07T19"},
      {"en", "2016-11-07", "Meet tonight.", "tonight", "2016-11-07TNI"},
      {"fr", "2016-11-07", "Je pars à sept heures moins dix.", "sept heures moins dix", "T06:50"},
      {"fr", "2016-11-07", "Je pars sept heures dix.", "sept heures dix", "T07:10"},
      {"fr", "2016-11-07", "Demain à huit heures moins vingt-trois minutes.",
       "Demain à huit heures moins vingt-trois minutes", "2016-11-08T07:37"},
      {"fr", "2016-11-07", "Arrivée vers 8h.", "vers 8h", "T08", "APPROX"},
      {"fr", "2016-11-07", "Il a dormi sept heures.", "sept heures", "PT7H"},
      {"en", "2016-11-07", "Out 5 to seven in the morning.", "5 to seven in the morning",
       "T05/T07"},
      {"en", "2016-11-07", "Out five to seven today.", "five to seven today",
       "2016-11-07T05/2016-11-07T07"},
      {"en", "2016-11-07", "Out from three thirty to four thirty pm.",
       "from three thirty to four thirty pm", "T15:30/T16:30"},
      {"fr", "2016-11-07", "Je serai là de 5 à 7 aujourd'hui.", "de 5 à 7 aujourd'hui",
       "2016-11-07T05/2016-11-07T07"},
      {"fr", "2016-11-07", "Je pars à 15 heures tous les jours.", "15 heures tous les jours",
       "T15"},
      {"fr", "2016-11-07", "Dix heures mercredi soir.", "Dix heures mercredi soir",
       "2016-11-02T22"},
      {"fr", "2016-11-07", "Je retournerai 18 08 1978 à la maison.", "18 08 1978", "1978-08-18"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  // "at 6.45 dollars" is a price; bare hour ranges with no day stay counts.
  for (const char* text :
       {"sold at 6.45 dollars", "between 10 and 15 people", "from 5 to 7 children"}) {
    for (const TimeExpr& x :
         tagger_->Tag(text, "en", PublishedDate{"2016-11-07", DatePrecision::kDay, "", ""})) {
      ADD_FAILURE() << text << ": " << x.text;
    }
  }
  // Three numbers before an unknown word are counts, not "3 2 2010" = 3 February.
  for (const TimeExpr& x : tagger_->Tag("Il a gagné 3 2 2010 fois", "fr",
                                        PublishedDate{"2016-11-07", DatePrecision::kDay, "", ""})) {
    EXPECT_EQ(x.text, "2010");
  }
}

TEST_F(TimeTaggerTest, CompactAndSpelledDates) {
  const Case cases[] = {
      {"en", "2016-11-07", "Filed 20161016.", "20161016", "2016-10-16"},
      {"en", "2016-11-07", "Filed 2020/Sep/23.", "2020/Sep/23", "2020-09-23"},
      {"en", "2016-11-07", "Filed 23-2020-september.", "23-2020-september", "2020-09-23"},
      {"en", "2016-11-07", "Filed dec-2018.", "dec-2018", "2018-12"},
      {"en", "2016-11-07", "Back Oct/2.", "Oct/2", "2016-10-02"},
      {"en", "2016-11-07", "Due Tue May 9.", "Tue May 9", "2016-05-09"},
      {"en", "2016-11-07", "Born nineteen ninety six.", "nineteen ninety six", "1996"},
      {"en", "2016-11-07", "Back october two thousand and five.", "october two thousand and five",
       "2005-10"},
      {"fr", "2016-11-07", "Je reviendrai 2020/sept/23.", "2020/sept/23", "2020-09-23"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  // A spelled amount before a noun is no year.
  for (const TimeExpr& x : tagger_->Tag("two thousand and twenty people came", "en",
                                        PublishedDate{"2016-11-07", DatePrecision::kDay, "", ""})) {
    ADD_FAILURE() << x.text;
  }
}

TEST_F(TimeTaggerTest, HedgesAfterAndSetsOfWeekdays) {
  // Monday 7 November 2016.
  const Case cases[] = {
      {"en", "2016-11-07", "Models from 2018 or later.", "2018 or later", "2018", "AFTER"},
      {"en", "2016-11-07", "Open 3 pm or later.", "3 pm or later", "T15", "AFTER"},
      {"en", "2016-11-07", "Due no later than january 1, 2010.", "no later than january 1, 2010",
       "2010-01-01", "BEFORE"},
      {"en", "2016-11-07", "Open year 2012 or later.", "year 2012 or later", "2012", "AFTER"},
      {"en", "2016-11-07", "Yoga thursdays at 17.30.", "thursdays at 17.30", "XXXX-WXX-4T17:30"},
      {"de", "2016-11-07", "Wir trainieren montags.", "montags", "XXXX-WXX-1"},
      {"ru", "2016-11-07", "Мы играем по понедельникам.", "по понедельникам", "XXXX-WXX-1"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, GermanCompoundsAndRussianNights) {
  // Friday 7 January 2022; a weekday glued to a part of day ("weekday+part"
  // compound line of de/time_words.tsv), the night before a day (part_eve).
  const Case cases[] = {
      {"de", "2022-01-07", "Das Treffen war am Donnerstagabend.", "Donnerstagabend",
       "2022-01-06TEV"},
      {"de", "2022-01-07", "Montagmorgen um 8 Uhr beginnt es.", "Montagmorgen um 8 Uhr",
       "2022-01-03T08"},
      {"de", "2022-01-07", "In der Nacht zum Donnerstag fiel Schnee.", "Nacht zum Donnerstag",
       "2022-01-05TNI"},
      {"ru", "2022-01-07", "Обстрел начался в ночь на четверг.", "ночь на четверг",
       "2022-01-05TNI"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

// Precision errors found on the example corpus (issue 4 review), per language.

TEST_F(TimeTaggerTest, CountedAmountsAreNoYears) {
  // A four-digit number before a counted noun, or grouped with a space, is an amount.
  const NotCase absent[] = {
      {"de", "2022-01-12", "Derzeit sind 2030 Soldaten im Land.", "2030"},
      {"fr", "2022-01-16", "Il y avait 2030 militaires.", "2030"},
      {"fr", "2022-01-16", "L'alliance a compté jusqu’à 2 030 militaires.", "2 030"},
      {"fr", "2022-01-16", "L'alliance a compté jusqu’à 2\u00a0030 militaires.", "030"},
      {"en", "2022-01-19", "About 2030 troops were sent.", "2030"},
      {"en", "2022-01-19", "It sent a force of 2030 soldiers.", "2030"},
      {"es", "2022-01-10", "Llegaron 2030 soldados.", "2030"},
      {"ru", "2022-01-11", "Прибыли 2030 военнослужащих.", "2030"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
  const Case cases[] = {
      {"de", "2022-01-07", "Dort hatte es bereits 2011 bei einem Streik Tote gegeben.", "2011",
       "2011"},
      {"fr", "2022-01-07", "En 2030 soldats et civils voteront.", "2030", "2030"},
      {"en", "2022-01-07", "In 2019 people took to the streets.", "2019", "2019"},
      {"en", "2022-01-07", "The plan runs to 2030.", "2030", "2030"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, OrdinalsThatQualifyANounAreNoDays) {
  const NotCase absent[] = {
      {"fr", "2022-01-06", "Le premier ministre arménien a parlé.", "premier"},
      {"en", "2022-01-09", "It was the first comprehensive death toll.", "first"},
      {"en", "2022-01-09", "Services were restored for the first time in days.", "first"},
      {"en", "2022-01-09", "The first two planes landed.", "first"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
  const Case cases[] = {
      {"fr", "2022-01-06", "Les prix ont doublé le premier janvier.", "premier janvier",
       "2022-01-01"},
      {"en", "2019-08-01", "Call me on the first.", "the first", "2019-08-01"},
      {"en", "2019-08-01", "Call me on the 18th at 5pm.", "the 18th at 5pm", "2019-08-18T17"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, BarePluralUnitsAreNoDates) {
  // "after days of riots" is no date after the DCT; with a `rel` a plural is vague.
  const NotCase absent[] = {
      {"en", "2022-01-07", "Order was restored after days of deadly riots.", "days"},
      {"de", "2022-01-07", "Das Internet ist seit Tagen abgeschaltet.", "Tagen"},
      {"es", "2022-01-07", "La calma volvió tras días de disturbios.", "días"},
      {"ru", "2022-01-07", "Порядок восстановлен после дней беспорядков.", "дней"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
  const Case cases[] = {
      {"fr", "2022-01-07", "Le calme est revenu après des jours de violences.", "des jours", "PXD"},
      {"en", "2022-01-07", "More talks are planned in the coming days.", "coming days",
       "FUTURE_REF"},
      {"de", "2022-01-12", "Der Flughafen soll in den kommenden Tagen öffnen.",
       "den kommenden Tagen", "FUTURE_REF"},
      {"fr", "2022-01-07", "Il a été discret ces derniers jours.", "ces derniers jours",
       "PAST_REF"},
      {"es", "2022-01-07", "Se reunirán en los próximos días.", "los próximos días", "FUTURE_REF"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  // A counted plural is no vague past: "les 13 dernières minutes" are the 13
  // minutes before the publication time, open when the DCT has no time of day.
  Check(*tagger_, {"fr", "2022-01-07", "J'en ai compté 3 dans les 13 dernières minutes.",
                   "13 dernières minutes", ""});
  Check(*tagger_, {"fr", "2022-01-07T12:30", "J'en ai compté 3 dans les 13 dernières minutes.",
                   "13 dernières minutes", "2022-01-07T12:17/2022-01-07T12:30"});
  Check(*tagger_, {"en", "2022-01-07T09:00", "Two more blasts in the next 2 hours.", "next 2 hours",
                   "2022-01-07T09:00/2022-01-07T11:00"});
  // Whole days of hours from a day-precision DCT: the days they touch.
  Check(*tagger_, {"fr", "2022-01-07", "Au cours des dernières 24 heures, 5 morts.",
                   "dernières 24 heures", "2022-01-06/2022-01-07"});
}

TEST_F(TimeTaggerTest, OffsetsFromAnEventOrAnEarlierDate) {
  // "N units later" counts from the last date of the text (else the DCT);
  // "N units after <an event>" is the amount, never the DCT moved.
  const Case cases[] = {
      {"en", "2022-01-19",
       "Tokayev announced the withdrawal on 11 January. The pullout began two days later.",
       "two days later", "2022-01-13"},
      {"en", "2022-01-19", "The pullout began two days later.", "two days later", "2022-01-21"},
      {"en", "2022-01-19", "Its mission is over, two weeks after a deployment.", "two weeks",
       "P2W"},
      {"en", "2022-01-09", "He was detained on Thursday, a day after Tokayev removed him.", "a day",
       "P1D"},
      {"en", "2022-01-09", "He was detained on Thursday, a day after Tokayev removed him.",
       "Thursday", "2022-01-06"},
      {"fr", "2022-01-19",
       "Le 11 janvier, Tokaïev a annoncé le retrait. Il a commencé deux jours "
       "plus tard.",
       "deux jours plus tard", "2022-01-13"},
      {"fr", "2022-01-11", "Une semaine après que les manifestations ont balayé le pays.",
       "Une semaine", "P1W"},
      {"fr", "2022-01-06",
       "Mercredi, il a appelé Moscou. Quelques heures plus tard, Erevan a "
       "répondu.",
       "Quelques heures", "PTXH"},
      {"de", "2022-01-19",
       "Am 11. Januar kündigte Tokajew den Abzug an. Er begann zwei Tage "
       "später.",
       "zwei Tage später", "2022-01-13"},
      {"es", "2022-01-19", "El 11 de enero anunció la retirada. Comenzó dos días después.",
       "dos días después", "2022-01-13"},
      // A date in apposition names the day: not the last date, not the DCT.
      {"ru", "2022-01-11", "Кабинет ушёл 5 января. Накануне, 10 января, прошёл саммит.", "Накануне",
       "2022-01-10"},
      {"fr", "2022-01-11", "Il est parti le 5 janvier. La veille, le 4 janvier, il a appelé.",
       "La veille", "2022-01-04"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, AnchorsCarryAcrossParagraphs) {
  Document doc;
  doc.text = "Le retrait a été annoncé le 11 janvier.\n\nLa veille, le Conseil s'est réuni.";
  doc.lang = "fr";
  doc.published = PublishedDate{"2022-01-19", DatePrecision::kDay, "", "input"};
  const uint32_t split = static_cast<uint32_t>(doc.text.find("\n\n"));
  doc.paragraphs = {
      {0, split, BlockKind::kParagraph, "fr", false},
      {split + 2, static_cast<uint32_t>(doc.text.size()), BlockKind::kParagraph, "fr", false}};
  std::vector<TimeExpr> got = tagger_->TagDocument(doc);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].text, "La veille");
  EXPECT_EQ(got[1].value, "2022-01-10");
  EXPECT_EQ(got[1].anchor, AnchorKind::kExpr);
  EXPECT_EQ(doc.text.substr(got[1].anchor_start, 11), "11 janvier.");
  EXPECT_EQ(doc.text.substr(got[1].start, got[1].end - got[1].start), "La veille");
}

TEST_F(TimeTaggerTest, FutureCuesForBareWeekdays) {
  // Scheduled events resolve to the next weekday; reported ones to the last.
  const Case cases[] = {
      {"en", "2022-01-09",
       "Leaders of the alliance are due to hold a video conference on Monday, which Putin is "
       "expected to attend.",
       "Monday", "2022-01-10"},
      {"en", "2022-01-09", "Putin is expected to attend on Monday.", "Monday", "2022-01-10"},
      {"en", "2022-01-09", "He was detained on Thursday.", "Thursday", "2022-01-06"},
      {"fr", "2022-01-07",
       "Contrairement au sommet, lors duquel les invités ont été accueillis dans des locaux "
       "suisses, la rencontre de lundi se déroule à la mission des États-Unis.",
       "lundi", "2022-01-10"},
      {"fr", "2022-01-07", "Les ministres doivent se réunir lundi.", "lundi", "2022-01-10"},
      {"de", "2022-01-07", "Die Staatschefs sollen am Montag beraten.", "Montag", "2022-01-10"},
      {"es", "2022-01-07", "Está previsto que la reunión se celebre el lunes.", "lunes",
       "2022-01-10"},
      {"ru", "2022-01-07", "Лидеры должны провести видеоконференцию в понедельник.", "понедельник",
       "2022-01-10"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, LastWeekIsTheIsoWeekBeforeTheDct) {
  // Sunday 9 January 2022 is in 2022-W01 (ISO weeks start on Monday), so
  // "last week" is 2021-W52; on Monday 10 January it is 2022-W01.
  const Case cases[] = {
      {"en", "2022-01-09", "Protesters stormed buildings last week.", "last week", "2021-W52"},
      {"en", "2022-01-10", "Protesters stormed buildings last week.", "last week", "2022-W01"},
      {"fr", "2022-01-09", "La semaine dernière, la ville a brûlé.", "La semaine dernière",
       "2021-W52"},
      {"de", "2022-01-12", "Die Regierung war vergangene Woche zurückgetreten.", "vergangene Woche",
       "2022-W01"},
      {"es", "2022-01-09", "La semana pasada hubo disturbios.", "La semana pasada", "2021-W52"},
      {"ru", "2022-01-09", "На прошлой неделе были беспорядки.", "прошлой неделе", "2021-W52"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, GermanDayWithADotIsOneDate) {
  const Case cases[] = {
      {"de", "2022-01-07", "Die Demonstrationen hatten am 2. Januar in der Ölstadt begonnen.",
       "2. Januar", "2022-01-02"},
      {"de", "2022-01-07", "Am 2. Januar 2022 begann es.", "2. Januar 2022", "2022-01-02"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, CompoundDurationsAndStartPlusDuration) {
  const Case cases[] = {
      {"en", "2022-01-07", "It lasted 1 hour and 30 minutes.", "1 hour and 30 minutes", "PT1H30M"},
      {"en", "2022-01-07", "It took 3 hours 30 minutes.", "3 hours 30 minutes", "PT3H30M"},
      {"en", "2022-01-07", "It took one and a half hours.", "one and a half hours", "PT1.5H"},
      {"en", "2022-01-07", "It took one hour and a half.", "one hour and a half", "PT1.5H"},
      {"en", "2022-01-07", "They stayed 2 years and 6 months.", "2 years and 6 months", "P2Y6M"},
      {"en", "2022-01-07", "The talks run from 2pm for 2 hours.", "from 2pm for 2 hours",
       "T14/T16"},
      {"en", "2022-01-07", "The talks run for 2.5 hours from 9.", "for 2.5 hours from 9",
       "T09/T11:30"},
      {"en", "2022-01-07", "Talks on 14th Feb from 9:30am for 7 hours.",
       "14th Feb from 9:30am for 7 hours", "2022-02-14T09:30/2022-02-14T16:30"},
      {"fr", "2022-01-07", "La réunion a duré 1 heure et 30 minutes.", "1 heure et 30 minutes",
       "PT1H30M"},
      {"fr", "2022-01-07", "Le vol a duré deux ans et six mois.", "deux ans et six mois", "P2Y6M"},
      {"fr", "2022-01-07", "La réunion ira de 14h pendant 2 heures.", "de 14h pendant 2 heures",
       "T14/T16"},
      {"es", "2022-01-07", "La reunión duró 1 hora y 30 minutos.", "1 hora y 30 minutos",
       "PT1H30M"},
      {"de", "2022-01-07", "Die Sitzung dauerte 1 Stunde und 30 Minuten.",
       "1 Stunde und 30 Minuten", "PT1H30M"},
      {"ru", "2022-01-07", "Заседание длилось 1 час и 30 минут.", "1 час и 30 минут", "PT1H30M"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  // A larger unit after a smaller one starts a new expression, not a part.
  Check(*tagger_, {"en", "2022-01-07", "It took 30 minutes and 2 hours later it ended.",
                   "30 minutes", "PT30M"});
}

TEST_F(TimeTaggerTest, HourRangesOnADayAndUnitsOfTheDct) {
  const Case cases[] = {
      // A day vouches for bare hours; a bare end before the start is p.m.
      {"en", "2018-11-01", "Are you available next Monday 6-8?", "next Monday 6-8",
       "2018-11-05T06/2018-11-05T08"},
      {"en", "2018-11-01", "Free on Wednesday from 10-4.", "Wednesday from 10-4",
       "2018-10-31T10/2018-10-31T16"},
      {"fr", "2022-01-07", "Je serai là le 17 de 14h à 16h.", "17 de 14h à 16h",
       "2022-01-17T14/2022-01-17T16"},
      {"fr", "2022-01-07", "Je serai là le 17 entre 14 et 16.", "17 entre 14 et 16",
       "2022-01-17T14/2022-01-17T16"},
      // A singular unit closing a phrase after of/for/in: the DCT's; a day
      // is the last date of the text.
      {"en", "2018-05-24", "We got partner of the year.", "the year", "2018"},
      {"en", "2018-05-24", "We got partner of the week.", "the week", "2018-W21"},
      {"en", "2018-05-22", "I'm blocked for the day.", "the day", "2018-05-22"},
      {"fr", "2022-01-07", "Le 3 janvier, ils ont manifesté. Dans la journée, la police a tiré.",
       "la journée", "2022-01-03"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"fr", "2022-01-07", "Lundi, entre 10 et 15 personnes sont venues.", "10 et 15"},
      {"fr", "2022-01-07", "Ils étaient là le 17 entre 14 et 16 ans.", "17 entre"},
      {"en", "2018-05-22", "It happened on the day of the vote.", "the day"},
      {"en", "2018-05-22", "He left in the week after the vote.", "the week"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, HolidaysInFiveLanguages) {
  const Case cases[] = {
      // Without a year or a rel word: the occurrence nearest to the DCT.
      {"en", "2019-11-01", "We will meet on Christmas Eve.", "Christmas Eve", "2019-12-24"},
      {"en", "2019-06-01", "They left on easter 2018.", "easter 2018", "2018-04-01"},
      {"en", "2019-06-01", "When was the last easter?", "last easter", "2019-04-21"},
      {"en", "2019-06-01", "When is the next easter?", "next easter", "2020-04-12"},
      {"en", "2019-06-01", "A party on independence day of this year.",
       "independence day of this year", "2019-07-04"},
      {"en", "2010-06-01", "Shops open on black friday 2010.", "black friday 2010", "2010-11-26"},
      {"en", "2021-06-01", "We prepare for labor day weekend.", "labor day weekend", "2021-W35-WE"},
      {"en", "2016-11-07", "It happened 2 weeks before Christmas.", "2 weeks before Christmas",
       "2016-12-11"},
      {"fr", "2022-01-07", "Les manifestants se sont réunis à Noël.", "Noël", "2021-12-25"},
      {"fr", "2022-01-07", "Il reviendra pour le lundi de Pâques 2022.", "lundi de Pâques 2022",
       "2022-04-18"},
      {"fr", "2022-01-07", "Ils défileront pour la fête du travail 2022.", "fête du travail 2022",
       "2022-05-01"},
      {"es", "2022-01-07", "Llegaron en Nochebuena.", "Nochebuena", "2021-12-24"},
      {"es", "2022-01-07", "Volverán el viernes santo de 2022.", "viernes santo", "2022-04-15"},
      {"de", "2022-01-07", "Sie kamen an Heiligabend.", "Heiligabend", "2021-12-24"},
      {"de", "2022-01-07", "Sie kommen Ostermontag 2022.", "Ostermontag 2022", "2022-04-18"},
      {"ru", "2022-01-07", "Они приехали на Рождество.", "Рождество", "2022-01-07"},
      {"ru", "2022-01-07", "Они вернутся на Пасху 2022.", "Пасху 2022", "2022-04-24"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, CenturiesAndDecadesAreRanges) {
  struct RangeCase {
    const char* lang;
    const char* text;
    const char* span;
    const char* value;
    const char* begin;
    const char* end;
  };
  const RangeCase cases[] = {
      {"en", "Records of the 21st century.", "21st century", "20", "2000-01-01", "2099-12-31"},
      {"en", "It happened in the 15th century.", "15th century", "14", "1400-01-01", "1499-12-31"},
      {"fr", "Au 20e siècle, la ville a grandi.", "20e siècle", "19", "1900-01-01", "1999-12-31"},
      {"en", "Presidents in the 1990s.", "the 1990s", "199", "1990-01-01", "1999-12-31"},
      {"en", "Presidents in 1990 s.", "1990 s", "199", "1990-01-01", "1999-12-31"},
      {"fr", "Il est mort dans les années 1990.", "années 1990", "199", "1990-01-01", "1999-12-31"},
  };
  for (const RangeCase& c : cases) {
    bool found = false;
    for (const TimeExpr& x : tagger_->Tag(c.text, c.lang, std::nullopt)) {
      if (x.text != c.span) continue;
      found = true;
      EXPECT_EQ(x.value, c.value) << c.text;
      EXPECT_EQ(x.range_begin, c.begin) << c.text;
      EXPECT_EQ(x.range_end, c.end) << c.text;
    }
    EXPECT_TRUE(found) << c.lang << ": no \"" << c.span << "\" in " << c.text;
  }
}

TEST_F(TimeTaggerTest, WordsAndNumbersThatAreNoDates) {
  // Modal "may", glued number codes, money, ordinal "second", "day after day".
  const NotCase absent[] = {
      {"en", "2022-01-07", "This may delay the vote.", "may"},
      {"en", "2022-01-07", "Results are provisional and may change.", "may"},
      {"en", "2022-01-07", "The march ended at the square.", "march"},
      {"en", "2022-01-07", "Call +86 138-2010-2015 for details.", "2010"},
      {"en", "2022-01-07", "The part number is 133-03-03-2020.", "03-03"},
      {"en", "2022-01-07", "Reference 82-2100 was cited.", "2100"},
      {"en", "2022-01-07", "The ticket cost $12 December 27.", "$12"},
      {"en", "2022-01-07", "It sold for £ 3 May 4.", "£ 3"},
      {"en", "2022-01-07", "Officials fear a second wave of infections.", "second"},
      {"en", "2022-01-07", "Protests went on for a second day.", "second"},
      {"en", "2022-01-07", "They waited, day after day, for news.", "after day"},
      {"en", "2022-01-07", "Show the sales by year for the firm.", "by year"},
      {"en", "2022-01-07", "Leave on 1/1/2016 and after my shift ends.", "after"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
  const Case cases[] = {
      {"en", "2022-01-07", "The talks may resume in may.", "may", "2022-05"},
      {"en", "2022-01-07", "The vote was held in May.", "May", "2021-05"},
      {"en", "2022-01-07", "This May the party split.", "This May", "2022-05"},
      {"en", "2022-01-07", "It came after a one second pause.", "one second", "PT1S"},
      {"en", "2022-01-07", "The ticket cost $12 December 27.", "December 27", "2021-12-27"},
      {"en", "2022-01-07", "Seasons 2014-2018 were dry.", "2014-2018", "2014/2018"},
      {"en", "2022-01-07", "The firm was founded at the end of 1990.", "end of 1990", "1990",
       "END"},
      {"en", "2022-01-07", "He has lived there since the end of 1989.", "since the end of 1989",
       "1989", "END"},
      {"en", "2022-01-07", "Profits rose at the end of year.", "end of year", "2022", "END"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, AmountsOfOneOrAHalfAndEveryNth) {
  const Case cases[] = {
      {"en", "2022-01-07", "Protesters stayed all day.", "all day", "P1D"},
      {"en", "2022-01-07", "The ceasefire held for another week.", "another week", "P1W"},
      {"en", "2022-01-07", "The meeting lasted half an hour.", "half an hour", "PT0.5H"},
      {"en", "2022-01-07", "A ½ hour call.", "½ hour", "PT0.5H"},
      {"en", "2022-01-07", "The road was shut for 3h.", "3h", "PT3H"},
      {"en", "2022-01-07", "They talked for two and a half hours.", "two and a half hours",
       "PT2.5H"},
      {"en", "2022-01-07", "He paid a 3-day visit.", "3-day", "P3D"},
      {"en", "2022-01-07", "It took a whole year.", "whole year", "P1Y"},
      {"en", "2022-01-07", "They stayed a fortnight.", "a fortnight", "P2W"},
      {"en", "2022-01-07", "Cases rose over the past fortnight.", "past fortnight",
       "2021-12-20/2022-01-02"},
      {"en", "2022-01-07", "We spoke for a half hour.", "a half hour", "PT0.5H"},
      {"en", "2022-01-07", "It took half an hour, not a full day.", "full day", "P1D"},
      {"en", "2022-01-07", "The rally was called for 8pm.", "8pm", "T20"},
      {"fr", "2022-01-07", "La route a été coupée pendant 2h.", "2h", "PT2H"},
      {"en", "2022-01-07", "He left half a year ago.", "half a year ago", "2021-07"},
      {"en", "2022-01-07", "It took a couple weeks.", "a couple weeks", "P2W"},
      {"en", "2022-01-07", "The hostages spent two nights there.", "two nights", "P2D"},
      {"en", "2022-01-07", "The course lasts three weekends.", "three weekends", "P3WE"},
      {"en", "2022-01-07", "Markets open every weekend.", "every weekend", "P1WE"},
      {"en", "2022-01-07", "Buses run every other day.", "every other day", "P2D"},
      {"en", "2022-01-07", "The council meets every other Friday.", "every other Friday",
       "XXXX-WXX-5"},
      {"en", "2022-01-07", "Guards patrol every night at 9.", "every night at 9", "T21"},
      {"en", "2022-01-07", "Mass is held at 9am on Sundays.", "9am on Sundays", "XXXX-WXX-7T09"},
      {"en", "2022-01-07", "Veterans march every May 9.", "every May 9", "XXXX-05-09"},
      {"en", "2022-01-07", "The paper comes out biweekly.", "biweekly", "P2W"},
      {"en", "2022-01-07", "Buses run every weekday.", "every weekday", "P1WD"},
      {"en", "2022-01-07", "The board meets three times a week.", "three times a week", "P1W"},
      {"en", "2022-01-07", "Elections are held twice a year.", "twice a year", "P1Y"},
      {"fr", "2022-01-07", "Le conseil se réunit trois fois par semaine.", "trois fois par semaine",
       "P1W"},
      {"es", "2022-01-07", "Se reúnen dos veces al año.", "dos veces al año", "P1Y"},
      {"de", "2022-01-07", "Sie treffen sich drei Mal pro Woche.", "drei Mal pro Woche", "P1W"},
      {"en", "2022-01-07", "The lease ends in 2150.", "2150", "2150"},
      {"fr", "2022-01-07", "La réunion a duré une demi-heure.", "une demi-heure", "PT0.5H"},
      {"fr", "2022-01-07", "Il part tous les jours.", "tous les jours", "P1D"},
      {"de", "2022-01-07", "Sie blieben zwei Nächte.", "zwei Nächte", "P2D"},
      {"de", "2022-01-07", "Der Bus fährt jeden zweiten Tag.", "jeden zweiten Tag", "P2D"},
      {"es", "2022-01-07", "Esperó media hora.", "media hora", "PT0.5H"},
      {"ru", "2022-01-07", "Он провёл там пару дней.", "пару дней", "P2D"},
      {"fr", "2022-01-07", "Il a plu toute la journée.", "toute la journée", "P1D"},
      {"es", "2022-01-07", "Llovió todo el día.", "todo el día", "P1D"},
      {"de", "2022-01-07", "Es regnete die ganze Woche.", "die ganze Woche", "P1W"},
      {"ru", "2022-01-07", "Дождь шёл весь день.", "весь день", "P1D"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  // A word amount of one does not count a plural; a set takes no hedge.
  CheckAbsent(*tagger_, {"en", "2022-01-07", "He studied all days of the week.", "all days"});
  CheckAbsent(*tagger_, {"en", "2022-01-07", "I leave early every other day.", "early"});
  // "COVID-19 days", "F-16 jets": a number glued to a name is no amount.
  CheckAbsent(*tagger_, {"en", "2022-01-07", "Those COVID-19 days were hard.", "19"});
  CheckAbsent(*tagger_, {"en", "2022-01-07", "Some 2150 homes were hit.", "2150"});
  CheckAbsent(*tagger_, {"en", "2022-01-07", "Fuel costs $5 per day.", "per day"});
  // Ages are no durations.
  CheckAbsent(*tagger_, {"en", "2022-01-07", "A 29-year-old man was hurt.", "29"});
  CheckAbsent(*tagger_, {"en", "2022-01-07", "He is 81 years old.", "81"});
  CheckAbsent(*tagger_, {"de", "2022-01-07", "Er ist 47 Jahre alt.", "47"});
  // "by the weekend" keeps its hedge.
  Check(*tagger_, {"en", "2022-01-07", "Calm returned by the weekend.", "by the weekend",
                   "2021-W52-WE", "BEFORE"});
}

TEST_F(TimeTaggerTest, HalfYearsAndFiscalOrSchoolYears) {
  const Case cases[] = {
      {"en", "2019-07-05", "Sales fell in H1 2019.", "H1 2019", "2019-H1"},
      {"en", "2019-07-05", "The 2019-H2 outlook is weak.", "2019-H2", "2019-H2"},
      {"en", "2019-07-05", "Growth slowed in the first half of 2018.", "the first half of 2018",
       "2018-H1"},
      {"en", "2019-07-05", "Talks resume in the second half of next year.",
       "the second half of next year", "2020-H2"},
      {"en", "2019-07-05", "Profits rose in fiscal year 2008.", "fiscal year 2008", "FY2008"},
      {"en", "2019-07-05", "Revenue for FY19 was flat.", "FY19", "FY2019"},
      {"en", "2019-07-05", "Sales recover in next year's first quarter.",
       "next year's first quarter", "2020-Q1"},
      {"en", "2019-07-05", "2018's second half was weak.", "2018's second half", "2018-H2"},
      {"en", "2019-07-05", "Losses widened in fiscal 2018.", "fiscal 2018", "FY2018"},
      {"en", "2019-07-05", "Costs rose last fiscal year.", "last fiscal year", "FY2018"},
      {"en", "2019-07-05", "Schools reopen this school year.", "this school year", "SY2019"},
      {"en", "2019-07-05", "Output grew in calendar year 2008.", "calendar year 2008", "2008"},
      {"fr", "2019-07-05", "Les ventes ont baissé au premier semestre 2019.",
       "premier semestre 2019", "2019-H1"},
      {"fr", "2019-07-05", "Le bénéfice de l'exercice 2018 a doublé.", "exercice 2018", "FY2018"},
      {"fr", "2019-07-05", "La réforme entre en vigueur l'année scolaire prochaine.",
       "année scolaire prochaine", "SY2020"},
      {"de", "2019-07-05", "Im ersten Halbjahr 2019 sank der Umsatz.", "ersten Halbjahr 2019",
       "2019-H1"},
      {"de", "2019-07-05", "Im Geschäftsjahr 2018 stieg der Gewinn.", "Geschäftsjahr 2018",
       "FY2018"},
      {"es", "2019-07-05", "Las ventas cayeron en el primer semestre de 2019.",
       "el primer semestre de 2019", "2019-H1"},
      {"ru", "2019-07-05", "Продажи упали в первом полугодии 2019 года.",
       "первом полугодии 2019 года", "2019-H1"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  // A bare half or fiscal year names no period; "the second half" of a match is no day.
  CheckAbsent(*tagger_, {"en", "2019-07-05", "Sales rose during H2.", "H2"});
  CheckAbsent(*tagger_, {"en", "2019-07-05", "Sales in the fiscal year rose.", "fiscal"});
  CheckAbsent(*tagger_,
              {"en", "2019-07-05", "He scored in the second half of the match.", "second"});
}

TEST_F(TimeTaggerTest, PeriodsOfALengthFromADay) {
  // Monday 7 October 2019.
  const Case cases[] = {
      {"en", "2019-10-07", "The border closes for a week starting tomorrow.",
       "a week starting tomorrow", "2019-10-08/2019-10-14"},
      {"en", "2019-10-07", "Strikes are planned for 3 days starting from next Monday.",
       "3 days starting from next Monday", "2019-10-14/2019-10-16"},
      {"en", "2019-10-07", "Roads stay shut for 3 days from today.", "for 3 days from today",
       "2019-10-07/2019-10-09"},
      {"en", "2019-10-07", "A curfew applies for a day starting tomorrow at 5 pm.",
       "a day starting tomorrow at 5 pm", "2019-10-08T17/2019-10-09T17"},
      {"fr", "2019-10-07", "La grève durera trois jours à partir de lundi prochain.",
       "trois jours à partir de lundi prochain", "2019-10-14/2019-10-16"},
      {"de", "2019-10-07", "Die Straße ist drei Tage ab morgen gesperrt.", "drei Tage ab morgen",
       "2019-10-08/2019-10-10"},
      {"en", "2019-10-07", "The curfew will last another week, starting tomorrow.",
       "another week, starting tomorrow", "2019-10-08/2019-10-14"},
      // Without "for", "from" moves the day: an offset.
      {"en", "2019-10-07", "They return 3 days from today.", "3 days from today", "2019-10-10"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, HedgedOffsetsAndWithin) {
  // Tuesday 29 May 2018.
  const Case cases[] = {
      {"en", "2018-05-29", "The deal closed more than 2 weeks before today.",
       "more than 2 weeks before today", "2018-05-15", "MORE_THAN"},
      {"en", "2018-05-29", "It ends less than 3 days after tomorrow.",
       "less than 3 days after tomorrow", "2018-05-30/2018-06-02", "LESS_THAN"},
      {"en", "2018-05-29", "They leave in two days from today.", "two days from today",
       "2018-05-31"},
      {"en", "2018-05-29", "Find 30 minutes later this week.", "later this week", "2018-W22",
       "END"},
      {"en", "2018-05-29", "Find 30 minutes later this week.", "30 minutes", "PT30M"},
      {"en", "2018-05-29", "It rained for the first time in a decade.", "a decade", "P10Y"},
      {"en", "2018-05-29", "Prices hit their highest level in 20 years.", "20 years", "P20Y"},
      {"es", "2018-05-29", "Llovió por primera vez en diez años.", "diez años", "P10Y"},
      {"en", "2018-05-29", "Send the file by EOD.", "by EOD", "2018-05-29", "END"},
      {"en", "2018-05-29", "He fled on 5 March 2015. Two years earlier, he had won.",
       "Two years earlier", "2013"},
      {"fr", "2018-05-29", "Il a fui le 5 mars 2015. Deux ans plus tôt, il avait gagné.",
       "Deux ans plus tôt", "2013"},
      {"en", "2018-05-29", "In recent weeks, tension rose.", "In recent weeks", "PAST_REF"},
      {"en", "2018-05-29", "Prices rose over the past few days.", "past few days", "PAST_REF"},
      {"en", "2018-05-29", "Talks resume in the next few weeks.", "next few weeks", "FUTURE_REF"},
      {"fr", "2018-05-29", "Les prix ont monté ces quelques derniers jours.",
       "quelques derniers jours", "PAST_REF"},
      {"en", "2018-05-29", "For hours, they waited.", "For hours", "PTXH"},
      {"en", "2018-05-29", "Pay before the twenty-sixth day of the month.",
       "before the twenty-sixth day of the month", "2018-05-26", "BEFORE"},
      {"en", "2018-05-29", "Come back on the 15th day of next month.", "the 15th day of next month",
       "2018-06-15"},
      {"en", "2018-05-29", "Aid will arrive within 9 months.", "within 9 months",
       "2018-05-29/2019-02-27"},
      {"en", "2018-05-29", "Talks end within the next 3 days.", "within the next 3 days",
       "2018-05-29/2018-05-31"},
      {"de", "2018-05-29", "Die Wahl soll binnen drei Monaten stattfinden.", "binnen drei Monaten",
       "2018-05-29/2018-08-28"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  // "more than" still bounds no plain date.
  CheckAbsent(*tagger_, {"en", "2018-05-29", "It took more than the next 3 days.", "more"});
  CheckAbsent(*tagger_, {"en", "2018-05-29", "On the 15th day of the strike he ate.", "15th"});
  CheckAbsent(*tagger_, {"en", "2018-05-29", "It was the first time in a decade.", "first"});
  CheckAbsent(*tagger_, {"en", "2018-05-29", "Costs were spread over 3 years.", "over"});
}

TEST_F(TimeTaggerTest, MealsIdiomsAndPresentPhrases) {
  const Case cases[] = {
      {"en", "2018-05-29", "Ministers met after breakfast.", "after breakfast", "TMEB", "AFTER"},
      {"en", "2018-05-29", "The vote comes before lunch.", "before lunch", "TMEL", "BEFORE"},
      {"en", "2018-05-29", "We spoke at lunchtime.", "at lunchtime", "TMEL"},
      {"en", "2018-05-29", "Talks are stalled at the moment.", "at the moment", "PRESENT_REF"},
      {"en", "2018-05-29", "The curfew starts at mid night.", "mid night", "T00"},
      {"en", "2018-05-29", "Come around 7 tonight.", "around 7", "T07", "APPROX"},
      {"fr", "2018-05-29", "Il parlera après le déjeuner.", "après le déjeuner", "TMEL", "AFTER"},
      {"es", "2018-05-29", "Habló después del almuerzo.", "después del almuerzo", "TMEL", "AFTER"},
      {"ru", "2018-05-29", "Он выступит после обеда.", "после обеда", "TMEL", "AFTER"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"en", "2018-05-29", "The dinner was held in the palace.", "dinner"},
      {"en", "2018-05-29", "He had a lunch with the envoy.", "lunch"},
      {"en", "2018-05-29", "The list is kept up to date.", "date"},
      {"fr", "2018-05-29", "Il va déjeuner avec le ministre.", "déjeuner"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, BareSeasonsAndTwoPeriodsAway) {
  // Thursday 5 July 2018.
  const Case cases[] = {
      {"en", "2018-07-05", "Winter, and above all January, was cold.", "Winter", "WI"},
      {"en", "2018-07-05", "Drills run through the whole summer.", "summer", "SU"},
      {"en", "2018-07-05", "Troops leave in the fall.", "fall", "FA"},
      {"en", "2018-07-05", "Sales rose in the week after next.", "the week after next", "2018-W29"},
      {"en", "2018-07-05", "He won the year before last.", "the year before last", "2016"},
      {"en", "2018-07-05", "They vote Friday after next.", "Friday after next", "2018-07-13"},
      {"de", "2018-07-05", "Sie wählen übernächste Woche.", "übernächste Woche", "2018-W29"},
      {"en", "2018-07-05", "Troops leave next spring.", "next spring", "2019-SP"},
      {"en", "2018-07-05", "It rained last winter.", "last winter", "2017-WI"},
      {"en", "2018-07-05", "It was built in the summer of 2016.", "summer of 2016", "2016-SU"},
      {"fr", "2018-07-05", "Il partira l'été prochain.", "été prochain", "2019-SU"},
      {"fr", "2018-07-05", "Il est parti pendant l'été.", "été", "SU"},
      {"en", "2018-07-05", "Prices rose in the past week.", "past week", "2018-W26"},
      {"en", "2018-07-05", "Prices rose in the past two decades.", "past two decades",
       "1998-07-05/2018-07-04"},
      {"en", "2018-07-05", "Shares fell 20% in the year to date.", "year to date", "2018"},
      {"en", "2018-07-05", "Talks go on for the rest of the year.", "rest of the year",
       "2018-07-05/2018-12-31"},
      {"fr", "2018-07-05", "Il restera le reste de la semaine.", "le reste de la semaine",
       "2018-07-05/2018-07-08"},
      {"ru", "2018-07-05", "Это было в позапрошлом году.", "позапрошлом году", "2016"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"en", "2018-07-05", "A winter storm hit the coast.", "winter"},
      {"en", "2018-07-05", "The fall of the city was swift.", "fall"},
      {"en", "2018-07-05", "Prices fall in July.", "fall"},
      {"fr", "2018-07-05", "Il a été élu hier.", "été"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, TheSamePeriodAsTheLastDate) {
  const Case cases[] = {
      {"en", "2018-07-05", "On 3 March 2015 troops moved in. The same day, rebels fled.",
       "same day", "2015-03-03"},
      {"en", "2018-07-05", "On 3 March 2015 troops moved in. That year was hard.", "That year",
       "2015"},
      {"en", "2018-07-05", "He was away that weekend.", "that weekend", "XXXX-WXX-WE"},
      {"fr", "2018-07-05", "Le 3 mars 2015, l'armée est entrée. Le même jour, ils ont fui.",
       "Le même jour", "2015-03-03"},
      {"de", "2018-07-05", "Am 3. März 2015 kam die Armee. Im selben Jahr floh er.", "selben Jahr",
       "2015"},
      {"es", "2018-07-05", "El 3 de marzo de 2015 llegó el ejército. Ese año fue duro.", "Ese año",
       "2015"},
      {"ru", "2018-07-05", "3 марта 2015 года армия вошла. В тот же день они ушли.", "тот же день",
       "2015-03-03"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  CheckAbsent(*tagger_, {"en", "2018-07-05", "He said that year-end sales fell.", "that year"});
}

TEST_F(TimeTaggerTest, BusinessDaysAndWorkingWeeks) {
  // Monday 20 August 2018.
  const Case cases[] = {
      {"en", "2018-08-20", "Refunds take 3 working days.", "3 working days", "P3BD"},
      {"en", "2018-08-20", "Courts close for the next 4 business days.", "next 4 business days",
       "2018-08-21/2018-08-24"},
      {"en", "2018-08-20", "Sales for the previous 4 business days fell.",
       "previous 4 business days", "2018-08-14/2018-08-17"},
      {"en", "2018-08-20", "The vote is this working week.", "this working week", "2018-W34"},
      {"en", "2018-08-20", "Patrols run in the daytime.", "in the daytime", "TDT"},
      {"de", "2018-08-20", "Es dauert die nächsten 5 Werktage.", "die nächsten 5 Werktage",
       "2018-08-21/2018-08-27"},
      {"fr", "2018-08-20", "Réponse sous 5 jours ouvrables.", "5 jours ouvrables", "P5BD"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, AbbreviatedMonthsAndSpacedDates) {
  // Monday 7 November 2016. Month abbreviations from the data (`abbr`), a
  // month after "day de", numeric dates separated by spaces.
  const Case cases[] = {
      {"fr", "2016-11-07", "Je reviendrai 23/Sep/2020", "23/Sep/2020", "2020-09-23"},
      {"fr", "2016-11-07", "Je reviendrai Sep-23-2020.", "Sep-23-2020", "2020-09-23"},
      {"fr", "2016-11-07", "Absent entre 3 et 12 de Sept pour raisons.", "entre 3 et 12 de Sept",
       "2016-09-03/2016-09-12"},
      {"de", "2016-11-07", "Zurück am 23/Sep/2020.", "23/Sep/2020", "2020-09-23"},
      {"es", "2016-11-07", "Vuelvo el 23/Sep/2020.", "23/Sep/2020", "2020-09-23"},
      {"fr", "2016-11-07", "Je retournerai 2 4 2009.", "2 4 2009", "2009-04-02"},
      {"fr", "2016-11-07", "Je retournerai 18 8 78.", "18 8 78", "1978-08-18"},
      {"fr", "2016-11-07", "Je retournerai 18 08 78 à la maison.", "18 08 78", "1978-08-18"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"fr", "2016-11-07", "La SEP touche 3 personnes sur mille.", "SEP"},
      {"fr", "2016-11-07", "Ils étaient 18 8 78 points au total.", "78"},
      {"fr", "2016-11-07", "Les valeurs 3 18 8 1978 sont fausses.", "18 8"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, ShortYearsSpelledDaysAndDecades) {
  const Case cases[] = {
      {"fr", "2019-07-05", "En juillet 98, la France a remporté le mondial.", "juillet 98",
       "1998-07"},
      {"fr", "2019-07-05", "Il est arrivé le 14 juillet 98.", "14 juillet 98", "1998-07-14"},
      {"fr", "2016-11-07", "Je reviendrai mai vingt-neuf.", "mai vingt-neuf", "2016-05-29"},
      {"fr", "2016-11-07", "Elle est née le quatre octobre.", "quatre octobre", "2016-10-04"},
      {"en", "2016-11-07", "She was born on twenty five January 1986.", "twenty five January 1986",
       "1986-01-25"},
      // Tens of a decade: the last such decade over by the DCT's year.
      {"fr", "2018-05-29", "Dans les années quatre-vingt-dix, rien.", "années quatre-vingt-dix",
       "199"},
      {"fr", "2022-01-07", "La mode des années 20 revient.", "années 20", "192"},
      {"es", "2018-05-29", "Fue en los años noventa.", "los años noventa", "199"},
      {"en", "2018-05-29", "Presidents in 90 s.", "90 s", "199"},
      // Hours and minutes run together before am/pm.
      {"fr", "2016-11-07", "Je retournerai 1140 a.m.", "1140 a.m.", "T11:40"},
      {"en", "2016-11-07", "I'll be back 1140 a.m.", "1140 a.m.", "T11:40"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"fr", "2019-07-05", "En juillet 98 personnes sont mortes.", "98"},
      {"fr", "2019-07-05", "En juillet 98 % des votants.", "98"},
      {"fr", "2016-11-07", "En mai trois soldats sont morts.", "trois"},
      {"en", "2018-05-29", "What happened in the 10 previous weeks?", "the"},
      {"en", "2018-05-29", "The twenty people left.", "twenty"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, HoursThatTellTheTime) {
  // Hours without a clock word are an amount, unless a part of day follows
  // ("du soir"), a clock verb stands before hours that close the clause
  // ("il est vingt heures."), or the minutes are attached ("14h et quart").
  const Case cases[] = {
      {"fr", "2016-11-07", "C'est 8 h et vingt minute dans la soirée",
       "8 h et vingt minute dans la soirée", "T20:20"},
      {"fr", "2016-11-07", "Rendez-vous huit heures du soir.", "huit heures du soir", "T20"},
      {"fr", "2016-11-07", "Ouvert dès 8 heures.", "8 heures", "T08"},
      {"fr", "2016-11-07", "Il est vingt heures.", "vingt heures", "T20"},
      {"fr", "2016-11-07", "Il est 20 heures, les bureaux ferment.", "20 heures", "T20"},
      {"fr", "2016-11-07", "Il part à 14h et quart.", "14h et quart", "T14:15"},
      {"fr", "2016-11-07", "Il part à sept heures et demie.", "sept heures et demie", "T07:30"},
      {"fr", "2016-11-07", "Il part à midi et demi.", "midi et demi", "T12:30"},
      {"fr", "2016-11-07", "Il part à minuit moins dix.", "minuit moins dix", "T23:50"},
      {"fr", "2016-11-07", "Il a dormi une heure et demie.", "une heure et demie", "PT1.5H"},
      {"fr", "2016-11-07", "Il a dormi 8 heures la nuit.", "8 heures", "PT8H"},
      {"fr", "2016-11-07", "Ils ont marché sept heures dans la nuit.", "sept heures", "PT7H"},
      {"fr", "2016-11-07", "C'est trois heures de route.", "trois heures", "PT3H"},
      {"en", "2016-11-07", "It's 8 o'clock.", "8 o'clock", "T08"},
      {"de", "2016-11-07", "Es ist acht Uhr.", "acht Uhr", "T08"},
      {"es", "2016-11-07", "Son las 8 de la tarde.", "8 de la tarde", "T20"},
      // "tôt dans la journée": the DCT's day, hedged.
      {"fr", "2020-05-27", "J'ai mangé tôt dans la journée.", "tôt dans la journée", "2020-05-27",
       "START"},
      {"fr", "2020-05-27", "Il reviendra plus tard dans la semaine.", "plus tard dans la semaine",
       "2020-W22", "END"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"fr", "2016-11-07", "Il est 5e au classement.", "5e"},
      {"fr", "2016-11-07", "Ils étaient à midi 30 personnes.", "30"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, DaysOfARelativeMonthAndBareHourPairs) {
  // Monday 7 November 2016.
  const Case cases[] = {
      {"fr", "2016-11-07", "Je reviendrai de 4-23 mois prochain.", "4-23 mois prochain",
       "2016-12-04/2016-12-23"},
      {"fr", "2016-11-07", "Le vote aura lieu le 4 du mois prochain.", "4 du mois prochain",
       "2016-12-04"},
      {"fr", "2016-11-07", "Le salon se tient du 3 au 5 du mois prochain.",
       "du 3 au 5 du mois prochain", "2016-12-03/2016-12-05"},
      {"en", "2016-11-07", "Paid on the 3rd of last month.", "3rd of last month", "2016-10-03"},
      // A clock word before two bare hours joined by a dash.
      {"fr", "2019-08-12", "Je vais retourner à 16-17.", "16-17", "T16/T17"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"fr", "2016-11-07", "Il a 4 mois de plus.", "de plus"},
      {"fr", "2016-11-07", "Le col est à 15-20 km.", "15-20"},
      {"fr", "2016-11-07", "L'équipe a été menée à 3-1.", "3-1"},
      {"fr", "2016-11-07", "Il a été condamné à 3 reprises.", "3"},
      {"fr", "2016-11-07", "Ils étaient à 10 contre 1.", "10"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, SeasonsWeekdayAfterDayAndRepeats) {
  const Case cases[] = {
      // Monday 7 November 2016: last summer is 2016's, last winter 2015's.
      {"fr", "2016-11-07", "Durant l'été, il pleut.", "été", "SU"},
      {"fr", "2016-11-07", "Il est venu l'été dernier.", "été dernier", "2016-SU"},
      {"fr", "2016-11-07", "Il est venu l'hiver dernier.", "hiver dernier", "2015-WI"},
      {"fr", "2016-11-07", "Il viendra l'hiver prochain.", "hiver prochain", "2016-WI"},
      {"fr", "2016-11-07", "Il viendra le printemps prochain.", "printemps prochain", "2017-SP"},
      {"en", "2016-11-07", "We met last summer.", "last summer", "2016-SU"},
      {"en", "2020-01-15", "Colder temperatures forecast for Wed. after the alert.", "Wed.",
       "2020-01-15"},
      // An article, a day, then the weekday it falls on.
      {"fr", "2018-09-20", "Mon salaire sera le 25 mardi.", "le 25 mardi", "2018-09-25"},
      {"fr", "2018-09-20", "Mon salaire sera le vingt-cinq mardi.", "le vingt-cinq mardi",
       "2018-09-25"},
      {"fr", "2018-09-20", "Il a terminé le 3 mardi dernier.", "mardi dernier", "2018-09-18"},
      // A clock word before a bare hour and a repeat.
      {"fr", "2016-11-07", "Je pars à 15 tous les jours.", "15 tous les jours", "T15"},
      {"fr", "2016-11-07", "Le journal paraît tous les mardis.", "tous les mardis", "XXXX-WXX-2"},
      {"fr", "2016-11-07", "Rendez-vous tous les mardis à 20 heures.",
       "tous les mardis à 20 heures", "XXXX-WXX-2T20"},
      {"fr", "2016-11-07", "Il court tous les soirs.", "tous les soirs", "TEV"},
      {"es", "2016-11-07", "Corre todos los lunes.", "todos los lunes", "XXXX-WXX-1"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"fr", "2016-11-07", "J'ai été à la mer.", "mer"},
      {"fr", "2016-11-07", "C'est un jeu.", "jeu"},
      {"fr", "2016-11-07", "Il manque de spontanéité dans leur jeu.", "jeu"},
      {"en", "2016-11-07", "Pay Verisign $200 a year to get certs.", "200"},
      {"en", "2016-11-07", "Dip the balls around 2/3 of the way.", "2/3"},
      {"en", "2016-11-07", "She was one of four in August.", "four"},
      {"fr", "2016-11-07", "Il a été blessé.", "été"},
      {"de", "2016-11-07", "Im Herbst\nDiese Regelung gilt.", "Diese"},
      {"fr", "2016-11-07", "Né le 29/2/2019, dit-il.", "2019"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, WholeUnitsAreDurations) {
  const Case cases[] = {
      {"fr", "2016-11-07", "Il a plu toute la journée.", "toute la journée", "P1D"},
      {"fr", "2016-11-07", "Je vais partir toute le mois", "toute le mois", "P1M"},
      {"fr", "2016-11-07", "Ils ont manifesté tout le week-end.", "tout le week-end", "P1WE"},
      {"fr", "2016-11-07", "Il était là toute la semaine dernière.", "la semaine dernière",
       "2016-W44"},
      {"en", "2016-11-07", "I'll leave for all day", "all day", "P1D"},
      {"en", "2016-11-07", "It rained the whole week.", "the whole week", "P1W"},
      {"es", "2016-11-07", "Llovió todo el día.", "todo el día", "P1D"},
      {"de", "2016-11-07", "Es regnete den ganzen Tag.", "den ganzen Tag", "P1D"},
      {"ru", "2016-11-07", "Шёл дождь весь день.", "весь день", "P1D"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"fr", "2016-11-07", "Tout le monde est venu.", "Tout le monde"},
      {"fr", "2016-11-07", "Tout le mois de mai fut pluvieux.", "Tout le mois"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, HedgedAmountsAgoAndBareHours) {
  const Case cases[] = {
      {"fr", "2021-05-20", "Il est parti il y a plus de dix ans.", "il y a plus de dix ans", "2011",
       "BEFORE"},
      {"fr", "2021-05-20", "Il y a à peu près un mois.", "Il y a à peu près un mois", "2021-04",
       "APPROX"},
      {"fr", "2021-05-20", "Ce sera fini dans environ 3 jours.", "dans environ 3 jours",
       "2021-05-23", "APPROX"},
      {"fr", "2021-05-20", "Ce sera fini dans moins de 3 jours.", "moins de 3 jours", "P3D",
       "LESS_THAN"},
      {"es", "2020-01-15", "Llegó hace unos días.", "hace unos días", "PAST_REF"},
      {"es", "2020-01-15", "Estaré hasta el 27 de este mes.", "27 de este mes", "2020-01-27",
       "EQUAL_OR_LESS"},
      {"de", "2020-01-15", "Das war vor über drei Jahren.", "vor über drei Jahren", "2017",
       "BEFORE"},
      // A bare hour set off by a comma before today's part of day that ends the sentence.
      {"fr", "2016-11-07", "Je reviendrai 10, ce soir.", "10, ce soir", "2016-11-07T22"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"fr", "2016-11-07", "Ils étaient 10, ce soir, à manifester.", "10"},
      {"fr", "2016-11-07", "Je vais partir 17 a 18", "18"},
      {"fr", "2016-11-07", "Le prix va passer de 10 à 12.", "12"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, WeekdayRangesThousandsAndFractions) {
  // Wednesday 15 January 2020.
  const Case cases[] = {
      {"fr", "2020-01-15", "Du lundi au samedi, découvrez l'actualité.", "Du lundi au samedi",
       "2020-01-20/2020-01-25"},
      {"fr", "2020-01-15", "Il est apparu il y a 200.000 ans.", "il y a 200.000 ans", "PAST_REF"},
      {"en", "2020-01-15", "It lasted 1,500 years.", "1,500 years", "P1500Y"},
      {"fr", "2020-01-15", "Rendez-vous le 3/4 à midi.", "3/4 à midi", "2020-04-03T12"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"fr", "2020-01-15", "Oser prendre la parole (2/4) : A la tribune", "2/4"},
      {"fr", "2020-01-15", "Les 3/4 des Français sont contre.", "3/4"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, ApproximateAmounts) {
  // quant "<n> approx": an amount and the mod APPROX.
  const Case cases[] = {
      {"fr", "2022-01-12", "Il est arrivé il y a une dizaine de jours.",
       "il y a une dizaine de jours", "2022-01-02", "APPROX"},
      {"fr", "2022-01-12", "Cela prendra une quinzaine de jours.", "une quinzaine de jours", "P15D",
       "APPROX"},
      {"fr", "2022-01-12", "Il a vécu une vingtaine d'années à Paris.", "une vingtaine d'années",
       "P20Y", "APPROX"},
      {"fr", "2022-01-12", "Le conflit dure depuis des dizaines d'années.",
       "depuis des dizaines d'années", "PXY"},
      {"es", "2022-01-12", "Hace una decena de años.", "Hace una decena de años", "2012", "APPROX"},
      {"en", "2022-01-12", "It closed a dozen years ago.", "a dozen years ago", "2010", "APPROX"},
      {"ru", "2022-01-12", "Это было десяток лет назад.", "десяток лет назад", "2012", "APPROX"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"fr", "2022-01-12", "Il a une dizaine de voitures.", "dizaine"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, LastOrNextAfterADate) {
  // Wednesday 12 January 2022.
  const Case cases[] = {
      {"fr", "2022-01-12", "Le sommet aura lieu le 5 mars prochain.", "5 mars prochain",
       "2022-03-05"},
      {"fr", "2022-01-12", "Il est mort le 1er janvier dernier.", "1er janvier dernier",
       "2022-01-01"},
      {"fr", "2022-01-12", "Il est mort le 15 décembre dernier.", "15 décembre dernier",
       "2021-12-15"},
      {"fr", "2022-01-12", "Il est parti en mars dernier.", "mars dernier", "2021-03"},
      {"fr", "2022-01-12", "Il reviendra en janvier prochain.", "janvier prochain", "2023-01"},
      {"es", "2022-01-12", "Murió el 15 de diciembre pasado.", "15 de diciembre pasado",
       "2021-12-15"},
      // A rel marked "after" follows its head only: "passé 20 ans" is a participle.
      {"fr", "2022-01-12", "Il a passé 20 ans en prison.", "20 ans", "P20Y"},
      {"fr", "2022-01-12", "Il est venu la semaine passée.", "la semaine passée", "2022-W01"},
      {"es", "2022-01-12", "Llegó el pasado lunes.", "pasado lunes", "2022-01-10"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, RomanAndOrdinalCenturies) {
  const Case cases[] = {
      {"fr", "2022-01-12", "Au XIXe siècle, la ville a grandi.", "XIXe siècle", "18"},
      {"fr", "2022-01-12", "Au XXIème siècle, tout change.", "XXIème siècle", "20"},
      {"es", "2022-01-12", "Fue en el siglo XIX.", "siglo XIX", "18"},
      {"de", "2022-01-12", "Das war im 19. Jahrhundert.", "19. Jahrhundert", "18"},
      {"ru", "2022-01-12", "Это было в XIX веке.", "XIX веке", "18"},
      {"ru", "2022-01-12", "Это было в 19 веке.", "19 веке", "18"},
      {"ru", "2022-01-12", "Прошло два века.", "два века", "P200Y"},
      {"fr", "2022-01-12", "Cela a duré trois siècles.", "trois siècles", "P300Y"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"fr", "2022-01-12", "La Vie siècle après siècle.", "Vie"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, PartsOfNamedDays) {
  // Wednesday 12 January 2022.
  const Case cases[] = {
      {"fr", "2022-01-12", "Les combats ont eu lieu dans la nuit de mardi à mercredi.",
       "dans la nuit de mardi à mercredi", "2022-01-11TNI"},
      {"fr", "2022-01-12", "Il est arrivé dans la soirée du 7 janvier.",
       "dans la soirée du 7 janvier", "2022-01-07TEV"},
      {"fr", "2022-01-12", "L'après-midi de dimanche, il pleuvait.", "L'après-midi de dimanche",
       "2022-01-09TAF"},
      {"en", "2022-01-12", "It rained in the morning of January 5.", "in the morning of January 5",
       "2022-01-05TMO"},
      // A hedge that only starts a longer word of the lexicon.
      {"fr", "2022-01-12", "La police est intervenue avant-hier soir.", "avant-hier soir",
       "2022-01-10TEV"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, ListsOfDays) {
  // A day number listed before a later day with its month.
  const Case cases[] = {
      {"fr", "2022-01-12", "Les élections se tiendront les 10 et 11 janvier.", "10", "2022-01-10"},
      {"fr", "2022-01-12", "Les élections se tiendront les 10 et 11 janvier.", "11 janvier",
       "2022-01-11"},
      {"fr", "2022-01-12", "Les réunions des 3, 4 et 5 mai.", "4", "2022-05-04"},
      {"de", "2022-01-12", "Die Wahl ist am 10. und 11. Januar.", "10", "2022-01-10"},
      {"es", "2022-01-12", "Votan los días 10 y 11 de enero.", "10", "2022-01-10"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"fr", "2022-01-12", "Il y a eu 5 et 6 morts le 3 mai.", "5 et 6"},
      {"fr", "2022-01-12", "La police a interpellé des 3 suspects.", "3"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, HalfYearsAndCountingOrdinals) {
  // Wednesday 12 January 2022; unit HY, ordinals marked "count".
  const Case cases[] = {
      {"fr", "2022-01-12", "Au premier semestre 2021, la croissance a été forte.",
       "premier semestre 2021", "2021-H1"},
      {"fr", "2022-01-12", "Au second semestre, elle ralentira.", "second semestre", "2022-H2"},
      {"fr", "2022-01-12", "Le semestre dernier a été dur.", "Le semestre dernier", "2021-H2"},
      {"fr", "2022-01-12", "Cela a duré trois semestres.", "trois semestres", "P18M"},
      {"fr", "2022-01-12", "Au troisième trimestre 2021, rien.", "troisième trimestre 2021",
       "2021-Q3"},
      {"fr", "2022-01-12", "Au vingtième siècle, tout a changé.", "vingtième siècle", "19"},
      {"es", "2022-01-12", "En el primer semestre de 2021.", "el primer semestre de 2021",
       "2021-H1"},
      {"de", "2022-01-12", "Im ersten Halbjahr 2021 stieg er.", "ersten Halbjahr 2021", "2021-H1"},
      {"ru", "2022-01-12", "В первом полугодии 2021 года рост.", "первом полугодии 2021 года",
       "2021-H1"},
      {"ru", "2022-01-12", "Это было в 2021 году.", "2021 году", "2021"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"fr", "2022-01-12", "Il est arrivé le deuxième.", "deuxième"},
      {"fr", "2022-01-12", "C'est la première.", "première"},
      {"es", "2022-01-12", "Habló el primer ministro.", "primer"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, SignalsAndArticlesOutsideTheSpan) {
  // "jusqu'à" before a date is a signal (hedge `outside`), before an amount
  // a bound; "les" before "3 prochaines semaines" stays out like en "the".
  const Case cases[] = {
      {"fr", "2019-07-30", "Que faites-vous jusqu'à la semaine prochaine ?", "la semaine prochaine",
       "2019-W32", "EQUAL_OR_LESS"},
      {"fr", "2022-01-07", "Le retrait prendra jusqu'à 10 jours.", "jusqu'à 10 jours", "P10D",
       "EQUAL_OR_LESS"},
      {"es", "2019-07-30", "Estaré fuera hasta la próxima semana.", "la próxima semana", "2019-W32",
       "EQUAL_OR_LESS"},
      {"fr", "2016-11-07", "Nous serons absents les 3 prochaines semaines.",
       "3 prochaines semaines", "2016-11-08/2016-11-28"},
      // A day leaves its article out, so "avant le" before it is a signal.
      {"fr", "2016-11-07", "Envoyez-le avant le 15.05.99 : merci.", "15.05.99", "1999-05-15",
       "BEFORE"},
      {"fr", "2016-11-07", "Ventes avant 2000.", "avant 2000", "2000", "BEFORE"},
      {"fr", "2022-01-12", "La France vise la neutralité d'ici à 2030.", "d'ici à 2030", "2030",
       "BEFORE"},
      {"fr", "2016-11-07", "Il rentre avant le week-end.", "avant le week-end", "2016-W44-WE",
       "BEFORE"},
      {"en", "2016-11-07", "Pay before the 18th.", "before the 18th", "2016-11-18", "BEFORE"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, WeekdaysOfARelativeWeekAndWeekdayDates) {
  // Thursday 5 July 2018.
  const Case cases[] = {
      {"en", "2018-07-05", "We meet next week Mon 9 am or 1 pm.", "next week Mon 9 am",
       "2018-07-09T09"},
      {"en", "2018-07-05", "a call next week on Tuesday", "next week on Tuesday", "2018-07-10"},
      {"en", "2018-07-05", "It is on monday of the following week.", "monday of the following week",
       "2018-07-09"},
      {"en", "2018-07-05", "We met on tuesday of last week.", "tuesday of last week", "2018-06-26"},
      {"en", "2018-07-05", "What happened on previous week - Monday", "previous week - Monday",
       "2018-06-25"},
      {"en", "2018-07-05", "set it up for Wednesday evening next week",
       "Wednesday evening next week", "2018-07-11TEV"},
      {"fr", "2018-07-05", "Il viendra mardi de la semaine prochaine.",
       "mardi de la semaine prochaine", "2018-07-10"},
      {"de", "2018-07-05", "Er kommt Dienstag nächster Woche.", "Dienstag nächster Woche",
       "2018-07-10"},
      {"es", "2018-07-05", "Llegará el martes de la próxima semana.", "martes de la próxima semana",
       "2018-07-10"},
      {"ru", "2018-07-05", "Он приедет во вторник на следующей неделе.",
       "вторник на следующей неделе", "2018-07-10"},
      // A weekday before a date: the date decides; a short "7.6" only when it
      // falls on that weekday.
      {"en", "2019-05-20", "It should be done this friday 5/12", "this friday 5/12", "2019-05-12"},
      {"en", "2018-05-20", "a call on Friday 7.6 with Jim", "Friday 7.6", "2018-07-06"},
      {"en", "2018-05-20", "sometime this Friday-Jun-15", "this Friday-Jun-15", "2018-06-15"},
      {"en", "2018-05-20", "sometime this friday (jun-15)", "this friday (jun-15)", "2018-06-15"},
      // A comma parts them: "Next week" stays the week.
      {"en", "2018-07-05", "Next week, Monday's vote will decide.", "Next week", "2018-W28"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"en", "2018-05-20", "On Friday 4.5 points were lost.", "4.5"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, TimeRangesInAPartOfADay) {
  // Wednesday 30 May 2018.
  const Case cases[] = {
      {"en", "2018-05-30", "Are you free on Monday morning from 10am to 12pm?",
       "Monday morning from 10am to 12pm", "2018-05-28T10/2018-05-28T12"},
      {"en", "2018-05-30", "Where were you yesterday afternoon from 3-8pm",
       "yesterday afternoon from 3-8pm", "2018-05-29T15/2018-05-29T20"},
      {"en", "2018-05-30", "Where were you from 8am-3 yesterday afternoon",
       "from 8am-3 yesterday afternoon", "2018-05-29T08/2018-05-29T15"},
      {"en", "2018-05-30", "I was out between 7 and 9:30 last night",
       "between 7 and 9:30 last night", "2018-05-29T19/2018-05-29T21:30"},
      {"en", "2018-05-30", "Book a room tonight from 7 to 7:30", "tonight from 7 to 7:30",
       "2018-05-30T19/2018-05-30T19:30"},
      {"en", "2018-05-30", "Are you available next Monday morning 6-8", "next Monday morning 6-8",
       "2018-06-04T06/2018-06-04T08"},
      {"fr", "2018-05-30", "Il sera là lundi matin de 10h à 12h.", "lundi matin de 10h à 12h",
       "2018-06-04T10/2018-06-04T12"},
      {"de", "2018-05-30", "Am Montagmorgen von 10 bis 12 Uhr.", "Montagmorgen von 10 bis 12 Uhr",
       "2018-05-28T10/2018-05-28T12"},
      {"ru", "2018-05-30", "Саммит пройдет с января по март 2017 года.",
       "с января по март 2017 года", "2017-01/2017-03"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"en", "2018-05-30", "This morning 10 to 15 people came.", "15 people"},
      {"en", "2018-05-30", "They won 3-1 on Monday.", "3-1"},
      {"en", "2018-05-30", "They won on Monday morning 2-0 at home.", "2-0"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, HowAboutIsNoHedge) {
  const Case cases[] = {
      {"en", "2019-03-10", "How about first week of 2015", "first week of 2015", "2015-W01"},
      {"en", "2019-03-10", "what about Jan/3", "Jan/3", "2019-01-03"},
      {"en", "2019-03-10", "It took about 3 weeks.", "about 3 weeks", "P3W", "APPROX"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, DatesJoinedWithTimes) {
  // Thursday 30 May 2019.
  const Case cases[] = {
      {"en", "2019-05-30", "I'll be there on wednesday 4 oclock.", "wednesday 4 oclock",
       "2019-05-29T04"},
      {"de", "2019-05-30", "Das Treffen beginnt 3 Uhr.", "3 Uhr", "T03"},
      {"en", "2019-05-30", "schedule it in the morning 9 oclock", "in the morning 9 oclock", "T09"},
      {"en", "2019-05-30", "it happened last night at 8.", "last night at 8", "2019-05-29T20"},
      {"en", "2019-05-30", "I'll go back 9am on Tuesday", "9am on Tuesday", "2019-05-28T09"},
      {"en", "2019-05-30", "Let's meet on march eighteenth nine thirty.",
       "march eighteenth nine thirty", "2019-03-18T09:30"},
      {"en", "2019-05-30", "I left there january twenty fourth one thirty p m.",
       "january twenty fourth one thirty p m", "2019-01-24T13:30"},
      {"en", "2019-05-30", "I'll go back on monday the twenty seventh at six pm",
       "monday the twenty seventh at six pm", "2019-05-27T18"},
      {"en", "2019-05-30", "I'll go back at five-thirty tomorrow evening",
       "five-thirty tomorrow evening", "2019-05-31T17:30"},
      {"en", "2019-05-30", "The sun will set tomorrow at seven twenty-seven",
       "tomorrow at seven twenty-seven", "2019-05-31T07:27"},
      {"en", "2019-05-30", "We will have that staff dinner seven p . m .", "seven p . m .", "T19"},
      {"en", "2019-05-30", "I drank a coffee on tues the 4th 7pm", "tues the 4th 7pm",
       "2019-06-04T19"},
      {"en", "2019-05-30", "It lasted 3 h.", "3 h", "PT3H"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"en", "2019-05-30", "Take 5 a day.", "5"},
      {"en", "2019-05-30", "One a day keeps it away.", "One"},
      {"en", "2019-05-30", "On March 18 nine thirty people came.", "nine"},
      {"fr", "2019-05-30", "Il y a une fête programmée.", "une"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, MonthAndDayRanges) {
  // Monday 7 November 2016.
  const Case cases[] = {
      {"en", "2016-11-07", "APEC meets in Korea Jan-Feb 2017", "Jan-Feb 2017", "2017-01/2017-02"},
      {"en", "2016-11-07", "APEC meets in Korea Nov-Feb 2017", "Nov-Feb 2017", "2016-11/2017-02"},
      {"en", "2016-11-07", "the three months (June-August 1992)", "June-August 1992",
       "1992-06/1992-08"},
      {"en", "2016-11-07", "What will happen from Nov to March", "from Nov to March",
       "2016-11/2017-03"},
      {"en", "2016-11-07", "i am off april 9th through 17th", "april 9th through 17th",
       "2017-04-09/2017-04-17"},
      {"en", "2016-11-07", "i am off april ninth through seventeenth",
       "april ninth through seventeenth", "2017-04-09/2017-04-17"},
      {"en", "2016-11-07", "i am off from april the ninth till the seventeenth",
       "from april the ninth till the seventeenth", "2017-04-09/2017-04-17"},
      {"en", "2016-11-07", "i am off between the ninth and the seventeenth of april",
       "between the ninth and the seventeenth of april", "2017-04-09/2017-04-17"},
      {"en", "2016-11-07", "i am off from april twenty-seventh to the third",
       "from april twenty-seventh to the third", "2017-04-27/2017-05-03"},
      {"en", "2016-11-07", "9 to 12 of June: a festival", "9 to 12 of June",
       "2016-06-09/2016-06-12"},
      {"en", "2016-11-07", "I'll be out between 3 and 12 of Sept", "between 3 and 12 of Sept",
       "2016-09-03/2016-09-12"},
      {"en", "2016-11-07", "The range is 2014 through May 2018.", "2014 through May 2018",
       "2014/2018-05"},
      {"en", "2016-11-07", "What's your plan for Dec, 2018", "Dec, 2018", "2018-12"},
      {"en", "2016-11-07", "Set it up for October, 1st.", "October, 1st", "2016-10-01"},
      {"en", "2016-11-07", "Is it 12 of Nov?", "12 of Nov", "2016-11-12"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"en", "2016-11-07", "Sales rose April 9 to 12 percent.", "12 percent"},
      {"en", "2016-11-07", "He scored 9 to 12 points.", "9 to 12"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, ClockShapesAndSpelledDates) {
  const Case cases[] = {
      {"en", "2016-11-07", "I'll be back at 9.am.", "9.am", "T09"},
      {"en", "2016-11-07", "I'll be back 1140 a.m.", "1140 a.m.", "T11:40"},
      {"en", "2016-11-07", "We meet at 12 noon.", "12 noon", "T12"},
      {"en", "2016-11-07", "Where were you between 0730-0930?", "between 0730-0930",
       "T07:30/T09:30"},
      {"en", "2016-11-07", "I'll be back 11ish", "11ish", "T11", "APPROX"},
      {"en", "2016-11-07", "Let's meet at 1pm mountain timezone", "1pm mountain timezone", "T13"},
      {"en", "2016-11-07", "Markets open at 9 EST.", "9", "T09"},
      {"en", "2016-11-07", "We play from three thirty to four thirty",
       "from three thirty to four thirty", "T03:30/T04:30"},
      {"en", "2016-11-07", "She was born on January twenty five nineteen eighty six",
       "January twenty five nineteen eighty six", "1986-01-25"},
      {"en", "2016-11-07", "On fifteen August nineteen hundred ninety three, it opened.",
       "fifteen August nineteen hundred ninety three", "1993-08-15"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"en", "2016-11-07", "In 1140 a king died.", "1140 a"},
      {"en", "2016-11-07", "from twenty to thirty people", "twenty"},
      {"en", "2016-11-07", "Fifteen August visitors came.", "Fifteen"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, MoreDayAndTimeCompositions) {
  // Monday 20 May 2019.
  const Case cases[] = {
      {"en", "2019-05-20", "Are you available 6-8 next Monday", "6-8 next Monday",
       "2019-05-27T06/2019-05-27T08"},
      {"en", "2019-05-20", "It will happen between 3 and 5 on 1/1/2015",
       "between 3 and 5 on 1/1/2015", "2015-01-01T03/2015-01-01T05"},
      {"en", "2019-05-20", "It should be done next 5/12", "next 5/12", "2019-05-12"},
      {"en", "2019-05-20", "Meet me at 3 pm or later on Monday.", "3 pm or later on Monday",
       "2019-05-20T15", "AFTER"},
      {"en", "2019-05-20", "Wed Oct 26 15:50:06 2016 is not a day in 2019.",
       "Wed Oct 26 15:50:06 2016", "2016-10-26T15:50:06"},
      {"en", "2019-05-20", "Open today pm.", "today pm", "2019-05-20TAF"},
      {"en", "2020-03-10", "A party for Ted on Sat at 5.", "Sat at 5", "2020-03-07T05"},
      {"en", "2019-08-04", "It starts on Sunday early morning at 8:00",
       "Sunday early morning at 8:00", "2019-08-04T08:00"},
      {"en", "2019-08-04", "It starts on Sunday at 8:00 early morning",
       "Sunday at 8:00 early morning", "2019-08-04T08:00"},
      {"en", "2019-08-04", "Talks resume Sunday late evening.", "Sunday late evening",
       "2019-08-04TEV", "END"},
      {"en", "2016-11-07", "They left circa 5 in the morning.", "circa 5 in the morning", "T05",
       "APPROX"},
      {"en", "2016-11-07", "It runs until april 27th.", "until april 27th", "2017-04-27",
       "EQUAL_OR_LESS"},
      {"en", "2016-11-07", "I'll be away from 2pm till tomorrow 4:30pm",
       "from 2pm till tomorrow 4:30pm", "2016-11-07T14/2016-11-08T16:30"},
      {"en", "2016-11-07", "I'll be away between 2:00 tomorrow and 4:00",
       "between 2:00 tomorrow and 4:00", "2016-11-08T02:00/2016-11-08T04:00"},
      {"en", "2019-05-20", "I went back to China in 2017 april.", "2017 april", "2017-04"},
      {"en", "2019-05-20", "Is this a valid date? 12-2015", "12-2015", "2015-12"},
      {"en", "2019-09-04", "a vacation from next monday to friday", "from next monday to friday",
       "2019-09-09/2019-09-13"},
      {"en", "2019-09-04", "2019/aug/01 to today", "2019/aug/01 to today", "2019-08-01/2019-09-04"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"en", "2019-05-20", "Today am I the only one?", "am"},
      {"en", "2019-05-20", "Is this a valid date? 32-2015", "32"},
      {"en", "2019-05-20", "Elections in 2024 may be delayed.", "may"},
      {"en", "2019-05-20", "Police arrested 5 in the morning raids.", "5"},
      {"en", "2019-05-20", "My temperature was 37.1 in the morning.", "37.1"},
      {"en", "2019-05-20", "He sat at 5 tables.", "5"},
      {"en", "2019-05-20", "She sat at 10 Downing Street.", "10"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, OrdinalUnitsAndSlicesOfAPeriod) {
  // Friday 10 July 2020.
  const Case cases[] = {
      {"en", "2020-07-10", "We will come back on the 15th day of next month",
       "the 15th day of next month", "2020-08-15"},
      {"en", "2020-07-10", "We come back before the twenty-sixth day of the month",
       "before the twenty-sixth day of the month", "2020-07-26", "BEFORE"},
      {"en", "2020-07-10", "They will leave the third month of 2021", "the third month of 2021",
       "2021-03"},
      {"fr", "2020-07-10", "Il reviendra le 15e jour du mois prochain.",
       "le 15e jour du mois prochain", "2020-08-15"},
      {"en", "2020-07-10", "Rooms are booked for the first 2 weeks of 2021",
       "the first 2 weeks of 2021", "2021-01-04/2021-01-17"},
      {"en", "2020-07-10", "Maintenance is set for the last 3 weeks of this year",
       "the last 3 weeks of this year", "2020-12-14/2021-01-03"},
      {"en", "2020-07-10", "The results for the last four months of 2021 are out",
       "the last four months of 2021", "2021-09-01/2021-12-31"},
      {"en", "2020-07-10", "They visited Paris first ten days of last year",
       "first ten days of last year", "2019-01-01/2019-01-10"},
      {"en", "2020-07-10", "the first 100 days of his presidency", "100 days", "P100D"},
      {"en", "2020-07-10", "The first 3 months of the year were hard.",
       "The first 3 months of the year", "2020-01-01/2020-03-31"},
      // A weekday of the ISO week of a moved day.
      {"en", "2016-11-07", "I'll go back Monday two weeks from now.", "Monday two weeks from now",
       "2016-11-21"},
      {"en", "2016-11-07", "I'll go back in 3 days on Friday.", "in 3 days on Friday",
       "2016-11-11"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"en", "2020-07-10", "It was the first day of the war.", "first day"},
      {"en", "2020-07-10", "the first 100 days of his presidency", "the first"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, ListedDaysAndMoreDateShapes) {
  // Thursday 10 May 2018.
  const Case cases[] = {
      {"en", "2018-05-10", "I am looking at 18 and 19 June.", "18", "2018-06-18"},
      {"fr", "2018-05-10", "Les 18 et 19 juin, il pleuvra.", "18", "2018-06-18"},
      {"de", "2018-05-10", "Am 18. und 19. Juni regnet es.", "18", "2018-06-18"},
      {"es", "2018-05-10", "El 18 y 19 de junio llueve.", "18", "2018-06-18"},
      {"ru", "2018-05-10", "18 и 19 июня будет дождь.", "18", "2018-06-18"},
      {"en", "2018-05-10", "It will be on 18 or 19 June.", "18", "2018-06-18"},
      {"en", "2020-05-10", "The meeting is on the 3rd and 4th of March.", "the 3rd", "2020-03-03"},
      {"en", "2020-03-10", "Talks will run between Jan. 6 and 8.", "between Jan. 6 and 8",
       "2020-01-06/2020-01-08"},
      {"en", "2018-05-10", "I'll go back 2020/23/Sep.", "2020/23/Sep", "2020-09-23"},
      {"en", "2018-05-10", "On 2016 10 16, the conference started.", "2016 10 16", "2016-10-16"},
      {"en", "2018-05-10", "I was born in April of 87", "April of 87", "1987-04"},
      {"en", "2018-05-10", "I was born on 15 April of 87.", "15 April of 87", "1987-04-15"},
      // Days joined by a dash before a relative month are one expression
      // without the from-word (as fr "de 4-23 mois prochain"; the English
      // spec keeps "from": a known difference).
      {"en", "2016-11-07", "I'll be out from 4-23 in next month", "4-23 in next month",
       "2016-12-04/2016-12-23"},
      {"fr", "2016-11-07", "Je serai absent du 4 au 23 du mois prochain.",
       "du 4 au 23 du mois prochain", "2016-12-04/2016-12-23"},
      {"en", "2016-11-07", "I will leave from 5/1-5/7, 2020", "from 5/1-5/7, 2020",
       "2020-05-01/2020-05-07"},
      {"en", "2016-11-07", "The range is from the middle of 2007 to the end of 2008.",
       "from the middle of 2007 to the end of 2008", "2007-07-02/2008-12-31"},
      {"en", "2016-11-07", "I'll be out from 2:30 to 2:15 pm", "from 2:30 to 2:15 pm",
       "T02:30/T14:15"},
      {"en", "2018-07-10", "Show sales in the week after next", "the week after next", "2018-W30"},
      {"en", "2020-03-10", "The summit runs March 3-5, 2020, in Geneva.", "March 3-5, 2020",
       "2020-03-03/2020-03-05"},
      {"en", "2020-03-10", "It happened on the night of March 3.", "the night of March 3",
       "2020-03-03TNI"},
      {"fr", "2020-03-10", "Il a plu dans la nuit du 3 mars.", "dans la nuit du 3 mars",
       "2020-03-03TNI"},
      {"fr", "2020-03-10", "Il a plu dans la nuit de mardi à mercredi.",
       "dans la nuit de mardi à mercredi", "2020-03-10TNI"},
      {"en", "2018-07-10", "They left after next week", "after next week", "2018-W29", "AFTER"},
      {"fr", "2018-05-10", "je serai de sortie novembre 19-20", "novembre 19-20",
       "2017-11-19/2017-11-20"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
  const NotCase absent[] = {
      {"en", "2018-05-10", "He scored 18 and 19 points.", "18"},
      {"en", "2018-05-10", "In 2016 10 12 people died.", "10 12"},
      {"en", "2018-05-10", "In April of 15 people came.", "15"},
      {"en", "2020-03-10", "It went from Jan. 6 to 8 people.", "8 people"},
  };
  for (const NotCase& c : absent) CheckAbsent(*tagger_, c);
}

TEST_F(TimeTaggerTest, FirstOrLastUnitsOfAPeriod) {
  // Thursday 28 November 2019.
  const Case cases[] = {
      {"en", "2019-11-28", "Rooms are booked for the first 2 weeks of 2021.",
       "the first 2 weeks of 2021", "2021-01-04/2021-01-17"},
      {"en", "2019-11-28", "Repairs fill the last 3 weeks of this year.",
       "the last 3 weeks of this year", "2019-12-09/2019-12-29"},
      {"en", "2019-11-28", "Sales in the last four months of 2021 rose.",
       "the last four months of 2021", "2021-09-01/2021-12-31"},
      {"en", "2019-11-28", "Exports fell in the first six months of the year.",
       "the first six months of the year", "2019-01-01/2019-06-30"},
      {"fr", "2019-11-28", "Les ventes ont baissé les trois premiers mois de 2020.",
       "les trois premiers mois de 2020", "2020-01-01/2020-03-31"},
      {"es", "2019-11-28", "Las ventas cayeron los primeros tres meses de 2020.",
       "los primeros tres meses de 2020", "2020-01-01/2020-03-31"},
  };
  for (const Case& c : cases) Check(*tagger_, c);
}

TEST_F(TimeTaggerTest, OffsetsPointIntoTheText) {
  std::string text = "Publié le 7.1.2022 — « Jeudi soir », dit-il.";
  auto got = tagger_->Tag(text, "fr", PublishedDate{"2022-01-07", DatePrecision::kDay, "", ""});
  ASSERT_FALSE(got.empty());
  for (const TimeExpr& x : got) {
    ASSERT_LE(x.end, text.size());
    EXPECT_EQ(text.substr(x.start, x.end - x.start), x.text);
  }
}

TEST(TimeRuleRegistryTest, PrioritiesIncreaseWithinAFamily) {
  int last[2] = {0, 0};
  for (const time_scan::ScanRule& r : time_scan::Scan::Rules()) {
    int& prev = last[static_cast<int>(r.family)];
    EXPECT_GT(r.priority, prev) << r.name;
    prev = r.priority;
    EXPECT_NE(r.production, nullptr) << r.name;
  }
}

TEST_F(TimeTaggerTest, ExplainNamesTheRuleAndItsWrappers) {
  Options o;
  o.data_dir = std::string(SITREP_SOURCE_DIR) + "/data";
  o.explain_time = true;
  auto t = TimeTagger::Create(o);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  const PublishedDate dct{"2022-01-07", DatePrecision::kDay, "", "input"};
  std::vector<TimeExpr> got =
      (*t)->Tag("Il est arrivé vers 16h30. Le retrait commencera le 23 janvier.", "fr", dct);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].rule, "Hedged>TimeOnly");
  EXPECT_EQ(got[1].text, "23 janvier");
  EXPECT_EQ(got[1].rule, "DateWithTime>DayMonth");  // the date, no time after it
  // A data rule: its language and name (data/lang/fr/time_rules.tsv).
  got = (*t)->Tag("Au XIXe siècle, au 19e siècle.", "fr", dct);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].rule, "fr:century_roman");
  EXPECT_EQ(got[1].rule, "fr:century_nth");
  // Off by default: no rule.
  EXPECT_TRUE(tagger_->Tag("vers 16h30", "fr", dct)[0].rule.empty());
}

TEST_F(TimeTaggerTest, UnknownLanguageYieldsNothing) {
  EXPECT_TRUE(tagger_->Tag("hier", "xx", std::nullopt).empty());
}

}  // namespace
}  // namespace sitrep
