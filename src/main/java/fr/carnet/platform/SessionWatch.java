package fr.carnet.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the desk when the operating system locks the session or goes to sleep (a closed lid), where
 * the OS says so. JavaFX has no portable event for either; on Linux, logind and the screen saver
 * announce them on D-Bus, which {@code gdbus monitor} prints one signal per line:
 * <ul>
 * <li>{@code org.freedesktop.login1.Session.Lock ()} — the session is being locked (loginctl, the desktop);</li>
 * <li>{@code org.freedesktop.login1.Manager.PrepareForSleep (true,)} — suspend, e.g. the lid closes;</li>
 * <li>{@code org.gnome.ScreenSaver.ActiveChanged (true,)} / {@code org.freedesktop.ScreenSaver…} — the screen saver starts.</li>
 * </ul>
 * Where there is no gdbus or no bus (Windows, macOS, a server without a desktop), nothing is
 * watched and the desk relies on its idle lock and the lock on minimise. The watcher reads only
 * signal names; nothing is sent on the bus.
 */
public final class SessionWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionWatch.class);

    /** The commands that print the signals, one per bus and service. */
    static List<List<String>> linuxCommands(Path gdbus) {
        String g = gdbus.toString();
        return List.of(
                List.of(g, "monitor", "--system", "--dest", "org.freedesktop.login1"),
                List.of(g, "monitor", "--session", "--dest", "org.gnome.ScreenSaver"),
                List.of(g, "monitor", "--session", "--dest", "org.freedesktop.ScreenSaver"));
    }

    /** Every monitor still running, stopped when the JVM exits (a monitor must not outlive Carnet). */
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroy), "carnet-session-watch-stop"));
    }

    private final List<Process> processes = new ArrayList<>();
    private volatile boolean closed;

    private SessionWatch() {}

    /** Starts watching with the system's gdbus where there is one; {@code onLock} runs on a reader thread. */
    public static SessionWatch start(Runnable onLock) {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) return new SessionWatch();
        for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path g = Path.of(dir, "gdbus");
            if (Files.isExecutable(g)) return start(linuxCommands(g), onLock);
        }
        return new SessionWatch();
    }

    /** Starts one reader per command (package-private: the tests give their own commands). */
    static SessionWatch start(List<List<String>> commands, Runnable onLock) {
        SessionWatch w = new SessionWatch();
        for (List<String> cmd : commands) {
            try {
                Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                w.processes.add(p);
                RUNNING.add(p);
                p.onExit().thenRun(() -> RUNNING.remove(p));
                Thread.ofVirtual().name("carnet-session-watch").start(() -> w.read(p, onLock));
            } catch (IOException e) {
                LOG.debug("session watch not started ({})", e.getClass().getSimpleName());
            }
        }
        return w;
    }

    private void read(Process p, Runnable onLock) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!closed && isLockSignal(line)) onLock.run();
            }
        } catch (IOException e) {
            // the monitor ended (no bus, or closed)
        }
    }

    /** Whether a line of {@code gdbus monitor} announces a session lock, a suspend or an active screen saver. */
    static boolean isLockSignal(String line) {
        String l = line.strip();
        return l.contains(".Session.Lock (")
                || l.contains(".Manager.PrepareForSleep (true")
                || (l.contains("ScreenSaver.ActiveChanged (true"));
    }

    /** Whether anything is being watched (a monitor process still runs). */
    public boolean watching() {
        return processes.stream().anyMatch(Process::isAlive);
    }

    @Override
    public void close() {
        closed = true;
        for (Process p : processes) p.destroy();
    }
}
