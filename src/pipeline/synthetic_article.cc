// @brief SyntheticArticleText / SyntheticArticleHtml: slot-filled French sentences.
#include "pipeline/synthetic_article.h"

#include <array>
#include <string_view>

namespace sitrep {
namespace {

// splitmix64: small, fast, and the same on every platform.
class Prng {
 public:
  explicit Prng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  template <size_t N>
  std::string_view Pick(const std::array<std::string_view, N>& a) {
    return a[Below(N)];
  }

 private:
  uint64_t state_;
};

constexpr std::array<std::string_view, 10> kOpeners = {"",
                                                       "",
                                                       "",
                                                       "Vendredi, ",
                                                       "Dans la nuit, ",
                                                       "Par ailleurs, ",
                                                       "Selon les médias locaux, ",
                                                       "De son côté, ",
                                                       "Peu après, ",
                                                       "Au même moment, "};
constexpr std::array<std::string_view, 16> kSubjects = {"le ministère de l'Intérieur",
                                                        "le président kazakh",
                                                        "les autorités locales",
                                                        "un porte-parole de l'alliance",
                                                        "le gouvernement",
                                                        "la police",
                                                        "les manifestants",
                                                        "plusieurs témoins",
                                                        "l'agence officielle",
                                                        "le maire de la ville",
                                                        "un responsable militaire",
                                                        "le parquet général",
                                                        "les syndicats",
                                                        "une organisation humanitaire",
                                                        "le Premier ministre",
                                                        "des habitants du quartier"};
constexpr std::array<std::string_view, 12> kVerbs = {
    "a annoncé", "a indiqué", "a confirmé", "a démenti", "a rapporté", "affirme",
    "estime",    "a reconnu", "a dénoncé",  "a promis",  "a évoqué",   "a signalé"};
constexpr std::array<std::string_view, 14> kObjects = {
    "l'interpellation de # personnes",
    "l'arrivée de # soldats",
    "la fermeture des routes",
    "un nouveau bilan de # morts",
    "le rétablissement partiel d'Internet",
    "la levée du couvre-feu",
    "une hausse de #\u00a0% des prix du carburant",
    "le départ de # véhicules blindés",
    "la réouverture des banques",
    "une aide de # millions de tenges",
    "des pillages dans # magasins",
    "la libération de # détenus",
    "une enquête sur les violences",
    "la saisie de # armes"};
constexpr std::array<std::string_view, 12> kPlaces = {"à Almaty",
                                                      "dans la région de Mangystau",
                                                      "près de l'aéroport",
                                                      "dans la capitale",
                                                      "à Aktaou",
                                                      "le long de la frontière",
                                                      "devant la mairie",
                                                      "dans le centre-ville",
                                                      "à Taraz",
                                                      "autour des sites stratégiques",
                                                      "dans les villes de l'Ouest",
                                                      "à Chymkent"};
constexpr std::array<std::string_view, 12> kTimes = {
    "jeudi soir",       "le # janvier",        "depuis le début des troubles",
    "mercredi matin",   "la veille",           "il y a # jours",
    "dans la matinée",  "en fin d'après-midi", "samedi",
    "pendant # heures", "au début du mois",    "lundi dernier"};
constexpr std::array<std::string_view, 12> kTails = {
    ".",
    ".",
    ".",
    ", selon la même source.",
    ", d'après un communiqué.",
    ", une information qui n'a pu être vérifiée.",
    ", sans donner plus de détails.",
    ", alors que la situation restait tendue.",
    ", a précisé un témoin.",
    ", malgré les appels au calme.",
    ", ce que contestent les opposants.",
    ", tandis que les négociations se poursuivaient."};
// Extra words that vary the sentences so that no two share most of their words.
constexpr std::array<std::string_view, 24> kQualifiers = {
    "nouvelle",   "importante", "lourde",   "rapide",   "soudaine",   "longue",
    "discrète",   "vive",       "sérieuse", "brève",    "inattendue", "large",
    "partielle",  "lente",      "forte",    "prudente", "troisième",  "récente",
    "officielle", "provisoire", "nette",    "modeste",  "ferme",      "sanglante"};
constexpr std::array<std::string_view, 16> kNouns = {
    "tension",     "colère",       "inquiétude",    "mobilisation", "pression", "confusion",
    "réaction",    "opération",    "manifestation", "décision",     "réunion",  "patrouille",
    "déclaration", "protestation", "évacuation",    "coupure"};

// Replaces each "#" with a random number.
void AppendFilled(std::string_view phrase, Prng& rng, std::string* out) {
  for (char c : phrase) {
    if (c != '#') {
      *out += c;
      continue;
    }
    switch (rng.Below(4)) {
      case 0:
        *out += std::to_string(2 + rng.Below(29));
        break;
      case 1:
        *out += std::to_string(10 + rng.Below(990));
        break;
      case 2:
        *out += std::to_string(1 + rng.Below(20)) + "\u00a0" + std::to_string(100 + rng.Below(900));
        break;
      default:
        *out += std::to_string(1 + rng.Below(60));
        break;
    }
  }
}

void AppendCapitalised(std::string_view s, std::string* out) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') {
    *out += static_cast<char>(s[0] - 'a' + 'A');
    s.remove_prefix(1);
  }
  *out += s;
}

std::string Sentence(Prng& rng) {
  std::string s;
  std::string_view opener = rng.Pick(kOpeners);
  std::string_view subject = rng.Pick(kSubjects);
  if (opener.empty()) {
    AppendCapitalised(subject, &s);
  } else {
    s += opener;
    s += subject;
  }
  s += ' ';
  s += rng.Pick(kVerbs);
  s += ' ';
  AppendFilled(rng.Pick(kObjects), rng, &s);
  s += ' ';
  s += rng.Pick(kPlaces);
  if (rng.Below(2)) {
    s += ' ';
    AppendFilled(rng.Pick(kTimes), rng, &s);
  }
  // One to three extra clauses of varied words.
  for (size_t k = 1 + rng.Below(3); k > 0; --k) {
    s += rng.Below(2) ? ", sur fond de " : ", après une ";
    s += rng.Pick(kQualifiers);
    s += ' ';
    s += rng.Pick(kNouns);
  }
  AppendFilled(rng.Pick(kTails), rng, &s);
  return s;
}

std::string Paragraph(Prng& rng) {
  size_t n = rng.Below(6) == 0 ? 1 : 2 + rng.Below(5);
  std::string p;
  for (size_t k = 0; k < n; ++k) {
    if (k) p += ' ';
    p += Sentence(rng);
  }
  return p;
}

void AppendEscaped(std::string_view s, std::string* out) {
  for (char c : s) {
    if (c == '&')
      *out += "&amp;";
    else if (c == '<')
      *out += "&lt;";
    else
      *out += c;
  }
}

}  // namespace

std::string SyntheticArticleText(size_t bytes, uint64_t seed) {
  Prng rng(seed);
  std::string out = "Kazakhstan : la situation reste tendue après une semaine de troubles\n\n";
  out.reserve(bytes + 4096);
  while (out.size() < bytes) {
    out += Paragraph(rng);
    out += "\n\n";
  }
  return out;
}

std::string SyntheticArticleHtml(size_t bytes, uint64_t seed) {
  Prng rng(seed);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
      "<title>Kazakhstan : la situation reste tendue - Le Courrier</title>"
      "<meta property=\"article:published_time\" content=\"2022-01-08T09:30:00+01:00\">"
      "</head><body><nav><ul><li><a href=\"/\">Accueil</a></li><li><a "
      "href=\"/monde\">Monde</a></li>"
      "</ul></nav><article><h1>Kazakhstan : la situation reste tendue après une semaine de "
      "troubles</h1>\n";
  out.reserve(bytes + 4096);
  const std::string end = "</article><footer><p>Tous droits réservés.</p></footer></body></html>\n";
  while (out.size() + end.size() < bytes) {
    out += "<p>";
    AppendEscaped(Paragraph(rng), &out);
    out += "</p>\n";
  }
  out += end;
  return out;
}

}  // namespace sitrep
