package fr.carnet.ui.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.carnet.i18n.Messages;
import fr.carnet.util.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableSet;

/**
 * A form's autosaved draft. The fields a form registers are written to the encrypted store
 * ({@code DraftRepository}) once typing pauses, put back when the form opens again, and dropped
 * when the form is saved or discarded, so a crash or a closed lid loses nothing being typed.
 * What the form sets itself (filling from a record, restoring) goes through {@link #quietly} and
 * is not a draft. One helper for every form, so that they all behave alike.
 */
public final class FormDraft {
    private record Field(Supplier<JsonNode> read, Consumer<JsonNode> write) {}

    private final DeskContext ctx;
    private final String form;
    private final Debouncer debouncer;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final StringProperty status = new SimpleStringProperty("");
    private String key;
    private int quiet;
    private boolean unsaved;

    /** @param key the draft's key, e.g. {@code visit:new:<householdId>}; null until the form has one */
    public FormDraft(DeskContext ctx, String form, String key, Debouncer debouncer) {
        this.ctx = ctx;
        this.form = form;
        this.key = key;
        this.debouncer = debouncer;
    }

    public FormDraft text(String name, StringProperty p) {
        return field(name, () -> TextNode.valueOf(p.get() == null ? "" : p.get()), n -> p.set(n.asText("")), p);
    }

    public <E extends Enum<E>> FormDraft choice(String name, Class<E> type, ObjectProperty<E> p) {
        return field(name, () -> p.get() == null ? NullNode.getInstance() : TextNode.valueOf(p.get().name()),
                n -> p.set(parse(type, n)), p);
    }

    public FormDraft flag(String name, BooleanProperty p) {
        return field(name, () -> BooleanNode.valueOf(p.get()), n -> p.set(n.asBoolean()), p);
    }

    /** A set of enum values (the contact's domains), kept in the enum's order. */
    public <E extends Enum<E>> FormDraft set(String name, Class<E> type, ObservableSet<E> s) {
        return field(name, () -> {
            var arr = Json.MAPPER.createArrayNode();
            for (E e : type.getEnumConstants()) if (s.contains(e)) arr.add(e.name());
            return arr;
        }, n -> {
            s.clear();
            for (JsonNode x : n) {
                E e = parse(type, x);
                if (e != null) s.add(e);
            }
        }, s);
    }

    /** Any other part of a form (rows built later, for instance): how to read it and put it back. */
    public FormDraft field(String name, Supplier<JsonNode> read, Consumer<JsonNode> write, Observable... watched) {
        fields.put(name, new Field(read, write));
        for (Observable o : watched) watch(o);
        return this;
    }

    /** Follows changes of one more observable (a row's property created after the form). */
    public void watch(Observable o) {
        o.addListener(x -> changed());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, JsonNode n) {
        if (n == null || n.isNull() || n.asText().isEmpty()) return null;
        try {
            return Enum.valueOf(type, n.asText());
        } catch (IllegalArgumentException e) {
            return null; // a draft from an older version: the choice is left empty
        }
    }

    /** Something was typed: the draft is written once typing pauses. */
    public void changed() {
        if (quiet > 0 || key == null) return;
        unsaved = true;
        debouncer.call(this::save);
    }

    /** Runs changes the form makes itself (filling from a record) without taking them for typing. */
    public void quietly(Runnable r) {
        quiet++;
        try {
            r.run();
        } finally {
            quiet--;
        }
    }

    /** Moves the draft to another key (another visit selected); what was unsaved is written first. */
    public void rekey(String newKey) {
        if (unsaved) save();
        unsaved = false;
        key = newKey;
        status.set("");
    }

    public String key() {
        return key;
    }

    /** Whether something typed has not been written to the draft yet, or is kept as a draft. */
    public boolean unsaved() {
        return unsaved;
    }

    /** Puts back the draft left by an earlier session, if any; {@code then} runs after (found or not). */
    public void restore(Consumer<Boolean> then) {
        String k = key;
        if (k == null) {
            then.accept(false);
            return;
        }
        ctx.async().run(() -> ctx.drafts().load(k), d -> {
            if (d.isPresent() && k.equals(key)) {
                quietly(() -> apply(d.get()));
                unsaved = true;
                status.set(Messages.get("desk.draft.restored"));
            }
            then.accept(d.isPresent());
        }, e -> then.accept(false));
    }

    public void restore() {
        restore(found -> { });
    }

    private void apply(ObjectNode d) {
        for (var e : fields.entrySet()) if (d.has(e.getKey())) e.getValue().write().accept(d.get(e.getKey()));
    }

    /** Writes the draft now (typing paused, or the desk is about to lock); nothing if nothing was typed. */
    public void save() {
        if (!unsaved || key == null) return;
        ObjectNode d = Json.object();
        for (var e : fields.entrySet()) d.set(e.getKey(), e.getValue().read().get());
        String k = key;
        ctx.async().run(() -> {
            ctx.drafts().save(k, form, d);
            return true;
        }, ok -> status.set(Messages.get("desk.draft.saved")), e -> status.set(Messages.get("desk.draft.failed")));
    }

    /** Drops the draft (the form was saved or abandoned); a pending autosave no longer writes it. */
    public void discard() {
        unsaved = false;
        status.set("");
        String k = key;
        if (k == null) return;
        ctx.async().run(() -> {
            ctx.drafts().delete(k);
            return true;
        }, ok -> { }, e -> { });
    }

    /** "Brouillon enregistré.", "Brouillon restauré." or empty: shown beside the form's buttons. */
    public StringProperty statusProperty() {
        return status;
    }
}
