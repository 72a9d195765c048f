package fr.carnet.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.server.Admin;
import fr.carnet.server.ServerConfig;
import fr.carnet.server.ServerDb;
import fr.carnet.server.SyncApi;
import fr.carnet.util.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A small organisation for sync tests, the shape of SYNC.md's demo: sectors Nord and Sud, the
 * demo accounts (password "demo", cheap hashing), and a few households with persons, contacts
 * and plans in each sector.
 */
public final class SyncFixture {
    public static final String NORD = "00000000-0000-4000-8000-00000000000a";
    public static final String SUD = "00000000-0000-4000-8000-00000000000b";
    public static final String MARTIN = "00000000-0000-4000-8000-000000000001";
    public static final String BERNARD = "00000000-0000-4000-8000-000000000002";
    public static final String GARCIA = "00000000-0000-4000-8000-000000000003";
    public static final String PETIT = "00000000-0000-4000-8000-000000000004";
    public static final String ROBERT = "00000000-0000-4000-8000-000000000005";
    public static final String LEROY = "00000000-0000-4000-8000-000000000006";
    public static final String ADMIN = "00000000-0000-4000-8000-000000000007";
    public static final char[] DEMO = "demo".toCharArray();

    public final List<String> nordHouseholds = new ArrayList<>();
    public final List<String> sudHouseholds = new ArrayList<>();
    public final List<String> persons = new ArrayList<>();

    public static ServerConfig config() {
        return ServerConfig.defaults().withPasswordIterations(1000);
    }

    /** Loads the organisation and {@code perSector} households (each with 2 persons, a contact and a plan). */
    public static SyncFixture load(SyncApi api, int perSector, long seed) {
        SyncFixture f = new SyncFixture();
        Admin a = new Admin(api);
        a.sector(NORD, "Nord", null);
        a.sector(SUD, "Sud", null);
        a.worker(MARTIN, "as.martin", "Anne Martin", Role.AS, Set.of(NORD), DEMO);
        a.worker(BERNARD, "as.bernard", "Bruno Bernard", Role.AS, Set.of(NORD), DEMO);
        a.worker(GARCIA, "sms.garcia", "Sonia Garcia", Role.SMS, Set.of(NORD), DEMO);
        a.worker(PETIT, "cesf.petit", "Claire Petit", Role.CESF, Set.of(SUD), DEMO);
        a.worker(ROBERT, "pue.robert", "Paule Robert", Role.PUERICULTRICE, Set.of(NORD, SUD), DEMO);
        a.worker(LEROY, "chef.leroy", "Luc Leroy", Role.SUPERVISOR, Set.of(NORD, SUD), DEMO);
        a.worker(ADMIN, "admin", "Administrateur", Role.ADMIN, Set.of(), DEMO);
        java.util.Random rnd = new java.util.Random(seed);
        List<Admin.Seed> seeds = new ArrayList<>();
        for (String sector : List.of(NORD, SUD)) {
            for (int i = 0; i < perSector; i++) {
                String h = uuid(rnd);
                (sector.equals(NORD) ? f.nordHouseholds : f.sudHouseholds).add(h);
                seeds.add(new Admin.Seed(RecordType.HOUSEHOLD, h, household(sector, "Famille " + i)));
                for (int k = 0; k < 2; k++) {
                    String p = uuid(rnd);
                    f.persons.add(p);
                    seeds.add(new Admin.Seed(RecordType.PERSON, p, person(h, "Nom" + i, "Prénom" + k)));
                }
                ObjectNode c = Json.object();
                c.put("householdId", h);
                c.put("date", "2025-03-04T10:00:00+01:00");
                c.put("mode", "RECEPTION");
                c.put("summary", "Entretien confidentiel " + i);
                seeds.add(new Admin.Seed(RecordType.CONTACT, uuid(rnd), c));
                ObjectNode plan = Json.object();
                plan.put("householdId", h);
                plan.put("startDate", "2025-01-01");
                plan.put("plannedEndDate", "2025-12-31");
                seeds.add(new Admin.Seed(RecordType.PLAN, uuid(rnd), plan));
            }
        }
        a.load(seeds, ADMIN);
        return f;
    }

    static String uuid(java.util.Random rnd) {
        return new UUID(rnd.nextLong(), rnd.nextLong()).toString().replaceFirst("^(.{14}).", "$14").replaceFirst("^(.{19}).", "$18");
    }

    public static ObjectNode household(String sector, String label) {
        ObjectNode h = Json.object();
        h.put("sectorId", sector);
        h.put("label", label);
        h.putObject("address").put("line1", "1 rue de la Gare").put("postcode", "59000").put("city", "Lille");
        h.put("notes", "Note confidentielle");
        return h;
    }

    public static ObjectNode person(String household, String last, String first) {
        ObjectNode p = Json.object();
        p.put("householdId", household);
        p.put("lastName", last);
        p.put("firstName", first);
        p.put("phone", "0600000000");
        return p;
    }

    /** A fresh SQLite server database in a file. */
    public static SyncApi sqliteApi(java.nio.file.Path file) {
        return new SyncApi(new ServerDb(ServerDb.sqliteUrl(file)), config());
    }
}
