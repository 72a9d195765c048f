package fr.carnet.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.RecordType;

/**
 * One entry of the change journal (outbox): a local edit as it will be pushed (SYNC.md "Push").
 *
 * @param seq        the device's change counter
 * @param op         create, update, delete, undelete or resolve
 * @param ctx        the version vector of the state the edit was made on
 * @param patch      {field: {old, new}}
 * @param status     PENDING until the server answered, then its status (APPLIED, MERGED, …)
 */
public record JournalEntry(long seq, RecordType type, String recordId, String op, ObjectNode ctx, ObjectNode patch,
                           String conflictId, String authorId, String deviceTime, String status, String result) {
    public static final String PENDING = "PENDING";

    public boolean pending() {
        return PENDING.equals(status);
    }
}
