package fr.carnet.store;

import static fr.carnet.store.generated.Tables.WORKER;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.util.Json;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Who works with this store: the worker, their role and the sector new households go to. The
 * owner is kept in {@link StoreMeta}; name and sectors come from the organisation's worker table
 * when the store holds it. A store set up on the laptop before any sync gets a local identity
 * (role AS, a local sector) that the first sync session replaces.
 */
public record DeskIdentity(String workerId, String displayName, Role role, String sectorId) {
    static final String LOCAL_SECTOR = "desk.localSector";

    public static Optional<DeskIdentity> load(Store store) {
        return store.read(ctx -> StoreMeta.get(ctx, StoreMeta.OWNER_ID).map(id -> of(ctx, id,
                StoreMeta.get(ctx, StoreMeta.OWNER_ROLE).map(Role::valueOf).orElse(Role.AS))));
    }

    /** The identity of another worker of the organisation held in this store (the demo's "sign in as"). */
    public static Optional<DeskIdentity> forLogin(Store store, String login) {
        return store.read(ctx -> ctx.selectFrom(WORKER).where(WORKER.LOGIN.eq(login)).fetchOptional()
                .map(w -> of(ctx, w.getId(), Role.valueOf(w.getRole()))));
    }

    private static DeskIdentity of(DSLContext ctx, String workerId, Role role) {
        var w = ctx.selectFrom(WORKER).where(WORKER.ID.eq(workerId)).fetchOne();
        String name = w == null ? "" : w.getDisplayName();
        String sector = null;
        if (w != null && w.getSectorIds() != null) {
            JsonNode s = Json.read(w.getSectorIds());
            if (s.isArray() && !s.isEmpty()) sector = s.get(0).asText();
        }
        if (sector == null) sector = StoreMeta.get(ctx, LOCAL_SECTOR).orElse(null);
        return new DeskIdentity(workerId, name, role, sector);
    }

    /** The owner of this store; a store without one gets a local identity. */
    public static DeskIdentity loadOrCreate(Store store) {
        return load(store).orElseGet(() -> {
            DeskIdentity id = new DeskIdentity(UUID.randomUUID().toString(), "", Role.AS, UUID.randomUUID().toString());
            id.save(store);
            return id;
        });
    }

    /** Makes this identity the store's owner. */
    public void save(Store store) {
        store.write(ctx -> {
            StoreMeta.put(ctx, StoreMeta.OWNER_ID, workerId);
            StoreMeta.put(ctx, StoreMeta.OWNER_ROLE, role.name());
            if (sectorId != null) StoreMeta.put(ctx, LOCAL_SECTOR, sectorId);
            return null;
        });
    }
}
