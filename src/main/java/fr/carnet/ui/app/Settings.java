package fr.carnet.ui.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.platform.AppDirs;
import fr.carnet.util.FlatJson;
import fr.carnet.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's preferences (theme, text size, sync server address and login), kept as JSON in the config folder: written to a
 * temporary file then moved, so a crash never leaves half a file.
 */
public final class Settings {
    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
    public static final int MIN_FONT = 11, MAX_FONT = 24, DEFAULT_FONT = 14;

    public enum ThemeChoice { SYSTEM, LIGHT, DARK }

    private ThemeChoice theme = ThemeChoice.SYSTEM;
    private int fontSize = DEFAULT_FONT;
    // Security: idle lock (minutes, 0 = never), lock when the window is minimised, offline grace (days).
    public static final int DEFAULT_IDLE_LOCK_MINUTES = 5;
    private int idleLockMinutes = DEFAULT_IDLE_LOCK_MINUTES;
    private boolean lockWhenIconified = true;
    private int offlineGraceDays = fr.carnet.security.OfflineGrace.DEFAULT_DAYS;
    private String serverUrl = "";
    private String serverLogin = "";
    private boolean tourSeen;
    /** Where the window was when the desk last closed (null: never saved). */
    private WindowPlacement window;

    public static Path file() {
        return AppDirs.config().resolve("desk-settings.json");
    }

    public static Settings load(Path file) {
        Settings s = new Settings();
        try {
            if (Files.isRegularFile(file)) {
                String text = Files.readString(file);
                try {
                    // a flat object: read without Jackson, so the unlock screen does not wait for it in a cold JVM
                    FlatJson n = FlatJson.parse(text);
                    s.theme = ThemeChoice.valueOf(n.text("theme", "SYSTEM"));
                    s.fontSize = clamp(n.integer("fontSize", DEFAULT_FONT));
                    s.idleLockMinutes = Math.max(0, n.integer("idleLockMinutes", DEFAULT_IDLE_LOCK_MINUTES));
                    s.lockWhenIconified = n.bool("lockWhenIconified", true);
                    s.offlineGraceDays = Math.max(1, n.integer("offlineGraceDays", fr.carnet.security.OfflineGrace.DEFAULT_DAYS));
                    s.serverUrl = n.text("serverUrl", "");
                    s.serverLogin = n.text("serverLogin", "");
                    s.tourSeen = n.bool("tourSeen", false);
                    if (n.has("windowWidth")) s.window = new WindowPlacement(n.integer("windowX", 0), n.integer("windowY", 0),
                            n.integer("windowWidth", 0), n.integer("windowHeight", 0), n.bool("windowMaximized", false));
                } catch (IllegalArgumentException notFlat) {
                    ObjectNode n = Json.readObject(text);
                    s.theme = ThemeChoice.valueOf(n.path("theme").asText("SYSTEM"));
                    s.fontSize = clamp(n.path("fontSize").asInt(DEFAULT_FONT));
                    s.idleLockMinutes = Math.max(0, n.path("idleLockMinutes").asInt(DEFAULT_IDLE_LOCK_MINUTES));
                    s.lockWhenIconified = n.path("lockWhenIconified").asBoolean(true);
                    s.offlineGraceDays = Math.max(1, n.path("offlineGraceDays").asInt(fr.carnet.security.OfflineGrace.DEFAULT_DAYS));
                    s.serverUrl = n.path("serverUrl").asText("");
                    s.serverLogin = n.path("serverLogin").asText("");
                    s.tourSeen = n.path("tourSeen").asBoolean(false);
                    if (n.has("windowWidth")) s.window = new WindowPlacement(n.path("windowX").asInt(0), n.path("windowY").asInt(0),
                            n.path("windowWidth").asInt(0), n.path("windowHeight").asInt(0), n.path("windowMaximized").asBoolean(false));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Desk settings unreadable, using defaults");
        }
        return s;
    }

    public void save(Path file) {
        ObjectNode n = Json.object();
        n.put("theme", theme.name());
        n.put("fontSize", fontSize);
        n.put("idleLockMinutes", idleLockMinutes);
        n.put("lockWhenIconified", lockWhenIconified);
        n.put("offlineGraceDays", offlineGraceDays);
        // The sync server and login only: the password is never written anywhere.
        n.put("serverUrl", serverUrl);
        n.put("serverLogin", serverLogin);
        n.put("tourSeen", tourSeen);
        if (window != null) {
            n.put("windowX", (int) Math.round(window.x()));
            n.put("windowY", (int) Math.round(window.y()));
            n.put("windowWidth", (int) Math.round(window.width()));
            n.put("windowHeight", (int) Math.round(window.height()));
            n.put("windowMaximized", window.maximized());
        }
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            // a file of its own for each save: two saves at once (a moved window, the tour) never share one
            tmp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
            Files.writeString(tmp, Json.write(n));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not save the desk settings ({})", e.getClass().getSimpleName());
            // no half-written file left beside the settings
            try {
                if (tmp != null) Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the next save writes its own
            }
        }
    }

    static int clamp(int size) {
        return Math.max(MIN_FONT, Math.min(MAX_FONT, size));
    }

    public ThemeChoice theme() { return theme; }
    public void setTheme(ThemeChoice t) { theme = t; }
    public int fontSize() { return fontSize; }
    public void setFontSize(int s) { fontSize = clamp(s); }
    public int idleLockMinutes() { return idleLockMinutes; }
    public void setIdleLockMinutes(int m) { idleLockMinutes = Math.max(0, m); }
    public boolean lockWhenIconified() { return lockWhenIconified; }
    public void setLockWhenIconified(boolean b) { lockWhenIconified = b; }
    public int offlineGraceDays() { return offlineGraceDays; }
    public void setOfflineGraceDays(int d) { offlineGraceDays = Math.max(1, d); }
    public String serverUrl() { return serverUrl; }
    public String serverLogin() { return serverLogin; }
    /** Whether the short tour of the main screens was shown (or skipped) once already. */
    public boolean tourSeen() { return tourSeen; }
    public void setTourSeen(boolean b) { tourSeen = b; }
    /** The window's last place and size (its size before it was maximised, if it was), or null. */
    WindowPlacement window() { return window; }
    void setWindow(WindowPlacement w) { window = w; }
    public void setServer(String url, String login) {
        serverUrl = url == null ? "" : url;
        serverLogin = login == null ? "" : login;
    }
}
