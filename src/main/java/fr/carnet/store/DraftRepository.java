package fr.carnet.store;

import static fr.carnet.store.generated.Tables.DRAFT;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.util.Json;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Autosaved drafts of the desk's forms, kept in the encrypted store under a key such as
 * {@code contact:new:<householdId>}. A draft is dropped when its form is saved or discarded.
 */
public final class DraftRepository {
    private final Store store;

    public DraftRepository(Store store) {
        this.store = store;
    }

    public void save(String key, String form, ObjectNode payload) {
        String now = OffsetDateTime.now(store.clock()).toString();
        String json = Json.write(payload);
        store.write(ctx -> ctx.insertInto(DRAFT).set(DRAFT.K, key).set(DRAFT.FORM, form).set(DRAFT.PAYLOAD, json)
                .set(DRAFT.UPDATED_AT, now).onConflict(DRAFT.K).doUpdate()
                .set(DRAFT.PAYLOAD, json).set(DRAFT.UPDATED_AT, now).execute());
    }

    public Optional<ObjectNode> load(String key) {
        return store.read(ctx -> ctx.select(DRAFT.PAYLOAD).from(DRAFT).where(DRAFT.K.eq(key)).fetchOptional(DRAFT.PAYLOAD))
                .map(Json::readObject);
    }

    public void delete(String key) {
        store.write(ctx -> ctx.deleteFrom(DRAFT).where(DRAFT.K.eq(key)).execute());
    }
}
