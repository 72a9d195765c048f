package fr.carnet.platform;

/**
 * The text of a crash report, safe to log and to copy: exception classes and stack frames only.
 * Messages of exceptions from outside Carnet are dropped — a JDBC or parser message can quote a
 * name or a note; Carnet's own exceptions carry bundle messages and ids, never field values.
 * Nothing is sent anywhere: the report stays on the laptop (the log file, the dialog's copy button).
 */
public final class CrashReport {
    private static final int MAX_CAUSES = 8;

    private CrashReport() {}

    /** The report for an uncaught exception on this thread. */
    public static String details(String threadName, Throwable e) {
        StringBuilder sb = new StringBuilder();
        sb.append("Carnet ").append(version()).append(" — Java ").append(System.getProperty("java.version"))
                .append(" — ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append('\n').append("Thread: ").append(threadName).append('\n');
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause() == t ? null : t.getCause()) {
            sb.append(depth == 0 ? "" : "Caused by: ").append(describe(t)).append('\n');
            for (StackTraceElement f : t.getStackTrace()) sb.append("\tat ").append(f).append('\n');
            for (Throwable s : t.getSuppressed()) sb.append("\tSuppressed: ").append(describe(s)).append('\n');
        }
        return sb.toString();
    }

    /** The class name, and the message only for Carnet's own exceptions. */
    static String describe(Throwable t) {
        String name = t.getClass().getName();
        if (name.startsWith("fr.carnet.") && t.getMessage() != null) return name + ": " + t.getMessage();
        return name;
    }

    private static String version() {
        String v = CrashReport.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
