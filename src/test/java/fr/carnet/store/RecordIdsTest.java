package fr.carnet.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.carnet.domain.RecordValidator;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordIdsTest {

    @Test
    void idsAreVersion7UuidsTheValidatorAccepts() {
        for (int i = 0; i < 1000; i++) {
            String id = RecordIds.newId();
            UUID u = UUID.fromString(id);
            assertEquals(7, u.version(), id);
            assertEquals(2, u.variant(), id);
            assertEquals(u.toString(), id);
            assertTrue(RecordValidator.isUuid(TextNode.valueOf(id)), id);
        }
    }

    @Test
    void theTimeComesFirstSoLaterIdsSortAfterEarlierOnes() {
        long t = 1_795_000_000_000L;
        String a = RecordIds.newUuid(t).toString(), b = RecordIds.newUuid(t + 1).toString(), c = RecordIds.newUuid(t + 86_400_000L).toString();
        assertTrue(a.compareTo(b) < 0 && b.compareTo(c) < 0, a + " " + b + " " + c);
        assertEquals(t, RecordIds.newUuid(t).getMostSignificantBits() >>> 16);
    }

    @Test
    void theRestIsRandomSoIdsMadeInTheSameMillisecondDiffer() {
        Set<String> seen = new HashSet<>();
        long t = System.currentTimeMillis();
        for (int i = 0; i < 100_000; i++) assertTrue(seen.add(RecordIds.newUuid(t).toString()));
    }
}
