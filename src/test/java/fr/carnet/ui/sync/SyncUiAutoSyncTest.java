package fr.carnet.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.ui.common.Async;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the desk syncs by itself: a fake clock, and probes that run when the test says. */
class SyncUiAutoSyncTest {
    /** A clock the test moves. */
    static final class FakeClock extends Clock {
        Instant now = Instant.parse("2026-11-26T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Background work queued until the test runs it, like a real executor. */
    static final class QueuedAsync implements Async {
        final List<Runnable> queue = new ArrayList<>();

        @Override
        public <T> void run(Supplier<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError) {
            queue.add(() -> Async.direct().run(work, onSuccess, onError));
        }

        void runAll() {
            while (!queue.isEmpty()) queue.remove(0).run();
        }
    }

    FakeClock clock = new FakeClock();
    QueuedAsync async = new QueuedAsync();
    boolean enabled = true, busy, up = true;
    int probes, syncs;
    List<Boolean> reachability = new ArrayList<>();
    AutoSync auto;

    @BeforeEach
    void setUp() {
        auto = new AutoSync(clock, async, new AutoSync.Host() {
            public boolean enabled() { return enabled; }
            public boolean busy() { return busy; }
            public boolean probe() {
                probes++;
                return up;
            }
            public void startSync() {
                syncs++;
                busy = true;
            }
            public void reachability(boolean r) { reachability.add(r); }
        });
    }

    private void finish(AutoSync.Outcome o) {
        busy = false;
        auto.finished(o, null);
    }

    @Test
    void probesThenSyncsAtOnceWhenSignedInAndThenEveryFiveMinutes() {
        auto.tick();
        assertThat(syncs).isZero();
        assertThat(async.queue).hasSize(1);
        async.runAll();
        assertThat(probes).isEqualTo(1);
        assertThat(syncs).isEqualTo(1);
        finish(AutoSync.Outcome.SUCCESS);
        clock.advance(Duration.ofMinutes(4));
        auto.tick();
        async.runAll();
        assertThat(probes).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        auto.tick();
        async.runAll();
        assertThat(syncs).isEqualTo(2);
    }

    @Test
    void doesNothingWithoutAServerOrWhileASyncRuns() {
        enabled = false;
        auto.tick();
        assertThat(async.queue).isEmpty();
        enabled = true;
        busy = true;
        auto.tick();
        assertThat(async.queue).isEmpty();
    }

    @Test
    void neverProbesTwiceAtOnceNorStartsASecondSync() {
        auto.tick();
        auto.tick();
        assertThat(async.queue).hasSize(1);
        async.runAll();
        assertThat(syncs).isEqualTo(1);
        // A sync asked for by hand started meanwhile: the probe's answer does not start another.
        busy = false;
        auto.tick();
        busy = true;
        async.runAll();
        assertThat(syncs).isEqualTo(1);
    }

    @Test
    void whileUnreachableProbesEveryThirtySecondsAndSyncsAsSoonAsTheServerAnswers() {
        up = false;
        auto.tick();
        async.runAll();
        assertThat(syncs).isZero();
        assertThat(auto.offline()).isTrue();
        assertThat(reachability).containsExactly(false);
        clock.advance(Duration.ofSeconds(15));
        auto.tick();
        assertThat(async.queue).isEmpty();
        clock.advance(Duration.ofSeconds(15));
        auto.tick();
        async.runAll();
        assertThat(probes).isEqualTo(2);
        up = true;
        clock.advance(Duration.ofSeconds(30));
        auto.tick();
        async.runAll();
        assertThat(syncs).isEqualTo(1);
        assertThat(reachability).containsExactly(false, true);
    }

    @Test
    void aSyncThatFindsNoNetworkSwitchesToQuickProbes() {
        auto.tick();
        async.runAll();
        finish(AutoSync.Outcome.OFFLINE);
        assertThat(auto.offline()).isTrue();
        up = true;
        clock.advance(Duration.ofSeconds(30));
        auto.tick();
        async.runAll();
        assertThat(syncs).isEqualTo(2);
    }

    @Test
    void aFailedSyncWaitsForTheNextIntervalOrTheServersRetryAfter() {
        auto.tick();
        async.runAll();
        busy = false;
        auto.finished(AutoSync.Outcome.FAILED, Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(59));
        auto.tick();
        assertThat(async.queue).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        auto.tick();
        async.runAll();
        assertThat(syncs).isEqualTo(2);
    }
}
