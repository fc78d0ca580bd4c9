#!/usr/bin/env bash
# Job "merge" of ablation-matrix.yml, second step: the report over the merged results/ into report/.
set -euo pipefail
java -jar target/ablate4j.jar report results --out report
