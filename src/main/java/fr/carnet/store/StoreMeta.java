package fr.carnet.store;

import static fr.carnet.store.generated.Tables.STORE_META;

import java.util.Optional;
import org.jooq.DSLContext;

/** Small facts kept in the store itself: its owner, this device, the sync position. */
public final class StoreMeta {
    public static final String OWNER_ID = "owner.workerId";
    public static final String OWNER_LOGIN = "owner.login";
    public static final String OWNER_ROLE = "owner.role";
    public static final String DEVICE_ID = "device.id";

    private StoreMeta() {}

    public static Optional<String> get(DSLContext ctx, String key) {
        return Optional.ofNullable(Jdbc.string(ctx, "SELECT v FROM store_meta WHERE k = ?", key));
    }

    public static void put(DSLContext ctx, String key, String value) {
        ctx.insertInto(STORE_META).set(STORE_META.K, key).set(STORE_META.V, value)
                .onConflict(STORE_META.K).doUpdate().set(STORE_META.V, value).execute();
    }

    public static void remove(DSLContext ctx, String key) {
        ctx.deleteFrom(STORE_META).where(STORE_META.K.eq(key)).execute();
    }
}
