#!/usr/bin/env bash
# Builds Carnet's Linux installers with jpackage: target/dist/Carnet (app-image) and
# target/dist/carnet_<version>_amd64.deb, with a jlink'd runtime (not a whole JDK).
#   packaging/jpackage.sh            build the jar, then the app-image and the .deb
#   packaging/jpackage.sh --no-build use the jar already in target/ (how -Ppackage calls it)
#   packaging/jpackage.sh --image    app-image only (no .deb)
#   packaging/jpackage.sh --no-aot   without the AOT cache's training run (see aot-train.sh)
# Windows (.msi) and macOS (.dmg): see packaging/README.md — same script shape, run on those systems.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
J=$JAVA_HOME/bin
BUILD=1; DEB=1; SMOKE=0; AOT=1
for a in "$@"; do
  case "$a" in
    --no-build) BUILD=0 ;;
    --image) DEB=0 ;;
    --smoke) SMOKE=1 ;;
    --no-aot) AOT=0 ;;
  esac
done
VERSION=$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' pom.xml | head -1)
[ "$BUILD" = 1 ] && ./mvnw -B -q package -DskipTests
rm -rf target/jp target/dist && mkdir -p target/jp/app target/jp/fxmods target/dist
./mvnw -B -q dependency:copy-dependencies -DincludeScope=runtime -DexcludeGroupIds=org.openjfx -DoutputDirectory=target/jp/app
./mvnw -B -q dependency:copy-dependencies -DincludeScope=runtime -DincludeGroupIds=org.openjfx -Dclassifier=linux -DoutputDirectory=target/jp/fxmods
JAR=$(ls target/carnet-*.jar | grep -v -e sources -e tests | head -1)
cp "$JAR" target/jp/app/
cp LICENSE target/jp/app/LICENSE.txt
mkdir -p target/jp/app/sample-data && cp sample-data/* target/jp/app/sample-data/
# SQLite's native library ships unpacked beside the jars: otherwise sqlite-jdbc writes it to the temp
# folder and loads it from there at every start (~0.1 s, and it fails where /tmp is mounted noexec)
SQLITE_JAR=$(ls target/jp/app/sqlite-jdbc-*.jar | head -1)
case "$(uname -m)" in aarch64|arm64) ARCH=aarch64 ;; *) ARCH=x86_64 ;; esac
rm -rf target/jp/sqlite-native && mkdir -p target/jp/sqlite-native target/jp/app/native
(cd target/jp/sqlite-native && "$J/jar" xf "../../../$SQLITE_JAR" "org/sqlite/native/Linux/$ARCH/libsqlitejdbc.so")
mv "target/jp/sqlite-native/org/sqlite/native/Linux/$ARCH/libsqlitejdbc.so" target/jp/app/native/
# -XX:TieredStopAtLevel=1: the desk compiles with C1 only, the client compiler. On a 2-core laptop the
# optimising compiler took a core for itself during the cold start (~27 % of it, docs/bench-desk.md),
# and the desk's day (search, sync, PDFs: SQLite does the heavy work) keeps its goals without it.
# `Carnet server` runs itself again in a JVM with both compilers (ServerRelaunch).
# with the cache only: a missing cache makes the JVM print errors at every start (it starts anyway)
AOT_OPTS=(); [ "$AOT" = 1 ] && AOT_OPTS=(--java-options "-XX:AOTCache=\$APPDIR/carnet.aot")
"$J/jpackage" --type app-image --name Carnet --app-version "$VERSION" --vendor "Carnet" \
  --description "Carnet — suivi social hors ligne" \
  --icon packaging/icons/carnet-256.png \
  --input target/jp/app --main-jar "$(basename "$JAR")" --main-class fr.carnet.ui.app.CarnetLauncher \
  --module-path target/jp/fxmods \
  --add-modules javafx.controls,javafx.swing,java.sql,java.desktop,java.naming,java.management,java.instrument,java.compiler,java.security.jgss,java.net.http,java.logging,java.xml,jdk.unsupported,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.crypto.ec,jdk.httpserver \
  --jlink-options "--strip-debug --no-man-pages --no-header-files" \
  --java-options "--enable-native-access=javafx.graphics,ALL-UNNAMED" \
  --java-options "-Dcarnet.sampleData=\$APPDIR/sample-data" \
  --java-options "-XX:TieredStopAtLevel=1" \
  --java-options "-Dorg.sqlite.lib.path=\$APPDIR/native" --java-options "-Dorg.sqlite.lib.name=libsqlitejdbc.so" \
  "${AOT_OPTS[@]}" \
  --dest target/dist
# The AOT cache (classes loaded and linked, method profiles) from a training run of this image:
# the desk's cold start to its caseload is shorter with it (docs/bench-desk.md).
[ "$AOT" = 1 ] && packaging/aot-train.sh target/dist/Carnet
if [ "$DEB" = 1 ]; then
  "$J/jpackage" --type deb --app-image target/dist/Carnet --name carnet --app-version "$VERSION" --vendor "Carnet" \
    --description "Carnet — suivi social hors ligne" --license-file LICENSE \
    --linux-shortcut --linux-menu-group Office --linux-app-category misc \
    --linux-package-deps libgtk-3-0 \
    --resource-dir packaging/linux \
    --dest target/dist
fi
ls -la target/dist
if [ "$SMOKE" = 1 ]; then
  # The packaged app starts on JavaFX's Headless platform to its first screen and exits by itself,
  # on a throw-away data folder (it prepares the demo store from the bundled sample data first).
  tmp=$(mktemp -d)
  out=$(XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_STATE_HOME=$tmp/state \
        timeout 180 target/dist/Carnet/bin/Carnet --smoke-test --demo 2>&1) || { echo "$out"; echo "smoke test FAILED"; exit 1; }
  echo "$out" | grep -q "smoke test: first screen shown" || { echo "$out"; echo "smoke test FAILED: no first screen"; exit 1; }
  ls "$tmp"/data/carnet/demo/carnet-demo.db >/dev/null || { echo "smoke test FAILED: no demo store"; exit 1; }
  XDG_DATA_HOME=$tmp/data target/dist/Carnet/bin/Carnet help | grep -q "server" || { echo "smoke test FAILED: CLI"; exit 1; }
  rm -rf "$tmp"
  echo "smoke test passed: the packaged app reached its first screen and its CLI answers"
fi
