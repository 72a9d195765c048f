package fr.carnet.ui.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.carnet.i18n.Messages;
import fr.carnet.sync.LocalConflict;
import fr.carnet.sync.SyncResult;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.util.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open conflicts, field by field (before / mine / theirs, with authors and server times), and
 * the fields merged automatically, so that nothing the sync decided is silent. Choosing mine,
 * theirs or a combined value goes through the sync engine; the choice is pushed at the next sync.
 */
public final class ConflictsViewModel {
    /** One field in conflict, in words; {@code editable} when a combined value can be typed. */
    public record FieldRow(String field, String label, String before, String mine, String theirs,
                           JsonNode mineValue, JsonNode theirsValue, boolean editable) {
        /** The value the combined-value editor starts with: mine. */
        public String initialCombined() {
            return mineValue == null || mineValue.isNull() ? "" : mineValue.isTextual() ? mineValue.asText() : mineValue.toString();
        }
    }

    /** One record in conflict. */
    public record Item(String id, String record, String typeLabel, List<FieldRow> fields, String mineBy, String theirsBy,
                       boolean deleted) {
        @Override
        public String toString() {
            return record;
        }
    }

    /** Fields merged automatically from another worker's change. */
    public record Merge(String record, String fields, String by) {}

    private final DeskContext ctx;
    private final SyncGateway gateway;
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ObservableList<Merge> merges = FXCollections.observableArrayList();
    private final ObjectProperty<Item> selected = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final List<Runnable> onResolved = new ArrayList<>();

    /** @param gateway the store side of the sync (conflicts and resolutions need no server) */
    public ConflictsViewModel(DeskContext ctx, SyncGateway gateway) {
        this.ctx = ctx;
        this.gateway = gateway;
    }

    public void addResolvedListener(Runnable r) {
        onResolved.add(r);
    }

    /** Reads the open conflicts and the last automatic merges (in the background). */
    public void load() {
        record Loaded(List<Item> items, List<Merge> merges) {}
        ctx.async().run(() -> {
            List<LocalConflict> cs = gateway.conflicts();
            List<SyncResult.MergeNote> ms = gateway.merges(50);
            return ctx.store().read(c -> {
                SyncTexts t = new SyncTexts(c, ctx.identity().workerId());
                List<Item> out = new ArrayList<>();
                for (LocalConflict lc : cs) out.add(item(t, lc));
                List<Merge> mo = new ArrayList<>();
                for (SyncResult.MergeNote m : ms)
                    mo.add(new Merge(t.record(m.type(), m.recordId()), String.join(", ", m.fields().stream().map(SyncTexts::field).toList()),
                            // The note's author is the merged record's last writer: when that is this
                            // worker, the colleague whose fields came in is not known by name.
                            t.authored(ctx.identity().workerId().equals(m.author()) ? null : m.author(), m.serverTime())));
                return new Loaded(out, mo);
            });
        }, l -> {
            String keep = selected.get() == null ? null : selected.get().id();
            items.setAll(l.items());
            merges.setAll(l.merges());
            selected.set(l.items().stream().filter(i -> i.id().equals(keep)).findFirst().orElse(l.items().isEmpty() ? null : l.items().get(0)));
        }, e -> message.set(Messages.get("desk.error.unexpected")));
    }

    private static Item item(SyncTexts t, LocalConflict c) {
        List<FieldRow> rows = new ArrayList<>();
        for (String f : c.fields()) {
            JsonNode b = c.before() == null ? null : c.before().get(f);
            JsonNode m = c.mine() == null ? null : c.mine().values().get(f);
            JsonNode th = c.theirs() == null ? null : c.theirs().values().get(f);
            rows.add(new FieldRow(f, SyncTexts.field(f), SyncTexts.value(b), SyncTexts.value(m), SyncTexts.value(th), m, th,
                    simple(m) && simple(th)));
        }
        String mineBy = c.mine() == null ? "" : t.authored(c.mine().author(), c.mine().serverTime());
        String theirsBy = c.theirs() == null ? "" : t.authored(c.theirs().author(), c.theirs().serverTime());
        return new Item(c.id(), t.record(c.type(), c.recordId()), SyncTexts.typeLabel(c.type()), List.copyOf(rows), mineBy, theirsBy,
                c.deleteConflict());
    }

    private static boolean simple(JsonNode v) {
        return v == null || v.isNull() || v.isTextual() || v.isNumber();
    }

    private static boolean isNumber(JsonNode v) {
        return v != null && v.isNumber();
    }

    public void keepMine(Item i) {
        apply(i, () -> gateway.keepMine(i.id()), "sync.ui.resolved.mine");
    }

    public void keepTheirs(Item i) {
        apply(i, () -> gateway.keepTheirs(i.id()), "sync.ui.resolved.theirs");
    }

    /**
     * Keeps a combined value: for each field the text typed (fields that cannot be typed keep
     * mine). A number field must receive a number.
     */
    public boolean combine(Item i, Map<String, String> typed) {
        ObjectNode chosen = Json.object();
        for (FieldRow r : i.fields()) {
            String text = typed.get(r.field());
            if (!r.editable() || text == null) {
                chosen.set(r.field(), r.mineValue() == null ? NullNode.getInstance() : r.mineValue());
                continue;
            }
            String s = text.strip();
            boolean number = isNumber(r.mineValue()) || isNumber(r.theirsValue());
            if (s.isEmpty()) chosen.set(r.field(), NullNode.getInstance());
            else if (number) {
                try {
                    chosen.set(r.field(), DecimalNode.valueOf(new BigDecimal(s.replace(',', '.').replaceAll("[\\s\u00A0\u202F]", ""))));
                } catch (NumberFormatException e) {
                    message.set(Messages.get("sync.ui.error.number", r.label()));
                    return false;
                }
            } else chosen.set(r.field(), TextNode.valueOf(text));
        }
        apply(i, () -> gateway.resolve(i.id(), chosen), "sync.ui.resolved.combined");
        return true;
    }

    private void apply(Item i, Runnable work, String doneKey) {
        message.set("");
        ctx.async().run(() -> {
            work.run();
            return Boolean.TRUE;
        }, ok -> {
            message.set(Messages.get(doneKey, i.record()));
            load();
            onResolved.forEach(Runnable::run);
        }, e -> message.set(Messages.get("sync.ui.error.resolve")));
    }

    public ObservableList<Item> items() { return items; }
    public ObservableList<Merge> merges() { return merges; }
    public ObjectProperty<Item> selectedProperty() { return selected; }
    public StringProperty messageProperty() { return message; }
}
