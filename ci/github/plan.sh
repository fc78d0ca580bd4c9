#!/usr/bin/env bash
# Job "plan" of ablation-matrix.yml, run in the checkout: builds the jar with the MuJoCo shim in
# it, writes plan.tsv (every run with its shard) and appends "matrix=<JSON>" to $GITHUB_OUTPUT.
# Needs SPEC and SHARDS. The workflow then uploads target/ablate4j.jar as the artifact
# "ablate4j-jar", which holds just ablate4j.jar and so downloads to target/ablate4j.jar.
set -euo pipefail
: "${SPEC:?set SPEC to the spec file}" "${SHARDS:?set SHARDS to the number of shards}"
: "${GITHUB_OUTPUT:?set GITHUB_OUTPUT to the file that receives the job outputs}"
bash ci/github/install-mujoco.sh
./mvnw -B -q package -DskipTests
if ! grep -aq 'libablate4j_mujoco.so' target/ablate4j.jar; then
  echo "plan.sh: target/ablate4j.jar has no MuJoCo shim although libmujoco-dev is installed" >&2
  exit 1
fi
java -jar target/ablate4j.jar plan "$SPEC" --emit list --shards "$SHARDS" > plan.tsv
cat plan.tsv
matrix=$(java -jar target/ablate4j.jar plan "$SPEC" --emit github --shards "$SHARDS")
case "$matrix" in
  '{"include":[{'*'}]}') ;;
  *) echo "plan.sh: 'plan --emit github' printed no job matrix: '$matrix'" >&2; exit 1 ;;
esac
echo "matrix=$matrix" >> "$GITHUB_OUTPUT"
echo "matrix=$matrix"
