// @brief Tests for the language layer: the registry from data/lang, lang.tsv
// conventions and errors, ICU calendar names and spell-out tables.
#include "lang/language.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/data_file.h"

namespace sitrep {
namespace {

const std::string kData = std::string(SITREP_SOURCE_DIR) + "/data";

TEST(LanguagesTest, TheLanguagesAreTheDirectoriesWithALangTsv) {
  auto langs = Languages::Load(kData);
  ASSERT_TRUE(langs.ok()) << langs.status().ToString();
  for (const std::string& code : (*langs)->codes()) {
    EXPECT_TRUE(std::filesystem::exists(kData + "/lang/" + code + "/lang.tsv")) << code;
  }
  for (const char* code : {"de", "en", "es", "fr", "it", "ru"}) {
    EXPECT_NE((*langs)->Find(code), nullptr) << code;
  }
  EXPECT_EQ((*langs)->Find("und"), nullptr);
  Options o;
  o.data_dir = kData;
  EXPECT_EQ(DataLanguages(o), (*langs)->codes());
  // Loaded once: the same registry again.
  auto again = Languages::Load(kData);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->get(), langs->get());
}

TEST(LanguagesTest, ConventionsComeFromLangTsv) {
  auto langs = Languages::Load(kData);
  ASSERT_TRUE(langs.ok());
  struct Case {
    const char* code;
    const char* name;
    DateOrder order;
    char decimal, group;
  };
  const Case cases[] = {
      {"fr", "French", DateOrder::kDmy, ',', '.'},  {"en", "English", DateOrder::kMdy, '.', ','},
      {"es", "Spanish", DateOrder::kDmy, ',', '.'}, {"de", "German", DateOrder::kDmy, ',', '.'},
      {"ru", "Russian", DateOrder::kDmy, ',', '.'}, {"it", "Italian", DateOrder::kDmy, ',', '.'},
  };
  for (const Case& c : cases) {
    std::shared_ptr<const Language> l = (*langs)->Find(c.code);
    ASSERT_NE(l, nullptr) << c.code;
    EXPECT_EQ(l->code(), c.code);
    EXPECT_EQ(l->name(), c.name);
    EXPECT_EQ(l->date_order(), c.order) << c.code;
    EXPECT_EQ(l->decimal_separator(), c.decimal) << c.code;
    EXPECT_EQ(l->group_separator(), c.group) << c.code;
  }
  EXPECT_EQ((*langs)->Find("fr")->number_glue(), std::vector<std::string>{"et"});
  EXPECT_EQ((*langs)->Find("es")->hunspell(), "es_ES");
  EXPECT_EQ((*langs)->Find("de")->hunspell(), "");
}

TEST(LanguagesTest, CalendarNamesComeFromIcu) {
  auto langs = Languages::Load(kData);
  ASSERT_TRUE(langs.ok());
  auto has = [&](const char* code, const std::string& text, CalendarField field, int number,
                 NameWidth width) {
    for (const CalendarName& n : (*langs)->Find(code)->calendar_names()) {
      if (n.text == text && n.field == field && n.number == number && n.width == width) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("fr", "janvier", CalendarField::kMonth, 1, NameWidth::kWide));
  EXPECT_TRUE(has("fr", "lundi", CalendarField::kWeekday, 1, NameWidth::kWide));
  EXPECT_TRUE(has("en", "Sunday", CalendarField::kWeekday, 7, NameWidth::kWide));
  EXPECT_TRUE(has("en", "Jan", CalendarField::kMonth, 1, NameWidth::kAbbreviated));
  EXPECT_TRUE(has("ru", "января", CalendarField::kMonth, 1, NameWidth::kWide));  // genitive
  EXPECT_TRUE(has("ru", "январь", CalendarField::kMonth, 1, NameWidth::kWide));  // stand-alone
  EXPECT_TRUE(has("de", "Dezember", CalendarField::kMonth, 12, NameWidth::kWide));
}

TEST(LanguagesTest, SpelledNumbersAreFormattedAndParsed) {
  auto langs = Languages::Load(kData);
  ASSERT_TRUE(langs.ok());
  std::shared_ptr<const Language> fr = (*langs)->Find("fr");
  const Spellout& spell = fr->spellout();
  bool found = false;
  for (size_t s = 0; s < spell.size(); ++s) {
    if (spell.name(s) == "%spellout-cardinal-masculine") {
      found = true;
      EXPECT_EQ(spell.Spell(s, 21), "vingt-et-un");
      EXPECT_EQ(spell.Spell(s, 21), "vingt-et-un");  // memoized
      EXPECT_EQ(spell.Spell(s, Spellout::kMaxSpelled + 1), "");
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(spell.Spell(spell.size(), 1), "");  // no such rule set
  size_t used = 0;
  EXPECT_EQ(fr->ParseSpelledNumber("trente soldats", &used), 30);
  EXPECT_EQ(used, 6u);
  EXPECT_LT(fr->ParseSpelledNumber("janvier", &used), 0);
}

TEST(LanguagesTest, BadLangTsvLineNamesFileAndLine) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"date_order\tdmy\nfoo\tbar\n", ":2: unknown key \"foo\""},
      {"# c\ndate_order\tdym\n", ":2: date_order must be dmy, mdy or ymd"},
      {"decimal_separator\t;\n", ":1: decimal_separator must be"},
      {"number_glue\tet puis\n", ":1: number_glue must be one word"},
      {"hunspell\t../fr\n", ":1: hunspell must be a dictionary name"},
      {"date_order\n", ":1: expected"},
      {"date_order\tdmy\nname\tX\ndate_order\tmdy\n", ":3: key \"date_order\" given twice"},
  };
  int n = 0;
  for (const Case& c : cases) {
    auto dir = std::filesystem::temp_directory_path() / ("sitrep_lang_bad" + std::to_string(n++));
    std::filesystem::create_directories(dir / "lang" / "xx");
    std::ofstream(dir / "lang" / "xx" / "lang.tsv") << c.text;
    auto langs = Languages::Load(dir.string());
    ASSERT_FALSE(langs.ok()) << c.text;
    EXPECT_NE(
        langs.status().message().find((dir / "lang" / "xx" / "lang.tsv").string() + c.message),
        std::string::npos)
        << langs.status().message();
    std::filesystem::remove_all(dir);
  }
}

TEST(LanguagesTest, ADirectoryWithoutLangTsvIsNoLanguageButCanBeLoaded) {
  auto dir = std::filesystem::temp_directory_path() / "sitrep_lang_nolangtsv";
  std::filesystem::create_directories(dir / "lang" / "fr");
  auto langs = Languages::Load(dir.string());
  ASSERT_TRUE(langs.ok());
  EXPECT_TRUE((*langs)->codes().empty());
  auto fr = FindOrLoadLanguage(dir.string(), "fr");
  ASSERT_TRUE(fr.ok());
  EXPECT_EQ((*fr)->name(), "French");  // ICU's display name
  EXPECT_EQ((*fr)->date_order(), DateOrder::kDmy);
  EXPECT_FALSE((*fr)->calendar_names().empty());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sitrep
