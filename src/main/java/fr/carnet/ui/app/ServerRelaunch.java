package fr.carnet.ui.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The installed desk's JVM compiles with C1 only ({@value #CLIENT_ONLY}, set by the installer: a
 * shorter cold start, and the desk's day stays within its goals, ADR desk-003). The same executable
 * is the administrators' command line; {@code Carnet server} is a long-running process under load,
 * which needs the optimising compiler: it runs again in a new JVM of the same runtime, with the same
 * options but this one (and the desk's AOT cache), and the first JVM waits for it and passes its
 * exit status on. Pure logic here; {@link CarnetLauncher} starts the process.
 */
final class ServerRelaunch {
    static final String CLIENT_ONLY = "-XX:TieredStopAtLevel=1";
    /** Set on the new JVM: it never starts another (the flag may also come from JAVA_TOOL_OPTIONS). */
    static final String RELAUNCHED = "-Dcarnet.serverRelaunched=true";

    private ServerRelaunch() {}

    /** The command of the new JVM, or empty when this one already has both compilers (or no java is found beside it). */
    static Optional<List<String>> command(List<String> jvmArgs, Path javaHome, String classPath, String mainClass, List<String> args) {
        if (!jvmArgs.contains(CLIENT_ONLY) || jvmArgs.contains(RELAUNCHED)) return Optional.empty();
        Path java = javaHome.resolve("bin").resolve(System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        if (!Files.isExecutable(java)) return Optional.empty();
        List<String> cmd = new ArrayList<>(List.of(java.toString()));
        for (String a : jvmArgs) {
            // the desk's cache was trained with C1 only; the class path is given below
            // (and no AOT option at all, nor a debugger agent that would ask for the same port)
            if (a.equals(CLIENT_ONLY) || a.startsWith("-XX:AOT") || a.startsWith("-XX:+AOT") || a.startsWith("-XX:-AOT")
                    || a.startsWith("-agentlib:jdwp") || a.startsWith("-Djava.class.path=")) continue;
            cmd.add(a);
        }
        cmd.addAll(List.of(RELAUNCHED, "-cp", classPath, mainClass));
        cmd.addAll(args);
        return Optional.of(cmd);
    }

    /** Runs the command with this process's console, stops it if this process is stopped, and returns its exit status. */
    static int run(List<String> command) throws java.io.IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        Thread stop = new Thread(() -> {
            p.destroy();
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }, "carnet-server-relaunch-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int status = p.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs already
        }
        return status;
    }
}
