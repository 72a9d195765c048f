package fr.carnet.ui.sync;

import fr.carnet.i18n.Messages;
import fr.carnet.store.ChangeJournal;
import fr.carnet.store.JournalEntry;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.Formats;
import fr.carnet.util.Json;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The outbox in words: each change waiting to be sent (« Visite · Famille D., 12/03/2026 —
 * modification »), and each change the server refused, with its reason, so nothing is silent.
 */
public final class OutboxViewModel {
    /** One change of the journal, in words. */
    public record Row(String record, String change, String when, String status, boolean rejected) {}

    /** At most this many refused changes are listed (newest first). */
    static final int REJECTED_SHOWN = 200;

    private final DeskContext ctx;
    private final ObservableList<Row> pending = FXCollections.observableArrayList();
    private final ObservableList<Row> rejected = FXCollections.observableArrayList();

    public OutboxViewModel(DeskContext ctx) {
        this.ctx = ctx;
    }

    /** Reads the journal (in the background). */
    public void load() {
        record Loaded(List<Row> pending, List<Row> rejected) {}
        ctx.async().run(() -> ctx.store().read(c -> {
            SyncTexts t = new SyncTexts(c, ctx.identity().workerId());
            List<Row> p = new ArrayList<>(), r = new ArrayList<>();
            for (JournalEntry e : ChangeJournal.all(c)) {
                if (e.pending()) p.add(row(t, e, Messages.get("sync.ui.outbox.waiting"), false));
                else if ("REJECTED".equals(e.status())) {
                    String reason = e.result() == null ? "invalid" : Json.readObject(e.result()).path("reason").asText("invalid");
                    String k = "sync.reason." + reason;
                    r.add(0, row(t, e, Messages.get("sync.ui.outbox.refused", Messages.has(k) ? Messages.get(k) : reason), true));
                }
            }
            return new Loaded(p, r.size() > REJECTED_SHOWN ? r.subList(0, REJECTED_SHOWN) : r);
        }), l -> {
            pending.setAll(l.pending());
            rejected.setAll(l.rejected());
        }, e -> { });
    }

    private static Row row(SyncTexts t, JournalEntry e, String status, boolean refused) {
        String op = "sync.op." + e.op();
        return new Row(t.record(e.type().wire(), e.recordId()), Messages.has(op) ? Messages.get(op) : e.op(),
                Formats.current().isoDateTime(e.deviceTime()), status, refused);
    }

    public ObservableList<Row> pending() { return pending; }
    public ObservableList<Row> rejected() { return rejected; }
}
