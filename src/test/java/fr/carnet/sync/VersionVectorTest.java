package fr.carnet.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.RecordType;
import fr.carnet.util.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionVectorTest {
    static ObjectNode patch(String f, Object old, Object nv) {
        ObjectNode p = Json.object();
        ObjectNode c = p.putObject(f);
        c.set("old", Json.MAPPER.valueToTree(old));
        c.set("new", Json.MAPPER.valueToTree(nv));
        return p;
    }

    @Test
    void dominanceAndConcurrencyFollowTheEntries() {
        VersionVector a = VersionVector.of(Map.of("s", 5L, "r1", 2L)), b = VersionVector.of(Map.of("s", 4L, "r2", 1L));
        assertThat(a.dominates(VersionVector.of(Map.of("s", 3L)))).isTrue();
        assertThat(a.concurrent(b)).isTrue();
        assertThat(VersionVector.parse(Json.read("{\"s\":-1}"))).isNull();
    }

    @Test
    void versionsWrittenByTheSameReplicaCountAsCovered() {
        VersionVector ctx = VersionVector.of(Map.of("s", 10L, "r17", 93L));
        assertThat(ctx.covers(12, "r17", 93, "r17")).isTrue();
        assertThat(ctx.covers(12, "r17", 94, "r17")).isFalse();
        assertThat(ctx.covers(12, "r3", 1, "r17")).isFalse();
        assertThat(ctx.covers(9, "r3", 1, "r17")).isTrue();
    }

    @Test
    void sameValueOnBothSidesMergesAndDifferentValuesConflict() {
        ObjectNode cur = Json.object().put("phone", "B");
        assertThat(FieldMerge.merge(RecordType.PERSON, cur, patch("phone", "A", "B"), null).hasConflict()).isFalse();
        assertThat(FieldMerge.merge(RecordType.PERSON, cur, patch("phone", "A", "C"), null).conflicting()).containsExactly("phone");
        assertThat(FieldMerge.merge(RecordType.PERSON, cur, patch("email", null, "x@y.fr"), null).merged().get("email").asText()).isEqualTo("x@y.fr");
    }

    @Test
    void aMeasurementsDateAndValuesConflictTogether() {
        ObjectNode base = Json.object().put("date", "2025-01-01").put("weightKg", 4.0).put("headCm", 35.0);
        ObjectNode cur = base.deepCopy().put("headCm", 36.0);
        FieldMerge.Result r = FieldMerge.merge(RecordType.MEASUREMENT, cur, patch("weightKg", 4.0, 4.2), base);
        assertThat(r.conflicting()).containsExactlyInAnyOrder("weightKg", "headCm");
        assertThat(r.merged().get("weightKg").asDouble()).isEqualTo(4.0);
    }
}
