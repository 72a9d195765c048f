package fr.carnet.platform;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Milestones of a cold start (milliseconds since the JVM started), kept only when
 * {@code -Dcarnet.startupTrace=true} (the desk benchmark's probe): no cost and no output otherwise.
 * Names only, never data.
 */
public final class StartupTrace {
    private static final boolean ON = Boolean.getBoolean("carnet.startupTrace");
    private static final List<String> MARKS = new ArrayList<>();

    private StartupTrace() {}

    public static void mark(String what) {
        if (!ON) return;
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        synchronized (MARKS) {
            MARKS.add(ms + " ms " + what + " [" + Thread.currentThread().getName() + "]");
        }
    }

    public static List<String> marks() {
        synchronized (MARKS) {
            return List.copyOf(MARKS);
        }
    }
}
