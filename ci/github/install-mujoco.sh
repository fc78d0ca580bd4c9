#!/usr/bin/env bash
# Installs Debian/Ubuntu's libmujoco-dev (and gcc) if missing: the plan job needs the header to
# build the MuJoCo shim into the jar, the run jobs need the library to load it.
set -euo pipefail
missing=()
for p in libmujoco-dev gcc; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} = 0 ] && exit 0
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}"
