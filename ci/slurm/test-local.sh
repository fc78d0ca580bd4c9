#!/usr/bin/env bash
# The Slurm check: starts a real single-node Slurm (Debian 12's slurm-wlm + munge) and runs the
# tiny spec ci/ci-tiny.yaml on it the ways ci/README.md documents, comparing every metrics.csv,
# episodes.csv, trust_region.csv and policy.json with a local `matrix` run byte for byte:
#   A  the array template as ci/README.md shows it, the report chained with --dependency=afterok
#      (JAVA_OPTS passed through; a submission without --array is refused with its reason)
#   B  a `plan --emit slurm` script written with relative paths, submitted from another directory,
#      with the report step its header gives
#   C  B's script resubmitted over the finished directory: every run skipped, no file rewritten
#   D  two arrays at once over a fresh directory (4 tasks on 2 CPUs: OverSubscribe=FORCE:2) and
#      one task requeued mid-run
#   E  plan --emit slurm --submit with --account/--partition/--mem/--time: the report chained with
#      afterok, the tasks running the jar copy taken at submission although the jar they were
#      planned with is overwritten while they wait; without sbatch, --submit exits 2 in one line
# Each time: the report exists and no run was trained twice (one "done" line per run in the logs).
# Then, if the jar has the MuJoCo shim: the shim loads with java.io.tmpdir on a noexec mount.
#
# Needs root (it installs packages and starts slurmd, which runs jobs as their user); without root
# it prints why and skips. Run from anywhere: bash ci/slurm/test-local.sh   (KEEP=1 keeps the
# temporary directory, whose path it prints.) Exit code 0 passed or skipped, 1 failed.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

if [ "$(id -u)" != "0" ]; then
  echo "SKIPPED ci/slurm/test-local.sh: not root (uid $(id -u)); installing slurm-wlm/munge and starting slurmd need root"
  exit 0
fi

missing=()
for p in slurm-wlm munge; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "slurm check: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -f target/ablate4j.jar ] || ./mvnw -B -q package -DskipTests
JAR=$ROOT/target/ablate4j.jar
SPEC_REL=ci/ci-tiny.yaml
NAME=ci-tiny

W=$(mktemp -d /tmp/ablate4j-slurm.XXXXXX)
chmod 0755 "$W"
# shellcheck source=ci/slurm/cluster.sh
source "$ROOT/ci/slurm/cluster.sh"
JOBS=()        # every job id submitted (array jobs by their id)
NOEXEC=""
finish() {
  local rc=$?
  cluster_stop
  if [ -n "$NOEXEC" ]; then umount "$NOEXEC" 2>/dev/null || true; fi
  if [ $rc != 0 ]; then
    echo "slurm check FAILED; daemon logs:" >&2
    cluster_logs >&2 || true
  fi
  if [ "${KEEP:-0}" = 1 ] || [ $rc != 0 ]; then echo "slurm check: files kept in $W"; else rm -rf "$W"; fi
}
trap finish EXIT

fail() { echo "slurm check FAILED: $*" >&2; exit 1; }
step() { echo "== $*"; }

# Waits until none of the given jobs is pending or running (at most $2 seconds).
wait_jobs() {
  local ids=$1 limit=$2 i
  for ((i = 0; i < limit * 2; i++)); do
    [ -z "$(squeue -h -j "$ids" -o %i 2>/dev/null)" ] && return 0
    sleep 0.5
  done
  squeue >&2
  fail "jobs $ids still queued after $limit s"
}

# Prints "JobId JobState ExitCode Restarts" for every task of the given job.
job_states() {
  scontrol show job -o "$1" | awk '{
    for (i = 1; i <= NF; i++) { k = substr($i, 1, index($i, "=") - 1); f[k] = $i }
    print f["JobId"], f["JobState"], f["ExitCode"], f["Restarts"] }'
}

expect_completed() {
  local id
  for id in "$@"; do
    if job_states "$id" | grep -v ' JobState=COMPLETED ' | grep -q .; then
      job_states "$id" >&2
      fail "job $id did not complete"
    fi
  done
}

# The local reference run.
step "local reference: matrix $SPEC_REL"
java -jar "$JAR" matrix "$SPEC_REL" --results "$W/local" --workers 2 > "$W/local.log" 2>&1 \
  || { cat "$W/local.log" >&2; fail "the local matrix run failed"; }
REF=$W/local/$NAME
mapfile -t RUN_IDS < <(java -jar "$JAR" plan "$SPEC_REL" --emit list 2>/dev/null | cut -f1)
[ ${#RUN_IDS[@]} = 4 ] || fail "expected 4 runs in $SPEC_REL, plan lists ${#RUN_IDS[@]}"

# Every result file of the local run is in $1 (a spec's results directory) with the same bytes.
same_as_local() {
  local got=$1 f n=0
  diff <(cd "$REF" && find . -name DONE | sort) <(cd "$got" && find . -name DONE | sort) >&2 \
    || fail "$got does not hold the same finished runs as the local run"
  while read -r f; do
    cmp -s "$REF/$f" "$got/$f" || fail "$got/$f differs from the local run"
    n=$((n + 1))
  done < <(cd "$REF" && find . \( -name metrics.csv -o -name episodes.csv -o -name trust_region.csv \
    -o -name policy.json \) | sort)
  [ $n = 16 ] || fail "expected 16 result files, compared $n"
  echo "   $n result files (metrics, episodes, trust_region, policy of 4 runs) equal the local run byte for byte"
}

# Each run was trained exactly $2 times (1 or 0) according to the task logs $3...
trained() {
  local what=$1 times=$2 id count
  shift 2
  for id in "${RUN_IDS[@]}"; do
    count=$(cat "$@" | grep -cE "^\[[0-9]+/[0-9]+\] done +$id " || true)
    [ "$count" = "$times" ] || fail "$what: run $id was trained $count times (expected $times)"
  done
  if cat "$@" | grep -qE '^\[[0-9]+/[0-9]+\] (lost|failed|diverged) '; then fail "$what: a run was lost or failed"; fi
  echo "   every run trained exactly $times time(s) (\"done\" lines in the task logs)"
}

report_exists() {
  [ -s "$1/report.md" ] && [ -s "$1/report.pdf" ] || fail "no report in $1"
  echo "   report: $1/report.md and report.pdf"
}

step "start a single-node Slurm in $W/cluster"
cluster_start "$W/cluster"
sinfo

# ---------------------------------------------------------------------------------------------
step "A: the array template as ci/README.md documents it, the report chained with afterok"
mkdir -p "$W/a"
# Guard: without --array the template says how to submit and fails.
g=$(sbatch --parsable -o "$W/a/guard-%j.out" --cpus-per-task=1 \
      --export=ALL,SPEC=$SPEC_REL,SHARDS=2,RESULTS=$W/a/results ci/slurm/ablate4j-array.sbatch)
JOBS+=("$g")
wait_jobs "$g" 60
job_states "$g" | grep -q 'JobState=FAILED ExitCode=2:0' || { job_states "$g" >&2; fail "a submission without --array did not fail with exit code 2"; }
grep -q 'submit with --array=1-2' "$W/a/guard-$g.out" || fail "the guard did not say 'submit with --array=1-2'"
echo "   without --array: exit code 2, \"$(cat "$W/a/guard-$g.out")\""
# The documented commands, with --cpus-per-task=1 (this node has $(nproc) CPUs) and the logs in $W.
jid=$(JAVA_OPTS="-Xmx256m -XX:+PrintCommandLineFlags" sbatch --parsable --array=1-2 --cpus-per-task=1 \
      -o "$W/a/ablate4j-%A_%a.out" \
      --export=ALL,SPEC=$SPEC_REL,SHARDS=2,RESULTS=$W/a/results ci/slurm/ablate4j-array.sbatch)
rid=$(sbatch --parsable --dependency=afterok:"$jid" -o "$W/a/report-%j.out" \
      --export=ALL,RUNS=$W/a/results/$NAME,OUT=$W/a/report ci/slurm/ablate4j-report.sbatch)
JOBS+=("$jid" "$rid")
wait_jobs "$jid,$rid" 300
expect_completed "$jid" "$rid"
same_as_local "$W/a/results/$NAME"
trained A 1 "$W"/a/ablate4j-*.out
grep -q 'MaxHeapSize=268435456' "$W/a/ablate4j-${jid}_1.out" || fail "JAVA_OPTS (-Xmx256m) did not reach the JVM"
echo "   JAVA_OPTS reached the JVM (-Xmx256m shows as MaxHeapSize=268435456)"
report_exists "$W/a/report"

# ---------------------------------------------------------------------------------------------
step "B: a plan --emit slurm script (relative paths), submitted from another directory"
mkdir -p "$W/b/elsewhere"
rel_results=$(realpath --relative-to="$ROOT" "$W/b/results")
java -jar target/ablate4j.jar plan "$SPEC_REL" --emit slurm --shards 2 --results "$rel_results" \
  --jar target/ablate4j.jar --cpus-per-task 1 --time 0:30:00 > "$W/b/job.sbatch"
bash -n "$W/b/job.sbatch" || fail "the generated script does not pass bash -n"
out=$(env -u SLURM_ARRAY_TASK_ID bash "$W/b/job.sbatch" 2>&1) && fail "the generated script ran without an array task id"
[[ $out == *"submit with --array=1-2"* ]] || fail "the generated script's guard said: $out"
report_line=$(sed -n 's/^#   \(sbatch --dependency=afterok:\$jid .*\)$/\1/p' "$W/b/job.sbatch")
[ -n "$report_line" ] || fail "the generated script's header gives no report step"
cd "$W/b/elsewhere"
jid=$(sbatch --parsable ../job.sbatch)
rid=$(eval "${report_line/sbatch /sbatch --parsable }")
cd "$ROOT"
JOBS+=("$jid" "$rid")
wait_jobs "$jid,$rid" 300
expect_completed "$jid" "$rid"
same_as_local "$W/b/results/$NAME"
trained B 1 "$W"/b/elsewhere/ablate4j-$NAME-*.out
report_exists "$W/b/results/$NAME-report"

# ---------------------------------------------------------------------------------------------
step "C: B's script resubmitted over the finished directory"
snapshot() { (cd "$W/b/results/$NAME" && find . -type f -printf '%p %s %T@\n' | sort && find . -type f -exec md5sum {} + | sort); }
snapshot > "$W/c-before"
mkdir -p "$W/c"
cd "$W/c"
jid=$(sbatch --parsable "$W/b/job.sbatch")
cd "$ROOT"
JOBS+=("$jid")
wait_jobs "$jid" 300
expect_completed "$jid"
snapshot > "$W/c-after"
diff "$W/c-before" "$W/c-after" >&2 || fail "the resubmission changed files in $W/b/results/$NAME"
grep -q "already finished" "$W"/c/ablate4j-$NAME-"$jid"_1.out || fail "the resubmitted task did not report its runs as finished"
trained C 0 "$W"/c/ablate4j-$NAME-*.out
same_as_local "$W/b/results/$NAME"
echo "   nothing rewritten (sizes, modification times and checksums of every file unchanged)"

# ---------------------------------------------------------------------------------------------
step "D: two arrays at once over a fresh directory (OverSubscribe=FORCE:2), one task requeued mid-run"
scontrol update PartitionName=ci OverSubscribe=FORCE:2
mkdir -p "$W/d"
java -jar "$JAR" plan "$ROOT/$SPEC_REL" --emit slurm --shards 2 --results "$W/d/results" --jar "$JAR" \
  --cpus-per-task 1 --time 0:30:00 > "$W/d/job.sbatch"
mapfile -t SHARD1 < <(java -jar "$JAR" plan "$SPEC_REL" --emit list --shard 1/2 2>/dev/null | cut -f1)
cd "$W/d"
j1=$(sbatch --parsable job.sbatch)
j2=$(sbatch --parsable job.sbatch)
cd "$ROOT"
JOBS+=("$j1" "$j2")
# Requeue task 1 of the first array once both runs of shard 1 are under way (have a checkpoint).
underway() {
  local id
  for id in "${SHARD1[@]}"; do
    [ -f "$W/d/results/$NAME/$id/checkpoint.bin" ] && [ ! -f "$W/d/results/$NAME/$id/DONE" ] || return 1
  done
}
for ((i = 0; i < 600; i++)); do underway && break; sleep 0.2; done
underway || fail "shard 1's runs never were under way together"
squeue
scontrol requeue "${j1}_1"
echo "   requeued ${j1}_1 with both runs of shard 1 checkpointed and unfinished"
# A requeued task is held for about two minutes; release it as soon as it is pending again.
for ((i = 0; i < 120; i++)); do
  state=$(squeue -h -j "${j1}_1" -o %T 2>/dev/null || true)
  [ "$state" = PENDING ] && break
  sleep 0.5
done
# slurmd refuses a credential from the second it revoked the old one ("Job credential revoked",
# and the task fails), so let a few seconds pass first.
sleep 3
scontrol update jobid="${j1}_1" StartTime=now || true
rid=$(sbatch --parsable --dependency=afterany:"$j1":"$j2" -o "$W/d/report-%j.out" \
      --export=ALL,RUNS=$W/d/results/$NAME,OUT=$W/d/report ci/slurm/ablate4j-report.sbatch)
JOBS+=("$rid")
wait_jobs "$j1,$j2,$rid" 300
expect_completed "$j1" "$j2" "$rid"
job_states "${j1}_1" | grep -q 'Restarts=1' || { job_states "$j1" >&2; fail "${j1}_1 was not requeued"; }
same_as_local "$W/d/results/$NAME"
trained D 1 "$W"/d/ablate4j-$NAME-*.out
starts=$(grep -cE "^$NAME( [0-9]+/[0-9]+)?: (all|[0-9]+ of)" "$W/d/ablate4j-$NAME-${j1}_1.out" || true)
[ "$starts" -ge 2 ] || fail "the requeued task's log holds $starts attempts (expected 2: --open-mode=append)"
echo "   the requeued task's log holds both attempts (--open-mode=append)"
grep -hE "^resumed " "$W"/d/ablate4j-$NAME-*.out | sed 's/^/   /' | grep . \
  || fail "no run resumed from a checkpoint after the requeue"
report_exists "$W/d/report"

# ---------------------------------------------------------------------------------------------
step "E: plan --emit slurm --submit with --account, --partition, --mem, --time; a rebuild while the tasks wait"
mkdir -p "$W/e/build" "$W/e/submit"
cp "$JAR" "$W/e/build/ablate4j.jar"
# Without sbatch on PATH, --submit says so in one line (exit 2) and writes nothing.
JAVA_BIN=$(command -v java)
set +e
out=$(cd "$W/e/submit" && PATH=/nonexistent "$JAVA_BIN" -jar "$JAR" plan "$ROOT/$SPEC_REL" --emit slurm --shards 2 \
      --results "$W/e/none" --jar "$W/e/build/ablate4j.jar" --submit 2>&1)
rc=$?
set -e
[ $rc = 2 ] && [ "$(printf '%s\n' "$out" | wc -l)" = 1 ] && [[ $out == *"sbatch is not on PATH"* ]] \
  || fail "--submit without sbatch: exit $rc, said: $out"
[ ! -e "$W/e/none" ] || fail "--submit without sbatch wrote $W/e/none"
echo "   without sbatch: exit 2, \"$out\""
# Bad values are refused before anything is submitted.
for bad in "--mem 4GB" "--time 24h" "--account a;b" "--partition ci,"; do
  # shellcheck disable=SC2086
  if java -jar "$JAR" plan "$SPEC_REL" --emit slurm --results "$W/e/none" $bad > /dev/null 2>&1; then
    fail "plan --emit slurm $bad was accepted"
  fi
done
[ ! -e "$W/e/none" ] || fail "a refused plan wrote $W/e/none"
# The partition is down while submitting, so the tasks wait in the queue while the jar is "rebuilt".
scontrol update PartitionName=ci State=DOWN
cd "$W/e/submit"
java -jar "$JAR" plan "$ROOT/$SPEC_REL" --emit slurm --shards 2 --results "$W/e/results" \
  --jar "$W/e/build/ablate4j.jar" --cpus-per-task 1 --time 0:30:00 --mem 256M --account ci-account \
  --partition ci --submit > "$W/e/ids" 2> "$W/e/plan.err" || { cat "$W/e/plan.err" >&2; fail "plan --submit failed"; }
cd "$ROOT"
jid=$(sed -n 's/^array-job \([0-9]*\)$/\1/p' "$W/e/ids")
rid=$(sed -n 's/^report-job \([0-9]*\)$/\1/p' "$W/e/ids")
[ -n "$jid" ] && [ -n "$rid" ] || fail "plan --submit printed no job ids: $(cat "$W/e/ids" "$W/e/plan.err")"
JOBS+=("$jid" "$rid")
scontrol show job -o "$rid" | grep -q "Dependency=afterok:${jid}" \
  || { scontrol show job -o "$rid" >&2; fail "the report job is not chained with afterok:$jid"; }
task=$(scontrol show job -o "${jid}_1" 2>/dev/null || scontrol show job -o "$jid" | head -1)
for want in "Account=ci-account" "Partition=ci" "TimeLimit=00:30:00" "MinMemoryNode=256M"; do
  [[ $task == *"$want"* ]] || { echo "$task" >&2; fail "the array job does not have $want"; }
done
echo "   array job $jid (Account=ci-account Partition=ci TimeLimit=00:30:00 MinMemoryNode=256M), report job $rid (afterok:$jid)"
copy=$(sed -n "s|.*-jar '\($W/e/results/.ablate4j-slurm/ablate4j-[0-9a-f]*\.jar\)' matrix.*|\1|p" \
       "$W/e/results/.ablate4j-slurm/$NAME.sbatch")
[ -n "$copy" ] && cmp -s "$copy" "$JAR" || fail "the submitted script does not run a copy of the jar ($copy)"
echo "not a jar any more" > "$W/e/build/ablate4j.jar"   # the rebuild
scontrol update PartitionName=ci State=UP
wait_jobs "$jid,$rid" 300
expect_completed "$jid" "$rid"
same_as_local "$W/e/results/$NAME"
trained E 1 "$W"/e/submit/ablate4j-$NAME-*.out
report_exists "$W/e/results/$NAME-report"
echo "   the tasks ran $copy, taken at submission (the jar they were planned with was overwritten while they waited)"

# ---------------------------------------------------------------------------------------------
if grep -aq 'libablate4j_mujoco.so' "$JAR" && dpkg -s libmujoco-dev >/dev/null 2>&1; then
  step "the MuJoCo shim with java.io.tmpdir on a noexec mount"
  mkdir -p "$W/noexec" "$W/home"
  if mount -t tmpfs -o noexec,size=16m tmpfs "$W/noexec" 2>/dev/null; then
    NOEXEC=$W/noexec
    java -Djava.io.tmpdir="$W/noexec" -Duser.home="$W/home" -jar "$JAR" train --env Hopper-v4 --steps 2048 \
      --seed 1 --out "$W/hopper" > "$W/hopper.log" 2>&1 || { cat "$W/hopper.log" >&2; fail "Hopper-v4 failed with a noexec tmpdir"; }
    [ -d "$W/home/.cache/ablate4j/native" ] || fail "the shim did not fall back to ~/.cache/ablate4j/native"
    echo "   Hopper-v4 trained; the shim was unpacked into $W/home/.cache/ablate4j/native"
  else
    echo "   SKIPPED: cannot mount a noexec tmpfs here (no CAP_SYS_ADMIN)"
  fi
else
  echo "== SKIPPED the noexec shim check: the jar has no MuJoCo shim or libmujoco-dev is missing"
fi

total=0 requeued=0
for id in "${JOBS[@]}"; do
  total=$((total + $(job_states "$id" | wc -l)))
  requeued=$((requeued + $(job_states "$id" | grep -vc 'Restarts=0' || true)))
done
echo "slurm check passed: $total Slurm jobs ran (array tasks counted one by one; $requeued requeued, 1 refused on purpose)"
