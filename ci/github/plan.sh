#!/usr/bin/env bash
# Job "plan" of ablation-matrix.yml, run in the checkout: installs the MuJoCo of the input mujoco
# (env MUJOCO, 2.2.2 or a 3.X.Y from pip: install-mujoco.sh), builds the jar with its shim, then
# plans what is left to train over results/ (empty, or the finished runs of the run this one
# continues, downloaded there): plan.tsv (every run to train with its shard) and, appended to
# $GITHUB_OUTPUT, "matrix=<JSON>", "train=true|false" (false: nothing is left, the run jobs are
# skipped and the merge reports what there is) and "previous=true|false" (whether results/ holds
# finished runs to pass on as the artifact results-previous).
# Needs SPEC and SHARDS. The workflow then uploads target/ablate4j.jar as the artifact
# "ablate4j-jar", which holds just ablate4j.jar and so downloads to target/ablate4j.jar.
set -euo pipefail
: "${SPEC:?set SPEC to the spec file}" "${SHARDS:?set SHARDS to the number of shards}"
: "${GITHUB_OUTPUT:?set GITHUB_OUTPUT to the file that receives the job outputs}"
home=$(bash ci/github/install-mujoco.sh)
if [ -n "$home" ]; then
  export MUJOCO_HOME=$home
  ./mvnw -B -q package -DskipTests -Dmujoco.home="$home"
else
  ./mvnw -B -q package -DskipTests
fi
if ! grep -aq 'libablate4j_mujoco.so' target/ablate4j.jar; then
  echo "plan.sh: target/ablate4j.jar has no MuJoCo shim although MuJoCo ${MUJOCO:-2.2.2} is installed" >&2
  exit 1
fi
# The MuJoCo version is part of a MuJoCo run's cell id: plan with the one the shards will load.
in_use=$(java -jar target/ablate4j.jar envs | sed -n 's/^MuJoCo in use: MuJoCo \([^ ]*\) .*/\1/p')
if [ "$in_use" != "${MUJOCO:-2.2.2}" ]; then
  echo "plan.sh: the jar loads MuJoCo '${in_use:-none}', the input mujoco asks for ${MUJOCO:-2.2.2}" >&2
  exit 1
fi
echo "MuJoCo in use: $in_use"
previous=false
if [ -d results ] && [ -n "$(ls -A results)" ]; then
  previous=true
  echo "continuing from results/: $(find results -name DONE | wc -l) finished runs"
fi
mkdir -p results
status=0
java -jar target/ablate4j.jar plan "$SPEC" --results results --next-round --emit list --shards "$SHARDS" > plan.tsv \
  || status=$?
if [ "$status" -eq 4 ]; then   # exit 4: nothing to train until failed runs are rerun
  echo "plan.sh: the round waits on failed runs (named above); rerun them with matrix --retry-failed" >&2
  exit 1
fi
[ "$status" -eq 0 ] || exit "$status"
cat plan.tsv
matrix=$(java -jar target/ablate4j.jar plan "$SPEC" --results results --next-round --emit github --shards "$SHARDS")
case "$matrix" in
  '{"include":[{'*'}]}') train=true ;;
  '')
    if [ $previous = false ]; then
      echo "plan.sh: $SPEC has no runs to train" >&2
      exit 1
    fi
    train=false
    matrix='{"include":[]}'
    echo "nothing left to train: the merge job reports the finished runs" ;;
  *) echo "plan.sh: 'plan --emit github' printed no job matrix: '$matrix' (failed runs wait for matrix --retry-failed)" >&2
     exit 1 ;;
esac
{ echo "matrix=$matrix"; echo "train=$train"; echo "previous=$previous"; } >> "$GITHUB_OUTPUT"
echo "matrix=$matrix"
