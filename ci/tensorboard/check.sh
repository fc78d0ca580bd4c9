#!/usr/bin/env bash
# TensorBoard check, run by .ci/run after the tests (needs target/ablate4j.jar from the build):
# installs TensorBoard with pip and checks, with TensorBoard's own EventAccumulator and HParams plugin
# (check.py), that
#   1. 'tensorboard reports/quickstart/results' gives one run per run directory with every CSV value,
#      the switches and final returns as HParams, and identical bytes when exported twice;
#   2. 'matrix ... --tensorboard LOGDIR' on a tiny quickstart writes the same values live, and its
#      results are byte for byte those of the same matrix without --tensorboard.
# Without pip (or when pip cannot install TensorBoard) it prints why and skips; it never passes silently.
set -euo pipefail
cd "$(dirname "$0")/../.."

skip() {
  echo "tensorboard check: SKIPPED: $1"
  exit 0
}

command -v python3 >/dev/null 2>&1 || skip "python3 not found"
python3 -m pip --version >/dev/null 2>&1 || skip "pip not found (python3 -m pip)"
# TensorBoard already importable, else pip into this Python, else (a Debian system Python refuses
# that, PEP 668) pip into a virtual environment under target/.
PY=python3
if ! "$PY" -c "import tensorboard" >/dev/null 2>&1; then
  if ! python3 -m pip install -q --disable-pip-version-check tensorboard; then
    echo "tensorboard check: pip cannot install into $(command -v python3); trying a virtual environment"
    python3 -m venv target/tensorboard-venv \
      || skip "pip install tensorboard failed and python3 -m venv is unavailable (apt-get install python3-venv)"
    PY=target/tensorboard-venv/bin/python
    "$PY" -m pip install -q --disable-pip-version-check tensorboard || skip "pip install tensorboard failed (see above)"
  fi
fi
"$PY" -c "import tensorboard; print('tensorboard check: TensorBoard', tensorboard.__version__)"

jar=target/ablate4j.jar
[ -f "$jar" ] || { echo "tensorboard check: $jar missing (build first)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TF_CPP_MIN_LOG_LEVEL=3

echo "tensorboard check: the committed quickstart runs"
java -jar "$jar" tensorboard reports/quickstart/results --out "$work/quickstart"
java -jar "$jar" tensorboard reports/quickstart/results --out "$work/quickstart-again"
diff -r "$work/quickstart" "$work/quickstart-again" \
  || { echo "tensorboard check: FAIL: two exports of the same runs differ"; exit 1; }
echo "tensorboard check: two exports are byte-identical"
"$PY" ci/tensorboard/check.py reports/quickstart/results "$work/quickstart" 2>"$work/py.err" \
  || { cat "$work/py.err"; exit 1; }

echo "tensorboard check: a tiny quickstart matrix with --tensorboard"
spec=ci/tensorboard/quickstart-tiny.yaml
java -jar "$jar" matrix "$spec" --results "$work/live-results" --tensorboard "$work/live" --quiet >/dev/null
java -jar "$jar" matrix "$spec" --results "$work/plain-results" --quiet >/dev/null
for f in config.json cell.json metrics.csv episodes.csv trust_region.csv policy.json DONE; do
  (cd "$work/plain-results" && find . -name "$f" | sort) > "$work/plain.list"
  (cd "$work/live-results" && find . -name "$f" | sort) > "$work/live.list"
  diff "$work/plain.list" "$work/live.list" >/dev/null \
    || { echo "tensorboard check: FAIL: --tensorboard changed which $f files exist"; exit 1; }
  while read -r p; do
    cmp -s "$work/plain-results/$p" "$work/live-results/$p" \
      || { echo "tensorboard check: FAIL: --tensorboard changed $p"; exit 1; }
  done < "$work/live.list"
done
echo "tensorboard check: --tensorboard left every run file and cell id as without it"
"$PY" ci/tensorboard/check.py "$work/live-results" "$work/live" 2>"$work/py.err" \
  || { cat "$work/py.err"; exit 1; }
