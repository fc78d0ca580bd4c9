#!/usr/bin/env bash
# Job "merge" of ablation-matrix.yml, first step: the shards' artifacts results-<index> are
# downloaded to shards/results-<index>/ (each a results root); merge them into results/.
set -euo pipefail
if [ ! -f target/ablate4j.jar ]; then
  echo "merge.sh: target/ablate4j.jar is missing (the artifact ablate4j-jar downloads into target/)" >&2
  exit 2
fi
shopt -s nullglob
shards=(shards/*/)
if [ ${#shards[@]} = 0 ]; then
  echo "merge.sh: no shard results under shards/ (artifacts results-* download there)" >&2
  exit 2
fi
java -jar target/ablate4j.jar merge "${shards[@]}" --into results
