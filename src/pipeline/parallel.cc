// @brief Ordered parallel processing: a reader thread, N worker threads, and a
// reorder buffer drained by the caller.
#include "pipeline/parallel.h"

#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "dedup/duplicate_index.h"
#include "pipeline/pipeline.h"

namespace sitrep {

Result<ReadStats> ProcessInputs(const std::vector<std::string>& paths, const Options& options,
                                int jobs, const std::function<void(Document&&)>& sink,
                                std::string* warning, const std::atomic<bool>* stop,
                                DuplicateIndex* duplicates) {
  if (jobs < 1) jobs = 1;
  Result<std::shared_ptr<PipelineShared>> shared = PipelineShared::Load(options);
  if (!shared.ok()) return shared.status();
  if (!(*shared)->warning.empty() && warning) *warning = (*shared)->warning;
  std::vector<std::unique_ptr<Pipeline>> cleaners;
  for (int i = 0; i < jobs; ++i) {
    Result<std::unique_ptr<Pipeline>> c = Pipeline::Create(options, *shared);
    if (!c.ok()) return c.status();
    cleaners.push_back(std::move(c).value());
  }
  Result<std::unique_ptr<CorpusResolver>> resolver = CorpusResolver::Create(options, *shared);
  if (!resolver.ok()) return resolver.status();
  // Resolution and near-duplicate links run here, on the calling thread, in input order.
  DuplicateIndex own_index;
  DuplicateIndex* index = duplicates ? duplicates : &own_index;
  auto deliver = [&](Document&& doc) {
    (*resolver)->Resolve(&doc);
    LinkDocument(index, &doc);
    sink(std::move(doc));
  };
  auto stopped = [stop] { return stop != nullptr && stop->load(std::memory_order_relaxed); };
  if (jobs == 1) {
    return ReadInputs(paths, options, [&](RawDocument&& raw) {
      if (!stopped()) deliver(cleaners[0]->Process(raw));
    });
  }

  std::mutex mu;
  std::condition_variable can_read, can_clean, can_deliver;
  std::deque<std::pair<size_t, RawDocument>> todo;
  std::map<size_t, Document> done;
  size_t read = 0, in_flight = 0;
  bool reading = true;
  const size_t max_in_flight = 8 * static_cast<size_t>(jobs);
  ReadStats stats;

  std::thread reader([&] {
    stats = ReadInputs(paths, options, [&](RawDocument&& raw) {
      if (stopped()) return;
      std::unique_lock<std::mutex> lock(mu);
      can_read.wait(lock, [&] { return in_flight < max_in_flight; });
      todo.emplace_back(read++, std::move(raw));
      ++in_flight;
      can_clean.notify_one();
    });
    std::lock_guard<std::mutex> lock(mu);
    reading = false;
    can_clean.notify_all();
    can_deliver.notify_all();
  });
  std::vector<std::thread> workers;
  for (int i = 0; i < jobs; ++i) {
    workers.emplace_back([&, i] {
      while (true) {
        std::pair<size_t, RawDocument> item;
        {
          std::unique_lock<std::mutex> lock(mu);
          can_clean.wait(lock, [&] { return !todo.empty() || !reading; });
          if (todo.empty()) return;
          item = std::move(todo.front());
          todo.pop_front();
        }
        Document doc = cleaners[i]->Process(item.second);
        std::lock_guard<std::mutex> lock(mu);
        done.emplace(item.first, std::move(doc));
        can_deliver.notify_one();
      }
    });
  }
  for (size_t next = 0;; ++next) {
    std::optional<Document> doc;
    {
      std::unique_lock<std::mutex> lock(mu);
      can_deliver.wait(lock, [&] { return done.count(next) || (!reading && next >= read); });
      auto it = done.find(next);
      if (it == done.end()) break;
      doc = std::move(it->second);
      done.erase(it);
      --in_flight;
      can_read.notify_one();
    }
    deliver(std::move(*doc));
  }
  reader.join();
  for (auto& t : workers) t.join();
  return stats;
}

}  // namespace sitrep
