package fr.carnet.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The domain's rules for a record's fields: shapes, required fields, enum values, numbers ≥ 0,
 * dates that make sense. References to other records are checked by whoever holds them (the
 * store, the importer, the server). Used the same way by forms, imports and the server.
 */
public final class RecordValidator {
    private static final Set<String> ADDRESS_PARTS = Set.of("line1", "line2", "postcode", "city");
    private static final Set<String> PROGRESS_PARTS = Set.of("objectiveId", "rating", "workerComment", "personView");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /** Long enough for any note typed by hand; longer is a paste gone wrong. */
    public static final int MAX_TEXT = 50_000;
    private static final LocalDate OLDEST = LocalDate.of(1900, 1, 1);

    private RecordValidator() {}

    /** Checks a record's full field set; {@code today} is the local date the rules are judged on. */
    public static List<Violation> validate(RecordType type, ObjectNode fields, LocalDate today) {
        List<Violation> out = new ArrayList<>();
        for (FieldSpec spec : type.fields().values()) {
            JsonNode v = fields.get(spec.name());
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
                if (spec.required()) out.add(Violation.of(spec.name(), "required"));
                continue;
            }
            checkShape(spec, v, out);
        }
        if (out.isEmpty()) typeRules(type, fields, today, out);
        return out;
    }

    /** Checks only the shape of one value (for patches and per-field form validation). */
    public static List<Violation> validateValue(FieldSpec spec, JsonNode v) {
        List<Violation> out = new ArrayList<>();
        if (v != null && !v.isNull()) checkShape(spec, v, out);
        return out;
    }

    public static void requireValid(RecordType type, ObjectNode fields, LocalDate today) {
        List<Violation> v = validate(type, fields, today);
        if (!v.isEmpty()) throw new ValidationException(v);
    }

    private static void checkShape(FieldSpec spec, JsonNode v, List<Violation> out) {
        String f = spec.name();
        switch (spec.kind()) {
            case TEXT -> {
                if (!v.isTextual()) out.add(Violation.of(f, "text"));
                else if (v.asText().length() > MAX_TEXT) out.add(Violation.of(f, "tooLong", MAX_TEXT));
                else if (f.equals("email") && !EMAIL.matcher(v.asText()).matches()) out.add(Violation.of(f, "email"));
            }
            case ID -> {
                if (!isUuid(v)) out.add(Violation.of(f, "id"));
            }
            case ID_LIST -> {
                if (!v.isArray()) out.add(Violation.of(f, "list"));
                else for (JsonNode e : v) if (!isUuid(e)) { out.add(Violation.of(f, "id")); break; }
            }
            case TEXT_LIST -> {
                if (!v.isArray()) out.add(Violation.of(f, "list"));
                else for (JsonNode e : v) if (!e.isTextual()) { out.add(Violation.of(f, "text")); break; }
            }
            case ENUM -> {
                if (!v.isTextual() || !enumHas(spec.enumType(), v.asText()))
                    out.add(Violation.of(f, "enum", v.isTextual() ? v.asText() : v.toString(), allowed(spec.enumType())));
            }
            case ENUM_LIST -> {
                if (!v.isArray()) out.add(Violation.of(f, "list"));
                else for (JsonNode e : v) {
                    if (!e.isTextual() || !enumHas(spec.enumType(), e.asText())) {
                        out.add(Violation.of(f, "enum", e.isTextual() ? e.asText() : e.toString(), allowed(spec.enumType())));
                        break;
                    }
                }
            }
            case DATE -> {
                if (parseDate(v) == null) out.add(Violation.of(f, "date"));
            }
            case DATETIME -> {
                if (parseDateTime(v) == null) out.add(Violation.of(f, "datetime"));
            }
            case INT -> {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) out.add(Violation.of(f, "integer"));
                else if (v.asLong() < 0) out.add(Violation.of(f, "negative"));
            }
            case DECIMAL -> {
                if (!v.isNumber()) out.add(Violation.of(f, "number"));
                else if (v.asDouble() < 0 || !Double.isFinite(v.asDouble())) out.add(Violation.of(f, "negative"));
            }
            case BOOL -> {
                if (!v.isBoolean()) out.add(Violation.of(f, "bool"));
            }
            case ADDRESS -> {
                if (!v.isObject()) out.add(Violation.of(f, "address"));
                else {
                    for (var it = v.fieldNames(); it.hasNext(); ) {
                        String part = it.next();
                        JsonNode pv = v.get(part);
                        if (!ADDRESS_PARTS.contains(part) || !(pv.isTextual() || pv.isNull())) {
                            out.add(Violation.of(f, "address"));
                            break;
                        }
                    }
                }
            }
            case PROGRESS -> {
                if (!v.isArray()) out.add(Violation.of(f, "list"));
                else for (JsonNode e : v) {
                    if (!e.isObject() || !isUuid(e.get("objectiveId"))) { out.add(Violation.of(f, "progress")); break; }
                    JsonNode r = e.get("rating");
                    if (r != null && !r.isNull() && (!r.isTextual() || !enumHas(Enums.Rating.class, r.asText()))) {
                        out.add(Violation.of(f, "enum", r.asText(), allowed(Enums.Rating.class)));
                        break;
                    }
                    boolean unknownPart = false;
                    for (var it = e.fieldNames(); it.hasNext(); ) if (!PROGRESS_PARTS.contains(it.next())) unknownPart = true;
                    if (unknownPart) { out.add(Violation.of(f, "progress")); break; }
                }
            }
        }
    }

    private static void typeRules(RecordType type, ObjectNode fs, LocalDate today, List<Violation> out) {
        switch (type) {
            case PERSON -> {
                notFuture(fs, "birthDate", today, out);
                notTooOld(fs, "birthDate", out);
                notFuture(fs, "consentDate", today, out);
            }
            case CONTACT -> {
                OffsetDateTime d = parseDateTime(fs.get("date"));
                if (d != null && d.toLocalDate().isAfter(today.plusDays(1))) out.add(Violation.of("date", "future"));
                if (d != null && d.toLocalDate().isBefore(OLDEST)) out.add(Violation.of("date", "tooOld"));
                JsonNode dur = fs.get("durationMinutes");
                if (dur != null && dur.isIntegralNumber() && dur.asLong() > 24 * 60) out.add(Violation.of("durationMinutes", "duration"));
            }
            case VISIT -> {
                OffsetDateTime d = parseDateTime(fs.get("plannedAt"));
                if (d != null && d.toLocalDate().isBefore(OLDEST)) out.add(Violation.of("plannedAt", "tooOld"));
            }
            case PLAN -> {
                LocalDate start = parseDate(fs.get("startDate"));
                LocalDate end = parseDate(fs.get("plannedEndDate"));
                if (start != null && end != null && end.isBefore(start)) out.add(Violation.of("plannedEndDate", "endBeforeStart"));
                notFuture(fs, "agreementDate", today, out);
                LocalDate closed = parseDate(fs.get("closedOn"));
                if (closed != null && start != null && closed.isBefore(start)) out.add(Violation.of("closedOn", "endBeforeStart"));
                JsonNode st = fs.get("status");
                if (st != null && "CLOSED".equals(st.asText())) {
                    if (closed == null) out.add(Violation.of("closedOn", "closedNeedsDate"));
                    JsonNode reason = fs.get("closureReason");
                    if (reason == null || reason.isNull() || reason.asText().isBlank()) out.add(Violation.of("closureReason", "closedNeedsReason"));
                }
            }
            case EVALUATION -> notFuture(fs, "date", today, out);
            case MEASUREMENT -> {
                notFuture(fs, "date", today, out);
                boolean any = false;
                for (String f : List.of("weightKg", "lengthCm", "heightCm", "headCm")) {
                    JsonNode v = fs.get(f);
                    if (v != null && !v.isNull()) any = true;
                }
                if (!any) out.add(Violation.of("weightKg", "measurementEmpty"));
                range(fs, "weightKg", 0.3, 150, out);
                range(fs, "lengthCm", 30, 130, out);
                range(fs, "heightCm", 45, 220, out);
                range(fs, "headCm", 20, 70, out);
            }
            case SCREENING -> notFuture(fs, "date", today, out);
            case AID -> {
                LocalDate req = parseDate(fs.get("requestedOn"));
                LocalDate dec = parseDate(fs.get("decidedOn"));
                if (req != null && dec != null && dec.isBefore(req)) out.add(Violation.of("decidedOn", "decisionBeforeRequest"));
                notFuture(fs, "requestedOn", today, out);
            }
            default -> { }
        }
    }

    private static void range(ObjectNode fs, String f, double min, double max, List<Violation> out) {
        JsonNode v = fs.get(f);
        if (v != null && v.isNumber() && (v.asDouble() < min || v.asDouble() > max)) out.add(Violation.of(f, "range", min, max));
    }

    private static void notFuture(ObjectNode fs, String f, LocalDate today, List<Violation> out) {
        LocalDate d = parseDate(fs.get(f));
        if (d != null && d.isAfter(today)) out.add(Violation.of(f, "future"));
    }

    private static void notTooOld(ObjectNode fs, String f, List<Violation> out) {
        LocalDate d = parseDate(fs.get(f));
        if (d != null && d.isBefore(OLDEST)) out.add(Violation.of(f, "tooOld"));
    }

    public static boolean isUuid(JsonNode v) {
        if (v == null || !v.isTextual() || v.asText().length() != 36) return false;
        try {
            UUID.fromString(v.asText());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static LocalDate parseDate(JsonNode v) {
        if (v == null || !v.isTextual() || v.asText().length() != 10) return null;
        try {
            return LocalDate.parse(v.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static OffsetDateTime parseDateTime(JsonNode v) {
        if (v == null || !v.isTextual()) return null;
        try {
            return OffsetDateTime.parse(v.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean enumHas(Class<? extends Enum<?>> type, String value) {
        for (Enum<?> e : type.getEnumConstants()) if (e.name().equals(value)) return true;
        return false;
    }

    private static String allowed(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
}
