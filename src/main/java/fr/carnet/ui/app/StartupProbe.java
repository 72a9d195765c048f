package fr.carnet.ui.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.stage.Window;

/**
 * Starts the desk exactly as {@link CarnetLauncher} does, then plays the worker: as soon as the
 * unlock screen is up it types the passphrase (read from the first line of standard input, never
 * from the command line) and presses « Déverrouiller »; from then on it looks at every pulse right
 * after its layout, as the anchor's bare window does, and the first one in which the caseload's
 * row cells hold households is the moment measured (ADR desk-003). Used by the desk benchmark (the
 * cold-start figure is the app's own path, key derivation and all) and by the packaging's training
 * run of the JDK's AOT cache.
 * Arguments: the desk's ({@code --store=FILE}, {@code --demo}…); give {@code -Dcarnet.home=DIR}
 * so that settings and logs stay out of the worker's folders, and {@code -Dcarnet.probe.report=FILE}:
 * the Markdown table rows (milliseconds since the JVM started) and the startup trace are written
 * there (the desk prints nothing to the console), then the app exits. A failure is logged and
 * exits with 2.
 */
public final class StartupProbe {
    private StartupProbe() {}

    public static void main(String[] args) throws IOException {
        String report = System.getProperty("carnet.probe.report");
        if (report == null || report.isBlank()) throw new IllegalArgumentException("-Dcarnet.probe.report=FILE names the report file");
        char[] pass;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line = in.readLine();
            if (line == null || line.isEmpty()) throw new IllegalArgumentException("the passphrase is read from standard input");
            pass = line.toCharArray();
        }
        Thread player = new Thread(() -> play(pass, java.nio.file.Path.of(report)), "carnet-startup-probe");
        player.setDaemon(true);
        player.start();
        CarnetLauncher.main(args);
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    private static void play(char[] pass, java.nio.file.Path report) {
        try {
            fr.carnet.platform.StartupTrace.mark("probe waiting for the toolkit");
            CountDownLatch rendered = new CountDownLatch(1);
            long[] rowsShown = new long[1];
            long[] cpuAtRows = new long[1];
            long unlockShown = onFx(() -> {
                Node p = lookup("#passphrase");
                Node b = lookup("#unlock-submit");
                if (!(p instanceof PasswordField field) || !(b instanceof Button submit)) return false;
                field.setText(new String(pass));
                if (submit.isDisabled()) return false;
                Arrays.fill(pass, '\0');
                // Like the anchor's window: from now on every pulse is looked at, right after its layout,
                // and the first one in which the caseload's rows exist is the one measured.
                Scene scene = field.getScene();
                Runnable[] each = new Runnable[1];
                each[0] = () -> {
                    if (!rowsLaidOut(scene)) return;
                    scene.removePostLayoutPulseListener(each[0]);
                    rowsShown[0] = sinceJvmStart();
                    cpuAtRows[0] = cpuMillis();
                    rendered.countDown();
                };
                scene.addPostLayoutPulseListener(each[0]);
                submit.fire();
                return true;
            });
            long mounted = onFx(() -> lookup("#caseload-table") != null);
            if (!rendered.await(2, TimeUnit.MINUTES)) throw new IllegalStateException("no pulse with caseload rows");
            StringBuilder out = new StringBuilder();
            out.append(String.format("| JVM start → unlock screen up, passphrase typed | %d ms |%n", unlockShown));
            out.append(String.format("| JVM start → store unlocked, main window built | %d ms |%n", mounted));
            out.append(String.format("| JVM start → caseload usable (first pulse with rows) | %d ms |%n", rowsShown[0]));
            out.append(String.format("| CPU time of the process until then (all threads, JIT included) | %d ms |%n", cpuAtRows[0]));
            out.append(String.format("| RSS after cold start | %s |%n", rss()));
            for (String m : fr.carnet.platform.StartupTrace.marks()) out.append("  trace: ").append(m).append(System.lineSeparator());
            java.nio.file.Files.writeString(report, out);
            Platform.runLater(Platform::exit);
        } catch (Exception e) {
            // asked for here only: a logger in a static field would set logging up on the main thread
            // before the toolkit starts, a cost the desk's own launcher does not pay (it runs beside)
            org.slf4j.LoggerFactory.getLogger(StartupProbe.class).error("Startup probe failed ({})", e.getClass().getSimpleName());
            System.exit(2);
        }
    }

    private interface Check {
        boolean done();
    }

    /** Polls {@code check} on the FX thread every few milliseconds until it holds; returns when it did (ms since JVM start). */
    private static long onFx(Check check) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            CountDownLatch ran = new CountDownLatch(1);
            boolean[] ok = new boolean[1];
            long[] at = new long[1];
            try {
                Platform.runLater(() -> {
                    try {
                        ok[0] = check.done();
                        at[0] = sinceJvmStart();
                    } finally {
                        ran.countDown();
                    }
                });
            } catch (IllegalStateException notYet) {
                Thread.sleep(5); // the toolkit is not up yet
                continue;
            }
            ran.await(2, TimeUnit.MINUTES);
            if (ok[0]) return at[0];
            Thread.sleep(5);
        }
        throw new IllegalStateException("timed out");
    }

    /** The caseload's table is in the scene with its rows: row cells laid out with households in them. */
    private static boolean rowsLaidOut(Scene scene) {
        if (!(scene.lookup("#caseload-table") instanceof TableView<?> t) || t.getItems().isEmpty()) return false;
        for (Node n : t.lookupAll(".table-row-cell"))
            if (n instanceof javafx.scene.control.TableRow<?> r && r.getItem() != null && r.isVisible()) return true;
        return false;
    }

    private static Node lookup(String selector) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null) {
                Node n = w.getScene().lookup(selector);
                if (n != null) return n;
            }
        }
        return null;
    }

    /** CPU time used by the whole process so far (every thread: the JIT compilers and the GC too), -1 if unknown. */
    private static long cpuMillis() {
        // java.base only: the installer's runtime has no jdk.management
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    private static String rss() {
        try {
            for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")))
                if (l.startsWith("VmRSS:")) return String.format("%d MB", Long.parseLong(l.replaceAll("\\D", "")) / 1024);
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "n/a";
    }
}
