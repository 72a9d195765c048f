package fr.carnet.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.dataset.Importer;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.store.Editor;
import fr.carnet.store.Store;
import fr.carnet.util.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The sample dataset in a temporary store, plus one household with a long history, for report tests. */
final class ReportFixture {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(2026, 11, 26, 10, 0, 0, 0, PARIS).toInstant(), PARIS);
    static final LocalDate TODAY = LocalDate.now(CLOCK);
    static final String MARTIN = "6e206a0a-7ff3-3d0d-8115-6898cd2d967a";
    static final String NORD = "274a2648-3b6e-368d-9a3f-b35caae6edbd";
    /** Famille Petit: an active PIA with evaluations, aid requests and two young children. */
    static final String PETIT = "36ed5c29-29a7-4a1b-93cb-9f8819c76483";

    final Store store;
    final String longHistory;

    ReportFixture(Path dir) {
        store = Store.create(dir.resolve("report.db"), "report-test-passphrase".toCharArray(), CLOCK);
        Importer.importDir(store, Path.of("sample-data"), Importer.Origin.REFERENCE, null);
        longHistory = longHistory(new Editor(store, MARTIN, Role.AS));
    }

    /** « Famille Lefèvre-Étienne »: 70 contacts with long texts and a large aid, to break across pages. */
    private static String longHistory(Editor ed) {
        ObjectNode h = Json.object();
        h.put("sectorId", NORD);
        h.put("label", "Famille Lefèvre-Étienne");
        ObjectNode addr = h.putObject("address");
        addr.put("line1", "12 rue de l’Église");
        addr.put("postcode", "59100");
        addr.put("city", "Roubaix");
        h.put("housing", "Locataire HLM, T3");
        h.put("notes", "NOTE-CONFIDENTIELLE : conflit familial, suivi rapproché.");
        String hid = ed.create(RecordType.HOUSEHOLD, h);
        String mother = person(ed, hid, "Lefèvre", "Hélène", "1988-03-14", "F", "APPLICANT");
        person(ed, hid, "Lefèvre", "Noé", "2024-02-01", "M", "CHILD");
        for (int i = 0; i < 70; i++) {
            ObjectNode c = Json.object();
            c.put("householdId", hid);
            c.putArray("personIds").add(mother);
            c.put("date", ZonedDateTime.of(2025, 1, 6, 9, 30, 0, 0, PARIS).plusDays(9L * i).toOffsetDateTime().toString());
            c.put("durationMinutes", 30 + i % 4 * 15);
            c.put("mode", i % 3 == 0 ? "PHONE" : "RECEPTION");
            c.put("request", i % 2 == 0 ? "RIGHTS_ACCESS" : "INFORMATION");
            c.put("summary", "COMPTE-RENDU-" + i + " : point sur les démarches engagées auprès de la CAF et du bailleur ; "
                    + "la personne a apporté les justificatifs demandés, reste à compléter le dossier de fonds de solidarité logement "
                    + "et à prendre rendez-vous à la permanence d’accès aux droits de santé.");
            c.put("outcome", "Suivi prévu dans quinze jours");
            ed.create(RecordType.CONTACT, c);
        }
        ObjectNode aid = Json.object();
        aid.put("householdId", hid);
        aid.put("kind", "Fonds de solidarité logement (dette de loyer)");
        aid.put("amountCents", 123450);
        aid.put("requestedOn", "2026-10-02");
        aid.put("decision", "GRANTED");
        aid.put("decidedOn", "2026-10-20");
        ed.create(RecordType.AID, aid);
        return hid;
    }

    private static String person(Editor ed, String hid, String last, String first, String birth, String sex, String rel) {
        ObjectNode p = Json.object();
        p.put("householdId", hid);
        p.put("lastName", last);
        p.put("firstName", first);
        p.put("birthDate", birth);
        p.put("sex", sex);
        p.put("relationship", rel);
        return ed.create(RecordType.PERSON, p);
    }

    CaseSummary summary(String householdId, Role role, String printedBy) {
        return store.read(ctx -> new CaseSummaryLoader(ctx, role).load(householdId, TODAY, printedBy));
    }

    static ReportOptions options(Role role) {
        return new ReportOptions(role, "Anne Leroy", fr.carnet.util.Formats.FR_FR, PARIS, CLOCK);
    }
}
