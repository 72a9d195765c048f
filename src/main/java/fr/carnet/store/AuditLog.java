package fr.carnet.store;

import static fr.carnet.store.generated.Tables.AUDIT_LOG;
import static fr.carnet.store.generated.Tables.WORKER;

import fr.carnet.domain.RecordType;
import fr.carnet.store.generated.tables.records.AuditLogRecord;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The laptop's audit trail: reads and writes, recorded offline in the same transaction as what
 * they describe (for writes) and sent to the server with the next sync. Holds no field values.
 */
public final class AuditLog {
    /** What was done. */
    public enum Action { OPEN_FILE, PRINT, EXPORT, CREATE, UPDATE, DELETE, UNDELETE, RESOLVE, RGPD_EXPORT, UNLOCK, UNLOCK_FAILED }

    /** One entry as stored. */
    public record Entry(long seq, String at, String workerId, String deviceId, Action action, String recordType,
                        String recordId, String detail, boolean sent) {}

    private AuditLog() {}

    /** Appends an entry inside the caller's transaction. */
    public static void record(DSLContext ctx, OffsetDateTime at, String workerId, Action action, RecordType type, String recordId, String detail) {
        String device = StoreMeta.get(ctx, StoreMeta.DEVICE_ID).orElse(null);
        ctx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.AT, at.truncatedTo(ChronoUnit.MILLIS).toString())
                .set(AUDIT_LOG.WORKER_ID, workerId)
                .set(AUDIT_LOG.DEVICE_ID, device)
                .set(AUDIT_LOG.ACTION, action.name())
                .set(AUDIT_LOG.RECORD_TYPE, type == null ? null : type.wire())
                .set(AUDIT_LOG.RECORD_ID, recordId)
                .set(AUDIT_LOG.DETAIL, detail)
                .execute();
    }

    /** Records a read (opening a file, printing, exporting) in its own transaction. */
    public static void recordRead(Store store, String workerId, Action action, RecordType type, String recordId, String detail) {
        store.write(ctx -> {
            record(ctx, OffsetDateTime.now(store.clock()), workerId, action, type, recordId, detail);
            return null;
        });
    }

    public static List<Entry> all(DSLContext ctx) {
        return ctx.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ).fetch(AuditLog::toEntry);
    }

    /** The latest entries, newest first (the supervisor's audit view). */
    public static List<Entry> latest(DSLContext ctx, int limit) {
        return ctx.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ.desc()).limit(limit).fetch(AuditLog::toEntry);
    }

    /** The display names of the workers this store knows, by id (who did what, in the audit view). */
    public static java.util.Map<String, String> workerNames(DSLContext ctx) {
        return ctx.select(WORKER.ID, WORKER.DISPLAY_NAME).from(WORKER).fetchMap(WORKER.ID, WORKER.DISPLAY_NAME);
    }

    public static List<Entry> unsent(DSLContext ctx, int limit) {
        return ctx.selectFrom(AUDIT_LOG).where(AUDIT_LOG.SENT.eq(0)).orderBy(AUDIT_LOG.SEQ).limit(limit).fetch(AuditLog::toEntry);
    }

    public static void markSent(DSLContext ctx, long throughSeq) {
        // only the rows still unsent: the ones marked before are not rewritten at every upload
        ctx.update(AUDIT_LOG).set(AUDIT_LOG.SENT, 1).where(AUDIT_LOG.SENT.eq(0)).and(AUDIT_LOG.SEQ.le((int) throughSeq)).execute();
    }

    public static List<Entry> forRecord(DSLContext ctx, RecordType type, String id) {
        return ctx.selectFrom(AUDIT_LOG).where(AUDIT_LOG.RECORD_TYPE.eq(type.wire()).and(AUDIT_LOG.RECORD_ID.eq(id)))
                .orderBy(AUDIT_LOG.SEQ).fetch(AuditLog::toEntry);
    }

    private static Entry toEntry(AuditLogRecord r) {
        return new Entry(r.getSeq(), r.getAt(), r.getWorkerId(), r.getDeviceId(), Action.valueOf(r.getAction()),
                r.getRecordType(), r.getRecordId(), r.getDetail(), r.getSent() != 0);
    }
}
