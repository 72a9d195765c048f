package fr.carnet.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An open conflict on a record this laptop holds, for the conflict screen: for each field in
 * conflict, the value before (common base), mine (this replica's proposal, or the current value
 * when this replica wrote it) and theirs, each with its author and server time.
 *
 * @param deleteConflict the record was deleted while someone edited it
 */
public record LocalConflict(String id, String type, String recordId, List<String> fields, ObjectNode before,
                            Side mine, Side theirs, List<Side> proposals, boolean deleteConflict) {
    /** One side's values with who wrote them and when the server received them. */
    public record Side(ObjectNode values, String author, String replica, String serverTime) {}
}
