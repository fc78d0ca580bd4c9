#!/usr/bin/env bash
# Job "merge" of ablation-matrix.yml, last step (after a round whose every shard succeeded): if the
# merged results/ leave runs to train — the next round of a spec with adaptive seeds, or runs a
# fixed-seed spec has not finished — dispatch this workflow again, continuing from this run's
# 'results' artifact, on the same MuJoCo (env MUJOCO). Needs SPEC, SHARDS, WORKFLOW, REF, RUN_ID, and
# GH_TOKEN for gh.
set -euo pipefail
: "${SPEC:?}" "${SHARDS:?}" "${WORKFLOW:?}" "${REF:?}" "${RUN_ID:?}"
# plan names MuJoCo runs by the MuJoCo it loads, so load the one the shards ran on.
home=$(bash ci/github/install-mujoco.sh)
if [ -n "$home" ]; then export MUJOCO_HOME=$home; fi
status=0
left=$(java -jar target/ablate4j.jar plan "$SPEC" --results results --next-round --emit list) || status=$?
if [ "$status" -eq 4 ]; then   # exit 4: the round waits on failed runs; not complete, nothing to dispatch
  echo "next-round.sh: the round waits on failed runs (named above); no further round until matrix --retry-failed reruns them" >&2
  exit 1
fi
[ "$status" -eq 0 ] || exit "$status"
if [ -z "$left" ]; then
  echo "next-round.sh: nothing left to train; no further round"
  exit 0
fi
echo "next-round.sh: $(wc -l <<< "$left") runs left to train; dispatching $WORKFLOW on $REF from run $RUN_ID"
gh workflow run "$WORKFLOW" --ref "$REF" -f spec="$SPEC" -f shards="$SHARDS" -f from_run="$RUN_ID" \
  -f mujoco="${MUJOCO:-2.2.2}" -f next_round=true
