package fr.carnet.report.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.dataset.Dataset;
import fr.carnet.dataset.Importer;
import fr.carnet.dataset.Organisation;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.store.Editor;
import fr.carnet.store.Store;
import fr.carnet.util.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small hand-made team whose figures can be counted by hand. */
class IndicatorServiceTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(2026, 11, 26, 9, 0, 0, 0, PARIS).toInstant(), PARIS);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final String T = id("t"), S1 = id("s1"), S2 = id("s2"), AS1 = id("as1"), CESF = id("cesf"), SMS = id("sms"),
            CHEF = id("chef"), AS2 = id("as2");

    private static String id(String name) {
        return java.util.UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @TempDir
    Path dir;
    Store store;

    @BeforeEach
    void team() {
        store = Store.create(dir.resolve("team.db"), "team-test-passphrase".toCharArray(), CLOCK);
        Organisation org = new Organisation(List.of(new Organisation.Territory(T, "Territoire")),
                List.of(new Organisation.Sector(S1, T, "Nord"), new Organisation.Sector(S2, T, "Sud")),
                List.of(new Organisation.Worker(AS1, "as1", "Alice Aubert", Role.AS, List.of(S1), 1.0),
                        new Organisation.Worker(CESF, "cesf", "Céline Éluard", Role.CESF, List.of(S1), 0.5),
                        new Organisation.Worker(SMS, "sms", "Samia Sow", Role.SMS, List.of(S1), 1.0),
                        new Organisation.Worker(CHEF, "chef", "Charles Chef", Role.SUPERVISOR, List.of(S1, S2), 1.0),
                        new Organisation.Worker(AS2, "as2", "Bruno Sud", Role.AS, List.of(S2), 1.0)));
        Importer.importDataset(store, new Dataset(org, List.of()), Importer.Origin.REFERENCE, null);

        Editor as1 = new Editor(store, AS1, Role.AS);
        String h1 = household(as1, "Famille Un");
        plan(as1, h1, "2026-01-01", "2026-06-30", null); // past its end, never evaluated
        contact(as1, h1, "2025-12-01T10:00+01:00", 60, "RECEPTION", "HOUSING");   // before the PIA: reception-diagnosis
        contact(as1, h1, "2026-03-01T10:00+01:00", 90, "PHONE", "HOUSING");       // inside the PIA: accompaniment
        contact(as1, h1, "2026-10-15T10:00+02:00", 30, "OUTREACH", "COLLECTIVE_LIFE"); // collective action
        visit(as1, h1, "2026-11-20T14:00+01:00"); // overdue
        visit(as1, h1, "2026-11-30T14:00+01:00"); // due within 7 days
        visit(as1, h1, "2026-12-20T14:00+01:00"); // later: neither
        String h2 = household(as1, "Famille Deux"); // no contact at all
        plan(as1, h2, "2026-09-01", "2027-06-30", "2026-10-15");

        Editor cesf = new Editor(store, CESF, Role.CESF);
        String h3 = household(cesf, "Mme Trois");
        plan(cesf, h3, "2026-10-01", "2027-03-31", null);
        contact(cesf, h3, "2026-11-20T10:00+01:00", 45, "RECEPTION", "ECONOMIC_AUTONOMY");

        Editor as2 = new Editor(store, AS2, Role.AS);
        contact(as2, household(as2, "Famille Sud"), "2026-11-02T10:00+01:00", 50, "RECEPTION", "HEALTH");

        store.write(ctx -> ctx.execute("UPDATE household SET conflict_id = 'c1', conflict_fields = '[\"label\"]' WHERE id = ?", h2));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static String household(Editor ed, String label) {
        ObjectNode h = Json.object();
        h.put("sectorId", ed.actorId().equals(AS2) ? S2 : S1);
        h.put("label", label);
        return ed.create(RecordType.HOUSEHOLD, h);
    }

    private static void plan(Editor ed, String hid, String start, String end, String evaluatedOn) {
        ObjectNode p = Json.object();
        p.put("householdId", hid);
        p.put("startDate", start);
        p.put("plannedEndDate", end);
        p.put("status", "ACTIVE");
        String pid = ed.create(RecordType.PLAN, p);
        if (evaluatedOn != null) {
            ObjectNode e = Json.object();
            e.put("planId", pid);
            e.put("date", evaluatedOn);
            ed.create(RecordType.EVALUATION, e);
        }
    }

    private static void contact(Editor ed, String hid, String date, int minutes, String mode, String domain) {
        ObjectNode c = Json.object();
        c.put("householdId", hid);
        c.put("date", date);
        c.put("durationMinutes", minutes);
        c.put("mode", mode);
        c.putArray("domains").add(domain);
        ed.create(RecordType.CONTACT, c);
    }

    private static void visit(Editor ed, String hid, String at) {
        ObjectNode v = Json.object();
        v.put("householdId", hid);
        v.put("plannedAt", at);
        v.put("status", "PLANNED");
        ed.create(RecordType.VISIT, v);
    }

    private TeamIndicators compute(List<String> sectors) {
        return store.read(ctx -> IndicatorService.compute(ctx, sectors, TODAY, IndicatorSettings.defaults()));
    }

    @Test
    void countsEachWorkersFiguresAgainstTheirReferences() {
        TeamIndicators team = compute(List.of(S1));
        Map<String, WorkerIndicators> by = team.workers().stream().collect(Collectors.toMap(WorkerIndicators::workerId, Function.identity()));
        assertThat(by).containsOnlyKeys(AS1, CESF, SMS); // no supervisor, no worker of another sector

        WorkerIndicators a = by.get(AS1);
        assertThat(a.households()).isEqualTo(2);
        assertThat(a.activeAccompaniments()).isEqualTo(2);
        assertThat(a.accompanimentReference()).isEqualTo(20.0);
        assertThat(a.minutes()).isEqualTo(Map.of(WorkKind.RECEPTION_DIAGNOSIS, 60, WorkKind.ACCOMPANIMENT, 90, WorkKind.COLLECTIVE_ACTION, 30));
        assertThat(a.share(WorkKind.ACCOMPANIMENT)).isEqualTo(0.5);
        assertThat(a.receptionReference()).isEqualTo(new IndicatorSettings.Range(0.40, 0.50));
        assertThat(a.collectiveReference()).isEqualTo(new IndicatorSettings.Range(0.10, 0.20));
        assertThat(a.visitsOverdue()).isEqualTo(1);
        assertThat(a.visitsDue()).isEqualTo(1);
        assertThat(a.plansPastEnd()).isEqualTo(1);
        assertThat(a.plansWithoutEvaluation()).isEqualTo(1);
        assertThat(a.householdsWithoutContact()).isEqualTo(1);

        WorkerIndicators c = by.get(CESF);
        assertThat(c.accompanimentReference()).isEqualTo(10.0); // 20 per full-time, scaled by FTE 0.5
        assertThat(c.activeAccompaniments()).isEqualTo(1);
        assertThat(c.minutes().get(WorkKind.ACCOMPANIMENT)).isEqualTo(45);
        assertThat(c.plansWithoutEvaluation()).isZero(); // started less than 6 months ago

        assertThat(by.get(SMS).accompanimentReference()).isNull();
        assertThat(by.get(SMS).receptionReference()).isEqualTo(new IndicatorSettings.Range(1.0, 1.0));

        assertThat(team.openConflicts()).isEqualTo(1);
        assertThat(team.unsentChanges()).isGreaterThan(10);
        assertThat(team.oldestUnsentChange()).isEqualTo(OffsetDateTime.now(CLOCK));
    }

    @Test
    void withoutSectorsTheWholeStoreIsCounted() {
        assertThat(compute(null).workers()).extracting(WorkerIndicators::workerId).containsExactlyInAnyOrder(AS1, CESF, SMS, AS2);
    }

    @Test
    void settingsAreReferencesSavedWithTheStore() {
        IndicatorSettings s = IndicatorSettings.defaults();
        assertThat(store.read(IndicatorSettings::read)).isEqualTo(s);
        IndicatorSettings changed = new IndicatorSettings(18, 0.4, s.receptionAs(), s.receptionCesf(), s.receptionSms(), s.collectiveAs(),
                s.collectiveCesf(), 180, 14, 3, 6);
        store.write(ctx -> {
            changed.write(ctx);
            return null;
        });
        assertThat(store.read(IndicatorSettings::read)).isEqualTo(changed);
    }

    @Test
    void csvOpensInFrenchExcel() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IndicatorCsv.write(compute(List.of(S1)), java.util.Locale.forLanguageTag("fr-FR"), out);
        byte[] b = out.toByteArray();
        assertThat(b[0] & 0xFF).isEqualTo(0xEF);
        assertThat(b[1] & 0xFF).isEqualTo(0xBB);
        assertThat(b[2] & 0xFF).isEqualTo(0xBF);
        String[] lines = new String(b, 3, b.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("Professionnel;Fonction;ETP;");
        assertThat(lines[0].split(";")).hasSize(18);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Alice Aubert;assistant(e) de service social;1,00;2;2;20,0;1,0;1,5;0,5;33,3;40-50;16,7;10-20;1;1;1;1;1"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Céline Éluard;"));
        assertThat(IndicatorCsv.quote("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(IndicatorCsv.quote("a;b")).isEqualTo("\"a;b\"");
    }
}
