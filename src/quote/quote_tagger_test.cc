// @brief QuoteTagger: quote marks, kinds and speakers in five languages, and
// bounded work on hostile input. Sentences written for these tests.
#include "quote/quote_tagger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "base/data_file.h"

namespace sitrep {
namespace {

struct Name {
  std::string text;
  MentionType type = MentionType::kPer;
  bool nominal = false;
};

// A document as the earlier stages leave it: paragraphs at blank lines,
// sentences after . ! ? before a capital, a quote mark or a dash, and a
// mention for each occurrence of each name (entity "id:<name>").
Document MakeDoc(const std::string& text, const std::string& lang, const std::vector<Name>& names) {
  Document d;
  d.text = text;
  d.lang = lang;
  for (size_t b = 0; b <= text.size();) {
    size_t e = std::min(text.find("\n\n", b), text.size());
    Paragraph& p = d.paragraphs.emplace_back();
    p.start = static_cast<uint32_t>(b);
    p.end = static_cast<uint32_t>(e);
    p.lang = lang;
    size_t s = b;
    for (size_t i = b; i + 2 < e; ++i) {
      if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ') {
        unsigned char n = static_cast<unsigned char>(text[i + 2]);
        // Not before a closing mark: "« … hiver. » Le" ends after the mark.
        const bool closing = text.compare(i + 2, 2, "»") == 0 || text.compare(i + 2, 3, "”") == 0;
        if (((n >= 'A' && n <= 'Z') || n >= 0xC2 || n == '"') && !closing) {
          d.sentences.push_back({static_cast<uint32_t>(s), static_cast<uint32_t>(i + 1)});
          s = i + 2;
        }
      }
    }
    d.sentences.push_back({static_cast<uint32_t>(s), static_cast<uint32_t>(e)});
    b = e + 2;
  }
  for (const Name& n : names) {
    for (size_t at = text.find(n.text); at != std::string::npos; at = text.find(n.text, at + 1)) {
      Mention m;
      m.start = static_cast<uint32_t>(at);
      m.end = static_cast<uint32_t>(at + n.text.size());
      m.type = n.type;
      m.nominal = n.nominal;
      m.entity = "id:" + n.text;
      d.mentions.push_back(m);
    }
  }
  std::sort(d.mentions.begin(), d.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.start < b.start; });
  return d;
}

class QuoteTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Options o;
    auto t = QuoteTagger::Create(o);
    ASSERT_TRUE(t.ok()) << t.status().message();
    tagger_ = std::move(t).value();
  }
  static void TearDownTestSuite() { tagger_.reset(); }
  std::vector<Quote> Tag(const Document& d, std::vector<std::string>* warnings = nullptr) {
    std::vector<std::string> w;
    return tagger_->Tag(d, nullptr, warnings ? warnings : &w);
  }
  static std::string Text(const Document& d, uint32_t a, uint32_t b) {
    return d.text.substr(a, b - a);
  }
  static std::string Speaker(const Document& d, const Quote& q) {
    return q.speaker.empty() ? "" : Text(d, q.speaker.start, q.speaker.end);
  }
  // The marked quotes only (no indirect speech).
  static std::vector<Quote> Marked(const std::vector<Quote>& qs) {
    std::vector<Quote> out;
    for (const Quote& q : qs)
      if (q.kind != QuoteKind::kIndirect) out.push_back(q);
    return out;
  }
  static std::unique_ptr<QuoteTagger> tagger_;
};
std::unique_ptr<QuoteTagger> QuoteTest::tagger_;

TEST_F(QuoteTest, FrenchInvertedAttribution) {
  Document d = MakeDoc(
      "Le port a rouvert mardi. « Nous ne reculerons pas devant la crue », a déclaré "
      "Jean Marchal, maire de la ville.",
      "fr", {{"Jean Marchal"}});
  auto q = Marked(Tag(d));
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(Text(d, q[0].start, q[0].end), "Nous ne reculerons pas devant la crue");
  EXPECT_EQ(q[0].kind, QuoteKind::kDirect);
  EXPECT_EQ(Speaker(d, q[0]), "Jean Marchal");
  EXPECT_EQ(q[0].speaker_entity, "id:Jean Marchal");
  EXPECT_EQ(q[0].cue, "déclaré");
  EXPECT_EQ(q[0].resolution, SpeakerResolution::kExplicit);
}

TEST_F(QuoteTest, FrenchPronounContinuationAndTerm) {
  Document d = MakeDoc(
      "Hélène Vasseur a visité le chantier. « Les travaux avancent plus vite que prévu », "
      "a-t-elle ajouté. « Nous finirons avant l'hiver. » Le syndicat dénonce une « cadence "
      "infernale » sur le site.",
      "fr", {{"Hélène Vasseur"}});
  auto q = Marked(Tag(d));
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(Speaker(d, q[0]), "Hélène Vasseur");
  EXPECT_EQ(q[0].resolution, SpeakerResolution::kPronoun);
  EXPECT_EQ(Text(d, q[1].start, q[1].end), "Nous finirons avant l'hiver.");
  EXPECT_EQ(q[1].resolution, SpeakerResolution::kContinuation);
  EXPECT_EQ(Speaker(d, q[1]), "Hélène Vasseur");
  EXPECT_EQ(Text(d, q[2].start, q[2].end), "cadence infernale");
  EXPECT_EQ(q[2].kind, QuoteKind::kTerm);
}

TEST_F(QuoteTest, FrenchSourceCuePartialAndIndirect) {
  Document d = MakeDoc(
      "Selon Claire Dumas, « la situation reste tendue dans toute la vallée ». "
      "Paul Lemoine a affirmé que les négociations reprendraient lundi.",
      "fr", {{"Claire Dumas"}, {"Paul Lemoine"}});
  auto all = Tag(d);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].kind, QuoteKind::kPartial);
  EXPECT_EQ(Speaker(d, all[0]), "Claire Dumas");
  EXPECT_EQ(all[0].cue, "Selon");
  EXPECT_EQ(all[1].kind, QuoteKind::kIndirect);
  EXPECT_EQ(Text(d, all[1].start, all[1].end), "les négociations reprendraient lundi");
  EXPECT_EQ(Speaker(d, all[1]), "Paul Lemoine");
}

TEST_F(QuoteTest, UnbalancedMarksAndParagraphs) {
  // A quote opened with « and closed with ", then one never closed: each
  // ends where its mark does, or with its paragraph.
  Document d = MakeDoc(
      "« Le fleuve a monté de deux mètres en une nuit\", a déclaré Marc Olivier. \"Personne "
      "n'avait prévu une telle montée\n\nLa préfecture a ouvert un gymnase.",
      "fr", {{"Marc Olivier"}});
  auto q = Marked(Tag(d));
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(Text(d, q[0].start, q[0].end), "Le fleuve a monté de deux mètres en une nuit");
  EXPECT_EQ(Speaker(d, q[0]), "Marc Olivier");
  EXPECT_EQ(Text(d, q[1].start, q[1].end), "Personne n'avait prévu une telle montée");
  EXPECT_EQ(q[1].resolution, SpeakerResolution::kContinuation);
}

TEST_F(QuoteTest, QuoteOverParagraphsIsOne) {
  Document d = MakeDoc(
      "« Nous avons tout reconstruit en six mois.\n\n« Il reste les routes du nord », a "
      "déclaré Marc Olivier.",
      "fr", {{"Marc Olivier"}});
  auto q = Marked(Tag(d));
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].start, 3u);  // after "« "
  EXPECT_EQ(Text(d, q[0].end - 7, q[0].end), "du nord");
  EXPECT_EQ(Speaker(d, q[0]), "Marc Olivier");
}

TEST_F(QuoteTest, NestedMarksKeepTheOutermost) {
  Document d = MakeDoc(
      "« On nous parle de “sécurité” depuis des années sans rien changer », a estimé Lina "
      "Morel.",
      "fr", {{"Lina Morel"}});
  auto q = Marked(Tag(d));
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(Text(d, q[0].start, q[0].start + 11), "On nous par");
  EXPECT_EQ(Speaker(d, q[0]), "Lina Morel");
}

TEST_F(QuoteTest, FrenchAttributionAcrossClausesAndSentences) {
  Document d = MakeDoc(
      "Marc Olivier note encore que la digue a tenu. « J'espère que la pluie cessera bientôt. » "
      "« La crue est passée », a déclaré Paul Lemoine, ajoutant que « les écoles rouvriront "
      "jeudi matin ». La préfecture « suit de près » la montée des eaux. « Nous tiendrons bon "
      "ici », a déclaré un habitant du quartier.",
      "fr", {{"Marc Olivier"}, {"Paul Lemoine"}, {"La préfecture", MentionType::kOrg}});
  auto q = Marked(Tag(d));
  ASSERT_EQ(q.size(), 5u);
  EXPECT_EQ(Speaker(d, q[0]), "Marc Olivier");  // the verb of the sentence before
  EXPECT_EQ(q[0].cue, "note");
  EXPECT_EQ(Speaker(d, q[1]), "Paul Lemoine");
  EXPECT_EQ(Speaker(d, q[2]), "Paul Lemoine");
  EXPECT_EQ(q[2].cue, "ajoutant");
  EXPECT_EQ(q[3].kind, QuoteKind::kPartial);  // a predicate after its subject, not a term
  Document places = MakeDoc(
      "Les Pays-Bas « refusent tout compromis » sur ce point. Les pourparlers de Lyon « tendus » "
      "ont repris.",
      "fr", {{"Pays-Bas", MentionType::kLoc}, {"Lyon", MentionType::kLoc}});
  auto p = Marked(Tag(places));
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].kind, QuoteKind::kPartial);  // a place opening its sentence: the subject
  EXPECT_EQ(p[1].kind, QuoteKind::kTerm);     // a place inside a noun phrase
  EXPECT_EQ(Speaker(d, q[3]), "");
  // Someone the text names but no mention covers: no guess.
  EXPECT_EQ(Speaker(d, q[4]), "");
  EXPECT_EQ(q[4].resolution, SpeakerResolution::kUnresolved);
  // "», a-t-il déclaré, ajoutant que « … »": the gerund has no subject of its
  // own; the quote shares the speaker of the quote before it.
  Document e = MakeDoc(
      "Paul Lemoine est arrivé tôt. « La crue est passée », a-t-il déclaré, ajoutant que « les "
      "écoles rouvriront jeudi matin ».",
      "fr", {{"Paul Lemoine"}});
  auto r = Marked(Tag(e));
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].resolution, SpeakerResolution::kPronoun);
  EXPECT_EQ(Speaker(e, r[1]), "Paul Lemoine");
  EXPECT_EQ(r[1].resolution, SpeakerResolution::kContinuation);
}

TEST_F(QuoteTest, EnglishSaidHeSaidAccordingTo) {
  Document d = MakeDoc(
      "“We will rebuild the bridge by spring,” said Anna Kowalski. Tom Baker spoke after "
      "her. “The vote is final and binding,” he said. According to Laura Chen, “the talks "
      "have stalled for good.” Peter Hall said: “Nobody expected this outcome at all.”",
      "en", {{"Anna Kowalski"}, {"Tom Baker"}, {"Laura Chen"}, {"Peter Hall"}});
  auto q = Marked(Tag(d));
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(Speaker(d, q[0]), "Anna Kowalski");
  EXPECT_EQ(Speaker(d, q[1]), "Tom Baker");
  EXPECT_EQ(q[1].resolution, SpeakerResolution::kPronoun);
  EXPECT_EQ(Speaker(d, q[2]), "Laura Chen");
  EXPECT_EQ(Speaker(d, q[3]), "Peter Hall");
  EXPECT_EQ(q[3].kind, QuoteKind::kDirect);
  // Apostrophes are not marks.
  Document e = MakeDoc("The city's mayor didn't comment. ‘Fine,’ she wrote later.", "en", {});
  EXPECT_EQ(Marked(Tag(e)).size(), 1u);
}

TEST_F(QuoteTest, GermanLowAndReversedMarks) {
  Document d = MakeDoc(
      "„Wir bleiben bei unserer Linie“, sagte Klaus Weber. »Das war ein schwerer Fehler der "
      "Regierung«, erklärte Anna Roth. Eva Lindner kam später. „Es reicht jetzt wirklich“, "
      "sagte sie.",
      "de", {{"Klaus Weber"}, {"Anna Roth"}, {"Eva Lindner"}});
  auto q = Marked(Tag(d));
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(Text(d, q[0].start, q[0].end), "Wir bleiben bei unserer Linie");
  EXPECT_EQ(Speaker(d, q[0]), "Klaus Weber");
  EXPECT_EQ(Text(d, q[1].start, q[1].end), "Das war ein schwerer Fehler der Regierung");
  EXPECT_EQ(Speaker(d, q[1]), "Anna Roth");
  EXPECT_EQ(Speaker(d, q[2]), "Eva Lindner");
  EXPECT_EQ(q[2].resolution, SpeakerResolution::kPronoun);
}

TEST_F(QuoteTest, SpanishProDropAndSegun) {
  Document d = MakeDoc(
      "«No vamos a ceder ante estas presiones», dijo Carlos Ruiz. Lucía Gómez visitó la "
      "planta. «La producción se duplicará este mismo año», afirmó. Según Marta Díaz, «el "
      "acuerdo llegará pronto a la mesa».",
      "es", {{"Carlos Ruiz"}, {"Lucía Gómez"}, {"Marta Díaz"}});
  auto q = Marked(Tag(d));
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(Speaker(d, q[0]), "Carlos Ruiz");
  EXPECT_EQ(Speaker(d, q[1]), "Lucía Gómez");
  EXPECT_EQ(q[1].resolution, SpeakerResolution::kPronoun);
  EXPECT_EQ(Speaker(d, q[2]), "Marta Díaz");
  EXPECT_EQ(q[2].kind, QuoteKind::kPartial);
}

TEST_F(QuoteTest, RussianGuillemetsDashesAndDialogue) {
  Document d = MakeDoc(
      "«Мы не отступим от своих планов», — заявил Иван Петров.\n\n"
      "— Мы готовы к переговорам, — сказал Сергей Волков. — Но условия должны быть "
      "честными.\n\nОльга Смирнова выступила на форуме. «Рынок растёт быстрее всех "
      "прогнозов», — сказала она. Речь шла о так называемом «зерновом коридоре».",
      "ru", {{"Иван Петров"}, {"Сергей Волков"}, {"Ольга Смирнова"}});
  auto q = Marked(Tag(d));
  ASSERT_EQ(q.size(), 5u);
  EXPECT_EQ(Speaker(d, q[0]), "Иван Петров");
  EXPECT_EQ(Text(d, q[1].start, q[1].end), "Мы готовы к переговорам");
  EXPECT_EQ(Speaker(d, q[1]), "Сергей Волков");
  EXPECT_EQ(Text(d, q[2].start, q[2].end), "Но условия должны быть честными.");
  EXPECT_EQ(Speaker(d, q[2]), "Сергей Волков");
  EXPECT_EQ(Speaker(d, q[3]), "Ольга Смирнова");
  EXPECT_EQ(q[3].resolution, SpeakerResolution::kPronoun);
  EXPECT_EQ(q[4].kind, QuoteKind::kTerm);
}

// «…, — считает X. — …»: the author's words between dashes inside the marks
// split the quote in two, both attributed by them.
TEST_F(QuoteTest, RussianQuoteInterruptedByTheAuthor) {
  Document d = MakeDoc(
      "«Соглашение подпишут до конца месяца, — считает аналитик Павел Орлов. — Но споры о "
      "квотах останутся». Министр промолчал.",
      "ru", {{"Павел Орлов"}});
  auto q = Marked(Tag(d));
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(Text(d, q[0].start, q[0].end), "Соглашение подпишут до конца месяца");
  EXPECT_EQ(Text(d, q[1].start, q[1].end), "Но споры о квотах останутся");
  EXPECT_EQ(Speaker(d, q[0]), "Павел Орлов");
  EXPECT_EQ(Speaker(d, q[1]), "Павел Орлов");
  EXPECT_EQ(q[0].cue, "считает");
}

// Indirect speech after a comma ("sagte, dass", "заявил, что").
TEST_F(QuoteTest, IndirectSpeechAfterAComma) {
  Document d = MakeDoc("Klaus Weber sagte, dass die Brücke im Frühjahr fertig wird.", "de",
                       {{"Klaus Weber"}});
  auto q = Tag(d);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, QuoteKind::kIndirect);
  EXPECT_EQ(Text(d, q[0].start, q[0].end), "die Brücke im Frühjahr fertig wird");
  EXPECT_EQ(Speaker(d, q[0]), "Klaus Weber");
  Document r = MakeDoc("Иван Петров заявил, что переговоры продолжатся в понедельник.", "ru",
                       {{"Иван Петров"}});
  auto qr = Tag(r);
  ASSERT_EQ(qr.size(), 1u);
  EXPECT_EQ(Speaker(r, qr[0]), "Иван Петров");
}

// A source cue framing a whole clause without marks: its lead ("Selon X,
// …") or its tail ("…, according to X.") names the speaker of the rest.
TEST_F(QuoteTest, SourceCueFramesIndirectSpeech) {
  Document fr = MakeDoc(
      "Selon Hélène Garnier, les routes du col resteront fermées jusqu'à jeudi. "
      "Le pont sera rouvert en mai, d'après la préfecture du Rhône. "
      "Selon lui, tout ira bien demain matin.",
      "fr", {{"Hélène Garnier"}, {"préfecture du Rhône", MentionType::kOrg}});
  auto q = Tag(fr);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].kind, QuoteKind::kIndirect);
  EXPECT_EQ(Text(fr, q[0].start, q[0].end), "les routes du col resteront fermées jusqu'à jeudi");
  EXPECT_EQ(Speaker(fr, q[0]), "Hélène Garnier");
  EXPECT_EQ(q[0].cue, "Selon");
  EXPECT_EQ(Text(fr, q[1].start, q[1].end), "Le pont sera rouvert en mai");
  EXPECT_EQ(Speaker(fr, q[1]), "préfecture du Rhône");
  Document en = MakeDoc(
      "The ferry will not sail before Friday, according to Tom Baker of the harbour board. "
      "According to officials, 12 were hurt.",
      "en", {{"Tom Baker"}});
  auto qe = Tag(en);
  ASSERT_EQ(qe.size(), 1u);  // the second names no speaker, and is too short
  EXPECT_EQ(Text(en, qe[0].start, qe[0].end), "The ferry will not sail before Friday");
  EXPECT_EQ(Speaker(en, qe[0]), "Tom Baker");
  // A source in the middle of a clause frames nothing; a verb's indirect
  // speech in the same sentence is kept alone.
  Document es = MakeDoc(
      "Las obras, según Ana Ruiz, terminarán en junio. "
      "Según Ana Ruiz, Pedro Gil dijo que el puerto abrirá el lunes.",
      "es", {{"Ana Ruiz"}, {"Pedro Gil"}});
  auto qs = Tag(es);
  ASSERT_EQ(qs.size(), 1u);
  EXPECT_EQ(Text(es, qs[0].start, qs[0].end), "el puerto abrirá el lunes");
  EXPECT_EQ(Speaker(es, qs[0]), "Pedro Gil");
}

TEST_F(QuoteTest, RoleNounTakesThePersonTheTextGave) {
  Document d = MakeDoc(
      "Jean Marchal, porte-parole du gouvernement, est arrivé tard. « Rien n'est décidé "
      "pour l'instant », a déclaré le porte-parole.",
      "fr", {{"Jean Marchal"}, {"le porte-parole", MentionType::kPer, true}});
  d.mentions[0].roles.push_back({"spokesperson", 14, 27, "", ""});
  d.mentions[0].role = "spokesperson";
  d.mentions[1].role = "spokesperson";
  auto q = Marked(Tag(d));
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].resolution, SpeakerResolution::kRole);
  EXPECT_EQ(Speaker(d, q[0]), "Jean Marchal");
}

TEST_F(QuoteTest, NoTablesNoQuotes) {
  Document d = MakeDoc("«Test one two three four», said Ann.", "xx", {});
  EXPECT_TRUE(Tag(d).empty());
}

TEST_F(QuoteTest, HostileMarksAreBounded) {
  // Hundreds of marks, then one 50,000-character quote never closed.
  std::string text;
  for (int i = 0; i < 400; ++i) text += (i % 3 ? "« a » " : "« « \" » ");
  text += "\n\n« ";
  for (int i = 0; i < 10000; ++i) text += "mots ";
  Document d = MakeDoc(text, "fr", {});
  std::vector<std::string> warnings;
  auto q = Tag(d, &warnings);
  ASSERT_FALSE(q.empty());
  EXPECT_TRUE(q.back().cut);
  EXPECT_LE(q.back().end - q.back().start, Options().max_quote_bytes);
  ASSERT_FALSE(warnings.empty());
  EXPECT_NE(warnings.back().find("max_quote_bytes"), std::string::npos);

  // The same length over paragraphs that each reopen the quote: cut too.
  std::string paras = "« Début";
  for (int p = 0; p < 10; ++p) {
    paras += "\n\n« ";
    for (int i = 0; i < 1000; ++i) paras += "mots ";
  }
  std::vector<std::string> w3;
  auto q3 = Tag(MakeDoc(paras, "fr", {}), &w3);
  ASSERT_FALSE(q3.empty());
  EXPECT_TRUE(q3[0].cut);
  EXPECT_LE(q3[0].end - q3[0].start, Options().max_quote_bytes);
  EXPECT_GT(q3[0].end - q3[0].start, 10000u);  // it did go on over paragraphs
  ASSERT_FALSE(w3.empty());

  Options few;
  few.max_quote_marks = 10;
  auto lex = QuoteLexicon::Load(DataDir(few), {"fr"});
  ASSERT_TRUE(lex.ok());
  QuoteTagger small(std::move(lex).value(), few);
  std::vector<std::string> w2;
  auto q2 = small.Tag(d, nullptr, &w2);
  EXPECT_LE(q2.size(), 5u);
  ASSERT_FALSE(w2.empty());
  EXPECT_NE(w2[0].find("max_quote_marks"), std::string::npos);
}

TEST_F(QuoteTest, BadDataLineNamesFileAndLine) {
  const std::string dir = ::testing::TempDir() + "/quote_data";
  std::filesystem::create_directories(dir + "/lang/zz");
  {
    FILE* f = std::fopen((dir + "/lang/zz/quote_marks.tsv").c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("# test\ndouble\t«\t»\ntriple\t<\t>\n", f);
    std::fclose(f);
  }
  auto lex = QuoteLexicon::Load(dir, {"zz"});
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("quote_marks.tsv:3"), std::string::npos)
      << lex.status().message();
}

}  // namespace
}  // namespace sitrep
