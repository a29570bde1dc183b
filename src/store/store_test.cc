// @brief Tests of Store: round trip, idempotence, failures, schema checks, FTS5, kill -9.
#include "store/store.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "store/sqlite_util.h"
#include "store/synthetic_docs.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::path(::testing::TempDir()) / "store_test_XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  std::unique_ptr<Store> OpenOk(const std::string& path) {
    auto store = Store::Open(path);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(*store) : nullptr;
  }

  fs::path dir_;
};

// Runs one SQL query on a raw connection and returns the first column of the
// first row as text ("" when there is no row).
std::string QueryText(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
  sqlite3_stmt* st = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    out = std::string("prepare error: ") + sqlite3_errmsg(db);
  } else {
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
      const unsigned char* t = sqlite3_column_text(st, 0);
      out = t ? reinterpret_cast<const char*>(t) : "";
    } else if (rc != SQLITE_DONE) {
      out = std::string("step error: ") + sqlite3_errmsg(db);
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

void ExecRaw(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(db);
}

Document FullDocument() {
  Document doc;
  doc.text = "Troops in Almaty\n\nLa sécurité est renforcée. Officials said 2,000 troops.";
  doc.id = "0123456789abcdef";
  doc.source = "https://example.org/a.html";
  doc.url = "https://example.org/a.html?utm=1";
  doc.outlet = "Example News";
  doc.format = "html";
  doc.encoding = "windows-1251";
  doc.title = "Troops in Almaty";
  doc.lang = "en";
  doc.published =
      PublishedDate{"2022-01-07T14:32", DatePrecision::kMinute, "Publié le 7.1.2022", "html_meta"};
  doc.paragraphs = {{0, 16, BlockKind::kTitle, "en", false},
                    {18, 45, BlockKind::kQuote, "fr", true},
                    {46, 75, BlockKind::kListItem, "en", false}};
  doc.sentences = {{0, 16}, {18, 45}, {46, 75}};
  doc.removed = {{"Share on X", "share", "en", 1234}, {"© Example", "copyright", "", -1}};
  doc.source_map = {{0, 16, 10}, {18, 57, 40}};
  doc.warnings = {"date from html_meta", "paragraph 2 language uncertain"};
  doc.input_bytes = 5'000'000'000ULL;
  return doc;
}

void ExpectSameDocument(const Document& a, const Document& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(a.outlet, b.outlet);
  EXPECT_EQ(a.format, b.format);
  EXPECT_EQ(a.encoding, b.encoding);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.lang, b.lang);
  ASSERT_EQ(a.published.has_value(), b.published.has_value());
  if (a.published) {
    EXPECT_EQ(a.published->value, b.published->value);
    EXPECT_EQ(a.published->precision, b.published->precision);
    EXPECT_EQ(a.published->text, b.published->text);
    EXPECT_EQ(a.published->origin, b.published->origin);
  }
  EXPECT_EQ(a.text, b.text);
  ASSERT_EQ(a.paragraphs.size(), b.paragraphs.size());
  for (size_t i = 0; i < a.paragraphs.size(); ++i) {
    EXPECT_EQ(a.paragraphs[i].start, b.paragraphs[i].start) << i;
    EXPECT_EQ(a.paragraphs[i].end, b.paragraphs[i].end) << i;
    EXPECT_EQ(a.paragraphs[i].kind, b.paragraphs[i].kind) << i;
    EXPECT_EQ(a.paragraphs[i].lang, b.paragraphs[i].lang) << i;
    EXPECT_EQ(a.paragraphs[i].foreign, b.paragraphs[i].foreign) << i;
  }
  ASSERT_EQ(a.sentences.size(), b.sentences.size());
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    EXPECT_EQ(a.sentences[i].start, b.sentences[i].start) << i;
    EXPECT_EQ(a.sentences[i].end, b.sentences[i].end) << i;
  }
  ASSERT_EQ(a.removed.size(), b.removed.size());
  for (size_t i = 0; i < a.removed.size(); ++i) {
    EXPECT_EQ(a.removed[i].text, b.removed[i].text) << i;
    EXPECT_EQ(a.removed[i].reason, b.removed[i].reason) << i;
    EXPECT_EQ(a.removed[i].lang, b.removed[i].lang) << i;
    EXPECT_EQ(a.removed[i].source_offset, b.removed[i].source_offset) << i;
  }
  ASSERT_EQ(a.source_map.size(), b.source_map.size());
  for (size_t i = 0; i < a.source_map.size(); ++i) {
    EXPECT_EQ(a.source_map[i].text_offset, b.source_map[i].text_offset) << i;
    EXPECT_EQ(a.source_map[i].length, b.source_map[i].length) << i;
    EXPECT_EQ(a.source_map[i].source_cp, b.source_map[i].source_cp) << i;
  }
  EXPECT_EQ(a.warnings, b.warnings);
  EXPECT_EQ(a.errors.size(), b.errors.size());
  EXPECT_EQ(a.input_bytes, b.input_bytes);
}

Document FailedDocument(const std::string& source, const std::string& message) {
  Document doc;
  doc.source = source;
  doc.Fail(Status(Code::kBadEncoding, message));
  return doc;
}

TEST_F(StoreTest, RoundTripKeepsEveryField) {
  const Document doc = FullDocument();
  {
    auto store = OpenOk(Path("a.db"));
    ASSERT_TRUE(store);
    auto r = store->AddBatch({doc});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->inserted, 1u);
  }
  auto store = OpenOk(Path("a.db"));  // reopened: read from the file, not a cache
  ASSERT_TRUE(store);
  auto all = store->AllDocuments();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 1u);
  ExpectSameDocument((*all)[0], doc);
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->schema_version, Store::kSchemaVersion);
  EXPECT_EQ(stats->documents, 1u);
  EXPECT_EQ(stats->sentences, 3u);
  EXPECT_EQ(stats->failures, 0u);
}

TEST_F(StoreTest, RoundTripWithoutPublishedDate) {
  Document doc = SyntheticDocument(0, 0);
  doc.published.reset();
  auto store = OpenOk(Path("a.db"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->AddBatch({doc}).ok());
  auto all = store->AllDocuments();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  ExpectSameDocument((*all)[0], doc);
}

TEST_F(StoreTest, AllDocumentsOrderedByPublishedThenSource) {
  Document a = SyntheticDocument(0, 1), b = SyntheticDocument(0, 2), c = SyntheticDocument(0, 3);
  a.published->value = "2022-02";
  b.published->value = "2022-01-15";
  c.published.reset();
  Document d = SyntheticDocument(0, 4);
  d.published->value = "2022-01-15";
  d.source = "a-first";
  auto store = OpenOk(Path("a.db"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->AddBatch({a, b, c, d}).ok());
  auto all = store->AllDocuments();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 4u);
  EXPECT_EQ((*all)[0].id, d.id);
  EXPECT_EQ((*all)[1].id, b.id);
  EXPECT_EQ((*all)[2].id, a.id);
  EXPECT_EQ((*all)[3].id, c.id);  // undated last
}

TEST_F(StoreTest, SameBatchTwiceInsertsNothingTheSecondTime) {
  std::vector<Document> batch = {SyntheticDocument(0, 0), SyntheticDocument(0, 1),
                                 SyntheticDocument(0, 2)};
  auto store = OpenOk(Path("a.db"));
  ASSERT_TRUE(store);
  auto first = store->AddBatch(batch);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->inserted, 3u);
  EXPECT_EQ(first->duplicates, 0u);
  auto second = store->AddBatch(batch);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->inserted, 0u);
  EXPECT_EQ(second->duplicates, 3u);
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 3u);
  // Parts were not written twice either.
  size_t sentences = 0;
  for (const Document& d : batch) sentences += d.sentences.size();
  EXPECT_EQ(stats->sentences, sentences);
  auto hits = store->Search("synthetic", 10);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->size(), 3u);
}

TEST_F(StoreTest, SameDocumentTwiceInOneBatchCountsOnce) {
  const Document doc = SyntheticDocument(0, 0);
  Document copy = doc;
  copy.source = "elsewhere/same-text.txt";  // same text, same id
  auto store = OpenOk(Path("a.db"));
  ASSERT_TRUE(store);
  auto r = store->AddBatch({doc, copy});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->inserted, 1u);
  EXPECT_EQ(r->duplicates, 1u);
  auto all = store->AllDocuments();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].source, doc.source);  // the first one wins
}

TEST_F(StoreTest, FailuresAreRecordedUpdatedAndCleared) {
  auto store = OpenOk(Path("a.db"));
  ASSERT_TRUE(store);
  Document ok = SyntheticDocument(0, 0);
  auto r = store->AddBatch(
      {FailedDocument(ok.source, "invalid UTF-8 at byte 12"), FailedDocument("z.txt", "first")});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->failures, 2u);
  EXPECT_EQ(r->inserted, 0u);

  // Same source fails again: one row, latest message.
  ASSERT_TRUE(store->AddBatch({FailedDocument("z.txt", "second")}).ok());
  auto failures = store->Failures();
  ASSERT_TRUE(failures.ok());
  ASSERT_EQ(failures->size(), 2u);
  EXPECT_EQ((*failures)[0].source, ok.source);
  EXPECT_EQ((*failures)[0].code, "bad_encoding");
  EXPECT_EQ((*failures)[0].message, "invalid UTF-8 at byte 12");
  EXPECT_EQ((*failures)[1].source, "z.txt");
  EXPECT_EQ((*failures)[1].message, "second");

  // A later success for the source clears its failure.
  r = store->AddBatch({ok});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->inserted, 1u);
  failures = store->Failures();
  ASSERT_TRUE(failures.ok());
  ASSERT_EQ(failures->size(), 1u);
  EXPECT_EQ((*failures)[0].source, "z.txt");
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->failures, 1u);
}

TEST_F(StoreTest, DocumentWithOffsetsOutsideItsTextIsRecordedAsFailure) {
  Document bad = SyntheticDocument(0, 0);
  bad.sentences.push_back({0, static_cast<uint32_t>(bad.text.size() + 1)});
  auto store = OpenOk(Path("a.db"));
  ASSERT_TRUE(store);
  auto r = store->AddBatch({bad, SyntheticDocument(0, 1)});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->inserted, 1u);
  EXPECT_EQ(r->failures, 1u);
  auto failures = store->Failures();
  ASSERT_TRUE(failures.ok());
  ASSERT_EQ(failures->size(), 1u);
  EXPECT_EQ((*failures)[0].code, "invalid_argument");
  EXPECT_NE((*failures)[0].message.find("sentence offsets"), std::string::npos);
}

TEST_F(StoreTest, EmptyFileIsMigratedToTheCurrentSchema) {
  const std::string path = Path("empty.db");
  std::ofstream(path).close();  // zero bytes: an empty SQLite database
  {
    auto store = OpenOk(path);
    ASSERT_TRUE(store);
    auto stats = store->Stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->schema_version, Store::kSchemaVersion);
    EXPECT_EQ(stats->documents, 0u);
  }
  const std::string version = std::to_string(Store::kSchemaVersion);
  EXPECT_EQ(QueryText(path, "PRAGMA user_version"), version);
  EXPECT_EQ(QueryText(path, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(QueryText(path, "SELECT value FROM meta WHERE key = 'schema_version'"), version);
  EXPECT_EQ(QueryText(path, "SELECT value FROM meta WHERE key = 'application'"), "sitrep");
  EXPECT_EQ(QueryText(path, "PRAGMA application_id"), "1397314642");
  // Opening again is a no-op.
  auto again = OpenOk(path);
  EXPECT_TRUE(again);
}

TEST_F(StoreTest, MissingFileIsCreated) {
  auto store = OpenOk(Path("new.db"));
  EXPECT_TRUE(store);
  EXPECT_TRUE(fs::exists(Path("new.db")));
}

TEST_F(StoreTest, MissingDirectoryIsIoError) {
  auto store = Store::Open(Path("no/such/dir/a.db"));
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Code::kIoError) << store.status().ToString();
}

TEST_F(StoreTest, RefusesTextFile) {
  const std::string path = Path("notes.txt");
  const std::string content(4096, 'x');
  std::ofstream(path) << content;
  auto store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Code::kCorruption);
  EXPECT_NE(store.status().message().find("not a sitrep store"), std::string::npos)
      << store.status().message();
  EXPECT_EQ(fs::file_size(path), content.size());  // left untouched
}

TEST_F(StoreTest, RefusesUnrelatedSqliteDatabase) {
  const std::string path = Path("other.db");
  ExecRaw(path, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
  auto store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Code::kCorruption);
  EXPECT_NE(store.status().message().find("not a sitrep store"), std::string::npos)
      << store.status().message();
  EXPECT_EQ(QueryText(path, "PRAGMA journal_mode"), "delete");  // not switched to WAL
}

TEST_F(StoreTest, RefusesNewerSchema) {
  const std::string path = Path("future.db");
  ASSERT_TRUE(OpenOk(path));
  const int newer = Store::kSchemaVersion + 1;
  ExecRaw(path, "PRAGMA user_version = " + std::to_string(newer));
  auto store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Code::kCorruption);
  EXPECT_NE(store.status().message().find("schema version " + std::to_string(newer) +
                                          " is newer than this sitrep (" +
                                          std::to_string(Store::kSchemaVersion) + ")"),
            std::string::npos)
      << store.status().message();
}

// A claim with every field set, on FullDocument's text.
Claim SampleClaim(const Document& doc) {
  Claim c;
  c.start = 0;
  c.end = static_cast<uint32_t>(std::min<size_t>(doc.text.size(), 12));
  c.number_start = 1, c.number_end = 3;
  c.interval = true;
  c.value = 0, c.min = 2000, c.max = 3000.5;
  c.number_kind = NumberKind::kVague;
  c.hedge = HedgeType::kApproximate;
  c.hedge_span = {0, 1};
  c.measure = "troops";
  c.unit = "soldats";
  c.subject = {2, 4};
  c.place = {4, 6};
  c.time = "2022-01-06";
  c.attribution = {6, 10};
  c.source = {7, 9};
  c.reported = true;
  c.sentence = 0;
  return c;
}

void ExpectSameClaims(const std::vector<Claim>& a, const std::vector<Claim>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].start, b[i].start);
    EXPECT_EQ(a[i].end, b[i].end);
    EXPECT_EQ(a[i].interval, b[i].interval);
    EXPECT_EQ(a[i].min, b[i].min);
    EXPECT_EQ(a[i].max, b[i].max);
    EXPECT_EQ(a[i].number_kind, b[i].number_kind);
    EXPECT_EQ(a[i].hedge, b[i].hedge);
    EXPECT_EQ(a[i].measure, b[i].measure);
    EXPECT_EQ(a[i].unit, b[i].unit);
    EXPECT_EQ(a[i].subject.end, b[i].subject.end);
    EXPECT_EQ(a[i].place.start, b[i].place.start);
    EXPECT_EQ(a[i].time, b[i].time);
    EXPECT_EQ(a[i].attribution.end, b[i].attribution.end);
    EXPECT_EQ(a[i].source.start, b[i].source.start);
    EXPECT_EQ(a[i].reported, b[i].reported);
    EXPECT_EQ(a[i].sentence, b[i].sentence);
  }
}

TEST_F(StoreTest, ClaimsRoundTrip) {
  const std::string path = Path("claims.db");
  Document doc = FullDocument();
  doc.claims = {SampleClaim(doc)};
  TimeExpr t;
  t.start = 0;
  t.end = 4;
  t.type = TimeType::kDuration;
  t.value = "P10D";
  t.mod = "APPROX";
  t.range_begin = "2022-01-06";
  t.range_end = "2022-01-10";
  t.anchor = AnchorKind::kDct;
  t.unresolved = true;
  doc.times = {t};
  Mention m;
  m.start = 0;
  m.end = 4;
  m.type = MentionType::kPer;
  m.entity = "per:kassym_jomart_tokayev";
  m.name = "Қасым-Жомарт Тоқаев";
  m.role = "head_of_state";
  m.role_text = "président kazakh";
  m.roles = {{"head_of_state", 0, 3, "KZ", "2022-01-07"}};
  m.metonymy = true;
  doc.mentions = {m};
  EntityInfo info;
  info.id = m.entity;
  info.name = "Kassym-Jomart Tokayev";
  info.type = "PER";
  info.kind = "person";
  info.country = "KZ";
  EntityInfo place;
  place.id = "gn:1526384";
  place.has_coords = true;
  place.lat = 43.25;
  place.lon = 76.95;
  doc.entities = {info, place};
  {
    auto store = OpenOk(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->AddBatch({doc}).ok());
  }
  auto store = OpenOk(path);
  auto all = store->AllDocuments();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ExpectSameClaims((*all)[0].claims, doc.claims);
  ASSERT_EQ((*all)[0].times.size(), 1u);
  const TimeExpr& back = (*all)[0].times[0];
  EXPECT_EQ(back.text, doc.text.substr(0, 4));
  EXPECT_EQ(back.type, TimeType::kDuration);
  EXPECT_EQ(back.value, "P10D");
  EXPECT_EQ(back.mod, "APPROX");
  EXPECT_EQ(back.range_end, "2022-01-10");
  EXPECT_EQ(back.anchor, AnchorKind::kDct);
  EXPECT_TRUE(back.unresolved);
  ASSERT_EQ((*all)[0].mentions.size(), 1u);
  const Mention& mb = (*all)[0].mentions[0];
  EXPECT_EQ(mb.entity, m.entity);
  EXPECT_EQ(mb.name, m.name);
  EXPECT_EQ(mb.role_text, m.role_text);
  ASSERT_EQ(mb.roles.size(), 1u);
  EXPECT_EQ(mb.roles[0].of, "KZ");
  EXPECT_EQ(mb.roles[0].date, "2022-01-07");
  EXPECT_TRUE(mb.metonymy);
  ASSERT_EQ((*all)[0].entities.size(), 1u);  // only entities a mention refers to
  EXPECT_EQ((*all)[0].entities[0].name, "Kassym-Jomart Tokayev");
  EXPECT_FALSE((*all)[0].entities[0].has_coords);
  // Claims that point outside the text are refused like other bad offsets.
  Document bad = FullDocument();
  bad.id = "0000000000000bad";
  bad.source = "bad";
  Claim c = SampleClaim(bad);
  c.end = static_cast<uint32_t>(bad.text.size() + 5);
  bad.claims = {c};
  auto r = store->AddBatch({bad});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->failures, 1u);
}

// Stories (schema version 3): the clusterer's state saved and loaded back,
// each document's story, documents without one, and a rebuild.
TEST_F(StoreTest, StoriesAreKeptIncrementally) {
  const std::string path = Path("stories.db");
  auto store = OpenOk(path);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->AddBatch({SyntheticDocument(0, 0), SyntheticDocument(0, 1)}).ok());
  auto state = store->LoadStoryState();
  ASSERT_TRUE(state.ok()) << state.status().ToString();
  EXPECT_TRUE(state->stories.empty());
  EXPECT_EQ(state->documents, 0);
  auto fresh = store->DocumentsWithoutStory();
  ASSERT_TRUE(fresh.ok());
  ASSERT_EQ(fresh->size(), 2u);
  StoryClusterer first(StoryOptions(), *state);
  std::vector<Store::StoryOfDocument> assigned;
  for (const Document& d : *fresh) {
    StoryFeatures f;
    f.items = {{"e:same", 1.0}};
    f.day = 100;
    assigned.push_back({d.id, first.Add(d.id, f)});
  }
  ASSERT_TRUE(store->SaveStories(first, assigned, /*replace=*/false).ok());
  auto docs = store->AllDocuments();
  ASSERT_TRUE(docs.ok());
  for (const Document& d : *docs) EXPECT_EQ(d.story, assigned[0].assignment.story);
  EXPECT_TRUE(store->DocumentsWithoutStory()->empty());
  auto saved = store->LoadStoryState();
  ASSERT_TRUE(saved.ok());
  ASSERT_EQ(saved->stories.size(), 1u);
  EXPECT_EQ(saved->documents, 2);
  EXPECT_EQ(saved->df.at("e:same"), 2);
  EXPECT_EQ(saved->stories[0].weights.at("e:same"), 2.0);
  EXPECT_EQ(saved->stories[0].first_day, 100);
  EXPECT_EQ(saved->stories[0].documents, 2);
  // A later batch: only its document has no story; it joins the saved one.
  ASSERT_TRUE(store->AddBatch({SyntheticDocument(1, 0)}).ok());
  auto later = store->DocumentsWithoutStory();
  ASSERT_TRUE(later.ok());
  ASSERT_EQ(later->size(), 1u);
  StoryClusterer second(StoryOptions(), *saved);
  StoryFeatures f;
  f.items = {{"e:same", 1.0}};
  f.day = 101;
  std::vector<Store::StoryOfDocument> more = {{(*later)[0].id, second.Add((*later)[0].id, f)}};
  EXPECT_FALSE(more[0].assignment.started);
  ASSERT_TRUE(store->SaveStories(second, more, false).ok());
  EXPECT_EQ(QueryText(path, "SELECT documents || ' ' || last_day FROM stories"), "3 1970-04-12");
  EXPECT_EQ(QueryText(path, "SELECT value FROM meta WHERE key = 'story_documents'"), "3");
  // A rebuild replaces everything.
  StoryClusterer rebuilt;
  std::vector<Store::StoryOfDocument> all;
  auto stored = store->AllDocuments();
  ASSERT_TRUE(stored.ok());
  for (const Document& d : *stored) {
    StoryFeatures g;
    g.items = {{"e:" + d.id, 1.0}};
    all.push_back({d.id, rebuilt.Add(d.id, g)});
  }
  Status st = store->SaveStories(rebuilt, all, /*replace=*/true);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(QueryText(path, "SELECT count(*) FROM stories"), "3");
  EXPECT_EQ(QueryText(path, "SELECT count(DISTINCT story) FROM document_stories"), "3");
}

// A store of schema version 4 (before stories) gets the story tables; its documents have no story yet.
TEST_F(StoreTest, VersionFourStoreGetsStoryTables) {
  const std::string path = Path("v4.db");
  {
    auto store = OpenOk(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->AddBatch({SyntheticDocument(0, 0)}).ok());
  }
  ExecRaw(path,
          "DROP TABLE document_stories; DROP TABLE story_centroids; DROP TABLE stories; "
          "DROP TABLE story_df; DELETE FROM meta WHERE key = 'story_documents'; "
          "PRAGMA user_version = 4; UPDATE meta SET value = '4' WHERE key = 'schema_version'");
  EXPECT_FALSE(Store::Open(path, StoreMode::kRead).ok());  // readers ask for an ingest
  auto store = OpenOk(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(QueryText(path, "PRAGMA user_version"), std::to_string(Store::kSchemaVersion));
  auto fresh = store->DocumentsWithoutStory();
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->size(), 1u);
  auto state = store->LoadStoryState();
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->documents, 0);
}

TEST_F(StoreTest, VersionOneStoreIsMigratedAndReannotated) {
  const std::string path = Path("v1.db");
  // A store as sitrep wrote it at schema version 1, holding one document.
  Document doc = FullDocument();
  {
    auto store = OpenOk(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->AddBatch({doc}).ok());
  }
  ExecRaw(path,
          "DROP TABLE quotes; DROP TABLE quotes_fts; "
          "DROP TABLE claims; DROP TABLE times; DROP TABLE mentions; DROP TABLE entities; "
          "DROP TABLE signatures; DROP TABLE doc_links; "
          "DROP TABLE document_stories; DROP TABLE story_centroids; DROP TABLE stories; "
          "DROP TABLE story_df; DELETE FROM meta WHERE key = 'story_documents'; "
          "ALTER TABLE documents DROP COLUMN analysis_version; "
          "PRAGMA user_version = 1; UPDATE meta SET value = '1' WHERE key = 'schema_version'");
  doc.claims = {SampleClaim(doc)};
  auto store = OpenOk(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(QueryText(path, "PRAGMA user_version"), std::to_string(Store::kSchemaVersion));
  EXPECT_EQ(QueryText(path, "SELECT analysis_version FROM documents"), "1");
  auto r = store->AddBatch({doc});  // the same text again: a duplicate, but re-annotated
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->duplicates, 1u);
  EXPECT_EQ(QueryText(path, "SELECT count(*) FROM claims"), "1");
  EXPECT_EQ(r->reannotated, 1u);
  EXPECT_EQ(QueryText(path, "SELECT analysis_version FROM documents"),
            std::to_string(Store::AnalysisLevel(doc)));
  auto again = store->AddBatch({doc});  // now current: nothing rewritten
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->reannotated, 0u);
  EXPECT_EQ(QueryText(path, "SELECT count(*) FROM claims"), "1");
  // Stored without entities (no knowledge base), then with them: filled in.
  doc.entities_recognised = true;
  Mention m;
  m.start = 0, m.end = 3, m.entity = "KZ", m.name = "Kazakhstan";
  doc.mentions = {m};
  auto with_kb = store->AddBatch({doc});
  ASSERT_TRUE(with_kb.ok());
  EXPECT_EQ(with_kb->reannotated, 1u);
  EXPECT_EQ(QueryText(path, "SELECT count(*) FROM mentions"), "1");
}

// A store of schema 2 (before quotes) is migrated; its documents get their
// quotes at the next ingest; quotes come back with their document and are
// searchable by their words and their speaker.
TEST_F(StoreTest, VersionTwoStoreGetsQuotesAndTheyAreSearchable) {
  const std::string path = Path("v2.db");
  Document doc = FullDocument();
  {
    auto store = OpenOk(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->AddBatch({doc}).ok());
  }
  ExecRaw(path,
          "DROP TABLE quotes; DROP TABLE quotes_fts; DROP TABLE signatures; DROP TABLE doc_links; "
          "DROP TABLE document_stories; DROP TABLE story_centroids; DROP TABLE stories; "
          "DROP TABLE story_df; DELETE FROM meta WHERE key = 'story_documents'; "
          "UPDATE documents SET analysis_version = 20; "
          "PRAGMA user_version = 2; UPDATE meta SET value = '2' WHERE key = 'schema_version'");
  // "Officials said 2,000 troops." -> the indirect "2,000 troops", said by "Officials".
  Quote q;
  q.start = q.open = 63;
  q.end = q.close = 75;
  q.kind = QuoteKind::kIndirect;
  q.speaker = {48, 57};
  q.speaker_entity = "new:org:officials";
  q.attribution = {48, 62};
  q.cue = "said";
  q.resolution = SpeakerResolution::kExplicit;
  doc.quotes = {q};
  auto store = OpenOk(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(QueryText(path, "PRAGMA user_version"), std::to_string(Store::kSchemaVersion));
  auto r = store->AddBatch({doc});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->reannotated, 1u);
  EXPECT_EQ(QueryText(path, "SELECT count(*) FROM quotes"), "1");
  auto docs = store->AllDocuments();
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 1u);
  ASSERT_EQ((*docs)[0].quotes.size(), 1u);
  const Quote& back = (*docs)[0].quotes[0];
  EXPECT_EQ(back.start, 63u);
  EXPECT_EQ(back.end, 75u);
  EXPECT_EQ(back.kind, QuoteKind::kIndirect);
  EXPECT_EQ(back.speaker.start, 48u);
  EXPECT_EQ(back.speaker_entity, "new:org:officials");
  EXPECT_EQ(back.cue, "said");
  EXPECT_EQ(back.resolution, SpeakerResolution::kExplicit);
  auto hits = store->SearchQuotes("troops", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].snippet, "2,000 [troops]");
  EXPECT_EQ((*hits)[0].speaker_entity, "new:org:officials");
  auto by_speaker = store->SearchQuotes("speaker:officials", 10);
  ASSERT_TRUE(by_speaker.ok());
  EXPECT_EQ(by_speaker->size(), 1u);
  EXPECT_FALSE(store->SearchQuotes("\"unclosed", 10).ok());
  // Re-annotated again (a newer analysis): the old quotes and their index rows go.
  ExecRaw(path, "UPDATE documents SET analysis_version = 20");
  auto again = store->AddBatch({doc});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(QueryText(path, "SELECT count(*) FROM quotes"), "1");
  EXPECT_EQ(QueryText(path, "SELECT count(*) FROM quotes_fts"), "1");
}

// Near-duplicates: signatures and links are stored with the document, read
// back in ingest order, and the links come back with AllDocuments.
TEST_F(StoreTest, SignaturesAndLinksRoundTrip) {
  const std::string path = Path("links.db");
  auto store = OpenOk(path);
  ASSERT_TRUE(store);
  Document first = SyntheticDocument(0, 0), copy = SyntheticDocument(0, 1),
           unsigned_doc = SyntheticDocument(0, 2);
  first.signature.scheme = 7;
  first.signature.shingles = 40;
  first.signature.minhash = {1, 0xFFFFFFFFu, 0x01020304u};
  copy.signature = first.signature;
  copy.duplicate_of = DocLink{first.id, 0.875, 0.96};
  copy.shares_with = {DocLink{"0123456789abcdef", 0.25, 0.5}};
  auto r = store->AddBatch({first, copy, unsigned_doc});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto sigs = store->Signatures(7);
  ASSERT_TRUE(sigs.ok()) << sigs.status().ToString();
  ASSERT_EQ(sigs->size(), 3u);
  EXPECT_EQ((*sigs)[0].id, first.id);
  EXPECT_EQ((*sigs)[0].signature.minhash, first.signature.minhash);
  EXPECT_EQ((*sigs)[0].signature.shingles, 40u);
  EXPECT_TRUE((*sigs)[0].text.empty());  // current scheme: the text is not needed
  EXPECT_EQ((*sigs)[1].duplicate_of, first.id);
  EXPECT_EQ((*sigs)[2].signature.scheme, 0);  // none made: the text comes with it
  EXPECT_EQ((*sigs)[2].text, unsigned_doc.text);
  auto other_scheme = store->Signatures(8);
  ASSERT_TRUE(other_scheme.ok());
  EXPECT_EQ((*other_scheme)[0].text, first.text);
  auto docs = store->AllDocuments();
  ASSERT_TRUE(docs.ok());
  bool seen = false;
  for (const Document& d : *docs) {
    if (d.id != copy.id) continue;
    seen = true;
    ASSERT_TRUE(d.duplicate_of);
    EXPECT_EQ(d.duplicate_of->document, first.id);
    EXPECT_DOUBLE_EQ(d.duplicate_of->similarity, 0.875);
    ASSERT_EQ(d.shares_with.size(), 1u);
    EXPECT_DOUBLE_EQ(d.shares_with[0].containment, 0.5);
  }
  EXPECT_TRUE(seen);
  // Links made later for a stored document replace its own.
  Document relinked;
  relinked.id = unsigned_doc.id;
  relinked.signature = first.signature;
  relinked.duplicate_of = DocLink{first.id, 0.5, 1.0};
  ASSERT_TRUE(store->UpdateLinks({relinked}).ok());
  EXPECT_EQ(
      QueryText(path, "SELECT count(*) FROM doc_links WHERE doc_id = '" + unsigned_doc.id + "'"),
      "1");
  EXPECT_EQ(QueryText(path, "SELECT count(*) FROM signatures"), "3");
}

TEST_F(StoreTest, VersionThreeStoreIsMigratedWithoutSignatures) {
  const std::string path = Path("v3.db");
  Document doc = FullDocument();
  {
    auto store = OpenOk(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->AddBatch({doc}).ok());
  }
  ExecRaw(path,
          "DROP TABLE signatures; DROP TABLE doc_links; "
          "DROP TABLE document_stories; DROP TABLE story_centroids; DROP TABLE stories; "
          "DROP TABLE story_df; DELETE FROM meta WHERE key = 'story_documents'; "
          "PRAGMA user_version = 3; UPDATE meta SET value = '3' WHERE key = 'schema_version'");
  auto store = OpenOk(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(QueryText(path, "PRAGMA user_version"), std::to_string(Store::kSchemaVersion));
  auto sigs = store->Signatures(1);
  ASSERT_TRUE(sigs.ok()) << sigs.status().ToString();
  ASSERT_EQ(sigs->size(), 1u);
  EXPECT_EQ((*sigs)[0].signature.scheme, 0);  // to be made at the next ingest
  EXPECT_EQ((*sigs)[0].text, doc.text);
}

TEST(DescribeSql, NamesTheOperationNotTheStatement) {
  const struct {
    const char* sql;
    const char* expected;
  } cases[] = {
      {"INSERT INTO paragraphs (doc_id, idx) VALUES (?1, ?2)", "INSERT into paragraphs"},
      {"  insert into \"sentences\" (a) values (1)", "INSERT into sentences"},
      {"SELECT start, \"end\" FROM sentences WHERE doc_id = ?1 ORDER BY idx",
       "SELECT from sentences"},
      {"WITH hits AS (SELECT rowid FROM documents_fts WHERE x MATCH ?1) SELECT * FROM hits",
       "SELECT from documents_fts"},
      {"DELETE FROM claims WHERE doc_id = ?1", "DELETE from claims"},
      {"UPDATE documents SET analysis_version = ?2 WHERE id = ?1", "UPDATE documents"},
      {"PRAGMA journal_mode = WAL", "PRAGMA journal_mode"},
      {"BEGIN IMMEDIATE", "BEGIN IMMEDIATE"},
      {"COMMIT", "COMMIT"},
      {"CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(text)",
       "CREATE TABLE documents_fts"},
      {"CREATE TABLE meta (key TEXT PRIMARY KEY); CREATE TABLE documents (id TEXT)",
       "CREATE TABLE meta"},
      {"", "SQL"},
  };
  for (const auto& c : cases) EXPECT_EQ(DescribeSql(c.sql), c.expected) << c.sql;
}

// An SQLite error names the operation and SQLite's reason, never the whole statement.
TEST_F(StoreTest, ErrorsDoNotQuoteSql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(Path("e.db").c_str(), &db), SQLITE_OK);
  ASSERT_TRUE(Exec(db, "CREATE TABLE t (n INTEGER NOT NULL CHECK (n > 0))").ok());
  {
    Result<Statement> insert = Statement::Prepare(db, "INSERT INTO t (n) VALUES (?1)");
    ASSERT_TRUE(insert.ok());
    Status st = insert->Bind(1, int64_t{-1}).Run();
    EXPECT_FALSE(st.ok());
    EXPECT_EQ(st.message().find("VALUES"), std::string::npos) << st.message();
    EXPECT_NE(st.message().find("INSERT into t: CHECK constraint failed"), std::string::npos)
        << st.message();
    Result<Statement> bad = Statement::Prepare(db, "SELECT n FROM nowhere WHERE secret = 1");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.status().message().find("secret"), std::string::npos) << bad.status().message();
    EXPECT_NE(bad.status().message().find("preparing SELECT from nowhere: no such table"),
              std::string::npos)
        << bad.status().message();
    Status exec = Exec(db, "INSERT INTO t (n) VALUES (0)");
    EXPECT_EQ(exec.message().find("VALUES"), std::string::npos) << exec.message();
  }
  sqlite3_close(db);
}

TEST_F(StoreTest, ReadModeNeverCreatesOrWrites) {
  auto missing = Store::Open(Path("missing.db"), StoreMode::kRead);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Code::kNotFound);
  EXPECT_FALSE(fs::exists(Path("missing.db")));
  std::ofstream(Path("empty.db")).close();
  auto empty = Store::Open(Path("empty.db"), StoreMode::kRead);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), Code::kNotFound);
  EXPECT_EQ(fs::file_size(Path("empty.db")), 0u);
  {
    auto w = OpenOk(Path("s.db"));
    ASSERT_NE(w, nullptr);
    std::vector<Document> batch;
    for (size_t i = 0; i < 3; ++i) batch.push_back(SyntheticDocument(0, i));
    ASSERT_TRUE(w->AddBatch(batch).ok());
  }
  auto r = Store::Open(Path("s.db"), StoreMode::kRead);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto docs = (*r)->AllDocuments();
  ASSERT_TRUE(docs.ok());
  EXPECT_EQ(docs->size(), 3u);
  EXPECT_FALSE((*r)->AddBatch({SyntheticDocument(1, 0)}).ok());
  auto check = (*r)->Check(/*full=*/true);
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  EXPECT_TRUE(check->problems.empty());
  EXPECT_EQ(check->stats.documents, 3u);
}

TEST_F(StoreTest, MalformedSearchIsInvalidArgument) {
  auto store = OpenOk(Path("a.db"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->AddBatch({SyntheticDocument(0, 0)}).ok());
  for (const char* query : {"\"unterminated", "troops AND", "nosuchcolumn: troops", ""}) {
    auto hits = store->Search(query, 10);
    ASSERT_FALSE(hits.ok()) << query;
    EXPECT_EQ(hits.status().code(), Code::kInvalidArgument) << hits.status().ToString();
    EXPECT_NE(hits.status().message().find(query), std::string::npos) << hits.status().message();
  }
  // SQLite's own explanation is kept.
  auto hits = store->Search("\"unterminated", 10);
  EXPECT_NE(hits.status().message().find("unterminated string"), std::string::npos)
      << hits.status().message();
  hits = store->Search("troops AND", 10);
  EXPECT_NE(hits.status().message().find("fts5: syntax error"), std::string::npos)
      << hits.status().message();
}

TEST_F(StoreTest, SearchReturnsRankedHitsWithMarkedSnippets) {
  auto store = OpenOk(Path("a.db"));
  ASSERT_TRUE(store);
  Document doc = SyntheticDocument(0, 0, 4000);
  Document other = SyntheticDocument(0, 1, 600);
  ASSERT_TRUE(store->AddBatch({doc, other, FullDocument()}).ok());
  auto hits = store->Search("b0d0", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  const SearchHit& hit = (*hits)[0];
  EXPECT_EQ(hit.doc_id, doc.id);
  EXPECT_EQ(hit.source, doc.source);
  EXPECT_EQ(hit.title, doc.title);
  EXPECT_NE(hit.snippet.find("[b0d0]"), std::string::npos) << hit.snippet;
  EXPECT_NE(hit.snippet.find("…"), std::string::npos) << hit.snippet;  // text was cut
  EXPECT_LT(hit.rank, 0);  // bm25: more negative is better

  hits = store->Search("troops", 2);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 2u);  // limit honoured
  EXPECT_LE((*hits)[0].rank, (*hits)[1].rank);

  hits = store->Search("title:almaty", 10);  // column filter
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].doc_id, FullDocument().id);
}

TEST_F(StoreTest, SearchIgnoresCaseAndAccents) {
  auto store = OpenOk(Path("a.db"));
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->AddBatch({FullDocument()}).ok());
  for (const char* query : {"Almaty", "almaty", "ALMATY", "securite", "sécurité", "SÉCURITÉ"}) {
    auto hits = store->Search(query, 10);
    ASSERT_TRUE(hits.ok()) << query << ": " << hits.status().ToString();
    ASSERT_EQ(hits->size(), 1u) << query;
  }
  auto hits = store->Search("securite", 10);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_NE((*hits)[0].snippet.find("[sécurité]"), std::string::npos) << (*hits)[0].snippet;
}

// ---------------------------------------------------------------------------
// Crash test: SIGKILL store_crash_helper mid-ingest, then check the file.

constexpr size_t kDocsPerBatch = 20;

// Runs the helper with `args`; `on_line` sees each stdout line and returns
// false to SIGKILL the helper. Returns the raw waitpid() status.
int RunHelper(const std::vector<std::string>& args,
              const std::function<bool(const std::string&)>& on_line) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(SITREP_STORE_CRASH_HELPER));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(fds[1]);
  FILE* out = fdopen(fds[0], "r");
  char line[256];
  while (std::fgets(line, sizeof line, out) != nullptr) {
    std::string s(line);
    if (!s.empty() && s.back() == '\n') s.pop_back();
    if (!on_line(s)) {
      kill(pid, SIGKILL);
      break;
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  std::fclose(out);
  return status;
}

TEST_F(StoreTest, CrashTestKillNineLeavesOnlyWholeBatches) {
  const std::string path = Path("crash.db");
  // Writes forever; killed a moment after batch 5 committed, likely mid-batch.
  int status = RunHelper({path, "0", "0", std::to_string(kDocsPerBatch), "3000"},
                         [](const std::string& line) {
                           if (line.rfind("committed 5 ", 0) != 0) return true;
                           usleep(2000);
                           return false;
                         });
  ASSERT_TRUE(WIFSIGNALED(status)) << "helper exited on its own, status " << status;
  ASSERT_EQ(WTERMSIG(status), SIGKILL);

  EXPECT_EQ(QueryText(path, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(QueryText(path, "PRAGMA foreign_key_check"), "");

  size_t stored = 0;
  {
    auto store = OpenOk(path);
    ASSERT_TRUE(store);
    auto all = store->AllDocuments();
    ASSERT_TRUE(all.ok()) << all.status().ToString();
    stored = all->size();
    std::map<size_t, size_t> docs_per_batch;
    for (const Document& doc : *all) {
      size_t paragraphs = 0, sentences = 0;
      ASSERT_TRUE(SyntheticCounts(doc.title, &paragraphs, &sentences)) << doc.title;
      EXPECT_EQ(doc.paragraphs.size(), paragraphs) << doc.title;  // no half documents
      EXPECT_EQ(doc.sentences.size(), sentences) << doc.title;
      size_t batch = 0, index = 0;
      ASSERT_EQ(std::sscanf(doc.source.c_str(), "synthetic/b%zud%zu.txt", &batch, &index), 2);
      ++docs_per_batch[batch];
    }
    // Batches 0..5 committed; any later one is there whole or not at all.
    ASSERT_GE(docs_per_batch.size(), 6u);
    size_t expected_batch = 0;
    for (const auto& [batch, count] : docs_per_batch) {
      EXPECT_EQ(batch, expected_batch++);
      EXPECT_EQ(count, kDocsPerBatch) << "batch " << batch;
    }
    // The FTS index agrees with the documents table.
    auto hits = store->Search("synthetic", 1'000'000);
    ASSERT_TRUE(hits.ok());
    EXPECT_EQ(hits->size(), stored);
  }
  EXPECT_EQ(QueryText(path, "SELECT count(*) FROM documents_fts_docsize"), std::to_string(stored));
  EXPECT_EQ(QueryText(path,
                      "INSERT INTO documents_fts (documents_fts, rank) "
                      "VALUES ('integrity-check', 1)"),
            "");

  // Re-running completes the remaining batches and skips what is stored.
  const size_t done_batches = stored / kDocsPerBatch;
  const size_t total_batches = done_batches + 3;
  size_t inserted = 0, duplicates = 0;
  status =
      RunHelper({path, "0", std::to_string(total_batches), std::to_string(kDocsPerBatch), "3000"},
                [&](const std::string& line) {
                  size_t b = 0, ins = 0, dup = 0;
                  if (std::sscanf(line.c_str(), "committed %zu inserted=%zu duplicates=%zu", &b,
                                  &ins, &dup) == 3) {
                    inserted += ins;
                    duplicates += dup;
                    EXPECT_EQ(ins, b < done_batches ? 0 : kDocsPerBatch) << line;
                  }
                  return true;
                });
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status;
  EXPECT_EQ(duplicates, stored);
  EXPECT_EQ(inserted, 3 * kDocsPerBatch);
  auto store = OpenOk(path);
  ASSERT_TRUE(store);
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, total_batches * kDocsPerBatch);
  EXPECT_EQ(QueryText(path, "PRAGMA integrity_check"), "ok");
}

}  // namespace
}  // namespace sitrep
