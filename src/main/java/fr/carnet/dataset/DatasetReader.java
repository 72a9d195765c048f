package fr.carnet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.dataset.Organisation.Sector;
import fr.carnet.dataset.Organisation.Territory;
import fr.carnet.dataset.Organisation.Worker;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.domain.RecordValidator;
import fr.carnet.domain.Violation;
import fr.carnet.i18n.Messages;
import fr.carnet.util.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Reads a dataset folder: {@code organisation.json} and one {@code <type>.jsonl} per record type,
 * each line {@code {"id": "<uuid>", "fields": {…}}}. Everything is checked before anything is
 * returned — JSON, ids, duplicates, field rules, references, sectors and workers — and every
 * problem is reported with its file, line, record and field.
 */
public final class DatasetReader {
    public static final String ORGANISATION = "organisation.json";

    private final LocalDate today;
    private final BiPredicate<RecordType, String> existsElsewhere;

    /**
     * @param today           the date the rules are judged on
     * @param existsElsewhere whether a referenced record exists outside the dataset (in the target store)
     */
    public DatasetReader(LocalDate today, BiPredicate<RecordType, String> existsElsewhere) {
        this.today = today;
        this.existsElsewhere = existsElsewhere;
    }

    /** Reads and checks a dataset against nothing but itself. */
    public static Dataset read(Path dir) {
        return new DatasetReader(LocalDate.now(), (t, id) -> false).readDir(dir);
    }

    public Dataset readDir(Path dir) {
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(dir.toString(), 0, null, null, Messages.get("import.noDir")));
            throw new DatasetException(problems);
        }
        Organisation org = readOrganisation(dir.resolve(ORGANISATION), problems);
        Set<String> sectorIds = new HashSet<>();
        org.sectors().forEach(s -> sectorIds.add(s.id()));
        Set<String> workerIds = new HashSet<>();
        org.workers().forEach(w -> workerIds.add(w.id()));

        List<DatasetRecord> records = new ArrayList<>();
        Map<String, RecordType> seen = new HashMap<>();
        Set<String> deletedOrMissing = new HashSet<>();
        for (RecordType type : RecordType.parentFirst()) {
            Path f = dir.resolve(type.wire() + ".jsonl");
            if (!Files.exists(f)) continue;
            String file = f.getFileName().toString();
            try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                String line;
                int n = 0;
                while ((line = in.readLine()) != null) {
                    n++;
                    if (line.isBlank()) continue;
                    DatasetRecord r = parseLine(file, n, type, line, problems);
                    if (r == null) continue;
                    int before = problems.size();
                    if (seen.containsKey(r.id())) {
                        problems.add(new Problem(file, n, r.id(), "id", Violation.of("id", "duplicateId", r.id()).message()));
                        continue;
                    }
                    for (Violation v : RecordValidator.validate(type, r.fields(), today))
                        problems.add(new Problem(file, n, r.id(), v.field(), v.message()));
                    if (problems.size() == before) checkReferences(file, n, r, seen, sectorIds, workerIds, problems);
                    seen.put(r.id(), type);
                    if (problems.size() == before) records.add(r);
                    else deletedOrMissing.add(r.id());
                }
            } catch (IOException e) {
                problems.add(new Problem(file, 0, null, null, Messages.get("import.unreadable")));
            }
        }
        if (!problems.isEmpty()) throw new DatasetException(problems);
        return new Dataset(org, records);
    }

    private DatasetRecord parseLine(String file, int n, RecordType type, String line, List<Problem> problems) {
        JsonNode node;
        try {
            node = Json.read(line);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(file, n, null, null, Messages.get("validation.json")));
            return null;
        }
        if (!node.isObject()) {
            problems.add(new Problem(file, n, null, null, Messages.get("validation.json")));
            return null;
        }
        JsonNode id = node.get("id");
        if (!RecordValidator.isUuid(id)) {
            problems.add(new Problem(file, n, null, "id", Violation.of("id", "id").message()));
            return null;
        }
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("id") && !k.equals("fields") && !k.equals("type"))
                problems.add(new Problem(file, n, id.asText(), k, Messages.get("validation.unknownField")));
        }
        JsonNode t = node.get("type");
        if (t != null && !t.asText().equals(type.wire())) {
            problems.add(new Problem(file, n, id.asText(), "type", Violation.of("type", "unknownType", t.asText()).message()));
            return null;
        }
        JsonNode fields = node.get("fields");
        if (fields == null || !fields.isObject()) {
            problems.add(new Problem(file, n, id.asText(), "fields", Messages.get("validation.json")));
            return null;
        }
        return new DatasetRecord(type, id.asText(), (ObjectNode) fields);
    }

    private void checkReferences(String file, int n, DatasetRecord r, Map<String, RecordType> seen, Set<String> sectorIds,
                                 Set<String> workerIds, List<Problem> problems) {
        RecordType type = r.type();
        ObjectNode f = r.fields();
        for (String field : List.of("householdId", "planId", "personId", "objectiveId", "contactId", "personIds")) {
            JsonNode v = f.get(field);
            if (v == null || v.isNull() || type.field(field).isEmpty()) continue;
            RecordType target = field.equals("personIds") ? RecordType.PERSON : type.referenceOf(field);
            for (JsonNode idn : v.isArray() ? v : List.of(v)) {
                String id = idn.asText();
                boolean ok = target == seen.get(id) || existsElsewhere.test(target, id);
                if (!ok) {
                    problems.add(new Problem(file, n, r.id(), field, Violation.of(field, "reference", target.wire() + " " + id).message()));
                    break;
                }
            }
        }
        if (type == RecordType.HOUSEHOLD) {
            String sector = f.path("sectorId").asText(null);
            if (!sectorIds.isEmpty() && sector != null && !sectorIds.contains(sector))
                problems.add(new Problem(file, n, r.id(), "sectorId", Violation.of("sectorId", "sector", sector).message()));
            JsonNode refs = f.get("referentIds");
            if (refs != null && refs.isArray() && !workerIds.isEmpty())
                for (JsonNode w : refs)
                    if (!workerIds.contains(w.asText())) {
                        problems.add(new Problem(file, n, r.id(), "referentIds", Violation.of("referentIds", "worker", w.asText()).message()));
                        break;
                    }
        }
    }

    private Organisation readOrganisation(Path f, List<Problem> problems) {
        if (!Files.exists(f)) return Organisation.empty();
        String file = f.getFileName().toString();
        JsonNode root;
        try {
            root = Json.read(Files.readString(f, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new Problem(file, 0, null, null, Messages.get("validation.json")));
            return Organisation.empty();
        }
        List<Territory> territories = new ArrayList<>();
        List<Sector> sectors = new ArrayList<>();
        List<Worker> workers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> logins = new HashSet<>();
        int i = 0;
        for (JsonNode t : root.path("territories")) {
            i++;
            String id = t.path("id").asText(null);
            if (!RecordValidator.isUuid(t.get("id")) || !ids.add(id)) problems.add(orgProblem(file, "territories", i, id, "id", "id"));
            else if (t.path("name").asText("").isBlank()) problems.add(orgProblem(file, "territories", i, id, "name", "required"));
            else territories.add(new Territory(id, t.get("name").asText()));
        }
        Set<String> territoryIds = new HashSet<>();
        territories.forEach(t -> territoryIds.add(t.id()));
        i = 0;
        for (JsonNode s : root.path("sectors")) {
            i++;
            String id = s.path("id").asText(null);
            if (!RecordValidator.isUuid(s.get("id")) || !ids.add(id)) problems.add(orgProblem(file, "sectors", i, id, "id", "id"));
            else if (s.path("name").asText("").isBlank()) problems.add(orgProblem(file, "sectors", i, id, "name", "required"));
            else if (!territoryIds.contains(s.path("territoryId").asText())) problems.add(orgProblem(file, "sectors", i, id, "territoryId", "reference"));
            else sectors.add(new Sector(id, s.get("territoryId").asText(), s.get("name").asText()));
        }
        Set<String> sectorIds = new HashSet<>();
        sectors.forEach(s -> sectorIds.add(s.id()));
        i = 0;
        for (JsonNode w : root.path("workers")) {
            i++;
            String id = w.path("id").asText(null);
            String login = w.path("login").asText("");
            Role role = null;
            try {
                role = Role.valueOf(w.path("role").asText());
            } catch (IllegalArgumentException e) {
                problems.add(orgProblem(file, "workers", i, id, "role", "enum"));
                continue;
            }
            List<String> sids = new ArrayList<>();
            w.path("sectorIds").forEach(x -> sids.add(x.asText()));
            if (!RecordValidator.isUuid(w.get("id")) || !ids.add(id)) problems.add(orgProblem(file, "workers", i, id, "id", "id"));
            else if (login.isBlank() || !logins.add(login)) problems.add(orgProblem(file, "workers", i, id, "login", "duplicateId"));
            else if (w.path("displayName").asText("").isBlank()) problems.add(orgProblem(file, "workers", i, id, "displayName", "required"));
            else if (!sectorIds.containsAll(sids)) problems.add(orgProblem(file, "workers", i, id, "sectorIds", "sector"));
            else workers.add(new Worker(id, login, w.get("displayName").asText(), role, List.copyOf(sids), w.path("fte").asDouble(1.0)));
        }
        return new Organisation(territories, sectors, workers);
    }

    private static Problem orgProblem(String file, String list, int index, String id, String field, String code) {
        return new Problem(file + " " + list + "[" + index + "]", 0, id, field, Violation.of(field, code, id == null ? "" : id, "").message());
    }
}
