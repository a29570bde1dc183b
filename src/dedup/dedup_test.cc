// @brief Tests of MinHash signatures and the DuplicateIndex: copies, cuts,
// additions, partial overlaps, copy groups, and the store's Insert path.
#include <gtest/gtest.h>

#include <string>

#include "dedup/duplicate_index.h"
#include "dedup/minhash.h"

namespace sitrep {
namespace {

// `n` pseudo-words from stream `seed` (an LCG): texts that share no shingle
// unless built from the same stream.
std::string Words(uint32_t seed, size_t n) {
  std::string out;
  uint64_t x = seed * 2654435761ULL + 12345;
  for (size_t i = 0; i < n; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    out += (i ? " " : "") + std::string("mot") + std::to_string((x >> 33) % 50000);
    if (i % 17 == 16) out += ".";
  }
  return out;
}

DocSignature Sig(const std::string& text) { return MakeSignatureOfText(text); }

TEST(MinHash, SameWordsSameSignature) {
  // Case, accents, typographic apostrophes and punctuation do not matter.
  DocSignature a =
      Sig("L’Élysée a répondu, lundi : « Nous refusons » ; le ministre est parti à Paris.");
  DocSignature b = Sig("l'elysee a repondu lundi nous refusons le ministre est parti a paris");
  ASSERT_EQ(a.minhash.size(), kMinHashSize);
  EXPECT_EQ(a.minhash, b.minhash);
  EXPECT_DOUBLE_EQ(EstimateJaccard(a, b), 1.0);
}

TEST(MinHash, ShortTextHasNoSignature) {
  DocSignature s = Sig("Trois mots seulement et encore");
  EXPECT_TRUE(s.minhash.empty());
  EXPECT_LT(s.shingles, kMinShingles);
  EXPECT_EQ(EstimateJaccard(s, s), 0.0);
}

TEST(MinHash, UnrelatedTextsShareNothing) {
  EXPECT_LT(EstimateJaccard(Sig(Words(1, 400)), Sig(Words(2, 400))), 0.02);
}

TEST(MinHash, HalfIsContained) {
  const std::string full = Words(3, 600);
  const std::string half = full.substr(0, full.size() / 2);
  DocSignature a = Sig(full), b = Sig(half);
  const double j = EstimateJaccard(a, b);
  EXPECT_NEAR(j, 0.5, 0.12);
  EXPECT_GT(EstimateContainment(a.shingles, b.shingles, j), 0.85);
}

TEST(MinHash, WordOrderMatters) {
  // The same words in another order share no shingle.
  EXPECT_LT(EstimateJaccard(Sig("a b c d e f g h i j k l m n o p"),
                            Sig("p o n m l k j i h g f e d c b a")),
            0.05);
}

TEST(DuplicateIndex, CopiesAndOverlaps) {
  const std::string a = Words(10, 500), other = Words(11, 500), core = Words(12, 300);
  DuplicateIndex index;
  EXPECT_FALSE(index.Add("a", Sig(a)).duplicate_of);
  EXPECT_FALSE(index.Add("other", Sig(other)).duplicate_of);
  // A paragraph added: a copy of a.
  DocLinks added = index.Add("added", Sig(a + " " + Words(13, 60)));
  ASSERT_TRUE(added.duplicate_of);
  EXPECT_EQ(added.duplicate_of->document, "a");
  EXPECT_GT(added.duplicate_of->similarity, 0.7);
  EXPECT_TRUE(added.shares_with.empty());
  // Cut in half: a copy of a's group (through "added" or a itself: a).
  DocLinks half = index.Add("half", Sig(a.substr(0, a.size() / 2)));
  ASSERT_TRUE(half.duplicate_of);
  EXPECT_EQ(half.duplicate_of->document, "a");
  // A rewrite around a shared core: shares with both, a copy of neither.
  // (J = 300 / 1100 = 0.27.)
  const std::string x = Words(20, 200) + " " + core + " " + Words(21, 200);
  const std::string y = Words(22, 200) + " " + core + " " + Words(23, 200);
  EXPECT_FALSE(index.Add("x", Sig(x)).duplicate_of);
  DocLinks ly = index.Add("y", Sig(y));
  EXPECT_FALSE(ly.duplicate_of);
  ASSERT_EQ(ly.shares_with.size(), 1u);
  EXPECT_EQ(ly.shares_with[0].document, "x");
  EXPECT_GT(ly.shares_with[0].similarity, 0.17);
  EXPECT_LT(ly.shares_with[0].similarity, 0.4);
  // Unrelated documents link to nothing.
  DocLinks none = index.Add("z", Sig(Words(30, 400)));
  EXPECT_FALSE(none.duplicate_of);
  EXPECT_TRUE(none.shares_with.empty());
  // The same id again: a copy with similarity 1 of its group's first.
  DocLinks again = index.Add("added", Sig(a + " " + Words(13, 60)));
  ASSERT_TRUE(again.duplicate_of);
  EXPECT_EQ(again.duplicate_of->document, "a");
  EXPECT_EQ(index.size(), 7u);
}

TEST(DuplicateIndex, ChainPointsToFirstOfGroup) {
  // c is close to b only (b drifted from a): still a's group.
  const std::string base = Words(40, 400);
  const std::string b = base + " " + Words(41, 80);
  const std::string c = b + " " + Words(42, 80);
  DuplicateIndex index;
  (void)index.Add("a", Sig(base));
  ASSERT_EQ(index.Add("b", Sig(b)).duplicate_of->document, "a");
  DocLinks lc = index.Add("c", Sig(c));
  ASSERT_TRUE(lc.duplicate_of);
  EXPECT_EQ(lc.duplicate_of->document, "a");
}

TEST(DuplicateIndex, InsertedDocumentsAreFoundLater) {
  // The store path: earlier documents inserted with their known links give
  // the same links to a new document as adding them all in one run.
  const std::string a = Words(50, 400), b = Words(51, 400);
  const std::string copy = a + " " + Words(52, 40);
  DuplicateIndex one_run;
  (void)one_run.Add("a", Sig(a));
  (void)one_run.Add("b", Sig(b));
  DocLinks want = one_run.Add("copy", Sig(copy));
  DuplicateIndex later;
  later.Insert("a", Sig(a), "");
  later.Insert("b", Sig(b), "");
  DocLinks got = later.Add("copy", Sig(copy));
  ASSERT_TRUE(want.duplicate_of && got.duplicate_of);
  EXPECT_EQ(got.duplicate_of->document, want.duplicate_of->document);
  EXPECT_EQ(got.duplicate_of->similarity, want.duplicate_of->similarity);
  // A stored copy keeps its group: a copy of it points to the group's first.
  later.Insert("copy", Sig(copy), "a");
  DocLinks third = later.Add("third", Sig(copy + " " + Words(53, 30)));
  ASSERT_TRUE(third.duplicate_of);
  EXPECT_EQ(third.duplicate_of->document, "a");
}

TEST(DuplicateIndex, ManyCopiesStayBounded) {
  // Hundreds of copies of one text: each finds the group's first document.
  const std::string a = Words(60, 300);
  DuplicateIndex index;
  (void)index.Add("first", Sig(a));
  for (int i = 0; i < 300; ++i) {
    DocLinks l = index.Add("c" + std::to_string(i), Sig(a + " " + Words(1000 + i, 10)));
    ASSERT_TRUE(l.duplicate_of) << i;
    EXPECT_EQ(l.duplicate_of->document, "first");
    EXPECT_TRUE(l.shares_with.empty());
  }
}

TEST(LinkDocument, FailedDocumentsAreLeftAlone) {
  DuplicateIndex index;
  Document ok, failed;
  ok.id = "ok";
  ok.signature = Sig(Words(70, 200));
  failed.id = "failed";
  failed.signature = ok.signature;
  failed.Fail(Status::InvalidArgument("bad"));
  LinkDocument(&index, &ok);
  LinkDocument(&index, &failed);
  EXPECT_FALSE(failed.duplicate_of);
  EXPECT_EQ(index.size(), 1u);
}

}  // namespace
}  // namespace sitrep
