// @brief Pipeline: one RawDocument through every per-document stage
// (clean -> segment -> extract: entities, times, quantities dated by them,
// quotes and their speakers) into a Document; CorpusResolver: the
// corpus-level step that links mentions to one entity per real-world thing,
// in document order (and gives each quote its speaker's entity).
//
// A Pipeline is not thread-safe (the Cleaner owns an ICU segmenter): one per
// thread. The knowledge base and the entity recognizer are loaded once
// (PipelineShared) and shared, read-only, by every Pipeline.
#pragma once

#include <memory>
#include <string>

#include "base/options.h"
#include "base/status.h"
#include "doc/document.h"
#include "entity/tagger_mentions.h"
#include "ingest/reader.h"

namespace sitrep {

class ClaimDates;
class Cleaner;
class EntityRecognizer;
class EntityResolver;
class KnowledgeBase;
class NameTransliterator;
class QuantityTagger;
class QuoteTagger;
class TimeTagger;

// What every Pipeline of a run shares.
struct PipelineShared {
  std::shared_ptr<const KnowledgeBase> kb;             // null when no KB file is there
  std::shared_ptr<const EntityRecognizer> recognizer;  // null without a KB
  // With Options::ner_tagger_mentions: the NER tagger of each language that
  // has a model (entity/tagger_mentions.h); empty otherwise.
  std::shared_ptr<const NerTaggers> taggers;
  std::string kb_path;
  std::string warning;  // why entities are off, for the user ("" when on)

  // Loads the KB at KbPath(options). A missing file is not an error: the
  // run goes on without entities and `warning` says how to build it. A
  // damaged file or bad entity data is an error.
  static Result<std::shared_ptr<PipelineShared>> Load(const Options& options);
};

class Pipeline {
 public:
  // Loads every stage's data; an error names the data file and line.
  static Result<std::unique_ptr<Pipeline>> Create(const Options& options,
                                                  std::shared_ptr<PipelineShared> shared);
  // Loads its own PipelineShared.
  static Result<std::unique_ptr<Pipeline>> Create(const Options& options);
  ~Pipeline();

  // Never fails as a whole: a failed document carries its errors. Mentions
  // come out unresolved (entity ids empty) until a CorpusResolver sees them.
  // A document past Options::max_document_seconds of this thread's CPU time
  // fails with a timeout error and nothing else (its partial results are
  // dropped); the budget is checked between stages and inside their loops.
  // The document's near-duplicate signature (Document::signature) is made
  // here from its token stream; linking it to other documents is corpus work
  // (ProcessInputs, dedup/duplicate_index.h).
  Document Process(const RawDocument& raw);

  const Cleaner& cleaner() const { return *cleaner_; }
  const PipelineShared& shared() const { return *shared_; }

 private:
  Pipeline() = default;
  Options options_;
  std::shared_ptr<PipelineShared> shared_;
  std::unique_ptr<Cleaner> cleaner_;
  std::unique_ptr<TimeTagger> times_;
  std::unique_ptr<QuantityTagger> quantities_;
  std::unique_ptr<QuoteTagger> quotes_;
  std::unique_ptr<ClaimDates>
      claim_dates_;  // the date of each claim, per document (quantities_ asks it)
};

// Links the mentions of documents, seen in order, to corpus entities: KB
// entities by their stable ids, unknown names clustered across documents and
// languages ("new:<type>:<key>", stable across runs). Fills Mention::entity,
// Mention::name and Document::entities. Not thread-safe.
class CorpusResolver {
 public:
  static Result<std::unique_ptr<CorpusResolver>> Create(const Options& options,
                                                        std::shared_ptr<PipelineShared> shared);
  ~CorpusResolver();
  void Resolve(Document* doc);

 private:
  CorpusResolver() = default;
  std::shared_ptr<PipelineShared> shared_;
  std::unique_ptr<NameTransliterator> translit_;
  std::unique_ptr<EntityResolver> resolver_;
};

}  // namespace sitrep
