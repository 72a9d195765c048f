package fr.carnet.ui.audit;

import fr.carnet.domain.Enums.Role;
import fr.carnet.i18n.Messages;
import fr.carnet.store.AuditLog;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.Formats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The local audit trail for supervisors and administrators: who did what on which record, and
 * when; exportable as CSV for a spreadsheet (UTF-8 with BOM, « ; » separators). The export itself
 * is audited.
 */
public final class AuditViewModel {
    public static final int LIMIT = 5000;
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** One line as shown and exported. */
    public record Row(OffsetDateTime at, String who, AuditLog.Action action, String actionLabel, String recordType,
                      String recordId, String detail) {}

    private final DeskContext ctx;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");

    public AuditViewModel(DeskContext ctx) {
        this.ctx = ctx;
    }

    /** Whether this worker may see the audit trail. */
    public static boolean allowed(Role role) {
        return role == Role.SUPERVISOR || role == Role.ADMIN;
    }

    public void load() {
        if (!allowed(ctx.role())) return;
        ctx.async().run(() -> ctx.store().read(c -> {
            Map<String, String> names = new java.util.HashMap<>(AuditLog.workerNames(c));
            String me = ctx.identity().displayName();
            if (me != null && !me.isBlank()) names.putIfAbsent(ctx.identity().workerId(), me);
            List<Row> out = new ArrayList<>();
            for (AuditLog.Entry e : AuditLog.latest(c, LIMIT)) out.add(row(e, names));
            return out;
        }), r -> {
            rows.setAll(r);
            status.set(Messages.get("security.audit.count", r.size()));
        }, e -> status.set(Messages.get("desk.error.unexpected")));
    }

    private static Row row(AuditLog.Entry e, Map<String, String> names) {
        String who = e.workerId() == null ? "" : names.getOrDefault(e.workerId(), e.workerId());
        return new Row(OffsetDateTime.parse(e.at()), who, e.action(), Messages.get("security.audit.action." + e.action().name()),
                e.recordType(), e.recordId(), e.detail());
    }

    /** The record column: its kind (wire name) and its id. */
    public static String record(Row r) {
        if (r.recordType() == null) return "";
        return r.recordId() == null ? r.recordType() : r.recordType() + " " + r.recordId();
    }

    public static String when(Row r) {
        return Formats.current().dateTime(r.at());
    }

    /** The rows as CSV: a BOM so that spreadsheets read UTF-8, « ; » as French spreadsheets expect. */
    public static String csv(List<Row> rows) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        sb.append(String.join(";", Messages.get("security.audit.col.when"), Messages.get("security.audit.col.who"),
                Messages.get("security.audit.col.action"), Messages.get("security.audit.col.recordType"),
                Messages.get("security.audit.col.recordId"), Messages.get("security.audit.col.detail"))).append("\r\n");
        for (Row r : rows) {
            sb.append(cell(CSV_TIME.format(r.at()))).append(';').append(cell(r.who())).append(';').append(cell(r.action().name()))
                    .append(';').append(cell(r.recordType())).append(';').append(cell(r.recordId())).append(';').append(cell(r.detail()))
                    .append("\r\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        if (s == null) return "";
        // Formula injection: a cell starting with = + - @ would run in a spreadsheet.
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) v = '"' + v.replace("\"", "\"\"") + '"';
        return v;
    }

    /** Writes the rows shown to this file in the background, and audits the export. */
    public void export(Path file) {
        List<Row> snapshot = List.copyOf(rows);
        ctx.async().run(() -> {
            try {
                Files.writeString(file, csv(snapshot), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            AuditLog.recordRead(ctx.store(), ctx.identity().workerId(), AuditLog.Action.EXPORT, null, null, "audit-log");
            return snapshot.size();
        }, n -> status.set(Messages.get("security.audit.exported", n)), e -> status.set(Messages.get("security.audit.exportFailed")));
    }

    public ObservableList<Row> rows() { return rows; }
    public StringProperty statusProperty() { return status; }
}
