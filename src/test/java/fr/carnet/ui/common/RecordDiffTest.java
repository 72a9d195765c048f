package fr.carnet.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.util.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordDiffTest {
    @Test
    void keepsOnlyWhatChangedInMeaning() {
        ObjectNode old = Json.object();
        old.put("durationMinutes", 45);
        old.put("date", "2026-11-20T10:00:00+01:00");
        old.putArray("domains").add("HOUSING").add("HEALTH");
        old.put("phone", "01");
        old.putObject("address").put("city", "Lille").put("line2", "");
        old.put("notes", "secret");
        ObjectNode edited = Json.object();
        edited.put("durationMinutes", 45L);
        edited.put("date", "2026-11-20T09:00Z");
        edited.putArray("domains").add("HEALTH").add("HOUSING");
        edited.putObject("address").put("city", "Lille");
        edited.put("notes", "autre");
        ObjectNode c = RecordDiff.changes(old, edited, List.of("durationMinutes", "date", "domains", "phone", "address", "email"));
        assertThat(c.toString()).isEqualTo("{\"phone\":null}");
    }
}
