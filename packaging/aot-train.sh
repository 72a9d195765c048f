#!/usr/bin/env bash
# The JDK's AOT cache for the packaged desk (JEP 483/514/515): a training run of the app-image
# records the classes the start loads and links, and the methods' profiles, into
# lib/app/carnet.aot, which the launcher passes with -XX:AOTCache=$APPDIR/carnet.aot.
#   packaging/aot-train.sh [target/dist/Carnet]
# The training plays an everyday start: the app (the image's own runtime, class path and options,
# on JavaFX's Headless platform, in a throw-away data folder) opens the demo store made from the
# bundled sample data, fr.carnet.ui.app.StartupProbe types its documented passphrase on the unlock
# screen, and the app exits at the first pulse that shows caseload rows. Nothing personal is in
# the cache: classes and profiles only; the demo store is sample data and is deleted.
# The cache fits only this runtime and these jars: any change to either means a new training run
# (jpackage.sh always does one). A missing or unusable cache is ignored by the JVM (AOTMode=auto).
set -euo pipefail
IMG=${1:-target/dist/Carnet}
APP=$(cd "$IMG/lib/app" && pwd)
JAVA=$IMG/lib/runtime/bin/java
CFG=$APP/Carnet.cfg
CP=$(sed -n 's/^app\.classpath=//p' "$CFG" | sed "s|\$APPDIR|$APP|g" | paste -sd:)
mapfile -t OPTS < <(sed -n 's/^java-options=//p' "$CFG" | grep -v '^-XX:AOTCache' | sed "s|\$APPDIR|$APP|g")
HEADLESS=(-Dglass.platform=Headless -Dprism.order=sw -Djava.awt.headless=true)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -f "$APP/carnet.aot"
# 1. The demo store from the sample data (a first start does this once), without recording.
timeout 300 "$JAVA" "${OPTS[@]}" "${HEADLESS[@]}" -Dcarnet.home="$tmp" -cp "$CP" fr.carnet.ui.app.CarnetLauncher --smoke-test --demo >/dev/null 2>&1
ls "$tmp"/data/demo/carnet-demo.db >/dev/null
# an everyday start: the tour was seen at the first one
mkdir -p "$tmp/config" && echo '{"tourSeen":true}' > "$tmp/config/desk-settings.json"
# 2. The training run: start, unlock, caseload; the JVM writes the cache as it exits.
out=$(echo "carnet-demo-2026" | timeout 300 "$JAVA" "${OPTS[@]}" "${HEADLESS[@]}" -XX:AOTCacheOutput="$APP/carnet.aot" \
  -Dcarnet.home="$tmp" -Dcarnet.probe.report="$tmp/probe.md" -cp "$CP" fr.carnet.ui.app.StartupProbe --demo 2>&1) || { echo "$out"; echo "AOT training run FAILED"; exit 1; }
grep -q "caseload usable" "$tmp/probe.md" 2>/dev/null || { echo "$out"; echo "AOT training run FAILED: no caseload"; exit 1; }
ls -la "$APP/carnet.aot"
# 3. The cache is usable as shipped (AOTMode=on refuses to start otherwise).
"$JAVA" "${OPTS[@]}" -XX:AOTCache="$APP/carnet.aot" -XX:AOTMode=on -cp "$CP" fr.carnet.ui.app.CarnetLauncher help >/dev/null
echo "AOT cache trained: $APP/carnet.aot"
