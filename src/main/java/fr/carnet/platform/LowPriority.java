package fr.carnet.platform;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * Background work that must not slow the worker's screen down: the calling thread gives way to the
 * others for the CPU. On Linux, where Java's thread priorities are not passed on to the system, it
 * raises the thread's nice value (setpriority through the FFM API: a thread may always lower its
 * own priority, no privilege needed); elsewhere Java's lowest priority. Used by the desk's warm-up,
 * which loads classes while the key is derived: on a 2-core laptop the derivation and the unlock
 * screen come first.
 */
public final class LowPriority {
    /** The nice value asked for (0 is normal, 19 the lowest): below the screen, still well above idle. */
    static final int NICE = 10;
    private static final MethodHandle SETPRIORITY = linuxSetPriority();

    private LowPriority() {}

    private static MethodHandle linuxSetPriority() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) return null;
        try {
            Linker l = Linker.nativeLinker();
            // int setpriority(int which, id_t who, int prio): PRIO_PROCESS (0) and who 0 are the calling thread on Linux
            return l.downcallHandle(l.defaultLookup().find("setpriority").orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Lowers the calling thread's priority; false if the system's was left as it was (the Java one is lowered anyway). */
    public static boolean currentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (SETPRIORITY == null) return false;
        try {
            return (int) SETPRIORITY.invokeExact(0, 0, NICE) == 0;
        } catch (Throwable e) {
            return false;
        }
    }
}
