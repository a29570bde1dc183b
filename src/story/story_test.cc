// @brief Story features, the streaming clusterer and story summaries, on
// documents built by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "base/civil_date.h"
#include "base/json.h"
#include "story/story_clusterer.h"
#include "story/story_features.h"
#include "story/story_summary.h"

namespace sitrep {
namespace {

struct Ent {
  std::string id;
  MentionType type;
  std::string country;
};

// A document with a title (its only paragraph), a date, entity mentions and
// claims of the given measures.
Document Doc(const std::string& id, const std::string& lang, const std::string& date,
             const std::string& title, const std::vector<Ent>& ents,
             const std::vector<std::string>& measures = {}) {
  Document d;
  d.id = id;
  d.lang = lang;
  d.source = id + ".txt";
  d.title = title;
  d.text = title;
  d.paragraphs.push_back({0, static_cast<uint32_t>(title.size()), BlockKind::kTitle, lang});
  if (!date.empty()) d.published = PublishedDate{date, DatePrecision::kDay, date, "input"};
  for (const Ent& e : ents) {
    Mention m;
    m.type = e.type;
    m.entity = e.id;
    m.name = e.id;
    d.mentions.push_back(m);
    EntityInfo info;
    info.id = e.id;
    info.name = "name of " + e.id;
    info.country = e.country;
    d.entities.push_back(info);
  }
  for (const std::string& m : measures) {
    Claim c;
    c.measure = m;
    d.claims.push_back(c);
  }
  return d;
}

const std::vector<Ent> kFlood = {{"per:mayor_x", MentionType::kPer, ""},
                                 {"org:relief", MentionType::kOrg, ""},
                                 {"city:dresden", MentionType::kLoc, "DE"},
                                 {"DE", MentionType::kLoc, "DE"}};
const std::vector<Ent> kStrike = {{"per:union_y", MentionType::kPer, ""},
                                  {"org:dockers", MentionType::kOrg, ""},
                                  {"city:valencia", MentionType::kLoc, "ES"}};

StoryAssignment Add(StoryClusterer& c, const Document& d) {
  return c.Add(d.id, DocumentStoryFeatures(d));
}

TEST(StoryFeatures, GroupsAreUnitVectorsAndFailedDocumentsHaveNone) {
  Document d = Doc("a", "en", "2024-09-16", "River Elbe floods old town of Dresden", kFlood,
                   {"killed", "killed", "evacuated", "other"});
  StoryFeatures f = DocumentStoryFeatures(d);
  double norm[kStoryGroups] = {};
  for (const auto& [k, w] : f.items) norm[static_cast<int>(GroupOfFeature(k))] += w * w;
  for (double n : norm) EXPECT_NEAR(n, 1.0, 1e-9);
  EXPECT_TRUE(std::is_sorted(f.items.begin(), f.items.end()));
  auto has = [&](const std::string& k) {
    for (const auto& [key, w] : f.items)
      if (key == k) return true;
    return false;
  };
  EXPECT_TRUE(has("e:per:mayor_x"));
  EXPECT_TRUE(has("p:city:dresden"));
  EXPECT_TRUE(has("c:DE"));
  EXPECT_TRUE(has("m:killed"));
  EXPECT_FALSE(has("m:other"));
  EXPECT_TRUE(has("t:en:dresden"));
  EXPECT_FALSE(has("t:en:of"));  // shorter than kStoryMinTermLength
  EXPECT_EQ(f.day, DaysFromCivil(2024, 9, 16));
  d.Fail(Status::InvalidArgument("broken"));
  EXPECT_TRUE(DocumentStoryFeatures(d).items.empty());
}

TEST(StoryFeatures, DayFromPublicationElseFromTheText) {
  Document d = Doc("a", "en", "", "Title words here", {});
  EXPECT_EQ(DocumentStoryDay(d), kNoStoryDay);
  d.published = PublishedDate{"2022-01", DatePrecision::kMonth, "", "text"};
  EXPECT_EQ(DocumentStoryDay(d), DaysFromCivil(2022, 1, 15));
  d.published.reset();
  for (const char* v : {"2022-01-07", "2022-01-09", "2022-01-07", "2022-01"}) {
    TimeExpr t;
    t.value = v;
    t.anchor = AnchorKind::kAbsolute;
    d.times.push_back(t);
  }
  EXPECT_EQ(DocumentStoryDay(d), DaysFromCivil(2022, 1, 7));
}

TEST(StoryClusterer, EmptyAndOneDocument) {
  StoryClusterer c;
  EXPECT_TRUE(c.state().stories.empty());
  EXPECT_TRUE(SummarizeStories({}).empty());
  Document d = Doc("0123456789abcdef", "en", "2024-09-16", "Flood", kFlood);
  StoryAssignment a = Add(c, d);
  EXPECT_TRUE(a.started);
  EXPECT_EQ(a.story, "s0123456789abcdef");
  // A document with no features at all starts its own story too.
  Document empty;
  empty.id = "fedcba9876543210";
  EXPECT_TRUE(Add(c, empty).started);
  EXPECT_EQ(c.state().stories.size(), 2u);
  EXPECT_EQ(c.state().documents, 2);
}

// The same entities and places in two languages, two days apart: one story.
// Another story the same week, and the same entities a year later: apart.
TEST(StoryClusterer, JoinsAcrossLanguagesAndKeepsOtherStoriesApart) {
  StoryClusterer c;
  StoryAssignment en =
      Add(c, Doc("a1", "en", "2024-09-16", "Elbe floods Dresden", kFlood, {"evacuated"}));
  StoryAssignment st = Add(c, Doc("b1", "es", "2024-09-17", "Huelga en el puerto", kStrike));
  StoryAssignment de =
      Add(c, Doc("a2", "de", "2024-09-18", "Hochwasser in Dresden", kFlood, {"evacuated"}));
  StoryAssignment fr = Add(c, Doc("b2", "fr", "2024-09-18", "Grève au port", kStrike));
  StoryAssignment later = Add(c, Doc("a3", "en", "2025-09-18", "Dresden rebuilds", kFlood));
  EXPECT_EQ(de.story, en.story);
  EXPECT_FALSE(de.started);
  EXPECT_GE(de.similarity, StoryOptions().threshold);
  EXPECT_EQ(fr.story, st.story);
  EXPECT_NE(st.story, en.story);
  EXPECT_TRUE(later.started);
  const StoryCentroid& flood = c.state().stories[0];
  EXPECT_EQ(flood.documents, 2);
  EXPECT_EQ(flood.first_day, DaysFromCivil(2024, 9, 16));
  EXPECT_EQ(flood.last_day, DaysFromCivil(2024, 9, 18));
}

// The similarity halves every half-life outside the story's period.
TEST(StoryClusterer, TimeDecay) {
  StoryClusterer c;
  Document a = Doc("a", "en", "2024-09-16", "Elbe floods Dresden", kFlood);
  Add(c, a);
  Document same = a;
  same.id = "b";
  const double inside = c.Similarity(DocumentStoryFeatures(same), 0);
  same.published->value = "2024-09-30";  // 14 days after: two half-lives
  EXPECT_NEAR(c.Similarity(DocumentStoryFeatures(same), 0), inside / 4, 1e-9);
  same.published.reset();
  EXPECT_NEAR(c.Similarity(DocumentStoryFeatures(same), 0), inside * StoryOptions().undated_decay,
              1e-9);
}

// Assigning a batch against a saved state gives what one run over everything gives.
TEST(StoryClusterer, IncrementalEqualsOneRun) {
  std::vector<Document> docs = {Doc("a1", "en", "2024-09-16", "Elbe floods Dresden", kFlood),
                                Doc("b1", "es", "2024-09-17", "Huelga en el puerto", kStrike),
                                Doc("a2", "de", "2024-09-18", "Hochwasser in Dresden", kFlood),
                                Doc("b2", "fr", "2024-09-18", "Grève au port", kStrike)};
  StoryClusterer all;
  std::vector<std::string> one;
  for (const Document& d : docs) one.push_back(Add(all, d).story);
  StoryClusterer first;
  Add(first, docs[0]);
  Add(first, docs[1]);
  EXPECT_EQ(first.changed_stories().size(), 2u);
  StoryClusterer second(StoryOptions(), first.state());
  EXPECT_EQ(Add(second, docs[2]).story, one[2]);
  EXPECT_EQ(Add(second, docs[3]).story, one[3]);
  EXPECT_EQ(second.changed_stories(), (std::set<size_t>{0, 1}));
}

TEST(StoryOrder, ByDayThenIdUndatedLast) {
  std::vector<int64_t> days = {5, kNoStoryDay, 3, 5, kNoStoryDay};
  std::vector<std::string> ids = {"d", "b", "z", "c", "a"};
  EXPECT_EQ(StoryOrder(days, ids), (std::vector<size_t>{2, 3, 0, 4, 1}));
}

TEST(StorySummary, LabelPeriodLanguagesSources) {
  std::vector<Document> docs = {
      Doc("a1", "en", "2024-09-16", "Elbe floods reach Dresden", kFlood),
      Doc("a2", "de", "2024-09-18", "Elbe floods: Dresden evacuates", kFlood),
      Doc("b1", "es", "2024-09-17", "Huelga en el puerto", kStrike)};
  docs[0].outlet = "Northline";
  docs[0].story = docs[1].story = "sa1";
  docs[2].story = "sb1";
  std::vector<StorySummary> s = SummarizeStories(docs);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].id, "sa1");
  EXPECT_EQ(s[0].first_day, "2024-09-16");
  EXPECT_EQ(s[0].last_day, "2024-09-18");
  EXPECT_EQ(s[0].languages, (std::vector<std::string>{"de", "en"}));
  EXPECT_EQ(s[0].documents, (std::vector<std::string>{"a1", "a2"}));
  EXPECT_EQ(s[0].sources, (std::vector<std::string>{"Northline", "a2.txt"}));
  EXPECT_EQ(s[0].entities.size(), kStoryLabelEntities);
  // Terms shared by both documents only: "elbe", "floods", "dresden".
  EXPECT_EQ(s[0].terms.size(), 3u);
  for (const std::string& t : s[0].terms)
    EXPECT_TRUE(t == "elbe" || t == "floods" || t == "dresden") << t;
  EXPECT_NE(s[0].label.find(" · "), std::string::npos);
  std::string json;
  JsonWriter w(&json);
  w.BeginObject();
  AppendStoriesJson(s, &w);
  w.EndObject();
  EXPECT_NE(json.find("\"period\":{\"start\":\"2024-09-16\",\"end\":\"2024-09-18\"}"),
            std::string::npos)
      << json;
}

}  // namespace
}  // namespace sitrep
