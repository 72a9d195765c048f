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
. "$(dirname "$0")/anchor-lib.sh"
anchor_setup
anchor_cached >/dev/null   # warm-up start, not counted
ms=(); for i in $(seq 1 "$RUNS"); do ms+=("$(anchor_cached)"); done
sorted=($(printf '%s\n' "${ms[@]}" | sort -n))
echo "| Headless, with its own AOT cache (trained on one run of it) | $RUNS | first pulse with rows ${sorted[$((RUNS / 2))]} ms (${sorted[0]}–${sorted[$((RUNS - 1))]}) |"
