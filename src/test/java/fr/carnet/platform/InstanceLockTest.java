package fr.carnet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceLockTest {
    @TempDir Path dir;

    @Test
    void aSecondInstanceOnTheSameDataFolderIsRefusedUntilTheFirstCloses() throws Exception {
        Optional<InstanceLock> first = InstanceLock.acquire(dir);
        assertThat(first).isPresent();
        assertThat(InstanceLock.acquire(dir)).isEmpty();
        first.get().close();
        try (InstanceLock again = InstanceLock.acquire(dir).orElseThrow()) {
            assertThat(again.file()).exists();
        }
    }

    @Test
    void aSecondStartAsksTheFirstToComeForwardOverTheLoopbackSocket() throws Exception {
        java.util.concurrent.atomic.AtomicInteger shown = new java.util.concurrent.atomic.AtomicInteger();
        try (InstanceLock first = InstanceLock.acquire(dir).orElseThrow()) {
            int port = first.listen(shown::incrementAndGet);
            Path published = dir.resolve(InstanceLock.INSTANCE_FILE);
            assertThat(Files.readString(published)).startsWith(port + " ").hasSizeGreaterThan(40);
            if (Files.getFileAttributeView(published, java.nio.file.attribute.PosixFileAttributeView.class) != null)
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(published))).isEqualTo("rw-------");

            // The second start finds the lock taken, and wakes the first one.
            assertThat(InstanceLock.acquire(dir)).isEmpty();
            assertThat(InstanceLock.signalRunning(dir)).isTrue();
            assertThat(shown).hasValue(1);

            // Someone who does not know the token gets no answer and changes nothing.
            assertThat(InstanceLock.send(port, "0".repeat(64))).isFalse();
            assertThat(InstanceLock.send(port, "")).isFalse();
            assertThat(InstanceLock.send(port, "x".repeat(5000))).isFalse();
            assertThat(shown).hasValue(1);

            // The listener still serves the real owner afterwards.
            assertThat(InstanceLock.signalRunning(dir)).isTrue();
            assertThat(shown).hasValue(2);
        }
        // Closed: the published port is gone and nobody answers.
        assertThat(dir.resolve(InstanceLock.INSTANCE_FILE)).doesNotExist();
        assertThat(InstanceLock.signalRunning(dir)).isFalse();
        assertThat(shown).hasValue(2);
    }

    @Test
    void aStaleInstanceFileIsHarmless() throws Exception {
        Files.writeString(dir.resolve(InstanceLock.INSTANCE_FILE), "not a port");
        assertThat(InstanceLock.signalRunning(dir)).isFalse();
        Files.writeString(dir.resolve(InstanceLock.INSTANCE_FILE), "1 abc");
        assertThat(InstanceLock.signalRunning(dir)).isFalse();
    }

    @Test
    void anotherDataFolderHasItsOwnLock() throws Exception {
        try (InstanceLock a = InstanceLock.acquire(dir.resolve("a")).orElseThrow();
             InstanceLock b = InstanceLock.acquire(dir.resolve("b")).orElseThrow()) {
            assertThat(a.file()).isNotEqualTo(b.file());
        }
    }

    @Test
    void atomicWritesReplaceWholeFilesAndLeaveNoTemporaries() throws Exception {
        Path f = dir.resolve("settings.json");
        AtomicFiles.writeString(f, "{\"zoom\":1.0}");
        AtomicFiles.writeString(f, "{\"zoom\":1.25}");
        assertThat(Files.readString(f)).isEqualTo("{\"zoom\":1.25}");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("settings.json");
        }
    }
}
