package fr.carnet.ui.household;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carnet.domain.Enums.ContactMode;
import fr.carnet.domain.Enums.InterventionDomain;
import fr.carnet.domain.Enums.Relationship;
import fr.carnet.domain.Enums.RequestType;
import fr.carnet.domain.Enums.SyncState;
import fr.carnet.domain.Enums.VisitStatus;
import fr.carnet.domain.RecordType;
import fr.carnet.i18n.Messages;
import fr.carnet.store.AuditLog;
import fr.carnet.store.HouseholdFileQueries;
import fr.carnet.store.HouseholdFileQueries.HouseholdFile;
import fr.carnet.store.HouseholdFileQueries.PlanFile;
import fr.carnet.store.StoredRecord;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.Formats;
import fr.carnet.ui.common.Labels;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A household's file: composition with relationships and ages, situation, referents, the timeline
 * of contacts and visits, PIAs, aid requests and the children under six. Deleting asks once (in the
 * view) and can be undone until the next delete.
 */
public final class HouseholdViewModel {
    /** A person as the composition table shows them. */
    public record PersonRow(String id, String name, String relationship, String birthDate, String age, boolean under6,
                            SyncState syncState, String phone) {}

    /** One entry of the timeline (a contact or a visit), newest first. */
    public record TimelineEntry(RecordType type, String id, String sortKey, String when, String title, String detail,
                                SyncState syncState) {}

    /** A deleted record that "undo" can bring back. */
    public record Deleted(RecordType type, String id, String what) {}

    private final DeskContext ctx;
    private final String householdId;
    private final ObjectProperty<HouseholdFile> file = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty situation = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final StringProperty referents = new SimpleStringProperty("");
    private final ObjectProperty<SyncState> syncState = new SimpleObjectProperty<>(SyncState.SYNCED);
    private final ObservableList<PersonRow> persons = FXCollections.observableArrayList();
    private final ObservableList<PersonRow> children = FXCollections.observableArrayList();
    private final ObservableList<TimelineEntry> timeline = FXCollections.observableArrayList();
    private final ObservableList<PlanFile> plans = FXCollections.observableArrayList();
    private final ObservableList<StoredRecord> aids = FXCollections.observableArrayList();
    private final ObjectProperty<Deleted> lastDeleted = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private boolean opened;

    public HouseholdViewModel(DeskContext ctx, String householdId) {
        this.ctx = ctx;
        this.householdId = householdId;
    }

    public void load() {
        boolean opening = !opened;
        opened = true;
        ctx.async().run(() -> audited(opening, ctx.store().read(c -> HouseholdFileQueries.load(c, householdId, ctx.role()))),
                f -> f.ifPresentOrElse(this::show, () -> message.set(Messages.get("desk.household.missing"))),
                e -> message.set(Messages.get("desk.error.unexpected")));
    }

    /** The first load of this file writes OPEN_FILE to the audit trail (in the background, like the load). */
    private java.util.Optional<HouseholdFile> audited(boolean opening, java.util.Optional<HouseholdFile> f) {
        if (opening && f.isPresent())
            AuditLog.recordRead(ctx.store(), ctx.identity().workerId(), AuditLog.Action.OPEN_FILE, RecordType.HOUSEHOLD, householdId, null);
        return f;
    }

    private void show(HouseholdFile f) {
        Formats fmt = Formats.current();
        LocalDate today = ctx.today();
        StoredRecord h = f.household();
        title.set(h.text("label") == null ? Messages.get("desk.household.untitled") : h.text("label"));
        JsonNode a = h.get("address");
        address.set(a == null ? "" : java.util.stream.Stream.of(a.path("line1").asText(""), a.path("line2").asText(""),
                        (a.path("postcode").asText("") + " " + a.path("city").asText("")).strip())
                .filter(s -> !s.isBlank()).collect(Collectors.joining(", ")));
        situation.set(h.text("housing") == null ? "" : h.text("housing"));
        notes.set(h.text("notes") == null ? "" : h.text("notes"));
        List<String> refs = new ArrayList<>();
        JsonNode r = h.get("referentIds");
        if (r != null) for (JsonNode n : r) refs.add(n.asText().equals(ctx.identity().workerId()) ? Messages.get("desk.household.you") : Messages.get("desk.household.colleague"));
        referents.set(String.join(", ", refs));
        syncState.set(h.syncState());
        List<PersonRow> ps = new ArrayList<>();
        for (StoredRecord p : f.persons()) {
            LocalDate bd = p.text("birthDate") == null ? null : LocalDate.parse(p.text("birthDate"));
            boolean u6 = bd != null && bd.isAfter(today.minusYears(6));
            ps.add(new PersonRow(p.id(), p.text("lastName") + " " + p.text("firstName"),
                    Labels.of(Relationship.class, p.text("relationship")), fmt.date(bd), Formats.age(bd, today), u6, p.syncState(),
                    p.text("phone") == null ? "" : p.text("phone")));
        }
        persons.setAll(ps);
        children.setAll(ps.stream().filter(PersonRow::under6).toList());
        List<TimelineEntry> t = new ArrayList<>();
        for (StoredRecord c : f.contacts()) {
            String domains = "";
            if (c.get("domains") != null) {
                List<String> d = new ArrayList<>();
                for (JsonNode n : c.get("domains")) d.add(Labels.of(InterventionDomain.class, n.asText()));
                domains = String.join(", ", d);
            }
            String title = Messages.get("desk.timeline.contact", Labels.of(ContactMode.class, c.text("mode")));
            String detail = java.util.stream.Stream.of(Labels.of(RequestType.class, c.text("request")), domains,
                            c.text("summary") == null ? "" : c.text("summary"))
                    .filter(s -> !s.isBlank()).collect(Collectors.joining(" · "));
            t.add(new TimelineEntry(RecordType.CONTACT, c.id(), c.text("date"), fmt.isoDateTime(c.text("date")), title, detail, c.syncState()));
        }
        for (StoredRecord v : f.visits()) {
            String title = Messages.get("desk.timeline.visit", Labels.of(VisitStatus.class, v.text("status") == null ? "PLANNED" : v.text("status")));
            String detail = java.util.stream.Stream.of(v.text("purpose"), v.text("observations"))
                    .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" · "));
            t.add(new TimelineEntry(RecordType.VISIT, v.id(), v.text("plannedAt"), fmt.isoDateTime(v.text("plannedAt")), title, detail, v.syncState()));
        }
        t.sort(Comparator.comparing((TimelineEntry e) -> java.time.OffsetDateTime.parse(e.sortKey()).toInstant()).reversed());
        timeline.setAll(t);
        plans.setAll(f.plans());
        aids.setAll(f.aids());
        file.set(f);
    }

    /** Deletes a record (a tombstone) and remembers it so that {@link #undo()} can bring it back. */
    public void delete(RecordType type, String id, String what) {
        ctx.async().run(() -> ctx.editor().delete(type, id), r -> {
            lastDeleted.set(new Deleted(type, id, what));
            message.set(Messages.get("desk.delete.done", what));
            load();
        }, e -> message.set(Messages.get("desk.error.unexpected")));
    }

    public void undo() {
        Deleted d = lastDeleted.get();
        if (d == null) return;
        ctx.async().run(() -> ctx.editor().undelete(d.type(), d.id()), r -> {
            lastDeleted.set(null);
            message.set(Messages.get("desk.delete.undone", d.what()));
            load();
        }, e -> message.set(Messages.get("desk.error.unexpected")));
    }

    public String householdId() { return householdId; }
    public DeskContext context() { return ctx; }
    public boolean confidential() { return ctx.confidential(); }
    public ObjectProperty<HouseholdFile> fileProperty() { return file; }
    public StringProperty titleProperty() { return title; }
    public StringProperty addressProperty() { return address; }
    public StringProperty situationProperty() { return situation; }
    public StringProperty notesProperty() { return notes; }
    public StringProperty referentsProperty() { return referents; }
    public ObjectProperty<SyncState> syncStateProperty() { return syncState; }
    public ObservableList<PersonRow> persons() { return persons; }
    public ObservableList<PersonRow> children() { return children; }
    public ObservableList<TimelineEntry> timeline() { return timeline; }
    public ObservableList<PlanFile> plans() { return plans; }
    public ObservableList<StoredRecord> aids() { return aids; }
    public ObjectProperty<Deleted> lastDeletedProperty() { return lastDeleted; }
    public StringProperty messageProperty() { return message; }
}
