#!/usr/bin/env bash
# The GitHub workflow check: runs the job scripts of ci/github/ablation-matrix.yml in its order on
# this machine, each job in a fresh copy of the checkout, with the artifacts between the jobs
# emulated as actions/upload-artifact and download-artifact lay them out:
#   upload    keeps paths relative to the common ancestor of the listed paths (one file: its
#             directory; one directory: the directory itself), leaves hidden files out, and fails
#             with a conflict when the name exists unless the step says overwrite: true;
#   download  by name: the artifact's files into `path`; by pattern: each artifact into
#             `path`/<artifact name>/.
# plan (builds the jar for real), one job per shard of ci/ci-tiny.yaml (shard 1 is killed after a
# few seconds and re-run over its restored cache, as "Re-run failed jobs" does), merge, report.
# The merged metrics.csv, episodes.csv and trust_region.csv must equal a local `matrix` run byte
# for byte. ci/github/ablation-matrix.yml itself is checked by CiFilesTest (it parses, refers only
# to scripts that exist, and has the artifact steps emulated here).
#
# Usage: bash ci/github/test-local.sh   (after ./mvnw package; KEEP=1 keeps the temporary directory)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
SPEC=ci/ci-tiny.yaml
NAME=ci-tiny
SHARDS=3
git rev-parse --is-inside-work-tree >/dev/null 2>&1 \
  || { echo "github check FAILED: $ROOT is not a git checkout (each job starts from its files)" >&2; exit 1; }
[ -f target/ablate4j.jar ] || ./mvnw -B -q package -DskipTests

W=$(mktemp -d /tmp/ablate4j-github.XXXXXX)
ART=$W/artifacts
CACHE=$W/cache
mkdir -p "$ART" "$CACHE"
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

# download_name WORKSPACE NAME PATH
download_name() {
  [ -d "$ART/$2" ] || fail "download $2: no such artifact"
  mkdir -p "$1/$3"
  cp -a "$ART/$2/." "$1/$3/"
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

step "local reference: matrix $SPEC"
java -jar target/ablate4j.jar matrix "$SPEC" --results "$W/local" --workers 2 > "$W/local.log" 2>&1 \
  || { cat "$W/local.log" >&2; fail "the local matrix run failed"; }

step "job plan"
checkout "$W/plan"
: > "$W/plan.output"
(cd "$W/plan" && SPEC=$SPEC SHARDS=$SHARDS GITHUB_OUTPUT=$W/plan.output bash ci/github/plan.sh) > "$W/plan.log" 2>&1 \
  || { cat "$W/plan.log" >&2; fail "plan.sh failed"; }
matrix=$(sed -n 's/^matrix=//p' "$W/plan.output")
echo "   matrix=$matrix"
upload "$W/plan" ablate4j-jar true target/ablate4j.jar
upload "$W/plan" plan true plan.tsv
[ -f "$ART/ablate4j-jar/ablate4j.jar" ] || fail "the artifact ablate4j-jar does not hold ablate4j.jar at its root"

mapfile -t JOBS < <(grep -o '"shard":"[0-9]*/[0-9]*","index":[0-9]*' <<< "$matrix" | sed 's/"shard":"\([^"]*\)","index":\(.*\)/\1 \2/')
[ ${#JOBS[@]} -ge 2 ] || fail "expected at least 2 shard jobs, the matrix has ${#JOBS[@]}"

# One attempt of the run job for shard $1 (matrix.index $2); $3 = seconds before it is killed (0: none).
run_job() {
  local shard=$1 index=$2 limit=$3 attempt=$4 ws=$W/run-$2-$4 rc=0
  checkout "$ws"
  download_name "$ws" ablate4j-jar target
  [ -f "$ws/target/ablate4j.jar" ] || fail "after its download step the run job has no target/ablate4j.jar"
  if [ -d "$CACHE/results-$index" ]; then   # actions/cache/restore (restore-keys: this shard's last attempt)
    cp -a "$CACHE/results-$index" "$ws/results"
  fi
  if [ "$limit" -gt 0 ]; then
    (cd "$ws" && SPEC=$SPEC timeout -s KILL "$limit" bash ci/github/run-shard.sh "$shard") > "$ws.log" 2>&1 || rc=$?
  else
    (cd "$ws" && SPEC=$SPEC bash ci/github/run-shard.sh "$shard") > "$ws.log" 2>&1 || rc=$?
  fi
  rm -rf "$CACHE/results-$index"            # actions/cache/save (if: always())
  [ -d "$ws/results" ] && cp -a "$ws/results" "$CACHE/results-$index"
  [ -d "$ws/results" ] || mkdir -p "$ws/results"
  upload "$ws" "results-$index" true results   # if: always(), overwrite: true
  echo "   shard $shard attempt $attempt: exit code $rc"
  return $rc
}

for job in "${JOBS[@]}"; do
  read -r shard index <<< "$job"
  if [ "$index" = 1 ]; then
    step "job run, shard $shard: attempt 1 killed after 3 s, then re-run over its cache"
    if run_job "$shard" "$index" 3 1; then
      echo "   (attempt 1 finished within 3 s; the re-run must then skip everything)"
    fi
    run_job "$shard" "$index" 0 2 || { cat "$W/run-$index-2.log" >&2; fail "the re-run of shard $shard failed"; }
    grep -E '^(resumed |ci-tiny.*runs to train)' "$W/run-$index-2.log" | sed 's/^/   /' || true
  else
    step "job run, shard $shard"
    run_job "$shard" "$index" 0 1 || { cat "$W/run-$index-1.log" >&2; fail "shard $shard failed"; }
  fi
done

step "job merge"
checkout "$W/merge"
download_name "$W/merge" ablate4j-jar target
download_pattern "$W/merge" 'results-*' shards
(cd "$W/merge" && bash ci/github/merge.sh && bash ci/github/report.sh) > "$W/merge.log" 2>&1 \
  || { cat "$W/merge.log" >&2; fail "merge.sh or report.sh failed"; }
[ -s "$W/merge/report/report.md" ] && [ -s "$W/merge/report/report.pdf" ] || fail "no report in the merge job's report/"
upload "$W/merge" report true report
upload "$W/merge" results true results

REF=$W/local/$NAME
GOT=$ART/results/$NAME
diff <(cd "$REF" && find . -name DONE | sort) <(cd "$GOT" && find . -name DONE | sort) >&2 \
  || fail "the merged results do not hold the same finished runs as the local run"
n=0
while read -r f; do
  cmp -s "$REF/$f" "$GOT/$f" || fail "merged $f differs from the local run"
  n=$((n + 1))
done < <(cd "$REF" && find . \( -name metrics.csv -o -name episodes.csv -o -name trust_region.csv \) | sort)
[ $n = 12 ] || fail "expected 12 result files, compared $n"
echo "github check passed: ${#JOBS[@]} shard jobs, merged into the artifact 'results'; $n result files equal the local run byte for byte; report built"
