// @brief The per-document pipeline and the corpus resolver.
#include "pipeline/pipeline.h"

#include <cstring>
#include <filesystem>
#include <map>

#include "base/data_file.h"
#include "clean/cleaner.h"
#include "entity/entity_recognizer.h"
#include "entity/entity_resolver.h"
#include "kb/kb.h"
#include "kb/transliterate.h"
#include "quantity/quantity_tagger.h"
#include "time/time_tagger.h"

namespace sitrep {
namespace {

// The date a figure refers to: the resolved DATE expression of the claim's
// sentence nearest to the claim, or "" when the sentence gives none.
std::string DateOfClaim(const Document& doc, uint32_t start, uint32_t end) {
  uint32_t s_begin = 0, s_end = static_cast<uint32_t>(doc.text.size());
  for (const Sentence& s : doc.sentences) {
    if (s.start <= start && end <= s.end) {
      s_begin = s.start;
      s_end = s.end;
      break;
    }
  }
  const TimeExpr* best = nullptr;
  uint32_t best_distance = 0;
  for (const TimeExpr& t : doc.times) {
    if (t.start < s_begin || t.end > s_end || t.type != TimeType::kDate || t.value.empty() || t.unresolved) continue;
    if (t.value[0] < '0' || t.value[0] > '9') continue;  // PRESENT_REF and the like date nothing
    uint32_t d = t.end <= start ? start - t.end : t.start >= end ? t.start - end : 0;
    if (!best || d < best_distance) {
      best = &t;
      best_distance = d;
    }
  }
  return best ? best->value : std::string();
}

}  // namespace

Result<std::shared_ptr<PipelineShared>> PipelineShared::Load(const Options& options) {
  auto shared = std::make_shared<PipelineShared>();
  shared->kb_path = KbPath(options);
  std::error_code ec;
  if (!std::filesystem::exists(shared->kb_path, ec)) {
    shared->warning = "no knowledge base at " + shared->kb_path +
                      ": people, organisations and places are not recognised (build it with `sitrep kb build`)";
    return shared;
  }
  Result<KnowledgeBase> kb = KnowledgeBase::Load(shared->kb_path);
  if (!kb.ok()) return kb.status();
  shared->kb = std::make_shared<const KnowledgeBase>(std::move(kb).value());
  Result<std::unique_ptr<EntityRecognizer>> rec = EntityRecognizer::Create(shared->kb.get(), options);
  if (!rec.ok()) return rec.status();
  shared->recognizer = std::move(rec).value();
  return shared;
}

Pipeline::~Pipeline() = default;

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const Options& options) {
  Result<std::shared_ptr<PipelineShared>> shared = PipelineShared::Load(options);
  if (!shared.ok()) return shared.status();
  return Create(options, std::move(shared).value());
}

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const Options& options, std::shared_ptr<PipelineShared> shared) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  p->shared_ = std::move(shared);
  Result<std::unique_ptr<Cleaner>> cleaner = Cleaner::Create(options);
  if (!cleaner.ok()) return cleaner.status();
  p->cleaner_ = std::move(cleaner).value();
  Result<std::unique_ptr<TimeTagger>> t = TimeTagger::Create(options);
  if (!t.ok()) return t.status();
  p->times_ = std::move(t).value();
  QuantityOptions qo;
  qo.base = options;
  qo.time_of = DateOfClaim;
  Result<std::unique_ptr<QuantityTagger>> q = QuantityTagger::Create(qo);
  if (!q.ok()) return q.status();
  p->quantities_ = std::move(q).value();
  return p;
}

Document Pipeline::Process(const RawDocument& raw) {
  Document doc = cleaner_->Clean(raw);
  if (doc.failed()) return doc;
  if (shared_->recognizer) {
    std::string date = doc.published ? doc.published->value.substr(0, 10) : "";
    doc.mentions = shared_->recognizer->Recognize(doc.text, doc.lang, date);
    doc.entities_recognised = true;
  }
  doc.times = times_->TagDocument(doc);
  bool truncated = false;
  doc.claims = quantities_->Claims(doc, &truncated);
  if (truncated) {
    doc.warnings.push_back("more quantity claims than max_claims_per_document (" +
                           std::to_string(doc.claims.size()) + "); the rest were dropped");
  }
  return doc;
}

CorpusResolver::~CorpusResolver() = default;

Result<std::unique_ptr<CorpusResolver>> CorpusResolver::Create(const Options& options,
                                                               std::shared_ptr<PipelineShared> shared) {
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
      info.name = std::string(kb.DisplayName(static_cast<uint32_t>(e.kb_entity), "en"));
      info.native = std::string(k.canonical);
      info.type = EntityTypeName(k.type);
      info.kind = EntityKindName(k.kind);
      info.country = std::string(k.country, strnlen(k.country, 3));
      info.has_coords = k.has_coords;
      info.lat = k.lat;
      info.lon = k.lon;
    } else {
      info.kind = e.type == MentionType::kPer ? "person" : e.type == MentionType::kOrg ? "organisation" : "place";
    }
    infos.emplace(e.id, std::move(info));
  }
  doc->entities.clear();
  for (auto& [id, info] : infos) doc->entities.push_back(std::move(info));
  // A claim's source is an entity when a mention lies inside it ("selon RIA").
  for (Claim& c : doc->claims) {
    TextSpan src = c.source.empty() ? c.attribution : c.source;
    if (src.empty()) continue;
    // A person or organisation speaks; a place only stands for its government.
    for (bool places : {false, true}) {
      for (const Mention& m : doc->mentions) {
        bool speaker = m.type == MentionType::kPer || m.type == MentionType::kOrg || (places && m.metonymy);
        if (m.start >= src.start && m.end <= src.end && speaker && !m.entity.empty()) {
          c.source_entity = m.entity;
          break;
        }
      }
      if (!c.source_entity.empty()) break;
    }
  }
}

}  // namespace sitrep
