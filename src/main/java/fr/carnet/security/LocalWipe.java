package fr.carnet.security;

import fr.carnet.store.KeyParams;
import fr.carnet.store.Store;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases this laptop's store after a revocation (docs/decisions/security-002): the database, its
 * WAL and shared-memory files, the key parameters (the salt: without it even the passphrase no
 * longer opens a copy), the unlock throttle and any leftover of a passphrase change. Drafts, the
 * journal, the audit trail and the caches of the desk all live inside the database. Each file is
 * overwritten, flushed, then deleted. A marker written first makes a wipe cut short (a crash, a
 * power cut) finish at the next start, before anything else and without the key.
 */
public final class LocalWipe {
    private static final Logger LOG = LoggerFactory.getLogger(LocalWipe.class);
    private static final int CHUNK = 1 << 20;

    private LocalWipe() {}

    /** The marker of a wipe in progress, beside the store. */
    public static Path marker(Path store) {
        return sibling(store, ".wipe");
    }

    /** Whether a wipe of this store was started and not finished. */
    public static boolean pending(Path store) {
        return Files.exists(marker(store));
    }

    /** Every file of a store that a wipe erases (whether it exists or not). */
    public static List<Path> filesOf(Path store) {
        Path key = KeyParams.fileFor(store);
        List<Path> out = new ArrayList<>();
        out.add(store);
        out.add(sibling(store, "-wal"));
        out.add(sibling(store, "-shm"));
        out.add(sibling(store, "-journal"));
        out.add(key);
        out.add(sibling(key, ".new"));
        out.add(sibling(key, ".tmp"));
        out.add(sibling(store, ".attempts"));
        return out;
    }

    /**
     * Closes the open store (null: none is open) and erases its files. Throws if a file could not
     * be erased; the marker then stays, and {@link #finish} retries at the next start.
     */
    public static void wipe(Store open, Path store) throws IOException {
        Files.writeString(marker(store), "wipe\n");
        if (open != null) open.close();
        finish(store);
    }

    /** Erases the files of a store (no key needed) and removes the marker. */
    public static void finish(Path store) throws IOException {
        byte[] noise = new byte[CHUNK];
        new SecureRandom().nextBytes(noise);
        IOException failed = null;
        for (Path f : filesOf(store)) {
            try {
                erase(f, noise);
            } catch (IOException e) {
                LOG.warn("Could not erase a store file ({})", e.getClass().getSimpleName());
                if (failed == null) failed = e;
            }
        }
        if (failed != null) throw failed;
        Files.deleteIfExists(marker(store));
        LOG.info("Local store wiped");
    }

    private static void erase(Path f, byte[] noise) throws IOException {
        if (!Files.isRegularFile(f)) return;
        long size = Files.size(f);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            for (long at = 0; at < size; at += CHUNK) {
                ByteBuffer b = ByteBuffer.wrap(noise, 0, (int) Math.min(CHUNK, size - at));
                while (b.hasRemaining()) ch.write(b, at + b.position());
            }
            ch.force(true);
        }
        Files.delete(f);
    }

    private static Path sibling(Path p, String suffix) {
        return p.resolveSibling(p.getFileName() + suffix);
    }
}
