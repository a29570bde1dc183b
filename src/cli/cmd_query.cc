// @brief sitrep query claims | timeline | entities | figures | quotes: tables or JSON lines from
// the store.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "base/data_file.h"
#include "base/json.h"
#include "base/utf8.h"
#include "cli/cmd_stories.h"
#include "cli/command.h"
#include "figures/figures.h"
#include "report/actors.h"
#include "report/timeline.h"
#include "store/store.h"

namespace sitrep {

namespace {

// `s` padded with spaces to `width` characters (code points, not bytes), so
// columns line up with accented and Cyrillic text.
std::string Pad(const std::string& s, size_t width) {
  size_t n = CountCodePoints(s);
  return n >= width ? s : s + std::string(width - n, ' ');
}

// The text of a span of d.text, or "" when empty.
std::string SpanText(const Document& d, TextSpan s) {
  if (s.end <= s.start || s.end > d.text.size()) return "";
  return d.text.substr(s.start, s.end - s.start);
}

// query quotes: every quote (or those of --speaker ID, or those --search finds).
int QueryQuotes(const ParsedArgs& args, Store& store, const std::vector<Document>& docs) {
  const std::string speaker = args.Get("--speaker");
  std::set<std::pair<std::string, int64_t>> found;  // (doc id, quote index) from --search
  if (args.Has("--search")) {
    auto hits = store.SearchQuotes(args.Get("--search"), 100000);
    if (!hits.ok()) {
      if (hits.status().code() == Code::kInvalidArgument) return UsageError("query", hits.status());
      return Fatal("query", hits.status());
    }
    for (const QuoteHit& h : *hits) found.insert({h.doc_id, h.idx});
  }
  size_t shown = 0;
  for (const Document& d : docs) {
    CodePointIndex cp(d.text);
    for (size_t i = 0; i < d.quotes.size(); ++i) {
      const Quote& q = d.quotes[i];
      if (!speaker.empty() && q.speaker_entity != speaker) continue;
      if (args.Has("--search") && !found.count({d.id, static_cast<int64_t>(i)})) continue;
      ++shown;
      std::string name;
      for (const EntityInfo& e : d.entities) {
        if (e.id == q.speaker_entity && !e.id.empty()) name = e.name;
      }
      const std::string said = SpanText(d, q.speaker);
      const std::string sentence = SpanText(d, QuoteContext(d, q));
      if (args.Has("--json")) {
        std::string out;
        JsonWriter w(&out);
        w.BeginObject().Field("doc", d.id).Field("source", d.source).Field("title", d.title);
        w.Field("start", cp.ToCodePoint(q.start)).Field("end", cp.ToCodePoint(q.end));
        w.Field("text", SpanText(d, {q.start, q.end})).Field("kind", QuoteKindName(q.kind));
        w.Key("speaker");
        if (q.speaker.empty()) {
          w.Null();
        } else {
          w.BeginObject().Field("text", said).Field("entity", q.speaker_entity);
          w.Field("name", name).EndObject();
        }
        w.Field("cue", q.cue).Field("resolution", SpeakerResolutionName(q.resolution));
        w.Field("sentence", sentence).EndObject();
        Outf("%s\n", out.c_str());
        continue;
      }
      const std::string who = q.speaker.empty() ? "(unknown speaker)" : name.empty() ? said : name;
      Outf("%s %-8s %-12s [%s]  %s\n    %s\n    %s\n\n", Pad(who, 28).c_str(),
           QuoteKindName(q.kind), SpeakerResolutionName(q.resolution), q.speaker_entity.c_str(),
           d.source.c_str(), SpanText(d, {q.start, q.end}).c_str(), sentence.c_str());
    }
  }
  if (shown == 0 && !args.Has("--json")) std::fprintf(stderr, "query: no quotes\n");
  return kExitOk;
}

}  // namespace

int CmdQuery(int argc, char** argv) {
  std::vector<FlagSpec> flags = {
      kHelp,
      kDb,
      kDataDir,
      {"--measure", true, "claims, figures: only this measure (killed, troops, arrested, ...)",
       "NAME"},
      {"--type", true, "entities: only PER, ORG or LOC", "TYPE"},
      {"--status", true,
       "figures: only series of this status (single, agree, revised, contradicted)", "STATUS"},
      {"--speaker", true, "quotes: only those of this entity id (per:..., new:...)", "ID"},
      {"--search", true, "quotes: only those whose words or speaker match (FTS5 syntax)", "WORDS"},
      {"--json", false, "one JSON object per row"}};
  Result<ParsedArgs> args = ParseArgs(argc, argv, 2, flags);
  if (!args.ok()) return UsageError("query", args.status());
  if (args->Has("--help") || args->positional.empty()) {
    PrintUsage(
        "query", "WHAT --db FILE [flags]",
        "Lists what the store knows. WHAT:\n"
        "  claims    every quantity claim: value, hedge, measure, subject, place, source,\n"
        "            document and sentence (--measure to filter)\n"
        "  timeline  every dated expression in date order, with its sentence and document\n"
        "  entities  people, organisations and places: mentions, spellings, roles, coordinates,\n"
        "            documents (--type PER|ORG|LOC to filter)\n"
        "  figures   figure series across sources: one per thing counted, with its claims,\n"
        "            status, estimate, conflicts and summary (--measure, --status to filter)\n"
        "  quotes    who said what: each quote with its kind, speaker, how the speaker was\n"
        "            found, document and sentence (--speaker ID, --search WORDS to filter)\n"

        "  stories   the stories: label, period, languages, sources and documents of each",
        flags);
    return args->Has("--help") ? kExitOk : kExitUsage;
  }
  const std::string what = args->positional[0];
  if (what != "claims" && what != "timeline" && what != "entities" && what != "figures" &&
      what != "quotes" && what != "stories") {
    return UsageError("query",
                      Status::InvalidArgument("unknown query \"" + what +
                                              "\" (claims, timeline, entities, figures, quotes, stories)"));
  }
  if ((args->Has("--speaker") || args->Has("--search")) && what != "quotes") {
    return UsageError("query",
                      Status::InvalidArgument("--speaker and --search apply to query quotes"));
  }
  const std::string status = args->Get("--status");
  if (args->Has("--status") && what != "figures") {
    return UsageError("query", Status::InvalidArgument("--status applies to query figures"));
  }
  if (!status.empty() && status != "single" && status != "agree" && status != "revised" &&
      status != "contradicted") {
    return UsageError(
        "query",
        Status::InvalidArgument("--status must be single, agree, revised or contradicted, got \"" +
                                status + "\""));
  }
  if (args->positional.size() > 1) {
    return UsageError(
        "query", Status::InvalidArgument("unexpected argument \"" + args->positional[1] + "\""));
  }
  if (!args->Has("--db"))
    return UsageError("query", Status::InvalidArgument("--db FILE is required"));
  auto store = Store::Open(args->Get("--db"), StoreMode::kRead);
  if (!store.ok()) return Fatal("query", store.status());
  auto docs = (*store)->AllDocuments();
  if (!docs.ok()) return Fatal("query", docs.status());
  if (args->Has("--measure") && what != "claims" && what != "figures") {
    return UsageError("query",
                      Status::InvalidArgument("--measure applies to query claims and figures"));
  }
  if (what == "quotes") {
    if (args->Has("--type") || args->Has("--measure")) {
      return UsageError("query", Status::InvalidArgument("query quotes takes --speaker, --search"));
    }
    return QueryQuotes(*args, **store, *docs);
  }
  if (what == "stories") {
    if (args->Has("--type") || args->Has("--measure"))
      return UsageError("query", Status::InvalidArgument("query stories takes no filter"));
    return QueryStories(*docs, args->Has("--json"));
  }
  if (what == "figures") {
    if (args->Has("--type"))
      return UsageError("query", Status::InvalidArgument("--type applies to query entities"));
    Options options;
    options.data_dir = args->Get("--data-dir");
    Result<FigureRules> rules = FigureRules::Load(DataDir(options));
    if (!rules.ok()) return Fatal("query", rules.status());
    const std::vector<FigureSeries> series = BuildFigures(*docs, *rules);
    const std::string measure = args->Get("--measure");
    size_t shown = 0;
    for (const FigureSeries& s : series) {
      if (!measure.empty() && s.measure != measure) continue;
      if (!status.empty() && SeriesStatusName(s.status) != status) continue;
      ++shown;
      if (args->Has("--json")) {
        Outf("%s\n", FigureSeriesJson(s, *docs).c_str());
        continue;
      }
      Outf("%-12s %-10s %-20s %3zu claims  %s\n", SeriesStatusName(s.status), s.measure.c_str(),
           Pad(s.place_name.empty() ? "(no place)" : s.place_name, 20).c_str(), s.claims.size(),
           s.id.c_str());
      Outf("    %s\n", s.summary.c_str());
      for (const FigureConflict& f : s.conflicts) Outf("    conflict: %s\n", f.why.c_str());
      Outf("\n");
    }
    if (shown == 0 && !args->Has("--json")) std::fprintf(stderr, "query: no figure series\n");
    return kExitOk;
  }
  if (what == "entities") {
    std::map<std::string, Actor> actors = CollectActors(*docs);
    std::vector<const Actor*> order;
    std::string type = args->Get("--type");
    for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (!type.empty() && type != "PER" && type != "ORG" && type != "LOC") {
      return UsageError("query", Status::InvalidArgument("--type must be PER, ORG or LOC, got \"" +
                                                         args->Get("--type") + "\""));
    }
    for (const auto& [id, a] : actors) {
      if (type.empty() || a.info.type == type) order.push_back(&a);
    }
    std::stable_sort(order.begin(), order.end(), [](const Actor* a, const Actor* b) {
      return a->mentions.size() > b->mentions.size();
    });
    for (const Actor* a : order) {
      const EntityInfo& e = a->info;
      if (args->Has("--json")) {
        std::string out;
        JsonWriter w(&out);
        w.BeginObject()
            .Field("entity", e.id)
            .Field("name", e.name)
            .Field("native", e.native)
            .Field("type", e.type);
        w.Field("kind", e.kind).Field("country", e.country).Field("mentions", a->mentions.size());
        w.Key("coordinates");
        if (e.has_coords)
          w.BeginArray().Double(e.lat).Double(e.lon).EndArray();
        else
          w.Null();
        w.Key("aliases").BeginArray();
        for (const auto& [alias, langs] : a->aliases) w.String(alias);
        w.EndArray().Key("roles").BeginArray();
        for (const auto& [role, where] : a->roles)
          w.BeginObject().Field("role", role).Field("where", where).EndObject();
        w.EndArray().Key("documents").BeginArray();
        for (const auto& id : a->docs) w.String(id);
        w.EndArray().EndObject();
        Outf("%s\n", out.c_str());
      } else {
        std::string aliases;
        for (const auto& [alias, langs] : a->aliases)
          aliases += (aliases.empty() ? "" : ", ") + alias;
        Outf("%s %-4s %4zu mentions, %zu documents  [%s]\n    %s\n", Pad(e.name, 36).c_str(),
             e.type.c_str(), a->mentions.size(), a->docs.size(), e.id.c_str(), aliases.c_str());
        for (const auto& [role, where] : a->roles)
          Outf("    role: %s (%s)\n", role.c_str(), where.c_str());
        if (e.has_coords) Outf("    at %.3f, %.3f\n", e.lat, e.lon);
      }
    }
    if (order.empty() && !args->Has("--json")) std::fprintf(stderr, "query: no entities\n");
    return kExitOk;
  }
  if (what == "timeline") {
    std::vector<TimelineRow> rows = BuildTimeline(*docs);
    for (const TimelineRow& r : rows) {
      const Document& d = *r.doc;
      if (args->Has("--json")) {
        CodePointIndex cp(d.text);
        std::string out;
        JsonWriter w(&out);
        w.BeginObject()
            .Field("value", r.value)
            .Field("sort_key", r.key)
            .Field("mod", r.mod)
            .Field("text", r.text);
        w.Field("doc", d.id).Field("source", d.source).Field("title", d.title);
        w.Field("start", cp.ToCodePoint(r.start)).Field("end", cp.ToCodePoint(r.end));
        w.Field("sentence", r.sentence).EndObject();
        Outf("%s\n", out.c_str());
      } else {
        Outf("%s %s %s\n%22s %s\n\n", Pad(r.value, 22).c_str(), Pad(r.text, 28).c_str(),
             d.title.c_str(), "", r.sentence.c_str());
      }
    }
    if (rows.empty() && !args->Has("--json")) std::fprintf(stderr, "query: no dated expressions\n");
    return kExitOk;
  }
  if (args->Has("--type"))
    return UsageError("query", Status::InvalidArgument("--type applies to query entities"));
  const std::string measure = args->Get("--measure");
  size_t rows = 0;
  std::set<std::string> measures;  // those the store holds, to help with a wrong --measure
  for (const Document& d : *docs) {
    for (const Claim& c : d.claims) measures.insert(c.measure);
  }
  for (const Document& d : *docs) {
    CodePointIndex cp(d.text);
    for (const Claim& c : d.claims) {
      if (!measure.empty() && c.measure != measure) continue;
      ++rows;
      std::string sentence;
      if (c.sentence >= 0 && static_cast<size_t>(c.sentence) < d.sentences.size()) {
        sentence = d.text.substr(d.sentences[c.sentence].start,
                                 d.sentences[c.sentence].end - d.sentences[c.sentence].start);
      }
      if (args->Has("--json")) {
        std::string out;
        JsonWriter w(&out);
        w.BeginObject().Field("doc", d.id).Field("source", d.source).Field("title", d.title);
        w.Key("published");
        if (d.published)
          w.String(d.published->value);
        else
          w.Null();
        w.Field("start", cp.ToCodePoint(c.start)).Field("end", cp.ToCodePoint(c.end));
        w.Field("text", SpanText(d, {c.start, c.end}));
        if (c.interval)
          w.Field("min", c.min).Field("max", c.max);
        else
          w.Field("value", c.value);
        w.Field("hedge", HedgeTypeName(c.hedge)).Field("measure", c.measure).Field("unit", c.unit);
        w.Field("subject", SpanText(d, c.subject))
            .Field("place", SpanText(d, c.place))
            .Field("time", c.time);
        w.Field("attribution", SpanText(d, c.attribution)).Field("reported", c.reported);
        w.Field("sentence", sentence).EndObject();
        Outf("%s\n", out.c_str());
      } else {
        std::string value = c.interval ? std::to_string(static_cast<long long>(c.min)) + "-" +
                                             std::to_string(static_cast<long long>(c.max))
                                       : std::to_string(static_cast<long long>(c.value));
        std::string source = SpanText(d, c.attribution);
        Outf("%-10s %12s  %-12s %s\n           %s | %s\n           %s\n\n", c.measure.c_str(),
             value.c_str(), HedgeTypeName(c.hedge), SpanText(d, {c.start, c.end}).c_str(),
             source.empty() ? "(no source stated)" : source.c_str(),
             (d.published ? d.published->value + " " : std::string()).append(d.title).c_str(),
             sentence.c_str());
      }
    }
  }
  if (rows == 0 && !measure.empty() && !measures.count(measure)) {
    std::string known;
    for (const auto& m : measures) known += (known.empty() ? "" : ", ") + m;
    return UsageError("query", Status::InvalidArgument(
                                   "no claims with measure \"" + measure +
                                   "\"; this store has: " + (known.empty() ? "none" : known)));
  }
  if (rows == 0 && !args->Has("--json")) std::fprintf(stderr, "query: no claims\n");
  return kExitOk;
}

}  // namespace sitrep
