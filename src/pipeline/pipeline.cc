// @brief The per-document pipeline.
#include "pipeline/pipeline.h"

#include "clean/cleaner.h"
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

Pipeline::~Pipeline() = default;

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const Options& options) {
  std::unique_ptr<Pipeline> p(new Pipeline());
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
  doc.times = times_->TagDocument(doc);
  doc.claims = quantities_->Claims(doc);
  return doc;
}

}  // namespace sitrep
