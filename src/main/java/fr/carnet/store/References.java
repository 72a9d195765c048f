package fr.carnet.store;

import static fr.carnet.store.generated.Tables.SECTOR;
import static fr.carnet.store.generated.Tables.WORKER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.RecordType;
import fr.carnet.domain.Violation;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/** Checks that a record's references point at records this store holds. */
final class References {
    private References() {}

    static List<Violation> check(DSLContext ctx, RecordType type, ObjectNode fields) {
        List<Violation> out = new ArrayList<>();
        if (type.parentField() != null) {
            String pid = fields.path(type.parentField()).asText(null);
            RecordType pt = type.parentType();
            if (pid != null) {
                if (!RecordRepository.exists(ctx, pt, pid)) out.add(Violation.of(type.parentField(), "reference", pt.wire()));
                else if (!RecordRepository.isLive(ctx, pt, pid)) out.add(Violation.of(type.parentField(), "referenceDeleted", pt.wire()));
            }
        }
        for (String f : List.of("personIds", "objectiveId", "contactId")) {
            JsonNode v = fields.get(f);
            if (v == null || v.isNull() || type.field(f).isEmpty()) continue;
            RecordType rt = f.equals("personIds") ? RecordType.PERSON : type.referenceOf(f);
            for (JsonNode id : v.isArray() ? v : List.of(v)) {
                if (!RecordRepository.exists(ctx, rt, id.asText())) {
                    out.add(Violation.of(f, "reference", rt.wire()));
                    break;
                }
            }
        }
        if (type == RecordType.HOUSEHOLD) {
            String sector = fields.path("sectorId").asText(null);
            // A laptop that has not received the organisation yet cannot judge sectors and workers.
            if (sector != null && ctx.fetchCount(SECTOR) > 0 && !ctx.fetchExists(SECTOR, SECTOR.ID.eq(sector)))
                out.add(Violation.of("sectorId", "sector", sector));
            JsonNode refs = fields.get("referentIds");
            if (refs != null && refs.isArray() && ctx.fetchCount(WORKER) > 0) {
                for (JsonNode w : refs) {
                    if (!ctx.fetchExists(WORKER, WORKER.ID.eq(w.asText()))) {
                        out.add(Violation.of("referentIds", "worker", w.asText()));
                        break;
                    }
                }
            }
        }
        return out;
    }
}
