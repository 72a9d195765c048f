package fr.carnet.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.domain.ValidationException;
import fr.carnet.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random edit sequences on a real store: replaying the change journal over the initial (empty)
 * state gives exactly the final state of every record, field by field.
 */
class JournalReplayProperties {
    static Path dir;

    @BeforeContainer
    static void makeDir() throws Exception {
        dir = Files.createTempDirectory("carnet-journal");
    }

    @AfterContainer
    static void removeDir() throws Exception {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 25)
    void replayingTheJournalGivesTheFinalState(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int edits) {
        Path file = dir.resolve("j-" + System.nanoTime() + ".db");
        try (Store store = Store.create(file, "property test passphrase".toCharArray())) {
            Editor ed = new Editor(store, "4b0c6f5e-1111-4a5a-9b1e-000000000001", Role.AS);
            Random rnd = new Random(seed);
            List<String> households = new ArrayList<>();
            List<String> persons = new ArrayList<>();
            String[] names = {"Hélène", "Jérôme", "Zoé", "Noël", "Ça", ""};
            for (int i = 0; i < edits; i++) {
                int op = households.isEmpty() ? 0 : rnd.nextInt(6);
                try {
                    switch (op) {
                        case 0 -> households.add(ed.create(RecordType.HOUSEHOLD, StoreIT.household("Famille " + names[rnd.nextInt(5)])));
                        case 1 -> persons.add(ed.create(RecordType.PERSON,
                                StoreIT.person(households.get(rnd.nextInt(households.size())), names[rnd.nextInt(5)], names[rnd.nextInt(5)])));
                        case 2 -> {
                            if (persons.isEmpty()) break;
                            ObjectNode ch = Json.object();
                            ch.put("phone", rnd.nextBoolean() ? "06 00 00 00 0" + rnd.nextInt(10) : null);
                            ch.put("firstName", names[rnd.nextInt(names.length)]);
                            ed.update(RecordType.PERSON, persons.get(rnd.nextInt(persons.size())), ch);
                        }
                        case 3 -> {
                            ObjectNode ch = Json.object();
                            ch.putObject("address").put("line1", rnd.nextInt(100) + " rue Pasteur").put("city", "Roubaix");
                            ch.put("notes", rnd.nextBoolean() ? null : "Note " + rnd.nextInt(5));
                            ed.update(RecordType.HOUSEHOLD, households.get(rnd.nextInt(households.size())), ch);
                        }
                        case 4 -> {
                            if (!persons.isEmpty()) ed.delete(RecordType.PERSON, persons.get(rnd.nextInt(persons.size())));
                        }
                        default -> {
                            if (!persons.isEmpty()) ed.undelete(RecordType.PERSON, persons.get(rnd.nextInt(persons.size())));
                        }
                    }
                } catch (ValidationException | StoreException refused) {
                    // refused edits (empty name, deleted record) must leave no journal entry: checked below
                }
            }
            Map<String, ObjectNode> replayed = new HashMap<>();
            Map<String, Boolean> deleted = new HashMap<>();
            for (JournalEntry e : store.read(ChangeJournal::all)) {
                String key = e.type().wire() + "/" + e.recordId();
                switch (e.op()) {
                    case "create" -> {
                        assertThat(replayed).doesNotContainKey(key);
                        replayed.put(key, Json.object());
                        deleted.put(key, false);
                    }
                    case "delete" -> deleted.put(key, true);
                    case "undelete" -> deleted.put(key, false);
                    default -> { }
                }
                ObjectNode state = replayed.get(key);
                for (var it = e.patch().fields(); it.hasNext(); ) {
                    var f = it.next();
                    JsonNode old = f.getValue().get("old");
                    JsonNode cur = state.has(f.getKey()) ? state.get(f.getKey()) : com.fasterxml.jackson.databind.node.NullNode.getInstance();
                    assertThat(cur).as("old value of %s in %s", f.getKey(), e.op()).isEqualTo(old);
                    JsonNode nv = f.getValue().get("new");
                    if (nv.isNull()) state.remove(f.getKey());
                    else state.set(f.getKey(), nv);
                }
            }
            for (RecordType t : List.of(RecordType.HOUSEHOLD, RecordType.PERSON)) {
                List<StoredRecord> all = store.read(ctx -> RecordRepository.findAll(ctx, t, org.jooq.impl.DSL.trueCondition()));
                for (StoredRecord r : all) {
                    String key = t.wire() + "/" + r.id();
                    assertThat(replayed.get(key)).as(key).isEqualTo(r.fields());
                    assertThat(deleted.get(key)).as(key).isEqualTo(r.deleted());
                }
                assertThat(all.size()).isEqualTo((int) replayed.keySet().stream().filter(k -> k.startsWith(t.wire() + "/")).count());
            }
        }
    }
}
