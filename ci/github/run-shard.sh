#!/usr/bin/env bash
# Job "run" of ablation-matrix.yml, one per shard, in the checkout with the plan job's jar
# downloaded to target/ablate4j.jar: runs shard K/N of SPEC into results/ (resuming whatever a
# restored cache of an earlier attempt holds). Usage: SPEC=... run-shard.sh K/N
set -euo pipefail
shard=${1:?usage: SPEC=spec.yaml run-shard.sh K/N}
: "${SPEC:?set SPEC to the spec file}"
if [ ! -f target/ablate4j.jar ]; then
  echo "run-shard.sh: target/ablate4j.jar is missing (the artifact ablate4j-jar downloads into target/)" >&2
  exit 2
fi
home=$(bash ci/github/install-mujoco.sh)   # the MuJoCo the plan job built the jar for (env MUJOCO)
if [ -n "$home" ]; then export MUJOCO_HOME=$home; fi
# The networks' Vector API kernels (both precisions; same bits as the scalar ones, ~1.4-1.5x faster)
# need the incubator module; a java without it is started without the flag and uses the scalar kernels.
# With it the JVM prints one "WARNING: Using incubator modules" line on stderr (nothing reads it).
vector=""
if java --add-modules jdk.incubator.vector -version >/dev/null 2>&1; then
  vector="--add-modules jdk.incubator.vector"
fi
# shellcheck disable=SC2086
java $vector -jar target/ablate4j.jar matrix "$SPEC" --results results --shard "$shard" --workers "$(nproc)" \
  --progress-every 60
