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
        first.get().publishPort(51234);
        assertThat(InstanceLock.acquire(dir)).isEmpty();
        assertThat(InstanceLock.publishedPort(dir)).contains(51234);
        first.get().close();
        try (InstanceLock again = InstanceLock.acquire(dir).orElseThrow()) {
            assertThat(again.file()).exists();
        }
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
