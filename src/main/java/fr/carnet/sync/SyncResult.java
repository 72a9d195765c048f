package fr.carnet.sync;

import fr.carnet.i18n.Messages;
import java.util.List;
import java.util.Locale;

/**
 * What one sync did: changes sent and received, conflicts opened by this sync's changes (and
 * open in total), changes the server refused with their reasons, and the fields merged
 * automatically from other workers' concurrent changes.
 */
public record SyncResult(int sent, int received, int conflicts, int openConflicts, List<Rejection> rejected,
                         List<MergeNote> merged) {

    /** A local change the server refused. */
    public record Rejection(long seq, String type, String recordId, String op, String reason) {
        /** The reason for the user. */
        public String reasonText() {
            return Messages.get("sync.reason." + reason);
        }
    }

    /** Fields of a record that another worker changed concurrently and that were merged in. */
    public record MergeNote(String type, String recordId, List<String> fields, String author, String serverTime) {}

    /** "12 envoyés, 40 reçus, 1 conflit" in the current locale. */
    public String summary() {
        return summary(Messages.locale());
    }

    public String summary(Locale l) {
        String s = Messages.get(l, "sync.summary", sent, received, conflicts);
        if (!rejected.isEmpty()) s += ", " + Messages.get(l, "sync.summary.rejected", rejected.size());
        return s;
    }
}
