package fr.carnet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionWatchTest {
    @Test
    void recognisesTheSignalsGdbusPrintsForALockASuspendAndTheScreenSaver() {
        assertThat(SessionWatch.isLockSignal("/org/freedesktop/login1/session/_32: org.freedesktop.login1.Session.Lock ()")).isTrue();
        assertThat(SessionWatch.isLockSignal("/org/freedesktop/login1: org.freedesktop.login1.Manager.PrepareForSleep (true,)")).isTrue();
        assertThat(SessionWatch.isLockSignal("/org/gnome/ScreenSaver: org.gnome.ScreenSaver.ActiveChanged (true,)")).isTrue();
        assertThat(SessionWatch.isLockSignal("/ScreenSaver: org.freedesktop.ScreenSaver.ActiveChanged (true,)")).isTrue();
        // waking up, unlocking, the screen saver ending, anything else: no lock
        assertThat(SessionWatch.isLockSignal("/org/freedesktop/login1: org.freedesktop.login1.Manager.PrepareForSleep (false,)")).isFalse();
        assertThat(SessionWatch.isLockSignal("/org/freedesktop/login1/session/_32: org.freedesktop.login1.Session.Unlock ()")).isFalse();
        assertThat(SessionWatch.isLockSignal("/org/gnome/ScreenSaver: org.gnome.ScreenSaver.ActiveChanged (false,)")).isFalse();
        assertThat(SessionWatch.isLockSignal("/org/freedesktop/login1: org.freedesktop.DBus.Properties.PropertiesChanged ('org.freedesktop.login1.Manager', {'IdleHint': <false>}, @as [])")).isFalse();
    }

    @Test
    void aMonitorProcessThatPrintsALockSignalLocksOnceAndClosingStopsIt() throws Exception {
        // a real process standing for gdbus on a machine with no D-Bus: it prints what gdbus prints
        String script = "echo '/org/freedesktop/login1: org.freedesktop.login1.Manager.PrepareForSleep (false,)';"
                + "echo '/org/freedesktop/login1/session/_32: org.freedesktop.login1.Session.Lock ()'; sleep 30";
        AtomicInteger locks = new AtomicInteger();
        CountDownLatch locked = new CountDownLatch(1);
        try (SessionWatch w = SessionWatch.start(List.of(List.of("/bin/sh", "-c", script)), () -> {
            locks.incrementAndGet();
            locked.countDown();
        })) {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(w.watching()).isTrue();
            w.close();
            Thread.sleep(200);
            assertThat(w.watching()).isFalse();
        }
        assertThat(locks.get()).isEqualTo(1);
    }

    @Test
    void withoutABusNothingIsWatchedAndNothingFails() throws Exception {
        try (SessionWatch w = SessionWatch.start(SessionWatch.linuxCommands(Path.of("/nonexistent/gdbus")), () -> { })) {
            assertThat(w.watching()).isFalse();
        }
    }
}
