#!/usr/bin/env bash
# The GitHub workflow check: runs the job scripts of ci/github/ablation-matrix.yml in its order on
# this machine, each job in a fresh copy of the checkout, with the artifacts between the jobs
# emulated as actions/upload-artifact and download-artifact lay them out:
#   upload    keeps paths relative to the common ancestor of the listed paths (one file: its
#             directory; one directory: the directory itself), leaves hidden files out, and fails
#             with a conflict when the name exists unless the step says overwrite: true;
#   download  by name: the artifact's files into `path`; by pattern: each artifact into
#             `path`/<artifact name>/; with run-id: from that workflow run's artifacts.
# Three scenarios, each compared byte for byte (metrics.csv, episodes.csv, trust_region.csv, the saved
# policy.json, and adaptive.json) with a local `matrix` of the same spec:
#   1. ci/ci-tiny.yaml (fixed seeds) in one workflow run: plan (builds the jar for real), one job
#      per shard (shard 1 is killed after a few seconds and re-run over its restored cache, as
#      "Re-run failed jobs" does), merge, report; no next round is dispatched.
#   2. ci/ci-tiny-adaptive.yaml (adaptive seeds, two rounds): the merge job's next-round.sh
#      dispatches the workflow again through `gh` (a stand-in here that records the dispatch), the
#      dispatched run continues from the first run's 'results' artifact (from_run), and the chain
#      ends by itself when the rule has nothing left to train.
#   3. ci/ci-tiny-mujoco.yaml (Hopper-v4, two rounds) as 2, with the input mujoco=3.14.0: every job
#      gets MuJoCo 3.14.0 from pip through install-mujoco.sh, the plan job builds its shim into the
#      jar, and the merged runs record 3.14.0. Skipped, with pip's reason, where pip cannot get it.
# ci/github/ablation-matrix.yml itself is checked by CiFilesTest (it parses, refers only to scripts
# that exist, and has the artifact steps emulated here).
#
# Usage: bash ci/github/test-local.sh   (after ./mvnw package; KEEP=1 keeps the temporary directory)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
SHARDS=3
# The workflow's env MUJOCO (input mujoco); jobs get MUJOCO_HOME only from install-mujoco.sh.
export MUJOCO=2.2.2
unset MUJOCO_HOME
# Scenario 3's pip MuJoCo goes where ci/mujoco3/check.sh keeps it, so .ci/run installs it once.
export MUJOCO_VENV=$ROOT/target/mujoco3-venv
git rev-parse --is-inside-work-tree >/dev/null 2>&1 \
  || { echo "github check FAILED: $ROOT is not a git checkout (each job starts from its files)" >&2; exit 1; }
[ -f target/ablate4j.jar ] || ./mvnw -B -q package -DskipTests

W=$(mktemp -d /tmp/ablate4j-github.XXXXXX)
ART=            # the artifacts of the workflow run being emulated: $W/artifacts/run-<id>
CACHE=$W/cache
mkdir -p "$W/artifacts" "$CACHE" "$W/bin"
# gh as the runner has it, for next-round.sh: records `gh workflow run ...` instead of calling GitHub.
cat > "$W/bin/gh" <<GH
#!/usr/bin/env bash
[ "\$1 \$2" = "workflow run" ] || { echo "gh stand-in: only 'gh workflow run' is emulated" >&2; exit 1; }
printf '%s\\n' "\$*" >> "$W/dispatches"
GH
chmod +x "$W/bin/gh"
finish() {
  local rc=$?
  if [ "${KEEP:-0}" = 1 ] || [ $rc != 0 ]; then echo "github check: files kept in $W"; else rm -rf "$W"; fi
}
trap finish EXIT
fail() { echo "github check FAILED: $*" >&2; exit 1; }
step() { echo "== $*"; }

# actions/checkout: the tracked and untracked-but-not-ignored files of this working tree.
checkout() {
  mkdir -p "$1"
  git ls-files -co --exclude-standard -z | tar --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -xf - -C "$1"
}

# upload WORKSPACE NAME OVERWRITE PATH (every upload of the workflow lists one path)
upload() {
  local ws=$1 name=$2 overwrite=$3 path=$4 dest=$ART/$2
  if [ -e "$dest" ]; then
    [ "$overwrite" = true ] || fail "upload $name: 409 Conflict, the artifact exists (no overwrite: true)"
    rm -rf "$dest"
  fi
  mkdir -p "$dest"
  if [ -d "$ws/$path" ]; then
    cp -a "$ws/$path/." "$dest/"
  elif [ -f "$ws/$path" ]; then
    cp -a "$ws/$path" "$dest/"
  else
    fail "upload $name: no files at $path"
  fi
  find "$dest" -mindepth 1 -name '.*' -prune -exec rm -rf {} +
}

# download_name WORKSPACE NAME PATH [RUN_ID] (run-id: that run's artifacts, else this run's)
download_name() {
  local from=$ART
  [ -n "${4:-}" ] && from=$W/artifacts/run-$4
  [ -d "$from/$2" ] || fail "download $2: no such artifact${4:+ in run $4}"
  mkdir -p "$1/$3"
  cp -a "$from/$2/." "$1/$3/"
}

# download_pattern WORKSPACE GLOB PATH
download_pattern() {
  local a n=0
  for a in "$ART"/$2; do
    [ -d "$a" ] || continue
    mkdir -p "$1/$3/$(basename "$a")"
    cp -a "$a/." "$1/$3/$(basename "$a")/"
    n=$((n + 1))
  done
  [ $n -gt 0 ] || fail "download $2: no artifact matches"
}

# One attempt of the run job for shard $1 (matrix.index $2); $3 = seconds before it is killed (0: none).
run_job() {
  local shard=$1 index=$2 limit=$3 attempt=$4 ws=$W/run-$RUN-$2-$4 rc=0
  checkout "$ws"
  download_name "$ws" ablate4j-jar target
  [ -f "$ws/target/ablate4j.jar" ] || fail "after its download step the run job has no target/ablate4j.jar"
  [ "$PREVIOUS" = true ] && download_name "$ws" results-previous results
  local cache=$CACHE/results-$RUN-$index    # key results-<run_id>-<index>-<attempt>, restore-keys by prefix
  if [ -d "$cache" ]; then                  # actions/cache/restore
    mkdir -p "$ws/results" && cp -a "$cache/." "$ws/results/"
  fi
  if [ "$limit" -gt 0 ]; then
    (cd "$ws" && SPEC=$SPEC timeout -s KILL "$limit" bash ci/github/run-shard.sh "$shard") > "$ws.log" 2>&1 || rc=$?
  else
    (cd "$ws" && SPEC=$SPEC bash ci/github/run-shard.sh "$shard") > "$ws.log" 2>&1 || rc=$?
  fi
  rm -rf "$cache"                           # actions/cache/save (if: always())
  [ -d "$ws/results" ] && cp -a "$ws/results" "$cache"
  [ -d "$ws/results" ] || mkdir -p "$ws/results"
  upload "$ws" "results-$index" true results   # if: always(), overwrite: true
  echo "   shard $shard attempt $attempt: exit code $rc"
  return $rc
}

# workflow_run RUN_ID FROM_RUN KILL_FIRST: one run of the workflow on $SPEC (dispatched with
# from_run=FROM_RUN, next_round=true); KILL_FIRST=1 kills shard 1's first attempt and re-runs it.
workflow_run() {
  RUN=$1
  local from=$2 kill_first=$3 job shard index
  ART=$W/artifacts/run-$RUN
  mkdir -p "$ART"
  step "workflow run $RUN: $SPEC${from:+, from_run=$from}"

  step "job plan"
  checkout "$W/plan-$RUN"
  [ -n "$from" ] && download_name "$W/plan-$RUN" results results "$from"
  : > "$W/plan-$RUN.output"
  (cd "$W/plan-$RUN" && SPEC=$SPEC SHARDS=$SHARDS GITHUB_OUTPUT=$W/plan-$RUN.output bash ci/github/plan.sh) \
    > "$W/plan-$RUN.log" 2>&1 || { cat "$W/plan-$RUN.log" >&2; fail "plan.sh failed"; }
  local matrix train
  matrix=$(sed -n 's/^matrix=//p' "$W/plan-$RUN.output")
  train=$(sed -n 's/^train=//p' "$W/plan-$RUN.output")
  PREVIOUS=$(sed -n 's/^previous=//p' "$W/plan-$RUN.output")
  echo "   matrix=$matrix train=$train previous=$PREVIOUS"
  upload "$W/plan-$RUN" ablate4j-jar true target/ablate4j.jar
  upload "$W/plan-$RUN" plan true plan.tsv
  [ "$PREVIOUS" = true ] && upload "$W/plan-$RUN" results-previous true results
  [ -f "$ART/ablate4j-jar/ablate4j.jar" ] || fail "the artifact ablate4j-jar does not hold ablate4j.jar at its root"

  local run_result=skipped
  if [ "$train" = true ]; then
    mapfile -t JOBS < <(grep -o '"shard":"[0-9]*/[0-9]*","index":[0-9]*' <<< "$matrix" \
      | sed 's/"shard":"\([^"]*\)","index":\(.*\)/\1 \2/')
    [ ${#JOBS[@]} -ge $((1 + kill_first)) ] || fail "expected more shard jobs, the matrix has ${#JOBS[@]}"
    for job in "${JOBS[@]}"; do
      read -r shard index <<< "$job"
      if [ "$index" = 1 ] && [ "$kill_first" = 1 ]; then
        step "job run, shard $shard: attempt 1 killed after 3 s, then re-run over its cache"
        if run_job "$shard" "$index" 3 1; then
          echo "   (attempt 1 finished within 3 s; the re-run must then skip everything)"
        fi
        run_job "$shard" "$index" 0 2 || { cat "$W/run-$RUN-$index-2.log" >&2; fail "the re-run of shard $shard failed"; }
        grep -E '^(resumed |ci-tiny.*runs to train)' "$W/run-$RUN-$index-2.log" | sed 's/^/   /' || true
      else
        step "job run, shard $shard"
        run_job "$shard" "$index" 0 1 || { cat "$W/run-$RUN-$index-1.log" >&2; fail "shard $shard failed"; }
      fi
    done
    run_result=success
    SHARD_JOBS=$((SHARD_JOBS + ${#JOBS[@]}))
  fi

  step "job merge"
  local m=$W/merge-$RUN
  checkout "$m"
  download_name "$m" ablate4j-jar target
  download_pattern "$m" 'results-*' shards
  (cd "$m" && bash ci/github/merge.sh && bash ci/github/report.sh) > "$m.log" 2>&1 \
    || { cat "$m.log" >&2; fail "merge.sh or report.sh failed"; }
  [ -s "$m/report/report.md" ] && [ -s "$m/report/report.pdf" ] || fail "no report in the merge job's report/"
  upload "$m" report true report
  upload "$m" results true results
  if [ "$run_result" = success ]; then      # if: needs.run.result == 'success' && inputs.next_round
    (cd "$m" && PATH=$W/bin:$PATH SPEC=$SPEC SHARDS=$SHARDS WORKFLOW=ablation-matrix REF=main RUN_ID=$RUN \
      GH_TOKEN=emulated bash ci/github/next-round.sh) 2>&1 | sed 's/^/   /' \
      || fail "next-round.sh failed"
  fi
}

# compare NAME: the last workflow run's 'results' artifact against the local matrix, file by file.
compare() {
  local ref=$W/local/$1 got=$ART/results/$1 f n=0
  diff <(cd "$ref" && find . -name DONE | sort) <(cd "$got" && find . -name DONE | sort) >&2 \
    || fail "$1: the merged results do not hold the same finished runs as the local run"
  while read -r f; do
    cmp -s "$ref/$f" "$got/$f" || fail "$1: merged $f differs from the local run"
    n=$((n + 1))
  done < <(cd "$ref" && find . \( -name metrics.csv -o -name episodes.csv -o -name trust_region.csv \
    -o -name policy.json -o -name adaptive.json \) | sort)
  COMPARED=$n
}

step "local reference: matrix ci/ci-tiny.yaml and ci/ci-tiny-adaptive.yaml"
for spec in ci/ci-tiny.yaml ci/ci-tiny-adaptive.yaml; do
  java -jar target/ablate4j.jar matrix "$spec" --results "$W/local" --workers 2 > "$W/local.log" 2>&1 \
    || { cat "$W/local.log" >&2; fail "the local matrix run of $spec failed"; }
done

SHARD_JOBS=0
SPEC=ci/ci-tiny.yaml
workflow_run 1 "" 1
[ -e "$W/dispatches" ] && fail "a fixed-seed spec finished in one run, yet the merge dispatched: $(cat "$W/dispatches")"
compare ci-tiny
[ "$COMPARED" = 16 ] || fail "ci-tiny: expected 16 result files (4 runs x 4), compared $COMPARED"
fixed_files=$COMPARED fixed_jobs=$SHARD_JOBS

# chain FIRST_RUN: workflow runs of $SPEC from a fresh start, each dispatched by the one before
# (checked: the dispatch continues from that run, on the same MuJoCo), until one dispatches none;
# fails unless that takes exactly 2 runs (both specs have two rounds).
chain() {
  local run=$1 from="" dispatch
  while :; do
    workflow_run $run "$from" 0
    [ -e "$W/dispatches" ] || break
    dispatch=$(cat "$W/dispatches") && rm "$W/dispatches"
    echo "   dispatched: gh $dispatch"
    case "$dispatch" in
      "workflow run ablation-matrix --ref main -f spec=$SPEC -f shards=$SHARDS -f from_run=$run -f mujoco=$MUJOCO -f next_round=true") ;;
      *) fail "unexpected dispatch: gh $dispatch" ;;
    esac
    from=$run run=$((run + 1))
    [ $run -le $(($1 + 2)) ] || fail "$SPEC: the chain did not end after 2 rounds"
  done
  [ $run = $(($1 + 1)) ] || fail "expected $SPEC to take 2 chained workflow runs, it took $((run - $1 + 1))"
}

SHARD_JOBS=0
SPEC=ci/ci-tiny-adaptive.yaml
chain 2
compare ci-tiny-adaptive
[ "$COMPARED" = 25 ] || fail "ci-tiny-adaptive: expected 25 result files (6 runs x 4, adaptive.json), compared $COMPARED"
adaptive_files=$COMPARED adaptive_jobs=$SHARD_JOBS

# 3. MuJoCo 3: the same chain on ci/ci-tiny-mujoco.yaml (Hopper-v4) with the input mujoco=3.14.0.
# Its cell ids depend on the MuJoCo that plan loads, so a job planning on this machine's 2.2.2
# instead would name other runs (and the chain would not end after 2 runs).
mujoco3="skipped"
if home3=$(MUJOCO=3.14.0 bash ci/github/install-mujoco.sh 2> "$W/mujoco3-install.log"); then
  export MUJOCO=3.14.0
  SHARD_JOBS=0
  SPEC=ci/ci-tiny-mujoco.yaml
  chain 10
  jar3=$W/artifacts/run-10/ablate4j-jar/ablate4j.jar
  MUJOCO_HOME=$home3 java -jar "$jar3" matrix "$SPEC" --results "$W/local" --workers 2 > "$W/local3.log" 2>&1 \
    || { cat "$W/local3.log" >&2; fail "the local matrix run of $SPEC on MuJoCo 3.14.0 failed"; }
  compare ci-tiny-mujoco
  [ "$COMPARED" = 25 ] || fail "ci-tiny-mujoco: expected 25 result files (6 runs x 4, adaptive.json), compared $COMPARED"
  configs=$(find "$ART/results/ci-tiny-mujoco" -name config.json | wc -l)
  on3=$(grep -l '"mujoco" *: *"3.14.0"' $(find "$ART/results/ci-tiny-mujoco" -name config.json) | wc -l)
  [ "$configs" = 6 ] && [ "$on3" = 6 ] || fail "ci-tiny-mujoco: $on3 of $configs merged runs record MuJoCo 3.14.0"
  mujoco3="2 chained workflow runs on MuJoCo 3.14.0 ($SHARD_JOBS shard jobs), $COMPARED files equal the local run"
  export MUJOCO=2.2.2
else
  echo "== SKIPPED the MuJoCo 3 scenario: pip could not provide mujoco 3.14.0: $(tail -1 "$W/mujoco3-install.log")"
fi

echo "github check passed: fixed seeds: $fixed_jobs shard jobs, merged into the artifact 'results';" \
  "$fixed_files result files equal the local run byte for byte; adaptive seeds: 2 chained workflow" \
  "runs ($adaptive_jobs shard jobs), the second dispatched by the first's merge job from its results;" \
  "$adaptive_files files equal the local run byte for byte; MuJoCo 3: $mujoco3; reports built"
