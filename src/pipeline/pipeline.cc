// @brief The per-document pipeline and the corpus resolver.
#include "pipeline/pipeline.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>

#include "base/data_file.h"
#include "base/deadline.h"
#include "clean/cleaner.h"
#include "dedup/minhash.h"
#include "entity/entity_recognizer.h"
#include "entity/entity_resolver.h"
#include "kb/kb.h"
#include "kb/transliterate.h"
#include "lang/language.h"
#include "quantity/quantity_tagger.h"
#include "quote/quote_tagger.h"
#include "time/time_tagger.h"

namespace sitrep {

// The date a figure refers to: the resolved DATE expression of the claim's
// sentence nearest to the claim (the first in text order among the nearest),
// or "" when the sentence gives none. Built once per document, each question
// answered in O(log n): sentences and time expressions are in text order and
// disjoint (Cleaner, TimeTagger), so binary searches find the sentence and
// the three candidates (the last date ending before the claim, the first
// overlapping it, the first starting after it).
class ClaimDates {
 public:
  void Reset(const Document& doc) {
    doc_ = &doc;
    dates_.clear();
    for (const TimeExpr& t : doc.times) {
      if (t.type != TimeType::kDate || t.value.empty() || t.unresolved) continue;
      if (t.value[0] < '0' || t.value[0] > '9') continue;  // PRESENT_REF and the like date nothing
      dates_.push_back(&t);
    }
  }

  std::string DateOf(const Document& doc, uint32_t start, uint32_t end) const {
    if (&doc != doc_) return std::string();  // asked about another document: no index for it
    uint32_t s_begin = 0, s_end = static_cast<uint32_t>(doc.text.size());
    auto s = std::partition_point(doc.sentences.begin(), doc.sentences.end(),
                                  [&](const Sentence& x) { return x.start <= start; });
    if (s != doc.sentences.begin() && end <= std::prev(s)->end) {
      s_begin = std::prev(s)->start;
      s_end = std::prev(s)->end;
    }
    // Dates inside the sentence: [lo, hi).
    auto lo = std::partition_point(dates_.begin(), dates_.end(),
                                   [&](const TimeExpr* t) { return t->start < s_begin; });
    auto hi =
        std::partition_point(lo, dates_.end(), [&](const TimeExpr* t) { return t->end <= s_end; });
    auto after = std::partition_point(lo, hi, [&](const TimeExpr* t) { return t->end <= start; });
    const TimeExpr* best = nullptr;
    uint32_t best_distance = 0;
    auto consider = [&](const TimeExpr* t) {
      uint32_t d = t->end <= start ? start - t->end : t->start >= end ? t->start - end : 0;
      if (!best || d < best_distance) {
        best = t;
        best_distance = d;
      }
    };
    if (after != lo) consider(*std::prev(after));  // the last date ending before the claim
    if (after != hi) consider(*after);             // the first overlapping it, or after it
    auto past = std::partition_point(after, hi, [&](const TimeExpr* t) { return t->start < end; });
    if (past != hi) consider(*past);  // the first starting after the claim
    return best ? best->value : std::string();
  }

 private:
  const Document* doc_ = nullptr;
  std::vector<const TimeExpr*> dates_;
};

Result<std::shared_ptr<PipelineShared>> PipelineShared::Load(const Options& options) {
  auto shared = std::make_shared<PipelineShared>();
  shared->kb_path = KbPath(options);
  std::error_code ec;
  if (!std::filesystem::exists(shared->kb_path, ec)) {
    shared->warning =
        "no knowledge base at " + shared->kb_path +
        ": people, organisations and places are not recognised (build it with `sitrep kb build`)";
    return shared;
  }
  Result<KnowledgeBase> kb = KnowledgeBase::Load(shared->kb_path);
  if (!kb.ok()) return kb.status();
  shared->kb = std::make_shared<const KnowledgeBase>(std::move(kb).value());
  Result<std::unique_ptr<EntityRecognizer>> rec =
      EntityRecognizer::Create(shared->kb.get(), options);
  if (!rec.ok()) return rec.status();
  shared->recognizer = std::move(rec).value();
  if (options.ner_tagger_mentions) {
    Result<NerTaggers> taggers =
        LoadNerTaggers(DataDir(options), DataLanguages(options), shared->kb.get());
    if (!taggers.ok()) return taggers.status();
    shared->taggers = std::make_shared<const NerTaggers>(std::move(*taggers));
  }
  return shared;
}

Pipeline::~Pipeline() = default;

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const Options& options) {
  Result<std::shared_ptr<PipelineShared>> shared = PipelineShared::Load(options);
  if (!shared.ok()) return shared.status();
  return Create(options, std::move(shared).value());
}

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const Options& options,
                                                   std::shared_ptr<PipelineShared> shared) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  p->shared_ = std::move(shared);
  Result<std::unique_ptr<Cleaner>> cleaner = Cleaner::Create(options);
  if (!cleaner.ok()) return cleaner.status();
  p->cleaner_ = std::move(cleaner).value();
  Result<std::unique_ptr<TimeTagger>> t = TimeTagger::Create(options);
  if (!t.ok()) return t.status();
  p->times_ = std::move(t).value();
  p->options_ = options;
  p->claim_dates_ = std::make_unique<ClaimDates>();
  QuantityOptions qo;
  qo.base = options;
  ClaimDates* dates = p->claim_dates_.get();
  qo.time_of = [dates](const Document& doc, uint32_t start, uint32_t end) {
    return dates->DateOf(doc, start, end);
  };
  Result<std::unique_ptr<QuantityTagger>> q = QuantityTagger::Create(qo);
  if (!q.ok()) return q.status();
  p->quantities_ = std::move(q).value();
  Result<std::unique_ptr<QuoteTagger>> quotes = QuoteTagger::Create(options);
  if (!quotes.ok()) return quotes.status();
  p->quotes_ = std::move(quotes).value();
  return p;
}

Document Pipeline::Process(const RawDocument& raw) {
  Deadline deadline(options_.max_document_seconds);
  Document doc = cleaner_->Clean(raw, &deadline);
  if (!doc.failed() && !deadline.CheckNow("clean") && shared_->recognizer) {
    std::string date = doc.published ? doc.published->value.substr(0, 10) : "";
    doc.mentions = shared_->recognizer->RecognizeDocument(doc, date, &deadline);
    if (shared_->taggers) AddTaggerMentions(doc, *shared_->taggers, &doc.mentions, &doc.warnings);
    doc.entities_recognised = true;
  }
  if (!doc.failed() && !deadline.CheckNow("entities"))
    doc.times = times_->TagDocument(doc, &deadline);
  if (!doc.failed() && !deadline.CheckNow("times")) {
    claim_dates_->Reset(doc);
    bool truncated = false;
    doc.claims = quantities_->Claims(doc, &deadline, &truncated);
    if (truncated) {
      doc.warnings.push_back("more quantity claims than max_claims_per_document (" +
                             std::to_string(doc.claims.size()) + "); the rest were dropped");
    }
  }
  if (!doc.failed() && !deadline.CheckNow("quantities")) {
    doc.quotes = quotes_->Tag(doc, &deadline, &doc.warnings);
  }
  if (!doc.failed() && deadline.CheckNow("quotes")) {
    // Past the budget: what the stages found so far is dropped, the document
    // is a failure like any other and the batch goes on.
    Document failed;
    failed.source = doc.source;
    failed.url = doc.url;
    failed.outlet = doc.outlet;
    failed.format = doc.format;
    failed.encoding = doc.encoding;
    failed.input_bytes = doc.input_bytes;
    failed.Fail(deadline.TimeoutStatus(raw.source));
    return failed;
  }
  if (!doc.failed()) doc.signature = MakeSignature(doc.tokens);
  doc.tokens = TokenStream();  // read by the stages above only; not kept with the document
  return doc;
}

CorpusResolver::~CorpusResolver() = default;

Result<std::unique_ptr<CorpusResolver>> CorpusResolver::Create(
    const Options& options, std::shared_ptr<PipelineShared> shared) {
  std::unique_ptr<CorpusResolver> r(new CorpusResolver());
  r->shared_ = std::move(shared);
  if (!r->shared_->kb) return r;
  Result<std::unique_ptr<NameTransliterator>> tr = NameTransliterator::Create(DataDir(options));
  if (!tr.ok()) return tr.status();
  r->translit_ = std::move(tr).value();
  r->resolver_ = std::make_unique<EntityResolver>(r->shared_->kb.get(), r->translit_.get());
  return r;
}

void CorpusResolver::Resolve(Document* doc) {
  if (!resolver_ || doc->failed() || doc->mentions.empty()) return;
  std::vector<size_t> ids = resolver_->Resolve(doc->text, doc->mentions);
  std::map<std::string, EntityInfo> infos;
  const KnowledgeBase& kb = *shared_->kb;
  for (size_t i = 0; i < doc->mentions.size(); ++i) {
    const CorpusEntity& e = resolver_->entities()[ids[i]];
    Mention& m = doc->mentions[i];
    m.entity = e.id;
    m.name = e.name;
    if (infos.count(e.id)) continue;
    EntityInfo info;
    info.id = e.id;
    info.name = e.name;
    info.type = MentionTypeName(e.type == MentionType::kAdj ? MentionType::kLoc : e.type);
    if (e.kb_entity >= 0) {
      const KbEntity& k = kb.entities()[static_cast<size_t>(e.kb_entity)];
      // Display in English (the report's language); the native form stays in `native`.
      info.name = std::string(kb.DisplayName(static_cast<uint32_t>(e.kb_entity), kDisplayLanguage));
      info.native = std::string(k.canonical);
      info.type = EntityTypeName(k.type);
      info.kind = EntityKindName(k.kind);
      info.country = std::string(k.country, strnlen(k.country, 3));
      info.has_coords = k.has_coords;
      info.lat = k.lat;
      info.lon = k.lon;
    } else {
      info.kind = e.type == MentionType::kPer   ? "person"
                  : e.type == MentionType::kOrg ? "organisation"
                                                : "place";
    }
    infos.emplace(e.id, std::move(info));
  }
  doc->entities.clear();
  for (auto& [id, info] : infos) doc->entities.push_back(std::move(info));
  LinkQuoteSpeakers(doc);
  // A claim's source is an entity when a mention lies inside it ("selon RIA").
  // Mentions come sorted by start (EntityRecognizer); then only those that
  // start inside the source span are looked at.
  const std::vector<Mention>& mentions = doc->mentions;
  const bool sorted =
      std::is_sorted(mentions.begin(), mentions.end(),
                     [](const Mention& a, const Mention& b) { return a.start < b.start; });
  for (Claim& c : doc->claims) {
    TextSpan src = c.source.empty() ? c.attribution : c.source;
    if (src.empty()) continue;
    auto first = sorted
                     ? std::partition_point(mentions.begin(), mentions.end(),
                                            [&](const Mention& m) { return m.start < src.start; })
                     : mentions.begin();
    // A person or organisation speaks; a place only stands for its government.
    for (bool places : {false, true}) {
      for (auto m = first; m != mentions.end() && !(sorted && m->start >= src.end); ++m) {
        bool speaker =
            m->type == MentionType::kPer || m->type == MentionType::kOrg || (places && m->metonymy);
        if (m->start >= src.start && m->end <= src.end && speaker && !m->entity.empty()) {
          c.source_entity = m->entity;
          break;
        }
      }
      if (!c.source_entity.empty()) break;
    }
  }
}

}  // namespace sitrep
