package fr.carnet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carnet.sync.SyncFixture;
import fr.carnet.sync.WireRequest;
import fr.carnet.sync.WireResponse;
import fr.carnet.util.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull page never holds more than {@code limit} changes, also when a record must bring a parent
 * edited after it, or a grant brings a whole household: the page ends before the group, or a group
 * larger than a page goes in parts, parents first.
 */
class ServerPullPagingTest {
    @TempDir Path dir;

    record Pulled(List<JsonNode> changes, String cursor) {}

    @Test
    void pagesNeverExceedTheLimitAndChildrenNeverComeBeforeTheirParents() {
        SyncApi api = new SyncApi(new ServerDb(ServerDb.sqliteUrl(dir.resolve("s.db"))), SyncFixture.config());
        try {
            SyncFixture data = SyncFixture.load(api, 3, 7);
            // households edited after their persons, contacts and plans: each child needs its parent along
            for (String h : data.nordHouseholds) new Admin(api).assign(h, SyncFixture.NORD, List.of(SyncFixture.BERNARD), SyncFixture.ADMIN);
            Set<String> all = null;
            for (int limit : new int[] {1, 2, 3, 4, 7, 1000}) {
                String token = login(api, "as.martin", "dev-" + limit);
                Pulled p = pullAll(api, token, null, limit);
                Set<String> ids = ids(p.changes());
                if (all == null) all = ids;
                assertThat(ids).as("limit " + limit).isEqualTo(all);
            }
            assertThat(all).hasSize(3 * 5);
            // a household moved into the worker's scope arrives whole (5 records), in pages of at most 2
            String token = login(api, "as.martin", "dev-grant");
            Pulled before = pullAll(api, token, null, 1000);
            new Admin(api).assign(data.sudHouseholds.get(0), SyncFixture.NORD, List.of(), SyncFixture.ADMIN);
            Pulled after = pullAll(api, token, before.cursor(), 2);
            Set<String> got = ids(after.changes());
            assertThat(got).contains(data.sudHouseholds.get(0)).hasSize(5);
        } finally {
            api.db().close();
        }
    }

    static Set<String> ids(List<JsonNode> changes) {
        Set<String> out = new HashSet<>();
        for (JsonNode c : changes) out.add(c.path("record").path("id").asText());
        return out;
    }

    static String login(SyncApi api, String login, String device) {
        WireResponse r = api.handle(new WireRequest("POST", "/api/v1/session", Map.of(), Map.of(),
                ("{\"login\":\"" + login + "\",\"password\":\"demo\",\"device\":{\"id\":\"" + device + "\",\"name\":\"L\"}}").getBytes(StandardCharsets.UTF_8), "127.0.0.1"));
        assertThat(r.status()).isEqualTo(200);
        return r.jsonBody().path("token").asText();
    }

    /** Pulls until the end, checking every page: at most limit changes, parents first, the cursor never going back. */
    static Pulled pullAll(SyncApi api, String token, String cursor, int limit) {
        List<JsonNode> changes = new ArrayList<>();
        Set<String> held = new HashSet<>();
        long last = cursor == null ? 0 : Pull.position(cursor);
        for (int pages = 0; pages < 10_000; pages++) {
            Map<String, String> q = new HashMap<>();
            q.put("limit", Integer.toString(limit));
            if (cursor != null) q.put("cursor", cursor);
            WireResponse r = api.handle(new WireRequest("GET", "/api/v1/sync/pull", q, Map.of("authorization", "Bearer " + token), new byte[0], "127.0.0.1"));
            assertThat(r.status()).isEqualTo(200);
            JsonNode page = r.jsonBody();
            assertThat(page.path("changes").size()).as("page size with limit " + limit).isLessThanOrEqualTo(limit);
            for (JsonNode c : page.path("changes")) {
                JsonNode rec = c.path("record");
                for (String parentField : List.of("householdId", "planId", "personId", "objectiveId")) {
                    String parent = rec.path("fields").path(parentField).asText(null);
                    if (parent != null) assertThat(held).as("parent of " + rec.path("type").asText() + " with limit " + limit).contains(parent);
                }
                held.add(rec.path("id").asText());
                changes.add(c);
            }
            cursor = page.path("cursor").asText();
            assertThat(Pull.position(cursor)).isGreaterThanOrEqualTo(last);
            last = Pull.position(cursor);
            if (!page.path("hasMore").asBoolean()) return new Pulled(changes, cursor);
        }
        throw new AssertionError("no end");
    }
}
