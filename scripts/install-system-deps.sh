#!/usr/bin/env bash
# Debian 12 packages OpenSeal's tools and tests need. Idempotent; skips apt when all are present.
set -euo pipefail
PKGS=(openssl softhsm2 opensc chromium libnss3-tools poppler-utils qpdf file curl fonts-wqy-zenhei fonts-arphic-uming fonts-arphic-ukai fonts-noto-cjk fonts-dejavu-core imagemagick python3-fonttools mupdf-tools default-jdk-headless libpdfbox2-java libbcprov-java libbcpkix-java libcommons-logging-java libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui python3-uno fontconfig)
missing=()
for p in "${PKGS[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
