#!/usr/bin/env bash
# Regenerates docs/wheel-health.png from real smvm:assess runs of the demo project: four stages of its
# made-up index (make_index.py), two builds each, so the history holds eight runs. Needs CPython 3.12
# and 3.11, /usr/bin/chromium, and the plugin built by `mvn -B verify` (the integration tests install it
# into target/local-repo; MAVEN_REPO names another local repository).
set -euo pipefail
cd "$(dirname "$0")"
repo=${MAVEN_REPO:-../../target/local-repo}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# like the integration tests: the plugin from $repo, everything else from the user's repository
cat > "$work/settings.xml" <<XML
<settings><profiles><profile><id>m2</id><activation><activeByDefault>true</activeByDefault></activation>
<repositories><repository><id>m2</id><url>file://$HOME/.m2/repository</url></repository></repositories>
<pluginRepositories><pluginRepository><id>m2</id><url>file://$HOME/.m2/repository</url></pluginRepository></pluginRepositories>
</profile></profiles></settings>
XML
rm -rf .smvm target
for stage in 0 1 2 3; do
  python3 -I make_index.py "$stage"
  for run in 1 2; do
    mvn -B -q -s "$work/settings.xml" -Dmaven.repo.local="$repo" validate
  done
done
/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
  --user-data-dir="$work/profile" --window-size=1280,1000 --screenshot="$PWD/../wheel-health.png" \
  "file://$PWD/target/smvm/wheel-health.html" 2>/dev/null
rm -rf index
