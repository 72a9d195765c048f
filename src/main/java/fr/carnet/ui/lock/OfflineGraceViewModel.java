package fr.carnet.ui.lock;

import fr.carnet.i18n.Messages;
import fr.carnet.security.OfflineGrace;
import fr.carnet.ui.common.DeskContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Offline grace on the desk: once {@code days} have passed since the last successful online login
 * recorded in the store, case files stay closed until the worker logs in to the server again. A
 * store that never synced (the demo, a first use) is exempt.
 */
public final class OfflineGraceViewModel {
    private final DeskContext ctx;
    private final Clock clock;
    private final int days;
    private final ReadOnlyBooleanWrapper blocked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper checked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public OfflineGraceViewModel(DeskContext ctx, Clock clock, int days) {
        this.ctx = ctx;
        this.clock = clock;
        this.days = days;
    }

    /** Reads the last online login in the background and decides (at start, and after a login). */
    public void check() {
        // An unreadable store cannot show files anyway; let the screens report their own errors.
        ctx.async().run(() -> ctx.store().read(OfflineGrace::lastOnlineLogin), this::apply, e -> apply(Optional.empty()));
    }

    private void apply(Optional<Instant> last) {
        boolean allowed = OfflineGrace.allowsOpening(last, days, clock);
        blocked.set(!allowed);
        checked.set(true);
        message.set(allowed ? "" : Messages.get("security.grace.blocked",
                Duration.between(last.orElse(clock.instant()), clock.instant()).toDays(), days));
    }

    public boolean isBlocked() { return blocked.get(); }
    /** False until the first check has answered: nothing of the case files is shown before. */
    public ReadOnlyBooleanProperty checkedProperty() { return checked.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty blockedProperty() { return blocked.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
}
