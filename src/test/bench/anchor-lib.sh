# Sourced by anchor-aot.sh and coldstart-pairs.sh: the fx-coldstart anchor (bare JavaFX window,
# Headless) built as a jar (the AOT cache takes jars only) and its AOT cache trained on one run of it.
# Needs A (the fx-coldstart folder of a copy of the anchors), J (the JDK's bin) and W (a work folder).
anchor_setup() {
  [ -d "$A/target/classes" ] || (cd "$A" && ./mvnw -q -B package -DskipTests >&2)
  MP=$(ls "$A"/target/lib/javafx-*-linux.jar | paste -sd:)
  "$J/jar" cf "$W/anchor.jar" -C "$A/target/classes" .
  anchor_run -XX:AOTCacheOutput="$W/anchor.aot" >/dev/null
}
# One start; prints its first pulse with rows (ms since JVM start). Extra JVM options as arguments.
anchor_run() {
  "$J/java" --module-path "$MP" --add-modules javafx.controls --enable-native-access=javafx.graphics \
    -Dglass.platform=Headless -Dprism.order=sw "$@" -cp "$W/anchor.jar" bench.ColdStart 2>/dev/null | grep -o 'first_pulse_ms=[0-9]*' | cut -d= -f2
}
# One start with its AOT cache.
anchor_cached() {
  anchor_run -XX:AOTCache="$W/anchor.aot" -XX:AOTMode=on
}
