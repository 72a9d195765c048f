package fr.carnet.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.dataset.Organisation.Sector;
import fr.carnet.dataset.Organisation.Territory;
import fr.carnet.dataset.Organisation.Worker;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.util.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Writes a fictional, realistic French caseload of any size, the same for the same seed: households
 * of sectors Nord and Sud, persons, children under 6 with growth series, contacts, visits, PIAs,
 * aid requests. No real person: names are drawn from common French name lists and combined at random.
 */
public final class SampleGenerator {
    /** The sample data's "today": fixed so that the same seed always gives the same files. */
    public static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 11, 20);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static final String[] LAST = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
            "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
            "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier",
            "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu",
            "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard",
            "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Roger", "Roche", "Noël", "Meyer", "Lucas", "Meunier",
            "Pérez", "Marchand", "Dufour", "Blanchard", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin",
            "Fernandez", "Renard", "Arnaud", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal", "Bourgeois", "Renaud",
            "Lemoine", "Picard", "Gaillard", "Lacroix", "Fabre", "Dupuis", "Olivier", "Da Silva", "Hubert", "Rivière",
            "Le Gall", "Guillaume", "Moulin", "Berger", "Lecomte", "Ménard", "Fleury", "Deschamps", "Carpentier", "Benoît",
            "Maillard", "Aubry", "Vasseur", "Le Roux", "Jacquet", "Prévost", "Poirier", "Charpentier", "Huet", "Dupuy",
            "Carré", "Breton", "Rémy", "Perrot", "Barré", "Marty", "Benali", "Haddad", "Diallo", "Traoré", "Koné", "Mendy",
            "Mansouri", "Ben Salah", "Öztürk", "Kaya", "Ferreira", "Pereira", "Kowalski", "Lefebvre-Quéméner", "Nœl"};
    static final String[] FEMALE = {"Hélène", "Héloïse", "Élodie", "Léa", "Chloé", "Zoé", "Maëlle", "Anaïs", "Noémie",
            "Inès", "Aurélie", "Mélanie", "Céline", "Émilie", "Béatrice", "Françoise", "Gisèle", "Agnès", "Nadège", "Valérie",
            "Sophie", "Camille", "Manon", "Julie", "Sarah", "Laura", "Marie", "Nathalie", "Sandrine", "Isabelle", "Fatima",
            "Aïcha", "Yasmine", "Amina", "Océane", "Léonie", "Cléa", "Jade", "Louise", "Alice", "Rose", "Ambre", "Maïwenn"};
    static final String[] MALE = {"Jérôme", "Stéphane", "Frédéric", "Cédric", "Sébastien", "Loïc", "Gaël", "Théo", "Noé",
            "Raphaël", "Maël", "Joël", "André", "Benoît", "Clément", "Grégoire", "Jérémy", "Thomas", "Nicolas", "Julien",
            "Kevin", "Mehdi", "Karim", "Youssef", "Mamadou", "Lucas", "Hugo", "Louis", "Gabriel", "Arthur", "Jules", "Adam",
            "Léo", "Nathan", "Éric", "Hervé", "Ludovic", "Mathéo", "Timothée", "Anthony", "Rémi", "François"};
    static final String[] STREETS = {"rue des Tilleuls", "avenue Jean-Jaurès", "rue Victor-Hugo", "place de l’Église",
            "rue Pasteur", "boulevard de la République", "rue du Général-de-Gaulle", "allée des Peupliers", "rue Émile-Zola",
            "chemin des Prés", "rue de la Gare", "résidence Les Hêtres", "rue Jules-Ferry", "impasse des Lilas",
            "rue Anatole-France", "rue de l’Abbé-Lemire", "cité Saint-Éloi", "rue des Écoles", "avenue des Châtaigniers"};
    static final String[][] CITIES_NORD = {{"59100", "Roubaix"}, {"59200", "Tourcoing"}, {"59150", "Wattrelos"}, {"59390", "Lys-lez-Lannoy"}};
    static final String[][] CITIES_SUD = {{"59113", "Seclin"}, {"59139", "Wattignies"}, {"59155", "Faches-Thumesnil"}, {"59810", "Lesquin"}};
    static final String[] HOUSING = {"Locataire parc social", "Locataire parc privé", "Hébergé(e) chez un tiers",
            "Propriétaire", "Hébergement d’urgence", "Résidence sociale", "Logement indigne signalé"};
    static final String[] NOTES = {"Situation suivie depuis l’ouverture du dossier ; la famille est preneuse d’un accompagnement.",
            "Ressources irrégulières, impayés de loyer à surveiller.", "Isolement important depuis le déménagement.",
            "Tensions familiales évoquées lors du dernier entretien.", "Dossier de surendettement en cours d’instruction.",
            "Besoin d’aide pour les démarches en ligne (CAF, impôts).", "Parent isolé, garde alternée en discussion."};
    static final String[] SUMMARIES = {"Point sur la situation budgétaire ; relevé des charges fixes établi ensemble.",
            "Demande d’aide pour une facture d’énergie en retard de deux mois.", "Accompagnement dans la constitution du dossier de logement social.",
            "Échange sur la scolarité des enfants et l’inscription à la cantine.", "Orientation vers la mission locale pour l’aîné.",
            "Ouverture des droits à la complémentaire santé solidaire.", "Premier accueil : exposé de la demande et des ressources.",
            "Entretien téléphonique : rendez-vous fixé pour la semaine prochaine.", "Visite : logement humide, signalement à envisager.",
            "Bilan de l’aide alimentaire accordée le mois dernier."};
    static final String[] OUTCOMES = {"Informations données", "Orientation vers un partenaire", "Aide demandée", "Suivi programmé",
            "Dossier à compléter"};
    static final String[] PARTNERS = {"CAF", "CPAM", "CCAS", "France Travail", "Mission locale", "Banque de France",
            "Restos du Cœur", "Secours populaire", "PMI", "Bailleur social", "Point conseil budget"};
    static final String[] PURPOSES = {"Évaluation de la situation au domicile", "Suivi du budget", "Visite de naissance",
            "Pesée et suivi du nourrisson", "Point sur le logement", "Co-évaluation du PIA", "Accompagnement administratif"};
    static final String[] OBJECTIVES = {"Stabiliser le budget mensuel", "Accéder à un logement adapté", "Ouvrir les droits en santé",
            "Reprendre une activité professionnelle", "Renouer avec la famille élargie", "Soutenir la scolarité des enfants",
            "Participer à un atelier collectif", "Gagner en autonomie dans les démarches", "Régler les dettes d’énergie"};
    static final String[] AIDS = {"Secours d’urgence", "Aide alimentaire", "Aide à l’énergie (FSL)", "Aide au loyer (FSL)",
            "Aide aux vacances", "Microcrédit personnel", "Aide à la rentrée scolaire"};
    static final String[] DOMAINS = {"HEALTH", "HOUSING", "SOCIAL_RELATIONS", "EMPLOYMENT", "ECONOMIC_AUTONOMY",
            "FAMILY_RELATIONS", "CHILD_EDUCATION", "COLLECTIVE_LIFE", "EMANCIPATION"};
    // WHO medians by age in months (boys; girls are scaled a little below), for plausible series.
    static final int[] AGE_MONTHS = {0, 1, 2, 3, 4, 6, 9, 12, 18, 24, 36, 48, 60, 72};
    static final double[] WEIGHT = {3.3, 4.5, 5.6, 6.4, 7.0, 7.9, 8.9, 9.6, 10.9, 12.2, 14.3, 16.3, 18.3, 20.5};
    static final double[] LENGTH = {49.9, 54.7, 58.4, 61.4, 63.9, 67.6, 72.0, 75.7, 82.3, 87.1, 96.1, 103.3, 110.0, 116.0};
    static final double[] HEAD = {34.5, 37.3, 39.1, 40.5, 41.6, 43.3, 45.0, 46.1, 47.4, 48.3, 49.5, 50.3, 50.9, 51.4};

    private final Random rnd;
    private final int targetPersons;
    private final LocalDate today;
    private final Organisation org;
    private final Map<RecordType, List<DatasetRecord>> out = new EnumMap<>(RecordType.class);

    public SampleGenerator(long seed, int persons, LocalDate today) {
        this.rnd = new Random(seed);
        this.targetPersons = persons;
        this.today = today;
        this.org = demoOrganisation();
    }

    /** The demo organisation of SYNC.md: one territory, sectors Nord and Sud, the demo accounts. */
    public static Organisation demoOrganisation() {
        Territory t = new Territory(fixedId("territory:metropole-est"), "Territoire Métropole-Est");
        Sector nord = new Sector(fixedId("sector:nord"), t.id(), "Nord");
        Sector sud = new Sector(fixedId("sector:sud"), t.id(), "Sud");
        List<Worker> w = List.of(
                new Worker(fixedId("worker:as.martin"), "as.martin", "Claire Martin", Role.AS, List.of(nord.id()), 1.0),
                new Worker(fixedId("worker:as.bernard"), "as.bernard", "Julien Bernard", Role.AS, List.of(nord.id()), 0.8),
                new Worker(fixedId("worker:sms.garcia"), "sms.garcia", "Sofia Garcia", Role.SMS, List.of(nord.id()), 1.0),
                new Worker(fixedId("worker:cesf.petit"), "cesf.petit", "Nadia Petit", Role.CESF, List.of(sud.id()), 1.0),
                new Worker(fixedId("worker:as.moreau"), "as.moreau", "Thierry Moreau", Role.AS, List.of(sud.id()), 1.0),
                new Worker(fixedId("worker:educ.fabre"), "educ.fabre", "Inès Fabre", Role.EDUCATEUR, List.of(sud.id()), 1.0),
                new Worker(fixedId("worker:pue.robert"), "pue.robert", "Hélène Robert", Role.PUERICULTRICE, List.of(nord.id(), sud.id()), 1.0),
                new Worker(fixedId("worker:chef.leroy"), "chef.leroy", "Marc Leroy", Role.SUPERVISOR, List.of(nord.id(), sud.id()), 1.0),
                new Worker(fixedId("worker:admin"), "admin", "Administrateur", Role.ADMIN, List.of(), 1.0));
        return new Organisation(List.of(t), List.of(nord, sud), w);
    }

    /** A stable id for a fixed thing of the demo organisation. */
    public static String fixedId(String name) {
        return UUID.nameUUIDFromBytes(("carnet-demo:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public Dataset generate() {
        int persons = 0;
        while (persons < targetPersons) persons += household(targetPersons - persons);
        List<DatasetRecord> all = new ArrayList<>();
        for (RecordType t : RecordType.parentFirst()) all.addAll(out.getOrDefault(t, List.of()));
        return new Dataset(org, all);
    }

    /** Writes the dataset as organisation.json and one JSON-lines file per type. */
    public static void write(Dataset ds, Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectNode o = Json.object();
        o.set("territories", Json.MAPPER.valueToTree(ds.organisation().territories()));
        o.set("sectors", Json.MAPPER.valueToTree(ds.organisation().sectors()));
        o.set("workers", Json.MAPPER.valueToTree(ds.organisation().workers()));
        Files.writeString(dir.resolve(DatasetReader.ORGANISATION),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n", StandardCharsets.UTF_8);
        Map<RecordType, BufferedWriter> writers = new EnumMap<>(RecordType.class);
        try {
            for (RecordType t : RecordType.parentFirst())
                writers.put(t, Files.newBufferedWriter(dir.resolve(t.wire() + ".jsonl"), StandardCharsets.UTF_8));
            for (DatasetRecord r : ds.records()) {
                ObjectNode line = Json.object();
                line.put("id", r.id());
                line.set("fields", r.fields());
                BufferedWriter w = writers.get(r.type());
                w.write(Json.write(line));
                w.write('\n');
            }
        } finally {
            for (BufferedWriter w : writers.values()) w.close();
        }
    }

    private String id() {
        long hi = (rnd.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    private <T> T pick(T[] a) {
        return a[rnd.nextInt(a.length)];
    }

    private void add(RecordType t, String id, ObjectNode f) {
        out.computeIfAbsent(t, k -> new ArrayList<>()).add(new DatasetRecord(t, id, f));
    }

    private Worker worker(String login) {
        return org.workers().stream().filter(w -> w.login().equals(login)).findFirst().orElseThrow();
    }

    private int household(int budget) {
        boolean nord = rnd.nextBoolean();
        Sector sector = org.sectors().get(nord ? 0 : 1);
        String last = pick(LAST);
        double p = rnd.nextDouble();
        int adults = p < 0.25 ? 1 : p < 0.35 ? 2 : p < 0.70 ? 1 : 2;
        int kids = p < 0.35 ? 0 : 1 + rnd.nextInt(3);
        if (adults + kids > budget) { kids = Math.max(0, budget - 1); adults = 1; }
        String hid = id();
        ObjectNode h = Json.object();
        h.put("sectorId", sector.id());
        ArrayNode refs = h.putArray("referentIds");
        String referent = nord ? (rnd.nextBoolean() ? "as.martin" : "as.bernard") : (rnd.nextDouble() < 0.6 ? "as.moreau" : "cesf.petit");
        refs.add(worker(referent).id());
        h.put("label", (adults == 1 && kids == 0 ? (rnd.nextBoolean() ? "Mme " : "M. ") : "Famille ") + last);
        String[] city = pick(nord ? CITIES_NORD : CITIES_SUD);
        ObjectNode addr = h.putObject("address");
        addr.put("line1", (1 + rnd.nextInt(180)) + " " + pick(STREETS));
        if (rnd.nextDouble() < 0.2) addr.put("line2", "Bât. " + (char) ('A' + rnd.nextInt(6)) + ", apt " + (1 + rnd.nextInt(40)));
        addr.put("postcode", city[0]);
        addr.put("city", city[1]);
        h.put("housing", pick(HOUSING));
        h.put("notes", pick(NOTES));
        add(RecordType.HOUSEHOLD, hid, h);

        List<String> personIds = new ArrayList<>();
        List<String[]> children = new ArrayList<>(); // id, birthDate, sex
        boolean femaleApplicant = rnd.nextDouble() < 0.7;
        for (int i = 0; i < adults; i++) {
            boolean female = i == 0 ? femaleApplicant : !femaleApplicant;
            LocalDate birth = today.minusDays(365L * (22 + rnd.nextInt(45)) + rnd.nextInt(365));
            personIds.add(person(hid, i == 0 ? last : (rnd.nextDouble() < 0.6 ? last : pick(LAST)), female, birth,
                    i == 0 ? "APPLICANT" : "PARTNER", true));
        }
        for (int i = 0; i < kids; i++) {
            boolean female = rnd.nextBoolean();
            LocalDate birth = today.minusDays(rnd.nextInt(18 * 365));
            String cid = person(hid, last, female, birth, "CHILD", false);
            personIds.add(cid);
            children.add(new String[] {cid, birth.toString(), female ? "F" : "M"});
        }
        boolean hasYoungChild = false;
        for (String[] c : children) {
            LocalDate birth = LocalDate.parse(c[1]);
            if (birth.isAfter(today.minusYears(6))) {
                hasYoungChild = true;
                growth(c[0], birth, c[2].equals("F"));
            }
        }
        if (hasYoungChild) refs.add(worker("pue.robert").id());

        String author = worker(referent).id();
        List<String> contactIds = contacts(hid, personIds, hasYoungChild);
        visits(hid, addr, contactIds, hasYoungChild);
        if (rnd.nextDouble() < 0.20) plan(hid, personIds.subList(0, adults));
        if (rnd.nextDouble() < 0.30) aids(hid);
        return adults + kids;
    }

    private String person(String hid, String last, boolean female, LocalDate birth, String relationship, boolean adult) {
        String pid = id();
        ObjectNode f = Json.object();
        f.put("householdId", hid);
        f.put("lastName", last);
        f.put("firstName", female ? pick(FEMALE) : pick(MALE));
        if (adult && female && rnd.nextDouble() < 0.3) f.put("birthName", pick(LAST));
        f.put("birthDate", birth.toString());
        f.put("sex", female ? "F" : "M");
        f.put("relationship", relationship);
        if (adult) {
            f.put("phone", String.format("0%d %02d %02d %02d %02d", 6 + rnd.nextInt(2), rnd.nextInt(100), rnd.nextInt(100),
                    rnd.nextInt(100), rnd.nextInt(100)));
            if (rnd.nextDouble() < 0.5) f.put("email", ascii(f.get("firstName").asText() + "." + last).toLowerCase() + "@exemple.fr");
            f.put("consentDate", today.minusDays(rnd.nextInt(700)).toString());
        }
        add(RecordType.PERSON, pid, f);
        return pid;
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("œ", "oe").replace("Œ", "Oe").replace(" ", "-").replace("ı", "i");
    }

    private void growth(String childId, LocalDate birth, boolean female) {
        double zw = rnd.nextGaussian() * 0.9, zl = rnd.nextGaussian() * 0.9, zh = rnd.nextGaussian() * 0.9;
        // One child in eight falters after six months: the alerts have something to find.
        boolean falters = rnd.nextDouble() < 0.125;
        double scale = female ? 0.965 : 1.0;
        int[] visitDays = {8, 30, 61, 91, 122, 183, 274, 365, 548, 730, 1095, 1461, 1826};
        for (int d : visitDays) {
            LocalDate date = birth.plusDays(d + rnd.nextInt(7));
            if (date.isAfter(today)) break;
            double months = ChronoUnit.DAYS.between(birth, date) / 30.4375;
            double drift = falters && months > 6 ? -0.25 * (months - 6) / 3 : 0;
            double w = interp(WEIGHT, months) * scale * (1 + 0.11 * (zw + drift + rnd.nextGaussian() * 0.15));
            double l = interp(LENGTH, months) * scale * (1 + 0.037 * (zl + rnd.nextGaussian() * 0.1));
            double hc = interp(HEAD, months) * scale * (1 + 0.03 * (zh + rnd.nextGaussian() * 0.1));
            ObjectNode f = Json.object();
            f.put("personId", childId);
            f.put("date", date.toString());
            f.put("weightKg", Math.round(w * 1000) / 1000.0);
            f.put(months < 24 ? "lengthCm" : "heightCm", Math.round(l * 10) / 10.0);
            if (months < 48) f.put("headCm", Math.round(hc * 10) / 10.0);
            add(RecordType.MEASUREMENT, id(), f);
        }
        String[] areas = {"VISION", "HEARING", "LANGUAGE", "MOTOR", "SLEEP", "FEEDING", "BEHAVIOUR"};
        for (int months : new int[] {1, 4, 9, 24, 36}) {
            LocalDate date = birth.plusMonths(months).plusDays(rnd.nextInt(10));
            if (date.isAfter(today)) break;
            for (int i = 0; i < 2; i++) {
                ObjectNode f = Json.object();
                f.put("personId", childId);
                f.put("date", date.toString());
                f.put("area", areas[rnd.nextInt(areas.length)]);
                double r = rnd.nextDouble();
                f.put("result", r < 0.8 ? "NORMAL" : r < 0.95 ? "TO_WATCH" : "REFER");
                if (r >= 0.8) f.put("notes", "À revoir lors de la prochaine consultation.");
                add(RecordType.SCREENING, id(), f);
            }
        }
    }

    private static double interp(double[] v, double months) {
        for (int i = 1; i < AGE_MONTHS.length; i++) {
            if (months <= AGE_MONTHS[i]) {
                double t = (months - AGE_MONTHS[i - 1]) / (AGE_MONTHS[i] - AGE_MONTHS[i - 1]);
                return v[i - 1] + t * (v[i] - v[i - 1]);
            }
        }
        return v[v.length - 1];
    }

    private OffsetDateTime at(LocalDate d, int hour) {
        return OffsetDateTime.of(d, LocalTime.of(hour, rnd.nextBoolean() ? 0 : 30), PARIS.getRules().getOffset(d.atTime(hour, 0)));
    }

    private List<String> contacts(String hid, List<String> personIds, boolean youngChild) {
        String[] modes = {"RECEPTION", "RECEPTION", "PHONE", "PHONE", "EMAIL", "HOME_VISIT", "OUTREACH", "LETTER"};
        String[] requests = {"RIGHTS_ACCESS", "OPTIONAL_AID", "INFORMATION", "ORIENTATION", "EMERGENCY"};
        List<String> ids = new ArrayList<>();
        int n = rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            String cid = id();
            ObjectNode f = Json.object();
            f.put("householdId", hid);
            f.putArray("personIds").add(personIds.get(0));
            LocalDate d = today.minusDays(1 + rnd.nextInt(720));
            while (d.getDayOfWeek().getValue() > 5) d = d.minusDays(1);
            f.put("date", at(d, 9 + rnd.nextInt(8)).toString());
            f.put("durationMinutes", 10 + 5 * rnd.nextInt(17));
            f.put("mode", youngChild && rnd.nextDouble() < 0.2 ? "HOME_VISIT" : pick(modes));
            f.put("request", pick(requests));
            ArrayNode dom = f.putArray("domains");
            int k = 1 + rnd.nextInt(3);
            for (int j = 0; j < k; j++) {
                String dm = pick(DOMAINS);
                boolean dup = false;
                for (var x : dom) if (x.asText().equals(dm)) dup = true;
                if (!dup) dom.add(dm);
            }
            f.put("summary", pick(SUMMARIES));
            String outcome = pick(OUTCOMES);
            f.put("outcome", outcome);
            if (outcome.startsWith("Orientation")) f.put("orientedTo", pick(PARTNERS));
            add(RecordType.CONTACT, cid, f);
            ids.add(cid);
        }
        return ids;
    }

    private void visits(String hid, ObjectNode address, List<String> contactIds, boolean youngChild) {
        if (rnd.nextDouble() > (youngChild ? 0.8 : 0.35)) return;
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            ObjectNode f = Json.object();
            f.put("householdId", hid);
            boolean future = i == n - 1 && rnd.nextBoolean();
            LocalDate d = future ? today.plusDays(rnd.nextInt(14)) : today.minusDays(1 + rnd.nextInt(300));
            while (d.getDayOfWeek().getValue() > 5) d = d.plusDays(1);
            f.put("plannedAt", at(d, 9 + rnd.nextInt(7)).toString());
            f.set("address", address.deepCopy());
            f.put("purpose", youngChild && rnd.nextBoolean() ? "Pesée et suivi du nourrisson" : pick(PURPOSES));
            if (future) f.put("status", "PLANNED");
            else {
                double r = rnd.nextDouble();
                f.put("status", r < 0.75 ? "DONE" : r < 0.9 ? "ABSENT" : "CANCELLED");
                if (r < 0.75) {
                    f.put("observations", "Accueil cordial. Logement rangé ; la famille a préparé les justificatifs demandés.");
                    f.put("nextSteps", "Transmettre le dossier à la commission ; nouveau point dans un mois.");
                    if (!contactIds.isEmpty() && rnd.nextBoolean()) f.put("contactId", contactIds.get(rnd.nextInt(contactIds.size())));
                }
            }
            add(RecordType.VISIT, id(), f);
        }
    }

    private void plan(String hid, List<String> adults) {
        String pid = id();
        ObjectNode f = Json.object();
        f.put("householdId", hid);
        ArrayNode ps = f.putArray("personIds");
        adults.forEach(ps::add);
        f.put("diagnosis", "Charges de logement trop lourdes au regard des ressources ; isolement relatif ; démarches administratives non abouties.");
        f.put("strengths", "Grande motivation, réseau amical présent, bonne connaissance des dispositifs locaux.");
        LocalDate start = today.minusDays(30 + rnd.nextInt(540));
        f.put("startDate", start.toString());
        f.put("plannedEndDate", start.plusMonths(6 + rnd.nextInt(7)).toString());
        double s = rnd.nextDouble();
        String status = s < 0.15 ? "DRAFT" : s < 0.75 ? "ACTIVE" : "CLOSED";
        f.put("status", status);
        if (!status.equals("DRAFT")) f.put("agreementDate", start.plusDays(rnd.nextInt(10)).toString());
        if (status.equals("CLOSED")) {
            LocalDate closed = start.plusMonths(3 + rnd.nextInt(6));
            if (closed.isAfter(today)) closed = today;
            f.put("closedOn", closed.toString());
            f.put("closureReason", rnd.nextBoolean() ? "Objectifs atteints" : "Déménagement hors du secteur");
        }
        add(RecordType.PLAN, pid, f);
        List<String> objectiveIds = new ArrayList<>();
        int n = 2 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            String oid = id();
            ObjectNode o = Json.object();
            o.put("planId", pid);
            int k = rnd.nextInt(OBJECTIVES.length);
            o.put("domain", new String[] {"ECONOMIC_AUTONOMY", "HOUSING", "HEALTH", "EMPLOYMENT", "FAMILY_RELATIONS",
                    "CHILD_EDUCATION", "COLLECTIVE_LIFE", "EMANCIPATION", "ECONOMIC_AUTONOMY"}[k]);
            o.put("statement", OBJECTIVES[k]);
            o.put("criteria", "Constaté ensemble lors de la co-évaluation");
            o.put("targetDate", start.plusMonths(3 + rnd.nextInt(6)).toString());
            o.put("status", status.equals("CLOSED") ? (rnd.nextBoolean() ? "MET" : "PARTLY_MET") : "OPEN");
            add(RecordType.OBJECTIVE, oid, o);
            objectiveIds.add(oid);
            String[] whos = {"PERSON", "WORKER", "PARTNER"};
            for (int j = 0; j < 1 + rnd.nextInt(2); j++) {
                ObjectNode a = Json.object();
                a.put("planId", pid);
                a.put("objectiveId", oid);
                String who = pick(whos);
                a.put("who", who);
                if (who.equals("PARTNER")) a.put("partner", pick(PARTNERS));
                a.put("description", who.equals("PERSON") ? "Rassembler les justificatifs de ressources"
                        : who.equals("WORKER") ? "Instruire la demande et la présenter en commission" : "Recevoir la personne et proposer un suivi");
                a.put("dueDate", start.plusDays(15 + rnd.nextInt(90)).toString());
                a.put("done", rnd.nextBoolean());
                add(RecordType.ACTION, id(), a);
            }
        }
        if (status.equals("DRAFT")) return;
        int evals = rnd.nextInt(4);
        String[] ratings = {"NOT_MET", "PARTLY_MET", "MET"};
        for (int e = 1; e <= evals; e++) {
            LocalDate d = start.plusMonths(2L * e);
            if (d.isAfter(today)) break;
            ObjectNode ev = Json.object();
            ev.put("planId", pid);
            ev.put("date", d.toString());
            ev.putArray("participants").add("La personne").add("L’assistante sociale référente");
            ArrayNode prog = ev.putArray("progress");
            for (String oid : objectiveIds) {
                ObjectNode pr = prog.addObject();
                pr.put("objectiveId", oid);
                pr.put("rating", ratings[Math.min(2, rnd.nextInt(2) + e / 2)]);
                pr.put("workerComment", "Des progrès réguliers, à consolider.");
                pr.put("personView", "Je me sens plus à l’aise avec les papiers.");
            }
            ev.put("notes", "Co-évaluation menée au centre médico-social.");
            ev.put("final", status.equals("CLOSED") && e == evals);
            add(RecordType.EVALUATION, id(), ev);
        }
    }

    private void aids(String hid) {
        int n = 1 + rnd.nextInt(2);
        for (int i = 0; i < n; i++) {
            ObjectNode f = Json.object();
            f.put("householdId", hid);
            f.put("kind", pick(AIDS));
            f.put("amountCents", (50 + rnd.nextInt(750)) * 100L + (rnd.nextBoolean() ? 50 : 0));
            LocalDate req = today.minusDays(rnd.nextInt(400));
            f.put("requestedOn", req.toString());
            double r = rnd.nextDouble();
            String decision = r < 0.2 ? "PENDING" : r < 0.8 ? "GRANTED" : "REFUSED";
            f.put("decision", decision);
            if (!decision.equals("PENDING")) {
                LocalDate dec = req.plusDays(3 + rnd.nextInt(30));
                f.put("decidedOn", (dec.isAfter(today) ? today : dec).toString());
            }
            add(RecordType.AID, id(), f);
        }
    }
}
