package fr.carnet.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.store.DeskIdentity;
import fr.carnet.store.Store;
import fr.carnet.ui.common.Async;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.util.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A real encrypted store in a temporary folder, a worker, and helpers to fill it with Editor. */
public final class DeskFixture implements AutoCloseable {
    public static final char[] PASS = "correct horse battery".toCharArray();
    /** Thursday 26 November 2026, 10:00 in Paris. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneId.of("Europe/Paris"));
    public final Store store;
    public final DeskIdentity worker;
    public final DeskContext ctx;

    public DeskFixture(Path dir, Role role) {
        this(dir, role, Async.direct());
    }

    public DeskFixture(Path dir, Role role, Async async) {
        store = Store.create(dir.resolve("carnet.db"), PASS, CLOCK);
        worker = new DeskIdentity(UUID.randomUUID().toString(), "Claire Martin", role, UUID.randomUUID().toString());
        worker.save(store);
        ctx = DeskContext.of(store, worker, async);
    }

    /** The same store seen by another worker (for role tests). */
    public DeskContext as(Role role) {
        return DeskContext.of(store, new DeskIdentity(UUID.randomUUID().toString(), "Autre", role, worker.sectorId()), ctx.async());
    }

    public String household(String label, String city) {
        ObjectNode h = Json.object();
        h.put("sectorId", worker.sectorId());
        h.put("label", label);
        h.putObject("address").put("line1", "12 rue des Tilleuls").put("postcode", "59000").put("city", city);
        h.put("notes", "Note confidentielle du ménage");
        return ctx.editor().create(RecordType.HOUSEHOLD, h);
    }

    public String person(String hh, String last, String first, String birth, String rel) {
        ObjectNode p = Json.object();
        p.put("householdId", hh);
        p.put("lastName", last);
        p.put("firstName", first);
        if (birth != null) p.put("birthDate", birth);
        if (rel != null) p.put("relationship", rel);
        return ctx.editor().create(RecordType.PERSON, p);
    }

    public String contact(String hh, String isoDate, String summary) {
        ObjectNode c = Json.object();
        c.put("householdId", hh);
        c.put("date", isoDate + "T10:00:00+01:00");
        c.put("mode", "PHONE");
        if (summary != null) c.put("summary", summary);
        return ctx.editor().create(RecordType.CONTACT, c);
    }

    public String plan(String hh, String diagnosis, String start, String end) {
        ObjectNode p = Json.object();
        p.put("householdId", hh);
        p.put("diagnosis", diagnosis);
        p.put("startDate", start);
        p.put("plannedEndDate", end);
        p.put("status", "ACTIVE");
        return ctx.editor().create(RecordType.PLAN, p);
    }

    @Override
    public void close() {
        store.close();
    }
}
