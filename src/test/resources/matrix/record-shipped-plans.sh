#!/bin/sh
# Records what `plan` lists for every shipped spec (ablations/*.yaml) into shipped-plans.txt, read by
# dev.ablate4j.matrix.ShippedPlansTest. Run from the repository root after ./mvnw package, on a
# machine whose MuJoCo is Debian's 2.2.2 or none (MUJOCO_HOME unset): specs that do not pin `mujoco`
# take the loaded version into their cell ids. Rerun it when a spec file changes on purpose.
#
#   sh src/test/resources/matrix/record-shipped-plans.sh
#
# Per spec: the spec file's sha256, the sha256 and line count of the whole listing (stdout of
# `plan SPEC`: one line per run, <cell-id>/<env>/seed-<n> TAB env steps TAB label), then the
# listing's lines of the first seed (every cell on every env, in plan order) for readable diffs.
set -eu
out=src/test/resources/matrix/shipped-plans.txt
jar=${JAR:-target/ablate4j.jar}
: > "$out"
for spec in ablations/*.yaml; do
    listing=$(java -jar "$jar" plan "$spec" 2>/dev/null)
    first=$(printf '%s\n' "$listing" | head -n 1 | sed 's/^[^\t]*\/\(seed-[0-9]*\)\t.*/\1/')
    {
        printf '## %s\n' "$(basename "$spec")"
        printf 'spec-sha256 %s\n' "$(sha256sum "$spec" | cut -d' ' -f1)"
        printf 'plan-sha256 %s lines %s\n' "$(printf '%s\n' "$listing" | sha256sum | cut -d' ' -f1)" \
            "$(printf '%s\n' "$listing" | wc -l)"
        printf '%s\n' "$listing" | grep -F "/$first	"
    } >> "$out"
done
