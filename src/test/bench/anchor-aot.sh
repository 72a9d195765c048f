#!/usr/bin/env bash
# The fx-coldstart anchor (bare JavaFX window, Headless) started with its own AOT cache, trained on one
# run of itself, as the installed Carnet starts with the cache it ships: the like-for-like anchor for
# that row. Works on a copy of the anchors folder (never in place).
#   src/test/bench/anchor-aot.sh ANCHORS_COPY [runs=3]
set -euo pipefail
A=$1/fx-coldstart; RUNS=${2:-3}
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
[ -d "$A/target/classes" ] || (cd "$A" && ./mvnw -q -B package -DskipTests >&2)
MP=$(ls "$A"/target/lib/javafx-*-linux.jar | paste -sd:)
# the AOT cache takes jars only
"$J/jar" cf "$W/anchor.jar" -C "$A/target/classes" .
run() { "$J/java" --module-path "$MP" --add-modules javafx.controls --enable-native-access=javafx.graphics \
  -Dglass.platform=Headless -Dprism.order=sw "$@" -cp "$W/anchor.jar" bench.ColdStart 2>/dev/null | grep -o 'first_pulse_ms=[0-9]*' | cut -d= -f2; }
run -XX:AOTCacheOutput="$W/anchor.aot" >/dev/null
run -XX:AOTCache="$W/anchor.aot" -XX:AOTMode=on >/dev/null   # warm-up start, not counted
ms=(); for i in $(seq 1 "$RUNS"); do ms+=("$(run -XX:AOTCache="$W/anchor.aot" -XX:AOTMode=on)"); done
sorted=($(printf '%s\n' "${ms[@]}" | sort -n))
echo "| Headless, with its own AOT cache (trained on one run of it) | $RUNS | first pulse with rows ${sorted[$((RUNS / 2))]} ms (${sorted[0]}–${sorted[$((RUNS - 1))]}) |"
