#!/usr/bin/env bash
# Runs the exactly-once integration tests again and again beside busy loops that keep every core loaded, and
# counts the runs that failed: the way to catch a failure that shows only under load (issue #13).
#   build-tools/eos-loop.sh [runs] [tests]     e.g. build-tools/eos-loop.sh 10 ExactlyOnceIT,RepeatedKillsIT
# Needs a build of the other modules in the local repository (./mvnw -B install -DskipTests once). Each failed
# run's reports are kept in streams-app/target/eos-loop/run-N.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-10}"
tests="${2:-ExactlyOnceIT}"
if [[ ! -f registry/target/churnwatch-registry-runner.jar ]]; then
  ./mvnw -B -o -q package -pl registry -DskipTests || exit 1
fi
loaders=()
for _ in $(seq "$(nproc)"); do
  (while :; do :; done) &
  loaders+=($!)
done
trap 'kill "${loaders[@]}" 2>/dev/null' EXIT
failed=0
mkdir -p streams-app/target/eos-loop
for run in $(seq "$runs"); do
  started=$(date +%s)
  if ./mvnw -B -o -q verify -pl streams-app -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
      -Dit.test="$tests" -Dfailsafe.failIfNoSpecifiedTests=false -Djacoco.skip=true \
      > "streams-app/target/eos-loop/last.log" 2>&1; then
    echo "run $run of $runs: passed in $(( $(date +%s) - started )) s"
  else
    failed=$((failed + 1))
    mkdir -p "streams-app/target/eos-loop/run-$run"
    cp -r streams-app/target/failsafe-reports "streams-app/target/eos-loop/run-$run/" 2>/dev/null
    cp streams-app/target/eos-loop/last.log "streams-app/target/eos-loop/run-$run/"
    echo "run $run of $runs: FAILED in $(( $(date +%s) - started )) s (reports in streams-app/target/eos-loop/run-$run)"
  fi
done
echo "EOS loop: $runs runs of $tests beside ${#loaders[@]} busy loops: $failed failed"
[[ $failed == 0 ]]
