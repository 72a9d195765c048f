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
        if (System.getProperty("carnet.logDir") == null) System.setProperty("carnet.logDir", AppDirs.logs().toString());
        Thread.setDefaultUncaughtExceptionHandler(new CrashHandler());
        Application.launch(CarnetApp.class, args);
    }
}
