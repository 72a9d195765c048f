package fr.carnet.ui.app;

import fr.carnet.platform.AppDirs;
import javafx.application.Application;

/**
 * The desk's main class. A plain class (not an Application subclass) so that the JavaFX modules
 * load from the class path; arguments: see {@link LaunchOptions}. It points the log file at the
 * OS's log folder before anything logs, and installs the local crash handler.
 */
public final class CarnetLauncher {
    private CarnetLauncher() {}

    public static void main(String[] args) {
        // The packaged app is also the administrators' command line: carnet server|import|report|…
        if (args.length > 0 && fr.carnet.cli.CarnetCli.isSubcommand(args[0])) {
            if (args[0].equals("server")) relaunchServer(args);
            fr.carnet.cli.CarnetCli.main(args);
            return;
        }
        if (java.util.Arrays.asList(args).contains("--smoke-test")) {
            // The self-test runs with no display: JavaFX's own Headless platform, software rendering.
            System.setProperty("glass.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        if (System.getProperty("carnet.logDir") == null) System.setProperty("carnet.logDir", AppDirs.logs().toString());
        // Logging's set-up (logback, configured in code by fr.carnet.platform.LogSetup) still costs tens
        // of milliseconds in a cold JVM: it runs beside the toolkit's start instead of before it.
        // Loggers asked for meanwhile are SLF4J's stand-ins, which pass on to logback once it is ready.
        Thread logging = new Thread(() -> org.slf4j.LoggerFactory.getLogger(CarnetLauncher.class), "carnet-logging-setup");
        logging.setDaemon(true);
        logging.start();
        Thread.setDefaultUncaughtExceptionHandler(new CrashHandler());
        Application.launch(CarnetApp.class, args);
    }

    /** In the installed app (C1 only), a server runs in a new JVM with both compilers; this JVM ends with its status. */
    private static void relaunchServer(String[] args) {
        var cmd = ServerRelaunch.command(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
                java.nio.file.Path.of(System.getProperty("java.home")), System.getProperty("java.class.path"), CarnetLauncher.class.getName(),
                java.util.List.of(args));
        if (cmd.isEmpty()) return;
        try {
            System.exit(ServerRelaunch.run(cmd.get()));
        } catch (java.io.IOException e) {
            // the server then runs here, with C1 only: slower under load, but running
            org.slf4j.LoggerFactory.getLogger(CarnetLauncher.class).warn("Could not start the server in a JVM of its own ({})", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(130);
        }
    }
}
