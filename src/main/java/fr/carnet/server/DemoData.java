package fr.carnet.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Loads the sample dataset ({@code organisation.json} and one {@code <type>.jsonl} per type,
 * each line {@code {"id", "fields"}}) and the demo accounts of SYNC.md into a server, every
 * account with the password {@code demo}. Only the {@code --demo} mode calls this.
 */
public final class DemoData {
    /** The demo accounts of SYNC.md. */
    public static final Set<String> ACCOUNTS = Set.of("as.martin", "as.bernard", "sms.garcia", "cesf.petit", "pue.robert", "chef.leroy", "admin");

    private DemoData() {}

    /** Loads {@code dir} into the server; returns how many records were loaded. */
    public static int load(SyncApi api, Path dir) {
        Admin admin = new Admin(api);
        JsonNode org = Json.readValue(dir.resolve("organisation.json"), JsonNode.class);
        for (JsonNode s : org.path("sectors"))
            admin.sector(s.path("id").asText(), s.path("name").asText(), s.path("territoryId").asText(null));
        String adminId = null;
        for (JsonNode w : org.path("workers")) {
            List<String> sectors = new ArrayList<>();
            for (JsonNode s : w.path("sectorIds")) sectors.add(s.asText());
            Role role = Role.valueOf(w.path("role").asText());
            String login = w.path("login").asText();
            char[] pw = ACCOUNTS.contains(login) ? "demo".toCharArray() : null;
            admin.worker(w.path("id").asText(), login, w.path("displayName").asText(login), role, sectors, pw);
            if (role == Role.ADMIN) adminId = w.path("id").asText();
        }
        List<Admin.Seed> seeds = new ArrayList<>();
        for (RecordType t : RecordType.parentFirst()) {
            Path f = dir.resolve(t.wire() + ".jsonl");
            if (!Files.isRegularFile(f)) continue;
            try {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) continue;
                    JsonNode n = Json.read(line);
                    seeds.add(new Admin.Seed(t, n.path("id").asText(), (ObjectNode) n.path("fields")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return admin.load(seeds, adminId);
    }
}
