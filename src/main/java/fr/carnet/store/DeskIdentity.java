package fr.carnet.store;

import static fr.carnet.store.generated.Tables.STORE_META;

import fr.carnet.domain.Enums.Role;
import java.util.Optional;
import java.util.UUID;

/**
 * Who works with this store: the worker, their role and the sector new households go to. Kept in
 * {@code store_meta}; a store set up on the laptop before any sync gets a local identity (role AS)
 * that the first sync session replaces.
 */
public record DeskIdentity(String workerId, String displayName, Role role, String sectorId) {
    static final String WORKER = "desk.worker.id", NAME = "desk.worker.name", ROLE = "desk.worker.role", SECTOR = "desk.worker.sector";

    public static Optional<DeskIdentity> load(Store store) {
        return store.read(ctx -> {
            var m = ctx.selectFrom(STORE_META).fetchMap(STORE_META.K, STORE_META.V);
            if (!m.containsKey(WORKER)) return Optional.empty();
            return Optional.of(new DeskIdentity(m.get(WORKER), m.getOrDefault(NAME, ""),
                    Role.valueOf(m.getOrDefault(ROLE, "AS")), m.get(SECTOR)));
        });
    }

    public void save(Store store) {
        store.write(ctx -> {
            put(ctx, WORKER, workerId);
            put(ctx, NAME, displayName);
            put(ctx, ROLE, role.name());
            put(ctx, SECTOR, sectorId);
            return null;
        });
    }

    /** The identity of a worker who sets up the laptop before the first sync. */
    public static DeskIdentity local(String displayName, Role role) {
        return new DeskIdentity(UUID.randomUUID().toString(), displayName, role, UUID.randomUUID().toString());
    }

    public static DeskIdentity loadOrCreate(Store store) {
        return load(store).orElseGet(() -> {
            DeskIdentity id = local("", Role.AS);
            id.save(store);
            return id;
        });
    }

    private static void put(org.jooq.DSLContext ctx, String k, String v) {
        ctx.insertInto(STORE_META).set(STORE_META.K, k).set(STORE_META.V, v).onConflict(STORE_META.K).doUpdate()
                .set(STORE_META.V, v).execute();
    }
}
