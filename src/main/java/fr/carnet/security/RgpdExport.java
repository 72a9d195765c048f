package fr.carnet.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.RecordType;
import fr.carnet.store.AuditLog;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.Store;
import fr.carnet.store.StoreException;
import fr.carnet.store.StoredRecord;
import fr.carnet.util.Json;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Right of access (RGPD art. 15): everything this laptop holds about one person, as JSON — the
 * person, their household, the contacts, visits and plans that name them or their household,
 * their evaluations, objectives and actions, their measurements and screenings, aid requests, and
 * the audit trail of who opened or changed those records. The export itself is audited.
 */
public final class RgpdExport {
    private RgpdExport() {}

    public static ObjectNode person(Store store, String personId, String requestedBy) {
        ObjectNode out = store.read(ctx -> build(ctx, personId));
        AuditLog.recordRead(store, requestedBy, AuditLog.Action.RGPD_EXPORT, RecordType.PERSON, personId, null);
        return out;
    }

    static ObjectNode build(DSLContext ctx, String personId) {
        StoredRecord person = RecordRepository.find(ctx, RecordType.PERSON, personId)
                .orElseThrow(() -> new StoreException("store.error.notFound"));
        String hh = person.text("householdId");
        ObjectNode out = Json.object();
        out.put("format", "carnet-rgpd-export/1");
        out.put("exportedAt", OffsetDateTime.now().toString());
        out.set("person", wire(person));
        RecordRepository.find(ctx, RecordType.HOUSEHOLD, hh).ifPresent(h -> out.set("household", wire(h)));
        List<String> hhIds = List.of(hh);
        out.set("contacts", concerning(RecordRepository.children(ctx, RecordType.CONTACT, hhIds), personId));
        out.set("visits", array(RecordRepository.children(ctx, RecordType.VISIT, hhIds)));
        List<StoredRecord> plans = new ArrayList<>();
        for (StoredRecord p : RecordRepository.children(ctx, RecordType.PLAN, hhIds)) {
            JsonNode ids = p.get("personIds");
            if (ids == null || !ids.isArray() || ids.isEmpty() || contains(ids, personId)) plans.add(p);
        }
        out.set("plans", array(plans));
        List<String> planIds = plans.stream().map(StoredRecord::id).toList();
        out.set("objectives", array(RecordRepository.children(ctx, RecordType.OBJECTIVE, planIds)));
        out.set("actions", array(RecordRepository.children(ctx, RecordType.ACTION, planIds)));
        out.set("evaluations", array(RecordRepository.children(ctx, RecordType.EVALUATION, planIds)));
        out.set("measurements", array(RecordRepository.children(ctx, RecordType.MEASUREMENT, List.of(personId))));
        out.set("screenings", array(RecordRepository.children(ctx, RecordType.SCREENING, List.of(personId))));
        out.set("aid", array(RecordRepository.children(ctx, RecordType.AID, hhIds)));
        ArrayNode audit = out.putArray("audit");
        for (RecordType t : Set.of(RecordType.PERSON, RecordType.HOUSEHOLD))
            for (AuditLog.Entry e : AuditLog.forRecord(ctx, t, t == RecordType.PERSON ? personId : hh)) audit.add(Json.toObject(e));
        return out;
    }

    private static boolean contains(JsonNode ids, String id) {
        for (JsonNode n : ids) if (n.asText().equals(id)) return true;
        return false;
    }

    private static ArrayNode concerning(List<StoredRecord> contacts, String personId) {
        List<StoredRecord> keep = new ArrayList<>();
        for (StoredRecord c : contacts) {
            JsonNode ids = c.get("personIds");
            if (ids == null || !ids.isArray() || ids.isEmpty() || contains(ids, personId)) keep.add(c);
        }
        return array(keep);
    }

    private static ArrayNode array(List<StoredRecord> rs) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (StoredRecord r : rs) a.add(wire(r));
        return a;
    }

    private static ObjectNode wire(StoredRecord r) {
        ObjectNode n = Json.object();
        n.put("type", r.type().wire());
        n.put("id", r.id());
        n.put("deleted", r.deleted());
        n.set("fields", r.fields());
        return n;
    }
}
