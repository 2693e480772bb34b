#!/usr/bin/env bash
# Install the system tools the test-suite drives for real (Debian packages).
# Idempotent: apt is not touched when every package is already installed.
#   chromium               -> axe-core accessibility checks (headless, via playwright)
#   default-jre-headless   -> java for EPUBCheck and the Nu HTML Checker (vnu.jar)
#   libreoffice-writer-nogui -> soffice --headless --convert-to (DOCX/ODT -> PDF)
#   poppler-utils          -> pdftotext, pdftoppm
#   fonts-liberation2      -> metric-compatible Arial/Times for the house style in LibreOffice
#   omegat                 -> OmegaT in console mode: translates XLIFF projects with a TMX memory
#   jing                   -> RELAX NG validation of every ODT against the OASIS ODF schema
#   nodejs, npm            -> only if npm is missing: fetches axe-core (mk/tools.mk)
# Never downloads a browser build: Chromium comes from Debian only.
set -euo pipefail

packages=(chromium libreoffice-writer-nogui poppler-utils default-jre-headless fonts-liberation2
          omegat jing)
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  if [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)" != "installed" ]; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-system-deps: all present (${packages[*]})"
  exit 0
fi

echo "install-system-deps: installing ${missing[*]}"
SUDO=()
if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
