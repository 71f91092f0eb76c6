#!/usr/bin/env bash
# Regenerates docs/wheel-health.png from real smvm:assess runs on the demo project (needs CPython 3.12
# and 3.11, and /usr/bin/chromium). Run from the repository root after `mvn -B verify` (or after
# `mvn -B install -DskipTests -Dinvoker.skip=true`); MAVEN_REPO picks the repository holding the plugin.
set -euo pipefail
cd "$(dirname "$0")"
repo=${MAVEN_REPO:-../../target/local-repo}
rm -rf .smvm target
for stage in 0 1 2 3; do
  python3 -I make_index.py "$stage"
  for run in 1 2; do
    mvn -B -q ${MAVEN_ARGS_DEMO:-} -Dmaven.repo.local="$repo" validate
  done
done
profile=$(mktemp -d)
/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
  --user-data-dir="$profile" --window-size=1280,1000 --screenshot="$PWD/../wheel-health.png" \
  "file://$PWD/target/smvm/wheel-health.html" 2>/dev/null
rm -rf "$profile" index
