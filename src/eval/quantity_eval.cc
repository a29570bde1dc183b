// @brief Quantity scoring: matching rules are in docs/EVAL-quantity.md.
#include "eval/quantity_eval.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>

#include "base/file_io.h"
#include "base/json.h"
#include "base/utf8.h"

namespace sitrep {
namespace {

constexpr size_t kMaxEvalFile = 64u << 20;

bool SameNumber(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

// Gold values are strings with a decimal comma or point: "0,2", "1E-12".
double ParseGoldNumber(std::string s) {
  std::replace(s.begin(), s.end(), ',', '.');
  return std::strtod(s.c_str(), nullptr);
}

bool Contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

// Hedge types the gold accepts: "upper_bound (LESS_THAN)" -> {upper_bound};
// "exact or lower_bound (...)" -> {exact, lower_bound}.
std::vector<std::string> GoldHedges(const std::string& hedge_type) {
  std::vector<std::string> out;
  std::string head = hedge_type.substr(0, hedge_type.find(" ("));
  size_t pos = 0;
  while (pos <= head.size()) {
    size_t next = head.find(" or ", pos);
    out.push_back(head.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
    if (next == std::string::npos) break;
    pos = next + 4;
  }
  return out;
}

bool ValueOk(const JsonValue& gold, const Claim& c) {
  const JsonValue& v = gold["value"];
  if (v.is_number()) return !c.interval && SameNumber(v.num(), c.value);
  if (v.is_object()) {
    return c.interval && SameNumber(v["min"].num(), c.min) && SameNumber(v["max"].num(), c.max);
  }
  return true;  // no gold value: only the hedge type is checked
}

}  // namespace

// The gold's English labels -> our measure names (docs/EVAL-quantity.md).
std::string GoldClaimMeasure(const JsonValue& claim) {
  std::string category = claim.GetString("category");
  std::string unit = claim.GetString("unit");
  std::string thing = claim.GetString("measured_thing");
  if (Contains(category, "ordinal")) return "ordinal";
  if (category == "duration" || category == "age" || category == "distance") return category;
  if (Contains(unit, "soldier") || Contains(unit, "troop")) return "troops";
  if (Contains(unit, "killed") || Contains(unit, "death")) return "killed";
  if (Contains(unit, "injured")) return "injured";
  if (Contains(unit, "arrest")) return "arrested";
  if (Contains(unit, "member")) return "members";  // "six membres" of an organisation
  return "other";
}

Document DocumentFromText(std::string text, std::string_view lang, Segmenter* segmenter) {
  Document doc;
  doc.text = std::move(text);
  doc.lang = std::string(lang);
  size_t pos = 0;
  while (pos < doc.text.size()) {
    size_t nl = doc.text.find('\n', pos);
    if (nl == std::string::npos) nl = doc.text.size();
    if (nl > pos) {
      Paragraph p;
      p.start = static_cast<uint32_t>(pos);
      p.end = static_cast<uint32_t>(nl);
      p.lang = doc.lang;
      doc.paragraphs.push_back(p);
      std::string_view para = std::string_view(doc.text).substr(pos, nl - pos);
      for (const TextRange& r : segmenter->Sentences(para, lang, p.start)) {
        doc.sentences.push_back({r.start, r.end});
      }
    }
    pos = nl + 1;
  }
  return doc;
}

Result<Document> DocumentFromTextFile(const std::string& path, std::string_view lang,
                                      Segmenter* segmenter) {
  Result<std::string> text = ReadFileLimited(path, kMaxEvalFile);
  if (!text.ok()) return text.status();
  return DocumentFromText(std::move(text).value(), lang, segmenter);
}

std::vector<int> MatchClaimSpans(const std::vector<CodePointSpan>& gold, const Document& doc,
                                 const std::vector<Claim>& claims) {
  CodePointIndex index(doc.text);
  auto cp = [&](uint32_t b) { return static_cast<int64_t>(index.ToCodePoint(b)); };
  std::vector<bool> used(claims.size(), false);
  std::vector<int> out(gold.size(), -1);
  for (size_t k = 0; k < gold.size(); ++k) {
    int best = -1;
    int64_t best_overlap = 0;
    for (size_t i = 0; i < claims.size(); ++i) {
      if (used[i]) continue;
      int64_t overlap =
          std::min(gold[k].end, cp(claims[i].end)) - std::max(gold[k].start, cp(claims[i].start));
      if (overlap > best_overlap) {
        best_overlap = overlap;
        best = static_cast<int>(i);
      }
    }
    if (best >= 0) used[best] = true;
    out[k] = best;
  }
  return out;
}

Result<QuantityScores> ScoreSeedQuantities(const QuantityTagger& tagger, Segmenter* segmenter,
                                           const std::string& gold_path,
                                           const std::string& corpus_dir) {
  Result<std::string> raw = ReadFileLimited(gold_path, kMaxEvalFile);
  if (!raw.ok()) return raw.status();
  Result<JsonValue> gold = ParseJson(*raw);
  if (!gold.ok()) return gold.status().WithContext(gold_path);
  // Gold claims grouped by article, in file order.
  std::vector<std::string> articles;
  for (const JsonValue& c : (*gold)["claims"].items()) {
    std::string a = c.GetString("article");
    if (std::find(articles.begin(), articles.end(), a) == articles.end()) articles.push_back(a);
  }
  QuantityScores s;
  for (const std::string& article : articles) {
    Result<Document> doc = DocumentFromTextFile(corpus_dir + "/" + article, "fr", segmenter);
    if (!doc.ok()) return doc.status();
    std::vector<Claim> claims = tagger.Claims(*doc);
    CodePointIndex index(doc->text);
    s.predicted += static_cast<int>(claims.size());
    std::vector<bool> used(claims.size(), false);
    auto cp = [&](uint32_t b) { return static_cast<int64_t>(index.ToCodePoint(b)); };
    std::vector<const JsonValue*> golds;
    std::vector<CodePointSpan> spans;
    for (const JsonValue& g : (*gold)["claims"].items()) {
      if (g.GetString("article") != article) continue;
      golds.push_back(&g);
      spans.push_back({static_cast<int64_t>(g["span"]["start"].num()),
                       static_cast<int64_t>(g["span"]["end"].num())});
    }
    const std::vector<int> match = MatchClaimSpans(spans, *doc, claims);
    for (size_t k = 0; k < golds.size(); ++k) {
      const JsonValue& g = *golds[k];
      ++s.gold;
      const int best = match[k];
      std::string id = g.GetString("id");
      if (best < 0) {
        s.details.push_back(id + " missed: " + g["span"].GetString("text"));
        continue;
      }
      used[best] = true;
      ++s.matched;
      const Claim& c = claims[best];
      std::string text = doc->text.substr(c.start, c.end - c.start);
      bool hedge_ok = false;
      for (const std::string& h : GoldHedges(g.GetString("hedge_type"))) {
        hedge_ok |= h == HedgeTypeName(c.hedge);
      }
      if (ValueOk(g, c) && hedge_ok) {
        ++s.value_ok;
      } else {
        s.details.push_back(id + " value/hedge: \"" + text + "\" " + HedgeTypeName(c.hedge) +
                            " vs gold " + g.GetString("hedge_type"));
      }
      std::string gm = GoldClaimMeasure(g);
      if (gm == c.measure) {
        ++s.measure_ok;
      } else {
        s.details.push_back(id + " measure: \"" + text + "\" " + c.measure + " vs gold " + gm);
      }
      const JsonValue& ga = g["source_attribution"]["span"];
      bool attr_ok;
      if (ga.is_null()) {
        attr_ok = c.attribution.empty();
      } else {
        int64_t as = static_cast<int64_t>(ga["start"].num());
        int64_t ae = static_cast<int64_t>(ga["end"].num());
        attr_ok = !c.attribution.empty() &&
                  std::min(ae, cp(c.attribution.end)) > std::max(as, cp(c.attribution.start));
      }
      if (attr_ok) {
        ++s.attribution_ok;
      } else {
        std::string got =
            c.attribution.empty()
                ? "none"
                : doc->text.substr(c.attribution.start, c.attribution.end - c.attribution.start);
        s.details.push_back(id + " attribution: \"" + got + "\" vs gold " +
                            (ga.is_null() ? "none" : "\"" + ga.GetString("text") + "\""));
      }
    }
    for (size_t i = 0; i < claims.size(); ++i) {
      if (!used[i]) {
        s.details.push_back(article.substr(0, 3) + " extra: \"" +
                            doc->text.substr(claims[i].start, claims[i].end - claims[i].start) +
                            "\" " + claims[i].measure);
      }
    }
  }
  s.precision = s.predicted ? static_cast<double>(s.matched) / s.predicted : 0;
  s.recall = s.gold ? static_cast<double>(s.matched) / s.gold : 0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

namespace {

struct Predicted {
  int64_t start, end;  // code points, end exclusive
  double value;
};

// One spec file: `predict` gives our results for an input.
template <typename Predict>
Result<SpecScores> ScoreSpec(const std::string& path, Predict predict,
                             bool skip_numberless = false) {
  Result<std::string> raw = ReadFileLimited(path, kMaxEvalFile);
  if (!raw.ok()) return raw.status();
  Result<JsonValue> cases = ParseJson(*raw);
  if (!cases.ok()) return cases.status().WithContext(path);
  SpecScores s;
  for (const JsonValue& c : cases->items()) {
    ++s.cases;
    std::string input = c.GetString("Input");
    std::vector<Predicted> pred = predict(input);
    std::vector<bool> used(pred.size(), false);
    int matched = 0, gold = 0;
    for (const JsonValue& r : c["Results"].items()) {
      // A unit named without a number ("convert to fahrenheit") is no quantity.
      if (skip_numberless && r["Resolution"].GetString("value").empty()) {
        ++s.skipped;
        continue;
      }
      ++gold;
      int64_t start = static_cast<int64_t>(r["Start"].num());
      int64_t end = static_cast<int64_t>(r["End"].num());
      double value = ParseGoldNumber(r["Resolution"].GetString("value"));
      for (size_t i = 0; i < pred.size(); ++i) {
        // End is inclusive in the specs; a few cases give it exclusive.
        if (!used[i] && pred[i].start == start && (pred[i].end - 1 == end || pred[i].end == end) &&
            SameNumber(pred[i].value, value)) {
          used[i] = true;
          ++matched;
          break;
        }
      }
    }
    s.gold += gold;
    s.predicted += static_cast<int>(pred.size());
    s.matched += matched;
    if (matched == gold && static_cast<int>(pred.size()) == gold) {
      ++s.cases_ok;
    } else {
      std::string got;
      for (const Predicted& p : pred) {
        got += " [" + std::to_string(p.start) + "," + std::to_string(p.end - 1) +
               "]=" + std::to_string(p.value);
      }
      s.failures.push_back(input + "  ->" + (got.empty() ? " nothing" : got));
    }
  }
  s.case_accuracy = s.cases ? static_cast<double>(s.cases_ok) / s.cases : 0;
  s.precision = s.predicted ? static_cast<double>(s.matched) / s.predicted : 0;
  s.recall = s.gold ? static_cast<double>(s.matched) / s.gold : 0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

}  // namespace

Result<SpecScores> ScoreNumberSpec(const QuantityTagger& tagger, const std::string& path,
                                   std::string_view lang) {
  return ScoreSpec(path, [&](const std::string& input) {
    std::vector<Predicted> out;
    CodePointIndex index(input);
    for (const NumberMatch& m : tagger.Numbers(input, lang)) {
      // The number model has no ordinals, vague quantities or numbers with units;
      // a lone "un" is dropped as the tagger drops it (an article).
      if (m.kind == NumberKind::kOrdinal || m.kind == NumberKind::kVague || m.glued || m.lone_one ||
          (m.date_like && !m.spelled)) {
        continue;
      }
      out.push_back({index.ToCodePoint(m.start), index.ToCodePoint(m.end), m.value});
    }
    return out;
  });
}

Result<SpecScores> ScoreCurrencySpec(const QuantityTagger& tagger, const std::string& path,
                                     std::string_view lang) {
  return ScoreSpec(path, [&](const std::string& input) {
    std::vector<Predicted> out;
    Document doc;
    doc.text = input;
    doc.lang = std::string(lang);
    CodePointIndex index(doc.text);
    const std::vector<NumberMatch> numbers = tagger.Numbers(input, lang);
    for (const Claim& c : tagger.Claims(doc)) {
      if (c.measure != "money") continue;
      // The money expression: number and currency, without hedge or context.
      uint32_t start = c.number_start, end = c.number_end;
      if (!c.unit_span.empty()) {
        start = std::min(start, c.unit_span.start);
        end = std::max(end, c.unit_span.end);
      }
      // The specs give an amount in a subunit as written ("50 cents" = 50, unit
      // Cent), our claims in the currency's main unit (0.50 USD): for a subunit
      // compare the number as written, unless the expression holds two numbers
      // ("3 dollars 50 cents" = 3.5 both ways). Other amounts are compared in
      // the main unit ("30 MUSD" = 3e7 both ways).
      bool second = false;  // a number after the unit's first word, inside the expression
      for (const NumberMatch& m : numbers) {
        second |= m.start > c.unit_span.start && m.start >= c.number_end && m.end <= end;
      }
      double value = c.value;
      for (const NumberMatch& m : numbers) {
        if (!second && m.start == c.number_start && m.end == c.number_end &&
            std::fabs(c.value) < std::fabs(m.value)) {
          value = m.value;
        }
      }
      out.push_back({index.ToCodePoint(start), index.ToCodePoint(end), value});
    }
    return out;
  });
}

Result<SpecScores> ScoreUnitSpec(const QuantityTagger& tagger, const std::string& path,
                                 std::string_view lang,
                                 const std::function<bool(const std::string&)>& measure_ok) {
  return ScoreSpec(
      path,
      [&](const std::string& input) {
        std::vector<Predicted> out;
        Document doc;
        doc.text = input;
        doc.lang = std::string(lang);
        CodePointIndex index(doc.text);
        const std::vector<NumberMatch> numbers = tagger.Numbers(input, lang);
        for (const Claim& c : tagger.Claims(doc)) {
          if (!measure_ok(c.measure) || c.unit_span.empty()) continue;
          // The measure: number and unit, without hedge or context.
          uint32_t start = std::min(c.number_start, c.unit_span.start);
          uint32_t end = std::max(c.number_end, c.unit_span.end);
          double value = c.value;
          if (c.interval && c.number_kind == NumberKind::kCardinal) {
            // A range ("huit à 10 pieds") is one claim; the specs give its
            // second number with the unit ("10 pieds").
            for (const NumberMatch& m : numbers) {
              if (m.end == c.number_end && m.start > c.number_start) start = m.start;
            }
            value = c.max;
          }
          out.push_back({index.ToCodePoint(start), index.ToCodePoint(end), value});
        }
        return out;
      },
      true);
}

}  // namespace sitrep
