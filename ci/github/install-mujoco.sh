#!/usr/bin/env bash
# Installs the MuJoCo that the workflow input `mujoco` names (env MUJOCO, default 2.2.2), and gcc:
#   2.2.2   Debian/Ubuntu's libmujoco-dev: its header builds the default shim into the jar, its
#           library loads it. Prints nothing on stdout.
#   3.X.Y   pip's mujoco==3.X.Y wheel, without its Python dependencies (only the wheel's
#           libmujoco.so.3.X.Y and C headers are used), in a virtual environment (MUJOCO_VENV,
#           default ~/.cache/ablate4j/mujoco-3.X.Y). Prints the wheel's folder on stdout: the
#           -Dmujoco.home of the build and the MUJOCO_HOME of every later ablate4j command.
# Every other message goes to stderr, so callers take the folder with home=$(bash install-mujoco.sh).
# Exit 2 for any other version. The version is part of a MuJoCo run's cell id, so every job of a
# workflow run (plan, shards, merge) installs the same one.
set -euo pipefail
version=${MUJOCO:-2.2.2}
if [ "$version" != 2.2.2 ] && ! [[ "$version" =~ ^3\.[0-9]+\.[0-9]+$ ]]; then
  echo "install-mujoco.sh: mujoco '$version' is not allowed: use 2.2.2 (Debian/Ubuntu's libmujoco-dev)" \
    "or a MuJoCo 3 release on pip, X.Y.Z, e.g. 3.14.0" >&2
  exit 2
fi

apt_install() {
  local missing=() p sudo=""
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} = 0 ] && return 0
  [ "$(id -u)" = 0 ] || sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq "${missing[@]}" >&2
}

if [ "$version" = 2.2.2 ]; then
  apt_install libmujoco-dev gcc
  exit 0
fi

apt_install gcc
venv=${MUJOCO_VENV:-$HOME/.cache/ablate4j/mujoco-$version}
if [ ! -x "$venv/bin/python" ]; then
  if ! python3 -m venv "$venv" >/dev/null 2>&1; then
    rm -rf "$venv"
    apt_install python3-venv
    python3 -m venv "$venv" >&2
  fi
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps "mujoco==$version" >&2
# find_spec locates the package without importing it (its Python dependencies are not installed).
home=$("$venv/bin/python" -c "import importlib.util, os; print(os.path.dirname(importlib.util.find_spec('mujoco').origin))")
if [ ! -f "$home/include/mujoco/mujoco.h" ] || [ ! -f "$home/libmujoco.so.$version" ]; then
  echo "install-mujoco.sh: the mujoco $version wheel in $home has no include/mujoco/mujoco.h or libmujoco.so.$version" >&2
  exit 1
fi
echo "install-mujoco.sh: MuJoCo $version from pip in $home" >&2
echo "$home"
