package fr.carnet.ui.common;

import fr.carnet.domain.Enums.Role;
import fr.carnet.store.DeskIdentity;
import fr.carnet.store.DraftRepository;
import fr.carnet.store.Editor;
import fr.carnet.store.Store;
import java.time.LocalDate;

/**
 * What every screen of an unlocked desk works with: the store, the editor acting as this worker,
 * drafts, and how to run work in the background. Plain Java, so ViewModels can be tested without
 * the toolkit.
 */
public record DeskContext(Store store, Editor editor, DeskIdentity identity, DraftRepository drafts, Async async) {
    public static DeskContext of(Store store, DeskIdentity id, Async async) {
        return new DeskContext(store, new Editor(store, id.workerId(), id.role()), id, new DraftRepository(store), async);
    }

    public Role role() {
        return identity.role();
    }

    /** Whether this worker may read notes, PIA, child and aid content (not a secretary). */
    public boolean confidential() {
        return identity.role().readsConfidential();
    }

    public LocalDate today() {
        return LocalDate.now(store.clock());
    }
}
