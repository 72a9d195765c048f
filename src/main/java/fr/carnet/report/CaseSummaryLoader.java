package fr.carnet.report;

import static fr.carnet.store.generated.Tables.SECTOR;
import static fr.carnet.store.generated.Tables.WORKER;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carnet.domain.Enums.AidDecision;
import fr.carnet.domain.Enums.ContactMode;
import fr.carnet.domain.Enums.InterventionDomain;
import fr.carnet.domain.Enums.ObjectiveStatus;
import fr.carnet.domain.Enums.PlanStatus;
import fr.carnet.domain.Enums.Rating;
import fr.carnet.domain.Enums.Relationship;
import fr.carnet.domain.Enums.RequestType;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.Enums.Sex;
import fr.carnet.domain.Enums.VisitStatus;
import fr.carnet.domain.RecordType;
import fr.carnet.domain.growth.GrowthPoint;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.StoreException;
import fr.carnet.store.StoredRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Reads one household's case summary from the store, leaving out what the reader's role may not
 * read ({@link RecordType#hiddenFrom}, {@link RecordType#confidentialType}): for a medico-social
 * secretary there are no notes, summaries, outcomes, observations or next steps, and no PIA,
 * aid or child-health content at all. Runs inside the caller's {@code store.read(ctx -> …)}.
 *
 * <p>The professional of a contact or visit is the record's author; records that came without
 * one (imported reference data) show the household's first referent.
 */
public final class CaseSummaryLoader {
    /** Children are followed with growth charts until this age. */
    public static final int GROWTH_CHART_UNTIL_YEARS = 6;

    private final DSLContext ctx;
    private final Role role;
    private final Map<String, String> workerNames;
    private final Map<String, String> sectorNames;

    /** A loader over one read transaction, for a reader of {@code role}. */
    public CaseSummaryLoader(DSLContext ctx, Role role) {
        if (!role.holdsCaseData()) throw new StoreException("report.error.role");
        this.ctx = ctx;
        this.role = role;
        this.workerNames = new HashMap<>();
        for (var r : ctx.select(WORKER.ID, WORKER.DISPLAY_NAME).from(WORKER).fetch()) workerNames.put(r.value1(), r.value2());
        this.sectorNames = new HashMap<>();
        for (var r : ctx.select(SECTOR.ID, SECTOR.NAME).from(SECTOR).fetch()) sectorNames.put(r.value1(), r.value2());
    }

    /** The display name of a worker, or null. */
    public String workerName(String id) {
        return id == null ? null : workerNames.get(id);
    }

    /** The summary of household {@code householdId} printed on {@code today} by {@code printedBy}. */
    public CaseSummary load(String householdId, LocalDate today, String printedBy) {
        StoredRecord h = RecordRepository.find(ctx, RecordType.HOUSEHOLD, householdId)
                .filter(r -> !r.deleted())
                .orElseThrow(() -> new StoreException("store.error.notFound"));
        boolean withheld = !role.readsConfidential();
        List<String> referentIds = new ArrayList<>();
        JsonNode refs = h.get("referentIds");
        if (refs != null && refs.isArray()) refs.forEach(n -> referentIds.add(n.asText()));
        List<String> referents = referentIds.stream().map(id -> workerNames.getOrDefault(id, "?")).toList();
        String defaultProfessional = referentIds.isEmpty() ? null : workerNames.get(referentIds.get(0));

        List<String> hid = List.of(householdId);
        List<StoredRecord> personRecords = sorted(RecordRepository.children(ctx, RecordType.PERSON, hid),
                Comparator.comparing((StoredRecord p) -> relationshipOrder(p.text("relationship")))
                        .thenComparing(p -> nz(p.text("birthDate"))));
        List<CaseSummary.Person> persons = new ArrayList<>();
        for (StoredRecord p : personRecords)
            persons.add(new CaseSummary.Person(p.text("lastName"), p.text("firstName"), p.text("birthName"),
                    date(p.text("birthDate")), en(Sex.class, p.text("sex")), en(Relationship.class, p.text("relationship"))));

        JsonNode addr = h.get("address");
        CaseSummary.Situation situation = new CaseSummary.Situation(
                sub(addr, "line1"), sub(addr, "line2"), sub(addr, "postcode"), sub(addr, "city"),
                visible(h, "housing"), visible(h, "notes"));

        List<CaseSummary.TimelineEntry> timeline = new ArrayList<>();
        for (StoredRecord c : RecordRepository.children(ctx, RecordType.CONTACT, hid))
            timeline.add(new CaseSummary.TimelineEntry(dateTime(c.text("date")), CaseSummary.TimelineEntry.Kind.CONTACT,
                    en(ContactMode.class, c.text("mode")), null, en(RequestType.class, c.text("request")),
                    c.get("durationMinutes") == null ? null : c.get("durationMinutes").asInt(),
                    professional(c, defaultProfessional), null, visible(c, "summary"), visible(c, "outcome"), visible(c, "orientedTo")));
        for (StoredRecord v : RecordRepository.children(ctx, RecordType.VISIT, hid))
            timeline.add(new CaseSummary.TimelineEntry(dateTime(v.text("plannedAt")), CaseSummary.TimelineEntry.Kind.VISIT,
                    ContactMode.HOME_VISIT, en(VisitStatus.class, v.text("status")), null, null,
                    professional(v, defaultProfessional), visible(v, "purpose"), visible(v, "observations"),
                    visible(v, "nextSteps"), null));
        timeline.removeIf(e -> e.when() == null);
        timeline.sort(Comparator.comparing(CaseSummary.TimelineEntry::when).reversed());

        CaseSummary.Plan plan = null;
        List<CaseSummary.Aid> aids = new ArrayList<>();
        List<CaseSummary.Child> children = new ArrayList<>();
        if (!RecordType.PLAN.confidentialType() || role.readsConfidential()) plan = plan(hid);
        if (!RecordType.AID.confidentialType() || role.readsConfidential()) {
            for (StoredRecord a : sorted(RecordRepository.children(ctx, RecordType.AID, hid),
                    Comparator.comparing((StoredRecord a) -> nz(a.text("requestedOn"))).reversed()))
                aids.add(new CaseSummary.Aid(a.text("kind"), a.get("amountCents") == null ? null : a.get("amountCents").asLong(),
                        date(a.text("requestedOn")), en(AidDecision.class, a.text("decision")), date(a.text("decidedOn"))));
        }
        if (!RecordType.MEASUREMENT.confidentialType() || role.readsConfidential()) {
            LocalDate limit = today.minusYears(GROWTH_CHART_UNTIL_YEARS);
            List<StoredRecord> young = personRecords.stream().filter(p -> {
                LocalDate b = date(p.text("birthDate"));
                Sex s = en(Sex.class, p.text("sex"));
                return b != null && b.isAfter(limit) && (s == Sex.F || s == Sex.M);
            }).toList();
            Map<String, List<GrowthPoint>> points = new HashMap<>();
            for (StoredRecord m : RecordRepository.children(ctx, RecordType.MEASUREMENT, young.stream().map(StoredRecord::id).toList())) {
                LocalDate d = date(m.text("date"));
                if (d == null) continue;
                points.computeIfAbsent(m.parentId(), k -> new ArrayList<>()).add(new GrowthPoint(d, dbl(m, "weightKg"),
                        dbl(m, "lengthCm"), dbl(m, "heightCm"), dbl(m, "headCm")));
            }
            for (StoredRecord p : young) {
                List<GrowthPoint> pts = points.getOrDefault(p.id(), List.of());
                children.add(new CaseSummary.Child(p.text("firstName"), p.text("lastName"), en(Sex.class, p.text("sex")),
                        date(p.text("birthDate")), pts.stream().sorted(Comparator.comparing(GrowthPoint::date)).toList()));
            }
        }
        return new CaseSummary(householdId, h.text("label"), sectorNames.get(h.text("sectorId")), referents, today, printedBy,
                role, withheld, List.copyOf(persons), situation, plan, List.copyOf(timeline), List.copyOf(aids), List.copyOf(children));
    }

    private CaseSummary.Plan plan(List<String> hid) {
        List<StoredRecord> plans = RecordRepository.children(ctx, RecordType.PLAN, hid);
        // The active PIA; failing that the latest one, so a closed accompaniment is still visible.
        StoredRecord p = plans.stream().filter(x -> "ACTIVE".equals(x.text("status"))).max(Comparator.comparing(x -> nz(x.text("startDate"))))
                .orElseGet(() -> plans.stream().max(Comparator.comparing(x -> nz(x.text("startDate")))).orElse(null));
        if (p == null) return null;
        List<StoredRecord> objectives = sorted(RecordRepository.children(ctx, RecordType.OBJECTIVE, List.of(p.id())),
                Comparator.comparing((StoredRecord o) -> nz(o.text("targetDate"))).thenComparing(o -> nz(o.text("statement"))));
        List<StoredRecord> evaluations = sorted(RecordRepository.children(ctx, RecordType.EVALUATION, List.of(p.id())),
                Comparator.comparing((StoredRecord e) -> nz(e.text("date"))));
        Map<String, String> statements = new LinkedHashMap<>();
        objectives.forEach(o -> statements.put(o.id(), o.text("statement")));
        Map<String, JsonNode> latest = new HashMap<>();
        List<CaseSummary.Evaluation> evals = new ArrayList<>();
        for (StoredRecord e : evaluations) {
            List<CaseSummary.Progress> ratings = new ArrayList<>();
            JsonNode progress = e.get("progress");
            if (progress != null && progress.isArray()) {
                for (JsonNode pr : progress) {
                    String oid = pr.path("objectiveId").asText(null);
                    if (oid != null) latest.put(oid, pr);
                    ratings.add(new CaseSummary.Progress(statements.getOrDefault(oid, "?"), en(Rating.class, pr.path("rating").asText(null)),
                            pr.path("workerComment").asText(null), pr.path("personView").asText(null)));
                }
            }
            List<String> participants = new ArrayList<>();
            JsonNode parts = e.get("participants");
            if (parts != null && parts.isArray()) parts.forEach(n -> participants.add(n.asText()));
            evals.add(new CaseSummary.Evaluation(date(e.text("date")), participants,
                    e.get("final") != null && e.get("final").asBoolean(), visible(e, "notes"), ratings));
        }
        List<CaseSummary.Objective> objs = new ArrayList<>();
        for (StoredRecord o : objectives) {
            JsonNode l = latest.get(o.id());
            objs.add(new CaseSummary.Objective(o.id(), en(InterventionDomain.class, o.text("domain")), o.text("statement"), o.text("criteria"),
                    date(o.text("targetDate")), en(ObjectiveStatus.class, o.text("status")),
                    l == null ? null : en(Rating.class, l.path("rating").asText(null)),
                    l == null ? null : l.path("workerComment").asText(null), l == null ? null : l.path("personView").asText(null)));
        }
        return new CaseSummary.Plan(en(PlanStatus.class, p.text("status")), date(p.text("startDate")), date(p.text("plannedEndDate")),
                date(p.text("agreementDate")), visible(p, "diagnosis"), visible(p, "strengths"), List.copyOf(objs), List.copyOf(evals));
    }

    private String professional(StoredRecord r, String fallback) {
        String n = workerName(r.authorId());
        return n != null ? n : fallback;
    }

    private String visible(StoredRecord r, String field) {
        return r.type().hiddenFrom(field, role) ? null : r.text(field);
    }


    private static int relationshipOrder(String rel) {
        if (rel == null) return 9;
        return switch (rel) {
            case "APPLICANT" -> 0;
            case "PARTNER" -> 1;
            case "CHILD" -> 2;
            default -> 3;
        };
    }

    private static List<StoredRecord> sorted(List<StoredRecord> list, Comparator<StoredRecord> order) {
        List<StoredRecord> out = new ArrayList<>(list);
        out.sort(order);
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String sub(JsonNode n, String f) {
        if (n == null || !n.has(f) || n.get(f).isNull()) return null;
        return n.get(f).asText();
    }

    private static Double dbl(StoredRecord r, String f) {
        JsonNode n = r.get(f);
        return n == null || n.isNull() ? null : n.asDouble();
    }

    static LocalDate date(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static OffsetDateTime dateTime(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            LocalDate d = date(s);
            return d == null ? null : d.atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
        }
    }

    static <E extends Enum<E>> E en(Class<E> type, String s) {
        if (s == null) return null;
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

}
