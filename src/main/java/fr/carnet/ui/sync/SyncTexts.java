package fr.carnet.ui.sync;

import static fr.carnet.store.generated.Tables.WORKER;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carnet.domain.RecordType;
import fr.carnet.i18n.Messages;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.StoredRecord;
import fr.carnet.ui.common.Formats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Sync things said in words a social worker reads: which record (« Visite · Famille D., 12/03/2026 »),
 * which field, what value, who. Runs inside a store read (never on the FX thread).
 */
final class SyncTexts {
    private final DSLContext ctx;
    private final String me;
    private final Map<String, String> names = new HashMap<>();

    SyncTexts(DSLContext ctx, String myWorkerId) {
        this.ctx = ctx;
        this.me = myWorkerId;
    }

    /** The record in words; the household it belongs to, and its date when it has one. */
    String record(String wireType, String id) {
        Optional<RecordType> type = RecordType.fromWire(wireType);
        String typeLabel = typeLabel(wireType);
        if (type.isEmpty()) return typeLabel;
        Optional<StoredRecord> r = RecordRepository.find(ctx, type.get(), id);
        if (r.isEmpty()) return Messages.get("sync.ui.record.gone", typeLabel);
        String household = household(r.get());
        String subject = switch (type.get()) {
            case HOUSEHOLD -> household;
            case PERSON -> join(r.get().text("firstName"), r.get().text("lastName")) + (household.isEmpty() ? "" : ", " + household);
            default -> household;
        };
        String date = dateOf(r.get());
        if (subject.isBlank()) subject = Messages.get("desk.household.untitled");
        return date.isEmpty() ? Messages.get("sync.ui.record", typeLabel, subject) : Messages.get("sync.ui.record.dated", typeLabel, subject, date);
    }

    static String typeLabel(String wireType) {
        String k = "sync.type." + wireType;
        return Messages.has(k) ? Messages.get(k) : wireType;
    }

    private static String join(String a, String b) {
        return ((a == null ? "" : a) + " " + (b == null ? "" : b)).strip();
    }

    private String household(StoredRecord r) {
        StoredRecord cur = r;
        for (int depth = 0; depth < 5 && cur != null; depth++) {
            if (cur.type() == RecordType.HOUSEHOLD) {
                String l = cur.text("label");
                return l == null ? "" : l;
            }
            RecordType parent = cur.type().parentType();
            String pid = cur.parentId();
            if (parent == null || pid == null) return "";
            cur = RecordRepository.find(ctx, parent, pid).orElse(null);
        }
        return "";
    }

    private static String dateOf(StoredRecord r) {
        String f = switch (r.type()) {
            case CONTACT, EVALUATION, MEASUREMENT, SCREENING -> "date";
            case VISIT -> "plannedAt";
            case PLAN -> "startDate";
            case AID -> "requestedOn";
            default -> null;
        };
        return f == null ? "" : Formats.current().isoDate(r.text(f));
    }

    /** A field's name as the interface says it. */
    static String field(String name) {
        String k = "sync.field." + name;
        return Messages.has(k) ? Messages.get(k) : name;
    }

    /** A wire value in words; "(vide)" for nothing. */
    static String value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return Messages.get("sync.ui.empty");
        if (v.isBoolean()) return Messages.get(v.asBoolean() ? "sync.ui.yes" : "sync.ui.no");
        if (v.isNumber()) return v.isIntegralNumber() ? Formats.current().integer(v.asLong()) : Formats.current().decimal(v.asDouble(), 2);
        if (v.isTextual()) {
            String t = v.asText();
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) return Formats.current().isoDate(t);
            if (t.matches("\\d{4}-\\d{2}-\\d{2}T.*")) return Formats.current().isoDateTime(t);
            return t.isEmpty() ? Messages.get("sync.ui.empty") : t;
        }
        List<String> parts = new ArrayList<>();
        if (v.isArray()) v.forEach(x -> parts.add(value(x)));
        else v.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) parts.add(value(e.getValue()));
        });
        return parts.isEmpty() ? Messages.get("sync.ui.empty") : String.join(", ", parts);
    }

    /** A worker's display name from the organisation's table; « moi » for this worker. */
    String worker(String id) {
        if (id == null) return Messages.get("sync.ui.someone");
        return names.computeIfAbsent(id, k -> {
            String n = ctx.select(WORKER.DISPLAY_NAME).from(WORKER).where(WORKER.ID.eq(k)).fetchOne(WORKER.DISPLAY_NAME);
            if (k.equals(me)) return n == null ? Messages.get("sync.ui.me") : Messages.get("sync.ui.meNamed", n);
            return n == null ? Messages.get("sync.ui.someone") : n;
        });
    }

    /** Who and when: « Bruno Bernard, 26/11/2026 10:05 ». */
    String authored(String workerId, String serverTime) {
        String t = Formats.current().isoDateTime(serverTime);
        return t.isEmpty() ? worker(workerId) : Messages.get("sync.ui.authored", worker(workerId), t);
    }
}
