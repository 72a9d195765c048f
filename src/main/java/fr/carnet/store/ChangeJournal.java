package fr.carnet.store;

import static fr.carnet.store.generated.Tables.CHANGE_JOURNAL;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.RecordType;
import fr.carnet.store.generated.tables.records.ChangeJournalRecord;
import fr.carnet.util.Json;
import java.util.List;

/** The outbox: appended in the same transaction as each edit, read by the sync engine. */
public final class ChangeJournal {
    private ChangeJournal() {}

    /** Appends an entry and returns its seq. */
    public static long append(org.jooq.DSLContext ctx, RecordType type, String recordId, String op, ObjectNode vvCtx,
                              ObjectNode patch, String conflictId, String authorId, String deviceTime) {
        ctx.insertInto(CHANGE_JOURNAL)
                .set(CHANGE_JOURNAL.RECORD_TYPE, type.wire())
                .set(CHANGE_JOURNAL.RECORD_ID, recordId)
                .set(CHANGE_JOURNAL.OP, op)
                .set(CHANGE_JOURNAL.CTX, Json.write(vvCtx))
                .set(CHANGE_JOURNAL.PATCH, Json.write(patch))
                .set(CHANGE_JOURNAL.CONFLICT_ID, conflictId)
                .set(CHANGE_JOURNAL.AUTHOR_ID, authorId)
                .set(CHANGE_JOURNAL.DEVICE_TIME, deviceTime)
                .set(CHANGE_JOURNAL.STATUS, JournalEntry.PENDING)
                .execute();
        // jOOQ's DDL reader does not see seq as an identity: ask SQLite for the rowid it gave.
        return ((Number) ctx.fetchValue("SELECT last_insert_rowid()")).longValue();
    }

    public static List<JournalEntry> all(org.jooq.DSLContext ctx) {
        return ctx.selectFrom(CHANGE_JOURNAL).orderBy(CHANGE_JOURNAL.SEQ).fetch(ChangeJournal::toEntry);
    }

    public static List<JournalEntry> pending(org.jooq.DSLContext ctx, int limit) {
        return ctx.selectFrom(CHANGE_JOURNAL).where(CHANGE_JOURNAL.STATUS.eq(JournalEntry.PENDING))
                .orderBy(CHANGE_JOURNAL.SEQ).limit(limit).fetch(ChangeJournal::toEntry);
    }

    /** The first {@code limit} pending entries after journal seq {@code after}, in order. */
    public static List<JournalEntry> pendingAfter(org.jooq.DSLContext ctx, long after, int limit) {
        return ctx.selectFrom(CHANGE_JOURNAL).where(CHANGE_JOURNAL.STATUS.eq(JournalEntry.PENDING)).and(CHANGE_JOURNAL.SEQ.gt((int) after))
                .orderBy(CHANGE_JOURNAL.SEQ).limit(limit).fetch(ChangeJournal::toEntry);
    }

    public static List<JournalEntry> forRecord(org.jooq.DSLContext ctx, RecordType type, String id) {
        return ctx.selectFrom(CHANGE_JOURNAL)
                .where(CHANGE_JOURNAL.RECORD_TYPE.eq(type.wire()).and(CHANGE_JOURNAL.RECORD_ID.eq(id)))
                .orderBy(CHANGE_JOURNAL.SEQ).fetch(ChangeJournal::toEntry);
    }

    public static int pendingCount(org.jooq.DSLContext ctx) {
        return ctx.fetchCount(CHANGE_JOURNAL, CHANGE_JOURNAL.STATUS.eq(JournalEntry.PENDING));
    }

    public static void markDone(org.jooq.DSLContext ctx, long seq, String status, String result) {
        ctx.update(CHANGE_JOURNAL).set(CHANGE_JOURNAL.STATUS, status).set(CHANGE_JOURNAL.RESULT, result)
                .where(CHANGE_JOURNAL.SEQ.eq((int) seq)).execute();
    }

    static JournalEntry toEntry(ChangeJournalRecord r) {
        return new JournalEntry(r.getSeq(), RecordType.fromWire(r.getRecordType()).orElseThrow(), r.getRecordId(),
                r.getOp(), Json.readObject(r.getCtx()), Json.readObject(r.getPatch()), r.getConflictId(),
                r.getAuthorId(), r.getDeviceTime(), r.getStatus(), r.getResult());
    }
}
