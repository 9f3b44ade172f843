#!/usr/bin/env bash
# Install the Debian packages crmdesk needs that are not there yet: `run` for the window,
# `test` for the headless test suite. Does nothing when all are installed.
set -euo pipefail

run_packages=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
  libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0
  libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-noto-cjk)
test_packages=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0
  fonts-noto-cjk xvfb xauth poppler-utils poppler-data glabels-data libreoffice-calc-nogui
  libreoffice-writer-nogui)

case "${1:-}" in
  run) wanted=("${run_packages[@]}") ;;
  test) wanted=("${test_packages[@]}") ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

command -v dpkg-query >/dev/null || { echo "system-deps: not a Debian system; install the" \
  "equivalents of: ${wanted[*]}" >&2; exit 0; }

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "system-deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
