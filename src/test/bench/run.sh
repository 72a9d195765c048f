#!/usr/bin/env bash
# Carnet's benchmarks side by side with the anchors of ../shared/anchors, in one run, on the same records.
#   src/test/bench/run.sh [store|sync|desk|growth|report|all] [bench args]  (default: store)
#   src/test/bench/run.sh desk coldstart   only the desk's cold starts (with the fx-coldstart anchor, same run);
#     then PAIRS (7) rounds of: the bare window with its AOT cache, then the installed Carnet (coldstart-pairs.sh)
#     the installer rows need target/dist/Carnet (packaging/jpackage.sh --image)
# Copies the anchors folder to target/anchors (it must not be changed in place), generates the
# anchors' records (node data/records.js 100000), runs the matching anchor, then Carnet's own
# benchmark on the same TSV, and prints both tables.
set -euo pipefail
cd "$(dirname "$0")/../../.."
WHAT=${1:-store}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
ANCHORS_SRC=${ANCHORS:-../shared/anchors}
A=target/anchors
if [ ! -d "$A" ]; then cp -r "$ANCHORS_SRC" "$A" && chmod -R u+w "$A"; fi
[ -f "$A/data/out/records-100000.tsv" ] || (cd "$A" && node data/records.js 100000 >/dev/null)
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
CP="target/classes:target/test-classes:$(cat target/cp.txt)"
OPTS=(--enable-native-access=ALL-UNNAMED -Xmx4g -Dglass.platform=Headless -Dprism.order=sw)
run() { "$JAVA" "${OPTS[@]}" -cp "$CP" "$@"; }
if [[ "$WHAT" == store || "$WHAT" == all ]]; then
  echo "## Anchor: raw SQLite through sqlite-jdbc (same run)"; echo
  (cd "$A" && sqlite-limit/run.sh 1 2>/dev/null | grep -E '^\||^SQLite|^<!--' | grep -E 'mc \||^\| driver|^\|---' || true)
  echo; echo "## Carnet: store"; echo
  run fr.carnet.bench.StoreBench "$A/data/out/records-100000.tsv" target/bench 2>/dev/null
fi
if [[ "$WHAT" == sync || "$WHAT" == all ]] && command -v node >/dev/null; then
  # PouchDB's replication of the same records, in the same run (RUNS=1 to keep it short; RUNS=3 as in RESULTS.md)
  echo "## Anchor: PouchDB replication (same run)"; echo
  (cd "$A/pouch" && { [ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null 2>&1; } && RUNS=${POUCH_RUNS:-1} node bench.js 2>/dev/null | grep -E '^\|' || echo "(PouchDB anchor did not run)")
fi
if [[ "$WHAT" == desk || "$WHAT" == all ]] && [[ "${2:-}" != search ]]; then
  echo "## Anchor: bare JavaFX window, cold start (same run; fx-coldstart/run.sh ${FX_RUNS:-3})"; echo
  (cd "$A" && fx-coldstart/run.sh "${FX_RUNS:-3}" 2>/dev/null | grep -E '^\|' || echo "(fx-coldstart anchor did not run)")
  # the same bare window with its own AOT cache: the like-for-like anchor of the installed app's row
  src/test/bench/anchor-aot.sh "$A" "${FX_RUNS:-3}" || echo "(the anchor with an AOT cache did not run)"
  # the like-for-like ratio taken within rounds (anchor, then Carnet, one after the other)
  if [ -f target/dist/Carnet/lib/app/carnet.aot ]; then
    echo; echo "## Cold start in pairs: bare window and installed Carnet, both with their AOT cache, one after the other"; echo
    src/test/bench/coldstart-pairs.sh "$A" "${PAIRS:-7}" || echo "(the paired cold starts did not run)"
  fi
fi
for b in sync desk growth report; do
  if [[ "$WHAT" == "$b" || "$WHAT" == all ]]; then
    cls="fr.carnet.bench.${b^}Bench"
    if [ -f "target/test-classes/${cls//.//}.class" ]; then echo; echo "## Carnet: $b"; echo; run "$cls" "$A" "${@:2}" 2>/dev/null; fi
  fi
done
