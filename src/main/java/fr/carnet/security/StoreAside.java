package fr.carnet.security;

import fr.carnet.store.KeyParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a store whose passphrase was forgotten out of the way, still encrypted, so that a fresh
 * store can take its place (docs/decisions/security-002). {@code carnet.db} becomes
 * {@code carnet-aside-20260112-153000.db} with its key parameters, WAL and unlock throttle: if the
 * passphrase comes back, the desk opens it with {@code --store=…} and its next sync sends the
 * changes it still held.
 */
public final class StoreAside {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private StoreAside() {}

    /** Moves the store's files to a dated name beside it; returns the new store path. */
    public static Path moveAside(Path store, Clock clock) throws IOException {
        String name = store.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name, ext = dot > 0 ? name.substring(dot) : "";
        String base = stem + "-aside-" + LocalDateTime.now(clock).format(STAMP);
        Path target = store.resolveSibling(base + ext);
        for (int i = 2; Files.exists(target) || Files.exists(KeyParams.fileFor(target)); i++) target = store.resolveSibling(base + "-" + i + ext);
        List<Path[]> moves = new ArrayList<>();
        for (String suffix : List.of("-wal", "-shm", ".attempts")) moves.add(new Path[] {sibling(store, suffix), sibling(target, suffix)});
        moves.add(new Path[] {KeyParams.fileFor(store), KeyParams.fileFor(target)});
        // The database last: until it moves, the store is still where it was and complete.
        moves.add(new Path[] {store, target});
        List<Path[]> done = new ArrayList<>();
        try {
            for (Path[] m : moves) {
                if (!Files.exists(m[0])) continue;
                Files.move(m[0], m[1]);
                done.add(m);
            }
        } catch (IOException e) {
            // Half a move would leave a store without its key: put back what moved.
            for (Path[] m : done.reversed()) {
                try {
                    Files.move(m[1], m[0]);
                } catch (IOException again) {
                    e.addSuppressed(again);
                }
            }
            throw e;
        }
        return target;
    }

    private static Path sibling(Path p, String suffix) {
        return p.resolveSibling(p.getFileName() + suffix);
    }
}
