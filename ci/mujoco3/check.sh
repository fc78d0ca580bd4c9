#!/usr/bin/env bash
# MuJoCo 3 check, run by .ci/run after the README's test command:
#   1. gets MuJoCo 3.14.0 the way users do, from pip, through ci/github/install-mujoco.sh (the wheel
#      in a virtual environment under target/, without its Python dependencies: only the wheel's
#      libmujoco.so.3.14.0 and C headers are used);
#   2. builds the MuJoCo shim against it (-Dmujoco.home) and runs the MuJoCo tests on both MuJoCos:
#      GymnasiumTrajectoryTest must match Gymnasium 0.29.1's own episodes on 3.14.0 (and must not be
#      skipped there), and prints the largest deviation of Debian's 2.2.2 from them;
#   3. checks the jar: `envs` names MuJoCo 3.14.0 under MUJOCO_HOME, and a short Hopper run records
#      3.14.0 in config.json and provenance.json.
# Without python3, or when the venv or the wheel cannot be installed, it prints why and skips; it
# never passes silently.
set -euo pipefail
cd "$(dirname "$0")/../.."

VERSION=3.14.0
skip() {
  echo "mujoco3 check: SKIPPED: $1"
  exit 0
}
fail() {
  echo "mujoco3 check: FAIL: $1"
  exit 1
}

command -v python3 >/dev/null 2>&1 || skip "python3 not found"
# The workflow's installer (apt's python3-venv if missing, then the wheel into the venv that
# test-local.sh's MuJoCo 3 scenario uses too); its messages go to stderr, the wheel's folder to stdout.
home=$(MUJOCO=$VERSION MUJOCO_VENV=target/mujoco3-venv bash ci/github/install-mujoco.sh) \
  || skip "ci/github/install-mujoco.sh could not install MuJoCo $VERSION from pip (see above)"
venv=target/mujoco3-venv
echo "mujoco3 check: MuJoCo $VERSION from pip in $home"

# The MuJoCo tests twice: surefire's default run on Debian's 2.2.2, then the mujoco-home run with
# MUJOCO_HOME=$home (pom.xml, profile mujoco-home).
log=target/mujoco3-tests.log
status=0
./mvnw -B -Dmujoco.home="$home" test -Dtest='Gymnasium*,Mujoco*' -Dsurefire.failIfNoSpecifiedTests=false \
  >"$log" 2>&1 || status=$?
grep -E "^(Gymnasium trajectories|MuJoCo 2|largest deviation)|Tests run:|FAIL|ERROR" "$log" | cut -c1-400 || true
[ "$status" = "0" ] || fail "the MuJoCo tests failed (exit $status; full log in $log)"
xml=target/surefire-reports-mujoco-home/TEST-dev.ablate4j.env.mujoco.GymnasiumTrajectoryTest.xml
[ -f "$xml" ] || fail "$xml missing: the tests did not run against MuJoCo $VERSION"
"$venv/bin/python" - "$xml" <<'PY' || fail "GymnasiumTrajectoryTest did not run on MuJoCo 3.14.0"
import sys, xml.etree.ElementTree as ET
cases = {c.get("name"): c for c in ET.parse(sys.argv[1]).getroot().iter("testcase")}
case = cases.get("matchesGymnasiumStepByStepOnMujoco314")
ok = case is not None and case.find("skipped") is None and case.find("failure") is None and case.find("error") is None
print("mujoco3 check: matchesGymnasiumStepByStepOnMujoco314 on MuJoCo 3.14.0:", "passed" if ok else "NOT passed")
sys.exit(0 if ok else 1)
PY

# The same jar on either MuJoCo.
./mvnw -B -q -Dmujoco.home="$home" package -DskipTests
jar=target/ablate4j.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -jar "$jar" envs | grep -q "^MuJoCo in use: MuJoCo 2.2.2" || fail "envs does not name MuJoCo 2.2.2 by default"
MUJOCO_HOME="$home" java -jar "$jar" envs | grep "^MuJoCo in use: MuJoCo $VERSION" \
  || fail "envs does not name MuJoCo $VERSION under MUJOCO_HOME"
MUJOCO_HOME="$home" java -jar "$jar" train --env Hopper-v4 --steps 2048 --quiet --out "$work/hopper"
grep -q "\"mujoco\" : \"$VERSION\"" "$work/hopper/config.json" || fail "config.json does not name MuJoCo $VERSION"
grep -q "\"mujoco_version\" : \"$VERSION\"" "$work/hopper/provenance.json" \
  || fail "provenance.json does not name MuJoCo $VERSION"
set +e
java -jar "$jar" train --config "$work/hopper/config.json" --quiet --out "$work/again" 2>"$work/err"
code=$?
set -e
[ "$code" = "2" ] && grep -q "asks for MuJoCo $VERSION" "$work/err" \
  || fail "a $VERSION run's config was not refused on MuJoCo 2.2.2 (exit $code: $(cat "$work/err"))"
echo "mujoco3 check: config.json and provenance.json name $VERSION; the run is refused on 2.2.2 (exit 2)"
echo "mujoco3 check: passed"
