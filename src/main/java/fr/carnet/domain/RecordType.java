package fr.carnet.domain;

import static fr.carnet.domain.FieldKind.*;
import static fr.carnet.domain.FieldSpec.enumList;
import static fr.carnet.domain.FieldSpec.enumOf;
import static fr.carnet.domain.FieldSpec.of;
import static fr.carnet.domain.FieldSpec.ref;

import fr.carnet.domain.Enums.*;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The synced record types of SYNC.md with their fields (wire names), parents and merge groups.
 * The store, the validator, the sync engine and the server are all driven by this one table.
 */
public enum RecordType {
    HOUSEHOLD("household", null, null, false,
            ref("sectorId", null).asRequired(),
            of("referentIds", ID_LIST),
            of("label", TEXT),
            of("address", ADDRESS),
            of("housing", TEXT),
            of("notes", TEXT).asConfidential()),
    PERSON("person", "householdId", null, false,
            ref("householdId", null).asRequired(),
            of("lastName", TEXT).asRequired(),
            of("firstName", TEXT).asRequired(),
            of("birthName", TEXT),
            of("birthDate", DATE),
            enumOf("sex", Sex.class),
            enumOf("relationship", Relationship.class),
            of("phone", TEXT),
            of("email", TEXT),
            of("consentDate", DATE)),
    CONTACT("contact", "householdId", null, false,
            ref("householdId", null).asRequired(),
            of("personIds", ID_LIST),
            of("date", DATETIME).asRequired(),
            of("durationMinutes", INT),
            enumOf("mode", ContactMode.class).asRequired(),
            enumOf("request", RequestType.class),
            enumList("domains", InterventionDomain.class),
            of("summary", TEXT).asConfidential(),
            of("outcome", TEXT).asConfidential(),
            of("orientedTo", TEXT)),
    VISIT("visit", "householdId", null, false,
            ref("householdId", null).asRequired(),
            of("plannedAt", DATETIME).asRequired(),
            of("address", ADDRESS),
            of("purpose", TEXT),
            enumOf("status", VisitStatus.class),
            of("observations", TEXT).asConfidential(),
            of("nextSteps", TEXT).asConfidential(),
            of("contactId", ID)),
    PLAN("plan", "householdId", null, true,
            ref("householdId", null).asRequired(),
            of("personIds", ID_LIST),
            of("diagnosis", TEXT),
            of("strengths", TEXT),
            of("startDate", DATE).asRequired(),
            of("plannedEndDate", DATE).asRequired(),
            of("agreementDate", DATE),
            enumOf("status", PlanStatus.class),
            of("closedOn", DATE),
            of("closureReason", TEXT)),
    OBJECTIVE("objective", "planId", null, true,
            ref("planId", null).asRequired(),
            enumOf("domain", InterventionDomain.class).asRequired(),
            of("statement", TEXT).asRequired(),
            of("criteria", TEXT),
            of("targetDate", DATE),
            enumOf("status", ObjectiveStatus.class)),
    ACTION("action", "planId", null, true,
            ref("planId", null).asRequired(),
            of("objectiveId", ID),
            enumOf("who", ActionWho.class),
            of("partner", TEXT),
            of("description", TEXT).asRequired(),
            of("dueDate", DATE),
            of("done", BOOL)),
    EVALUATION("evaluation", "planId", null, true,
            ref("planId", null).asRequired(),
            of("date", DATE).asRequired(),
            of("participants", TEXT_LIST),
            of("progress", PROGRESS),
            of("notes", TEXT),
            of("final", BOOL)),
    MEASUREMENT("measurement", "personId", Set.of("date", "weightKg", "lengthCm", "heightCm", "headCm"), true,
            ref("personId", null).asRequired(),
            of("date", DATE).asRequired(),
            of("weightKg", DECIMAL),
            of("lengthCm", DECIMAL),
            of("heightCm", DECIMAL),
            of("headCm", DECIMAL),
            of("notes", TEXT)),
    SCREENING("screening", "personId", null, true,
            ref("personId", null).asRequired(),
            of("date", DATE).asRequired(),
            enumOf("area", ScreeningArea.class),
            enumOf("result", ScreeningResult.class),
            of("notes", TEXT)),
    AID("aid", "householdId", null, true,
            ref("householdId", null).asRequired(),
            of("kind", TEXT),
            of("amountCents", INT),
            of("requestedOn", DATE).asRequired(),
            enumOf("decision", AidDecision.class),
            of("decidedOn", DATE));

    private final String wire;
    private final String parentField;
    private final Set<String> mergeGroup;
    private final boolean confidentialType;
    private final Map<String, FieldSpec> fields;

    RecordType(String wire, String parentField, Set<String> mergeGroup, boolean confidentialType, FieldSpec... specs) {
        this.wire = wire;
        this.parentField = parentField;
        this.mergeGroup = mergeGroup == null ? Set.of() : mergeGroup;
        this.confidentialType = confidentialType;
        Map<String, FieldSpec> m = new LinkedHashMap<>();
        for (FieldSpec s : specs) m.put(s.name(), s);
        this.fields = java.util.Collections.unmodifiableMap(m);
    }

    /** The plain Java record of this type in {@code fr.carnet.domain.model}. */
    public Class<? extends Record> modelClass() {
        return switch (this) {
            case HOUSEHOLD -> fr.carnet.domain.model.Household.class;
            case PERSON -> fr.carnet.domain.model.Person.class;
            case CONTACT -> fr.carnet.domain.model.Contact.class;
            case VISIT -> fr.carnet.domain.model.Visit.class;
            case PLAN -> fr.carnet.domain.model.Plan.class;
            case OBJECTIVE -> fr.carnet.domain.model.Objective.class;
            case ACTION -> fr.carnet.domain.model.Action.class;
            case EVALUATION -> fr.carnet.domain.model.Evaluation.class;
            case MEASUREMENT -> fr.carnet.domain.model.Measurement.class;
            case SCREENING -> fr.carnet.domain.model.Screening.class;
            case AID -> fr.carnet.domain.model.Aid.class;
        };
    }

    /** The type's name on the wire, also its table name in the store. */
    public String wire() {
        return wire;
    }

    public String table() {
        return wire;
    }

    /** The field naming the parent record (householdId, planId or personId), or null for a household. */
    public String parentField() {
        return parentField;
    }

    /** The type of the parent record, or null for a household. */
    public RecordType parentType() {
        if (parentField == null) return null;
        return switch (parentField) {
            case "householdId" -> HOUSEHOLD;
            case "planId" -> PLAN;
            case "personId" -> PERSON;
            default -> throw new IllegalStateException(parentField);
        };
    }

    /** Fields that merge or conflict together (SYNC.md): a measurement's date and values. */
    public Set<String> mergeGroup() {
        return mergeGroup;
    }

    /** Whether a medico-social secretary may not hold records of this type at all. */
    public boolean confidentialType() {
        return confidentialType;
    }

    public Map<String, FieldSpec> fields() {
        return fields;
    }

    public Optional<FieldSpec> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The type that an ID field points to, where it points to a synced record. */
    public RecordType referenceOf(String field) {
        return switch (field) {
            case "householdId" -> HOUSEHOLD;
            case "planId" -> PLAN;
            case "personId" -> PERSON;
            case "objectiveId" -> OBJECTIVE;
            case "contactId" -> CONTACT;
            default -> null;
        };
    }

    /** Whether a field may not be read by the given role. */
    public boolean hiddenFrom(String field, Role role) {
        if (role.readsConfidential()) return false;
        if (confidentialType) return true;
        FieldSpec s = fields.get(field);
        return s != null && s.confidential();
    }

    public static Optional<RecordType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(name)).findFirst();
    }

    /** Types in an order where every parent comes before its children. */
    public static List<RecordType> parentFirst() {
        return List.of(HOUSEHOLD, PERSON, CONTACT, VISIT, PLAN, OBJECTIVE, ACTION, EVALUATION, MEASUREMENT, SCREENING, AID);
    }
}
