// @brief Tests for CLD2 language identification.
#include "clean/langid.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(LangId, SixLanguages) {
  struct Case {
    std::string text, lang;
  } cases[] = {
      {"Le président kazakh a demandé l'aide de l'Organisation du traité de sécurité collective.", "fr"},
      {"The Kazakh president asked the Collective Security Treaty Organization for help.", "en"},
      {"El presidente kazajo pidió ayuda a la Organización del Tratado de Seguridad Colectiva.", "es"},
      {"Der kasachische Präsident bat die Organisation des Vertrags über kollektive Sicherheit um Hilfe.", "de"},
      {"Президент Казахстана обратился за помощью к Организации Договора о коллективной безопасности.", "ru"},
      {"Il presidente kazako ha chiesto aiuto all'Organizzazione del Trattato di Sicurezza Collettiva.", "it"},
  };
  for (const auto& c : cases) {
    LangGuess g = DetectLanguage(c.text);
    EXPECT_EQ(g.code, c.lang) << c.text;
    EXPECT_TRUE(g.reliable) << c.text;
  }
  EXPECT_EQ(DetectLanguage("").code, "und");
}

}  // namespace
}  // namespace sitrep
