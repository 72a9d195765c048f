package fr.carnet.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One running Carnet per data folder: an OS file lock on {@code carnet.lock}. The lock file also
 * holds the port of the running instance's wake-up listener, so a second start can bring the
 * first window forward instead of opening the same store twice.
 */
public final class InstanceLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;
    private final Path file;

    private InstanceLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code dataDir}, or returns empty if another instance holds it. */
    public static Optional<InstanceLock> acquire(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path f = dataDir.resolve("carnet.lock");
        FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock l = ch.tryLock();
            if (l == null) {
                ch.close();
                return Optional.empty();
            }
            return Optional.of(new InstanceLock(f, ch, l));
        } catch (OverlappingFileLockException e) {
            ch.close();
            return Optional.empty();
        }
    }

    /** Records the port on which this instance listens for "bring to front" requests. */
    public void publishPort(int port) throws IOException {
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(Integer.toString(port).getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
    }

    /** The port the running instance published, if any (read by a second start). */
    public static Optional<Integer> publishedPort(Path dataDir) {
        try {
            String s = Files.readString(dataDir.resolve("carnet.lock"), StandardCharsets.US_ASCII).trim();
            return s.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(s));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
