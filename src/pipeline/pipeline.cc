// @brief The per-document pipeline.
#include "pipeline/pipeline.h"

#include "clean/cleaner.h"
#include "quantity/quantity_tagger.h"

namespace sitrep {

Pipeline::~Pipeline() = default;

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const Options& options) {
  std::unique_ptr<Pipeline> p(new Pipeline());
  Result<std::unique_ptr<Cleaner>> cleaner = Cleaner::Create(options);
  if (!cleaner.ok()) return cleaner.status();
  p->cleaner_ = std::move(cleaner).value();
  QuantityOptions qo;
  qo.base = options;
  Result<std::unique_ptr<QuantityTagger>> q = QuantityTagger::Create(qo);
  if (!q.ok()) return q.status();
  p->quantities_ = std::move(q).value();
  return p;
}

Document Pipeline::Process(const RawDocument& raw) {
  Document doc = cleaner_->Clean(raw);
  if (doc.failed()) return doc;
  doc.claims = quantities_->Claims(doc);
  return doc;
}

}  // namespace sitrep
