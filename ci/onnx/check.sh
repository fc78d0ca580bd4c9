#!/usr/bin/env bash
# ONNX check, run by .ci/run after the tests (needs target/ablate4j.jar from the build): installs onnx,
# onnxruntime and numpy with pip into target/onnx-venv (the venv OnnxRuntimeCheckTest uses) and checks, end
# to end through the command line, on Pendulum-v1 and (where MuJoCo is installed) Hopper-v4:
#   1. train saves policy.json; evaluate prints mean/std/interval and writes eval.csv, the same bytes
#      for the same seed;
#   2. export-onnx writes the same bytes twice; the model passes onnx.checker (full check) and onnxruntime's
#      outputs on 1,000 observations match an independent numpy reading of policy.json to 1e-6 relative
#      (check.py prints the measured figure); the Java policy itself against onnxruntime is
#      OnnxRuntimeCheckTest, run here too;
#   3. evaluate refuses (exit 2, one line) an unknown run, a run without policy.json, a corrupt one and a
#      negative episode count;
#   4. the Gymnasium snippet of docs/reports.md runs the exported Pendulum policy (pip install gymnasium; skipped with
#      the reason if that fails).
# Without pip (or when pip cannot install the packages) it prints why and skips; it never passes silently.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

skip() {
  echo "onnx check: SKIPPED: $1"
  exit 0
}
fail() {
  echo "onnx check: FAIL: $1"
  exit 1
}

command -v python3 >/dev/null 2>&1 || skip "python3 not found"
PY=target/onnx-venv/bin/python
if ! { [ -x "$PY" ] && "$PY" -c "import onnx, onnxruntime, numpy" >/dev/null 2>&1; }; then
  [ -x "$PY" ] || python3 -m venv target/onnx-venv \
    || skip "python3 -m venv is unavailable (apt-get install python3-venv)"
  "$PY" -m pip install -q --disable-pip-version-check --retries 0 --timeout 5 onnx onnxruntime numpy \
    || skip "pip install onnx onnxruntime numpy failed (see above)"
fi
"$PY" -c "import onnx, onnxruntime; print('onnx check: onnx', onnx.__version__, '/ onnxruntime', onnxruntime.__version__)"

jar=target/ablate4j.jar
[ -f "$jar" ] || fail "$jar missing (build first)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
a4j() { java -jar "$jar" "$@"; }

echo "onnx check: the Java policy against onnxruntime (OnnxRuntimeCheckTest)"
./mvnw -B -q -o test -Dtest=OnnxRuntimeCheckTest -Dsurefire.failIfNoSpecifiedTests=false >"$work/junit.log" 2>&1 \
  || { cat "$work/junit.log"; fail "OnnxRuntimeCheckTest"; }
grep -h "Tests run" target/surefire-reports/dev.ablate4j.policy.onnx.OnnxRuntimeCheckTest.txt
grep -q "Skipped: 0" target/surefire-reports/dev.ablate4j.policy.onnx.OnnxRuntimeCheckTest.txt \
  || fail "OnnxRuntimeCheckTest was skipped although this script installed onnxruntime"

envs=(Pendulum-v1)
if a4j envs 2>/dev/null | grep -q "^MuJoCo in use: MuJoCo"; then
  envs+=(Hopper-v4)
else
  echo "onnx check: Hopper-v4 left out: no MuJoCo here (apt-get install libmujoco-dev, then rebuild)"
fi

for env in "${envs[@]}"; do
  run="$work/$env"
  echo "onnx check: $env: train, evaluate, export-onnx"
  a4j train --env "$env" --preset ppo --steps 4096 --seed 1 --out "$run" --quiet >/dev/null
  [ -f "$run/policy.json" ] || fail "$env: train wrote no policy.json"
  a4j evaluate "$run" --episodes 3 --seed 5 | tee "$work/eval.out"
  grep -q "95% t interval \[" "$work/eval.out" || fail "$env: evaluate printed no interval"
  cp "$run/eval.csv" "$work/eval-first.csv"
  a4j evaluate "$run" --episodes 3 --seed 5 >/dev/null
  cmp -s "$run/eval.csv" "$work/eval-first.csv" || fail "$env: evaluate with the same seed wrote other bytes"
  a4j export-onnx "$run" --out "$work/$env.onnx"
  a4j export-onnx "$run" --out "$work/$env-again.onnx" >/dev/null
  cmp -s "$work/$env.onnx" "$work/$env-again.onnx" || fail "$env: two exports differ"
  "$PY" ci/onnx/check.py --model "$work/$env.onnx" --policy "$run/policy.json" 2>&1 | grep -v "^WARNING: Location" \
    | tee "$work/check.out"
  grep -q "onnx check: OK" "$work/check.out" || fail "$env: check.py"
done

echo "onnx check: evaluate refuses bad input with exit 2 and one line"
refused() {
  local what=$1; shift
  set +e
  a4j evaluate "$@" >"$work/out" 2>"$work/err"
  local code=$?
  set -e
  [ "$code" = 2 ] || fail "evaluate on $what exited $code, not 2"
  [ "$(wc -l <"$work/err")" = 1 ] || fail "evaluate on $what: not one line: $(cat "$work/err")"
  echo "  $what: $(cat "$work/err")"
}
pend="$work/Pendulum-v1"
refused "an unknown run" "$work/no-such-run"
cp -r "$pend" "$work/old" && rm "$work/old/policy.json"
refused "a run without a saved policy" "$work/old"
cp -r "$pend" "$work/corrupt" && head -c 200 "$pend/policy.json" >"$work/corrupt/policy.json"
refused "a corrupt policy.json" "$work/corrupt"
refused "a negative episode count" "$pend" --episodes -2

echo "onnx check: the Gymnasium snippet of docs/reports.md"
if "$PY" -c "import gymnasium" >/dev/null 2>&1 \
    || "$PY" -m pip install -q --disable-pip-version-check --retries 0 --timeout 5 gymnasium; then
  "$PY" - docs/reports.md "$work/snippet.py" <<'PYEOF'
import re, sys
text = open(sys.argv[1]).read()
marker = text.index("<!-- the snippet below is run by ci/onnx/check.sh -->")
code = re.search(r"```python\n(.*?)```", text[marker:], re.S).group(1)
open(sys.argv[2], "w").write(code + 'print(f"snippet: Pendulum-v1 episode return {total:.1f}")\n')
PYEOF
  cp "$work/Pendulum-v1.onnx" "$work/policy.onnx"
  (cd "$work" && "$root/$PY" snippet.py) 2>&1 | grep -v "^WARNING: Location" | tee "$work/snippet.out"
  grep -Eq "^snippet: Pendulum-v1 episode return -?[0-9]+\.[0-9]$" "$work/snippet.out" || fail "docs/reports.md snippet"
else
  echo "onnx check: docs/reports.md snippet SKIPPED: pip install gymnasium failed"
fi
echo "onnx check: OK"
