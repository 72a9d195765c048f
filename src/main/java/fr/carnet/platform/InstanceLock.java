package fr.carnet.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Carnet per data folder: an OS file lock on {@code carnet.lock}. The running instance
 * also listens on a loopback port for "bring your window forward" requests; the port and a random
 * secret token are written beside the lock, in {@code carnet.instance} (readable by its owner
 * only), so a second start can wake the first window and another local user cannot.
 *
 * <p>The exchange is one line each way: the second start sends {@code SHOW <token>}, the first
 * answers {@code OK} and brings its window forward; a wrong token gets no answer and no effect.
 */
public final class InstanceLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InstanceLock.class);
    static final String LOCK_FILE = "carnet.lock";
    static final String INSTANCE_FILE = "carnet.instance";
    private static final int TIMEOUT_MS = 2000;
    private static final int MAX_LINE = 200;

    private final FileChannel channel;
    private final FileLock lock;
    private final Path file;
    private volatile ServerSocket listener;

    private InstanceLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code dataDir}, or returns empty if another instance holds it. */
    public static Optional<InstanceLock> acquire(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path f = dataDir.resolve(LOCK_FILE);
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

    /**
     * Listens on a free loopback port for "show" requests from a second start, and publishes the
     * port and a fresh secret token beside the lock. {@code onShow} runs on the listener's thread
     * (the desk hands it to the FX thread). Returns the port.
     */
    public synchronized int listen(Runnable onShow) throws IOException {
        if (listener != null) return listener.getLocalPort();
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        ServerSocket ss = new ServerSocket();
        ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        try {
            writePrivately(instanceFile(), ss.getLocalPort() + " " + token);
        } catch (IOException e) {
            ss.close();
            throw e;
        }
        listener = ss;
        byte[] expected = ("SHOW " + token).getBytes(StandardCharsets.US_ASCII);
        Thread t = new Thread(() -> accept(ss, expected, onShow), "carnet-instance-listener");
        t.setDaemon(true);
        t.start();
        return ss.getLocalPort();
    }

    private static void accept(ServerSocket ss, byte[] expected, Runnable onShow) {
        while (!ss.isClosed()) {
            try (Socket s = ss.accept()) {
                s.setSoTimeout(TIMEOUT_MS);
                String line = readLine(s);
                if (line != null && MessageDigest.isEqual(expected, line.getBytes(StandardCharsets.US_ASCII))) {
                    // asked first, then acknowledged: once the second start reads OK, the request is in
                    try {
                        onShow.run();
                    } catch (RuntimeException e) {
                        LOG.warn("Could not bring the window forward ({})", e.getClass().getSimpleName());
                    }
                    OutputStream out = s.getOutputStream();
                    out.write("OK\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } else {
                    LOG.info("Ignored a wake-up request with a wrong token");
                }
            } catch (IOException e) {
                if (!ss.isClosed()) LOG.debug("wake-up request failed: {}", e.getClass().getSimpleName());
            }
        }
    }

    /** One line of at most {@link #MAX_LINE} characters, or null. */
    private static String readLine(Socket s) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII), MAX_LINE + 2);
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = r.read()) >= 0 && c != '\n') {
            if (sb.length() >= MAX_LINE) return null;
            if (c != '\r') sb.append((char) c);
        }
        return sb.toString();
    }

    /**
     * A second start: asks the instance running on {@code dataDir} to bring its window forward.
     * Returns whether it answered (false when nothing listens or the request was refused).
     */
    public static boolean signalRunning(Path dataDir) {
        String[] portAndToken;
        try {
            portAndToken = Files.readString(dataDir.resolve(INSTANCE_FILE), StandardCharsets.US_ASCII).trim().split(" ");
        } catch (IOException e) {
            return false;
        }
        if (portAndToken.length != 2) return false;
        int port;
        try {
            port = Integer.parseInt(portAndToken[0]);
        } catch (NumberFormatException e) {
            return false;
        }
        return send(port, portAndToken[1]);
    }

    /** Sends {@code SHOW token} to a loopback port; whether it was acknowledged. */
    static boolean send(int port, String token) {
        if (port <= 0 || port > 65535) return false;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MS);
            s.setSoTimeout(TIMEOUT_MS);
            OutputStream out = s.getOutputStream();
            out.write(("SHOW " + token + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return "OK".equals(readLine(s));
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes a file only its owner can read (POSIX), replacing it whole. */
    private static void writePrivately(Path target, String content) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp); // Windows: the data folder is already the user's own (AppData)
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path instanceFile() {
        return file.resolveSibling(INSTANCE_FILE);
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            ServerSocket ss = listener;
            if (ss != null) {
                ss.close();
                Files.deleteIfExists(instanceFile());
            }
        } finally {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }
}
