package fr.carnet.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A server started from the installed desk (C1 only) runs again with both compilers, the other options kept. */
class ServerRelaunchTest {
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    @Test
    void aClientOnlyJvmStartsTheServerAgainWithoutTheFlagOrTheDesksCache() {
        List<String> jvm = List.of("--enable-native-access=javafx.graphics,ALL-UNNAMED", "-Dcarnet.sampleData=/opt/carnet/lib/app/sample-data",
                "-XX:TieredStopAtLevel=1", "-XX:AOTCache=/opt/carnet/lib/app/carnet.aot", "-Djava.class.path=/opt/carnet/lib/app/carnet.jar");
        List<String> cmd = ServerRelaunch.command(jvm, JAVA_HOME, "/opt/carnet/lib/app/carnet.jar", "fr.carnet.ui.app.CarnetLauncher",
                List.of("server", "--port", "8080")).orElseThrow();
        assertThat(cmd.get(0)).isEqualTo(JAVA_HOME.resolve("bin").resolve(cmd.get(0).endsWith(".exe") ? "java.exe" : "java").toString());
        assertThat(cmd).containsSubsequence("--enable-native-access=javafx.graphics,ALL-UNNAMED", "-Dcarnet.sampleData=/opt/carnet/lib/app/sample-data",
                "-cp", "/opt/carnet/lib/app/carnet.jar", "fr.carnet.ui.app.CarnetLauncher", "server", "--port", "8080");
        assertThat(cmd).noneMatch(a -> a.startsWith("-XX:TieredStopAtLevel") || a.startsWith("-XX:AOTCache") || a.startsWith("-Djava.class.path"));
    }

    @Test
    void theNewJvmNeverStartsAnotherEvenIfTheFlagComesFromTheEnvironment() {
        List<String> cmd = ServerRelaunch.command(List.of("-XX:TieredStopAtLevel=1", "-XX:AOTMode=on", "-agentlib:jdwp=transport=dt_socket,address=5005"),
                JAVA_HOME, "x.jar", "Main", List.of("server")).orElseThrow();
        assertThat(cmd).contains(ServerRelaunch.RELAUNCHED).noneMatch(a -> a.startsWith("-XX:AOT") || a.startsWith("-agentlib"));
        // JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel=1 reaches the new JVM too: the mark stops the loop
        assertThat(ServerRelaunch.command(List.of("-XX:TieredStopAtLevel=1", ServerRelaunch.RELAUNCHED), JAVA_HOME, "x.jar", "Main",
                List.of("server"))).isEmpty();
    }

    @Test
    void aJvmWithBothCompilersRunsTheServerItself() {
        assertThat(ServerRelaunch.command(List.of("-Xmx2g"), JAVA_HOME, "x.jar", "Main", List.of("server"))).isEmpty();
    }

    @Test
    void withoutAJavaBesideTheRuntimeTheServerRunsInPlace() {
        assertThat(ServerRelaunch.command(List.of("-XX:TieredStopAtLevel=1"), Path.of("/nonexistent"), "x.jar", "Main", List.of("server"))).isEmpty();
    }
}
