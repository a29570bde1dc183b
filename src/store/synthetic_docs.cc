// @brief Deterministic synthetic documents (see synthetic_docs.h).
#include "store/synthetic_docs.h"

#include <cstdio>
#include <string>

#include "base/hash.h"

namespace sitrep {

Document SyntheticDocument(size_t batch, size_t index, size_t text_bytes) {
  const std::string tag = "b" + std::to_string(batch) + "d" + std::to_string(index);
  const size_t paragraphs = 1 + (batch + index) % 5;
  const size_t sentence_bytes = text_bytes / (2 * paragraphs) + 1;
  static const char* const kWords[] = {"troops", "sécurité", "Almaty",    "ministry", "reported",
                                       "convoy", "border",   "officials", "said",     "near"};
  Document doc;
  doc.source = "synthetic/" + tag + ".txt";
  doc.format = "txt";
  doc.encoding = "UTF-8";
  doc.lang = "en";
  doc.input_bytes = text_bytes;
  doc.published = PublishedDate{"2022-01-" + std::to_string(10 + index % 20), DatePrecision::kDay,
                                "Jan " + std::to_string(10 + index % 20), "text"};
  doc.title = "synthetic " + tag + " p" + std::to_string(paragraphs) + " s" +
              std::to_string(2 * paragraphs);
  size_t word = batch * 7 + index;
  for (size_t p = 0; p < paragraphs; ++p) {
    if (p > 0) doc.text += "\n\n";
    Paragraph para;
    para.start = static_cast<uint32_t>(doc.text.size());
    for (size_t s = 0; s < 2; ++s) {
      if (s > 0) doc.text += ' ';
      const size_t start = doc.text.size();
      doc.text += "The synthetic " + tag;
      while (doc.text.size() - start < sentence_bytes) {
        doc.text += ' ';
        doc.text += kWords[word++ % 10];
      }
      doc.text += '.';
      doc.sentences.push_back(
          {static_cast<uint32_t>(start), static_cast<uint32_t>(doc.text.size())});
    }
    para.end = static_cast<uint32_t>(doc.text.size());
    para.lang = "en";
    doc.paragraphs.push_back(para);
  }
  doc.id = HashHex(doc.text);
  return doc;
}

bool SyntheticCounts(const std::string& title, size_t* paragraphs, size_t* sentences) {
  char tag[64];
  return std::sscanf(title.c_str(), "synthetic %63s p%zu s%zu", tag, paragraphs, sentences) == 3;
}

}  // namespace sitrep
