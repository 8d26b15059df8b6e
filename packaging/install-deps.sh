#!/usr/bin/env bash
# Installs what MQTT Inspector needs on Debian 12, and nothing when it is all there already.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools libgl-dev
  libqscintilla2-qt6-dev qt6-charts-dev libqt6opengl6-dev qt6-websockets-dev qtkeychain-qt6-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n fonts-noto-cjk
  libssl-dev openssl
  mosquitto mosquitto-clients python3-paho-mqtt
  xvfb xauth imagemagick
  clang libclang-rt-14-dev
  # make package and its test: CPack's .deb (dpkg-shlibdeps), lintian, desktop/AppStream checks, man
  dpkg-dev fakeroot lintian desktop-file-utils appstream man-db
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The Debian package enables a system-wide broker on 1883; we start our own on free ports instead.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet mosquitto 2>/dev/null; then
  "${sudo_cmd[@]}" systemctl disable --now mosquitto >/dev/null 2>&1 || true
fi
