package fr.carnet.ui.household;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Relationship;
import fr.carnet.domain.Enums.Sex;
import fr.carnet.domain.RecordType;
import fr.carnet.domain.RecordValidator;
import fr.carnet.domain.Violation;
import fr.carnet.i18n.Messages;
import fr.carnet.store.CaseloadQueries;
import fr.carnet.store.CaseloadQueries.PersonMatch;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.StoredRecord;
import fr.carnet.ui.common.RecordEdit;
import fr.carnet.domain.Enums.SyncState;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.FormDraft;
import fr.carnet.ui.common.Debouncer;
import fr.carnet.ui.common.FormErrors;
import fr.carnet.ui.common.Formats;
import fr.carnet.util.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Creating a person — either in an existing household, or with a new household (the person is
 * then its applicant). Likely duplicates (same names, accents ignored; same birth date first) are
 * looked up while the names are typed and shown before anything is created.
 * In edit mode ({@link #edit}) the form loads the person's current values and saves only the
 * fields that changed, through {@code Editor.update}.
 */
public final class PersonFormViewModel {
    private final DeskContext ctx;
    /** Fields the person form edits (wire names). */
    static final List<String> EDITABLE = List.of("lastName", "firstName", "birthName", "birthDate", "sex", "relationship", "phone", "email");
    private final String householdId;
    private final String personId;
    private final StringProperty householdLabel = new SimpleStringProperty("");
    private final StringProperty line1 = new SimpleStringProperty("");
    private final StringProperty postcode = new SimpleStringProperty("");
    private final StringProperty city = new SimpleStringProperty("");
    private final StringProperty housing = new SimpleStringProperty("");
    private final StringProperty lastName = new SimpleStringProperty("");
    private final StringProperty firstName = new SimpleStringProperty("");
    private final StringProperty birthName = new SimpleStringProperty("");
    private final StringProperty birthDate = new SimpleStringProperty("");
    private final ObjectProperty<Sex> sex = new SimpleObjectProperty<>();
    private final ObjectProperty<Relationship> relationship = new SimpleObjectProperty<>();
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final ObservableList<PersonMatch> duplicates = FXCollections.observableArrayList();
    private final FormErrors errors = new FormErrors();
    private long generation;
    private final FormDraft draft;
    private final RecordEdit edit;

    /** @param householdId the household to add to, or null to create a household with this person */
    public PersonFormViewModel(DeskContext ctx, String householdId, Debouncer debouncer) {
        this(ctx, householdId, null, debouncer, Debouncer.immediate());
    }

    /** @param draftDebouncer when what is typed is written as a draft */
    public PersonFormViewModel(DeskContext ctx, String householdId, Debouncer debouncer, Debouncer draftDebouncer) {
        this(ctx, householdId, null, debouncer, draftDebouncer);
    }

    /** A form that edits an existing person of the household; call {@link #load()} to fill it. */
    public static PersonFormViewModel edit(DeskContext ctx, String householdId, String personId, Debouncer debouncer) {
        return edit(ctx, householdId, personId, debouncer, Debouncer.immediate());
    }

    public static PersonFormViewModel edit(DeskContext ctx, String householdId, String personId, Debouncer debouncer, Debouncer draftDebouncer) {
        return new PersonFormViewModel(ctx, Objects.requireNonNull(householdId), Objects.requireNonNull(personId), debouncer, draftDebouncer);
    }

    private PersonFormViewModel(DeskContext ctx, String householdId, String personId, Debouncer debouncer, Debouncer draftDebouncer) {
        this.ctx = ctx;
        this.householdId = householdId;
        this.personId = personId;
        relationship.set(householdId == null ? Relationship.APPLICANT : null);
        for (StringProperty p : List.of(lastName, firstName, birthDate))
            p.addListener((o, a, b) -> debouncer.call(this::findDuplicates));
        String key = personId != null ? "person:edit:" + personId : "person:new:" + (householdId == null ? "household" : householdId);
        draft = new FormDraft(ctx, "person", key, draftDebouncer)
                .text("lastName", lastName).text("firstName", firstName).text("birthName", birthName).text("birthDate", birthDate)
                .choice("sex", Sex.class, sex).choice("relationship", Relationship.class, relationship)
                .text("phone", phone).text("email", email);
        if (householdId == null) draft.text("householdLabel", householdLabel).text("line1", line1).text("postcode", postcode)
                .text("city", city).text("housing", housing);
        edit = new RecordEdit(ctx, RecordType.PERSON, personId, EDITABLE); // used in edit mode only
    }

    public boolean newHousehold() {
        return householdId == null;
    }

    /** Whether this form edits an existing person. */
    public boolean editing() {
        return personId != null;
    }

    /** Fills the form: in edit mode the person's current values; then any draft left by an earlier session. */
    public void load() {
        if (personId == null) {
            draft.restore();
            return;
        }
        ctx.async().run(() -> ctx.store().read(c -> RecordRepository.find(c, RecordType.PERSON, personId)),
                r -> r.ifPresentOrElse(p -> {
                    draft.quietly(() -> fill(p));
                    draft.restore();
                }, () -> errors.setGeneral(Messages.get("desk.person.missing"))),
                errors::show);
    }

    private void fill(StoredRecord p) {
        edit.remember(p);
        lastName.set(text(p, "lastName"));
        firstName.set(text(p, "firstName"));
        birthName.set(text(p, "birthName"));
        birthDate.set(p.text("birthDate") == null ? "" : Formats.current().date(LocalDate.parse(p.text("birthDate"))));
        sex.set(p.text("sex") == null ? null : Sex.valueOf(p.text("sex")));
        relationship.set(p.text("relationship") == null ? null : Relationship.valueOf(p.text("relationship")));
        phone.set(text(p, "phone"));
        email.set(text(p, "email"));
    }

    private static String text(StoredRecord r, String f) {
        return r.text(f) == null ? "" : r.text(f);
    }

    void findDuplicates() {
        if (editing()) return; // the person exists: the one "duplicate" would be themselves
        long gen = ++generation;
        String last = lastName.get(), first = firstName.get();
        LocalDate bd = Formats.current().parseDate(birthDate.get()).orElse(null);
        if (last.isBlank()) {
            duplicates.clear();
            return;
        }
        ctx.async().run(() -> ctx.store().read(c -> CaseloadQueries.likelyDuplicates(c, last, first, bd)),
                r -> {
                    if (gen == generation) duplicates.setAll(r);
                }, e -> { });
    }

    /** Validates and creates; calls back with the household's id. Nothing is created when a rule is broken. */
    public void save(Consumer<String> onSaved) {
        errors.clear();
        ObjectNode person = Json.object();
        person.put("lastName", lastName.get().strip());
        person.put("firstName", firstName.get().strip());
        putText(person, "birthName", birthName.get());
        if (!birthDate.get().isBlank()) {
            Optional<LocalDate> d = Formats.current().parseDate(birthDate.get());
            if (d.isEmpty()) errors.put("birthDate", Messages.get("desk.form.badDate", Formats.current().datePrompt()));
            else person.put("birthDate", d.get().toString());
        }
        if (sex.get() != null) person.put("sex", sex.get().name());
        if (relationship.get() != null) person.put("relationship", relationship.get().name());
        putText(person, "phone", phone.get());
        putText(person, "email", email.get());
        if (editing()) {
            saveChanges(person, onSaved);
            return;
        }
        ObjectNode household = null;
        if (householdId == null) {
            household = Json.object();
            household.put("sectorId", ctx.identity().sectorId());
            String label = householdLabel.get().isBlank() ? Messages.get("desk.household.defaultLabel", lastName.get().strip()) : householdLabel.get().strip();
            household.put("label", label);
            ObjectNode addr = Json.object();
            putText(addr, "line1", line1.get());
            putText(addr, "postcode", postcode.get());
            putText(addr, "city", city.get());
            if (!addr.isEmpty()) household.set("address", addr);
            putText(household, "housing", housing.get());
        }
        // Judge the person before anything is written, so that no household is left without its applicant.
        ObjectNode probe = person.deepCopy();
        probe.put("householdId", householdId != null ? householdId : UUID.randomUUID().toString());
        List<Violation> v = new ArrayList<>(RecordValidator.validate(RecordType.PERSON, probe, ctx.today()));
        if (household != null) v.addAll(RecordValidator.validate(RecordType.HOUSEHOLD, household, ctx.today()));
        errors.show(v);
        if (!errors.isEmpty()) return;
        ObjectNode h = household;
        ctx.async().run(() -> {
            String hid = householdId;
            if (h != null) hid = ctx.editor().create(RecordType.HOUSEHOLD, h);
            person.put("householdId", hid);
            ctx.editor().create(RecordType.PERSON, person);
            return hid;
        }, hid -> {
            draft.discard();
            onSaved.accept(hid);
        }, errors::show);
    }

    /** Edit mode: judges the person as it would be, then writes only what changed. */
    private void saveChanges(ObjectNode edited, Consumer<String> onSaved) {
        if (!errors.isEmpty()) return; // a date that cannot be read: said under its field
        edit.save(edited, errors, id -> {
            draft.discard();
            onSaved.accept(householdId);
        });
    }

    private static void putText(ObjectNode n, String f, String v) {
        if (v != null && !v.isBlank()) n.put(f, v.strip());
    }

    public void discardDraft() {
        draft.discard();
    }

    public void saveDraft() {
        draft.save();
    }

    public StringProperty draftStatusProperty() { return draft.statusProperty(); }
    public ObjectProperty<SyncState> syncStateProperty() { return edit.syncStateProperty(); }
    public StringProperty householdLabelProperty() { return householdLabel; }
    public StringProperty line1Property() { return line1; }
    public StringProperty postcodeProperty() { return postcode; }
    public StringProperty cityProperty() { return city; }
    public StringProperty housingProperty() { return housing; }
    public StringProperty lastNameProperty() { return lastName; }
    public StringProperty firstNameProperty() { return firstName; }
    public StringProperty birthNameProperty() { return birthName; }
    public StringProperty birthDateProperty() { return birthDate; }
    public ObjectProperty<Sex> sexProperty() { return sex; }
    public ObjectProperty<Relationship> relationshipProperty() { return relationship; }
    public StringProperty phoneProperty() { return phone; }
    public StringProperty emailProperty() { return email; }
    public ObservableList<PersonMatch> duplicates() { return duplicates; }
    public FormErrors errors() { return errors; }
}
