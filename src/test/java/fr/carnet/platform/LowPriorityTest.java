package fr.carnet.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LowPriorityTest {
    /** The nice value of the calling thread, from /proc (field 19 of its stat line). */
    private static int niceOfThisThread() throws Exception {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(f[16]);
    }

    @Test
    void lowersOnlyTheCallingThread() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        int before = niceOfThisThread();
        int[] seen = CompletableFuture.supplyAsync(() -> {
            try {
                int b = niceOfThisThread();
                boolean done = LowPriority.currentThread();
                return new int[] {b, niceOfThisThread(), done ? 1 : 0, Thread.currentThread().getPriority()};
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, r -> new Thread(r, "low-priority-test").start()).get(30, TimeUnit.SECONDS);
        assertEquals(1, seen[2], "setpriority answered 0");
        assertEquals(Math.max(seen[0], LowPriority.NICE), seen[1], "the thread's nice value");
        assertEquals(Thread.MIN_PRIORITY, seen[3]);
        assertEquals(before, niceOfThisThread(), "the caller of the test keeps its priority");
        assertTrue(before < LowPriority.NICE);
    }
}
