#!/usr/bin/env bash
# Installs the Debian packages footprint needs when they are missing, or says what to install.
#   scripts/sysdeps.sh        what WeasyPrint needs for PDFs (Pango, HarfBuzz subset, fonts)
#   scripts/sysdeps.sh test   also Chromium, which the app's browser tests drive (Playwright
#                             cannot download a browser of its own here)
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-inter fonts-dejavu-core)
if [ "${1:-}" = "test" ]; then packages+=(chromium); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  if [ "${1:-}" != "test" ] && ldconfig -p 2>/dev/null | grep -q libpango-1.0; then exit 0; fi
  echo "footprint needs: ${missing[*]}: install them with your package manager" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; else
    echo "Missing system packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
