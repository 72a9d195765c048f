package fr.carnet.platform;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where Carnet keeps data, settings and logs: the OS's usual folders (XDG on Linux, AppData on
 * Windows, Application Support on macOS), or {@code -Dcarnet.home=DIR} for all three.
 */
public final class AppDirs {
    private AppDirs() {}

    public static Path data() {
        return base("data", "XDG_DATA_HOME", ".local/share");
    }

    public static Path config() {
        return base("config", "XDG_CONFIG_HOME", ".config");
    }

    public static Path logs() {
        return base("logs", "XDG_STATE_HOME", ".local/state");
    }

    private static Path base(String kind, String xdgVar, String xdgDefault) {
        String home = System.getProperty("carnet.home");
        if (home != null && !home.isBlank()) return Path.of(home, kind);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String user = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("LOCALAPPDATA");
            return Path.of(appData != null ? appData : user, "Carnet", kind);
        }
        if (os.contains("mac")) return Path.of(user, "Library", "Application Support", "Carnet", kind);
        String xdg = System.getenv(xdgVar);
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(user, xdgDefault)).resolve("carnet");
    }
}
