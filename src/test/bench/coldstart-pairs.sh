#!/usr/bin/env bash
# Cold starts in pairs: in each round the bare JavaFX window (fx-coldstart, with its own AOT cache)
# and the installed Carnet (app-image with the AOT cache it ships) to a usable caseload of 10k
# households, one right after the other, in alternating order. On a shared 2-core machine the speed
# drifts by tens of per cent within minutes; two series run minutes apart compare the drift as much
# as the programs. The ratio is taken within each round; the table gives each round and the median.
#   src/test/bench/coldstart-pairs.sh ANCHORS_COPY [rounds=7] [image=target/dist/Carnet]
set -euo pipefail
A=$1/fx-coldstart; ROUNDS=${2:-7}; IMG=$(cd "${3:-target/dist/Carnet}" && pwd); APP=$IMG/lib/app
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
[ -f "$APP/carnet.aot" ] || { echo "no $APP/carnet.aot: build it with packaging/jpackage.sh --image" >&2; exit 1; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
. "$(dirname "$0")/anchor-lib.sh"
anchor_setup
# the 10k-household store of DeskBench (key derivation tuned as any new store: ≥ 210,000 iterations)
CP="target/classes:target/test-classes:$(cat target/cp.txt)"
"$J/java" --enable-native-access=ALL-UNNAMED -cp "$CP" fr.carnet.bench.DeskBench fill "$W/10k.db" >/dev/null 2>&1
ICP=$(sed -n 's/^app\.classpath=//p' "$APP/Carnet.cfg" | sed "s|\$APPDIR|$APP|g" | paste -sd:)
mapfile -t OPTS < <(sed -n 's/^java-options=//p' "$APP/Carnet.cfg" | sed "s|\$APPDIR|$APP|g")
carnet() {
  local h; h=$(mktemp -d "$W/home.XXXX")
  cp "$W/10k.db" "$W/10k.db.key.json" "$h/"
  mkdir -p "$h/config" && echo '{"theme":"LIGHT","tourSeen":true}' > "$h/config/desk-settings.json"
  echo "benchmark passphrase" | "$IMG/lib/runtime/bin/java" "${OPTS[@]}" -XX:AOTMode=on -Dglass.platform=Headless -Dprism.order=sw \
    -Djava.awt.headless=true -Xmx1g -Dcarnet.home="$h" -Dcarnet.probe.report="$h/r.md" -cp "$ICP" fr.carnet.ui.app.StartupProbe --store="$h/10k.db" >/dev/null 2>&1
  sed -n 's/.*caseload usable (first pulse with rows) | \([0-9]*\) ms.*/\1/p' "$h/r.md"
  rm -rf "$h"
}
anchor_cached >/dev/null; carnet >/dev/null   # warm-up pair, not counted
echo "| round | bare window, own AOT cache (ms) | Carnet installed, its AOT cache (ms) | ratio |"
echo "|---|---|---|---|"
ratios=()
for r in $(seq 1 "$ROUNDS"); do
  # the order alternates (anchor first in odd rounds, Carnet first in even ones): a drift of the
  # machine's speed within a round weighs on both sides alike
  if (( r % 2 )); then a=$(anchor_cached); c=$(carnet); else c=$(carnet); a=$(anchor_cached); fi
  ratio=$(awk -v c="$c" -v a="$a" 'BEGIN { printf "%.2f", c / a }')
  ratios+=("$ratio")
  echo "| $r | $a | $c | ${ratio}× |"
done
sorted=($(printf '%s\n' "${ratios[@]}" | sort -n))
echo "| median of $ROUNDS rounds | | | **${sorted[$((ROUNDS / 2))]}×** (${sorted[0]}–${sorted[$((ROUNDS - 1))]}) |"
