package fr.carnet.dataset;

import static fr.carnet.store.generated.Tables.CHANGE_JOURNAL;
import static fr.carnet.store.generated.Tables.SECTOR;
import static fr.carnet.store.generated.Tables.TERRITORY;
import static fr.carnet.store.generated.Tables.WORKER;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.SyncState;
import fr.carnet.domain.RecordType;
import fr.carnet.domain.Violation;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.Store;
import fr.carnet.util.Json;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Imports a dataset into a store, all or nothing: the dataset is read and checked completely
 * first, then written in one transaction with batched inserts.
 */
public final class Importer {
    /** How imported records stand with the server. */
    public enum Origin {
        /** New local records: each gets its change-journal entry (a create) and will be pushed. */
        LOCAL,
        /** A copy of what the server already holds (the demo): marked synced, nothing to push. */
        REFERENCE
    }

    private static final int BATCH = 1000;

    private Importer() {}

    /** Reads, checks and imports {@code dir}. Throws {@link DatasetException} with every problem, having changed nothing. */
    public static Map<RecordType, Integer> importDir(Store store, Path dir, Origin origin, String actorId) {
        LocalDate today = LocalDate.now(store.clock());
        Dataset ds = store.read(ctx -> new DatasetReader(today, (t, id) -> RecordRepository.exists(ctx, t, id)).readDir(dir));
        return importDataset(store, ds, origin, actorId);
    }

    public static Map<RecordType, Integer> importDataset(Store store, Dataset ds, Origin origin, String actorId) {
        return store.write(ctx -> {
            List<Problem> clashes = existingIds(ctx, ds);
            if (!clashes.isEmpty()) throw new DatasetException(clashes);
            writeOrganisation(ctx, ds.organisation());
            String now = OffsetDateTime.now(store.clock()).truncatedTo(ChronoUnit.MILLIS).toString();
            Map<RecordType, List<DatasetRecord>> byType = new EnumMap<>(RecordType.class);
            for (DatasetRecord r : ds.records()) byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r);
            Map<RecordType, Integer> counts = new EnumMap<>(RecordType.class);
            for (RecordType t : RecordType.parentFirst()) {
                List<DatasetRecord> rs = byType.getOrDefault(t, List.of());
                if (rs.isEmpty()) continue;
                insertRecords(ctx, t, rs, origin, actorId, now);
                if (origin == Origin.LOCAL) journal(ctx, rs, actorId, now);
                counts.put(t, rs.size());
            }
            return counts;
        });
    }

    private static void insertRecords(DSLContext ctx, RecordType t, List<DatasetRecord> rs, Origin origin, String actorId, String now) {
        Map<Field<?>, Object> shape = RecordRepository.fieldValues(t, Json.object());
        List<Field<?>> cols = new ArrayList<>(shape.keySet());
        cols.add(RecordRepository.idField(t));
        cols.add(RecordRepository.column(t, "vv"));
        cols.add(RecordRepository.column(t, "sync_state"));
        cols.add(RecordRepository.column(t, "author_id"));
        cols.add(RecordRepository.column(t, "updated_at"));
        Object[] nulls = new Object[cols.size()];
        BatchBindStep batch = ctx.batch(ctx.insertInto(RecordRepository.table(t), cols).values(nulls));
        String state = origin == Origin.LOCAL ? SyncState.PENDING.name() : SyncState.SYNCED.name();
        int n = 0;
        for (DatasetRecord r : rs) {
            Map<Field<?>, Object> values = RecordRepository.fieldValues(t, r.fields());
            Object[] row = new Object[cols.size()];
            int i = 0;
            for (Object v : values.values()) row[i++] = v;
            row[i++] = r.id();
            row[i++] = "{}";
            row[i++] = state;
            row[i++] = actorId;
            row[i] = now;
            batch = batch.bind(row);
            if (++n % BATCH == 0) {
                batch.execute();
                batch = ctx.batch(ctx.insertInto(RecordRepository.table(t), cols).values(nulls));
            }
        }
        if (n % BATCH != 0) batch.execute();
    }

    private static void journal(DSLContext ctx, List<DatasetRecord> rs, String actorId, String now) {
        var insert = ctx.insertInto(CHANGE_JOURNAL, CHANGE_JOURNAL.RECORD_TYPE, CHANGE_JOURNAL.RECORD_ID, CHANGE_JOURNAL.OP,
                CHANGE_JOURNAL.CTX, CHANGE_JOURNAL.PATCH, CHANGE_JOURNAL.AUTHOR_ID, CHANGE_JOURNAL.DEVICE_TIME, CHANGE_JOURNAL.STATUS)
                .values((String) null, null, null, null, null, null, null, null);
        BatchBindStep batch = ctx.batch(insert);
        int n = 0;
        for (DatasetRecord r : rs) {
            ObjectNode patch = Json.object();
            for (var it = r.fields().fields(); it.hasNext(); ) {
                var e = it.next();
                ObjectNode c = patch.putObject(e.getKey());
                c.set("old", NullNode.getInstance());
                c.set("new", e.getValue());
            }
            batch = batch.bind(r.type().wire(), r.id(), "create", "{}", Json.write(patch), actorId, now, "PENDING");
            if (++n % BATCH == 0) {
                batch.execute();
                batch = ctx.batch(insert);
            }
        }
        if (n % BATCH != 0) batch.execute();
    }

    private static void writeOrganisation(DSLContext ctx, Organisation org) {
        for (var t : org.territories())
            ctx.insertInto(TERRITORY).set(TERRITORY.ID, t.id()).set(TERRITORY.NAME, t.name())
                    .onConflict(TERRITORY.ID).doUpdate().set(TERRITORY.NAME, t.name()).execute();
        for (var s : org.sectors())
            ctx.insertInto(SECTOR).set(SECTOR.ID, s.id()).set(SECTOR.TERRITORY_ID, s.territoryId()).set(SECTOR.NAME, s.name())
                    .onConflict(SECTOR.ID).doUpdate().set(SECTOR.NAME, s.name()).set(SECTOR.TERRITORY_ID, s.territoryId()).execute();
        for (var w : org.workers())
            ctx.insertInto(WORKER).set(WORKER.ID, w.id()).set(WORKER.LOGIN, w.login()).set(WORKER.DISPLAY_NAME, w.displayName())
                    .set(WORKER.ROLE, w.role().name()).set(WORKER.SECTOR_IDS, Json.write(w.sectorIds())).set(WORKER.FTE, w.fte())
                    .onConflict(WORKER.ID).doUpdate().set(WORKER.DISPLAY_NAME, w.displayName()).set(WORKER.ROLE, w.role().name())
                    .set(WORKER.SECTOR_IDS, Json.write(w.sectorIds())).set(WORKER.FTE, w.fte()).execute();
    }

    private static List<Problem> existingIds(DSLContext ctx, Dataset ds) {
        List<Problem> out = new ArrayList<>();
        Map<RecordType, List<String>> byType = new EnumMap<>(RecordType.class);
        for (DatasetRecord r : ds.records()) byType.computeIfAbsent(r.type(), k -> new ArrayList<>()).add(r.id());
        for (var e : byType.entrySet()) {
            List<String> ids = e.getValue();
            for (int i = 0; i < ids.size() && out.size() < 100; i += 500) {
                List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
                for (String id : ctx.select(RecordRepository.idField(e.getKey())).from(RecordRepository.table(e.getKey()))
                        .where(RecordRepository.idField(e.getKey()).in(chunk)).fetch(RecordRepository.idField(e.getKey())))
                    out.add(new Problem(e.getKey().wire() + ".jsonl", 0, id, "id", Violation.of("id", "duplicateId", id).message()));
            }
        }
        return out;
    }
}
