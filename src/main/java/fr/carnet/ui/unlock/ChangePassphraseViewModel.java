package fr.carnet.ui.unlock;

import fr.carnet.domain.Violation;
import fr.carnet.i18n.Messages;
import fr.carnet.security.PassphrasePolicy;
import fr.carnet.ui.common.DeskContext;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changing the store's passphrase from the main window: the current one (checked against the open
 * store), the new one twice (the {@link PassphrasePolicy}). The store is re-encrypted in the
 * background; its data is untouched.
 */
public final class ChangePassphraseViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ChangePassphraseViewModel.class);

    private enum Outcome { CHANGED, WRONG_CURRENT }

    private final DeskContext ctx;
    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty fresh = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final StringProperty policy = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty done = new SimpleBooleanProperty();
    private final BooleanBinding canSubmit;

    public ChangePassphraseViewModel(DeskContext ctx) {
        this.ctx = ctx;
        canSubmit = Bindings.createBooleanBinding(() -> !busy.get() && !done.get() && !current.get().isEmpty()
                && !fresh.get().isEmpty() && !confirmation.get().isEmpty(), busy, done, current, fresh, confirmation);
        current.addListener((o, a, b) -> error.set(""));
        confirmation.addListener((o, a, b) -> error.set(""));
        fresh.addListener((o, a, b) -> {
            error.set("");
            List<Violation> v = violations();
            policy.set(b.isEmpty() ? "" : v.isEmpty() ? Messages.get("desk.unlock.policyOk") : v.get(0).message());
        });
    }

    private List<Violation> violations() {
        return PassphrasePolicy.check(fresh.get().toCharArray(), null, ctx.identity().displayName());
    }

    public void submit() {
        if (!canSubmit.get()) return;
        List<Violation> v = violations();
        if (!v.isEmpty()) {
            error.set(v.get(0).message());
            return;
        }
        if (!fresh.get().equals(confirmation.get())) {
            error.set(Messages.get("desk.unlock.mismatch"));
            return;
        }
        if (fresh.get().equals(current.get())) {
            error.set(Messages.get("security.change.same"));
            return;
        }
        char[] old = current.get().toCharArray();
        char[] next = fresh.get().toCharArray();
        busy.set(true);
        ctx.async().run(() -> {
            try {
                if (!ctx.store().verifyPassphrase(old)) return Outcome.WRONG_CURRENT;
                ctx.store().changePassphrase(next);
                LOG.info("Store passphrase changed");
                return Outcome.CHANGED;
            } finally {
                Arrays.fill(old, '\0');
                Arrays.fill(next, '\0');
            }
        }, o -> {
            busy.set(false);
            current.set("");
            if (o == Outcome.WRONG_CURRENT) {
                error.set(Messages.get("security.change.wrongCurrent"));
                return;
            }
            fresh.set("");
            confirmation.set("");
            policy.set("");
            done.set(true);
        }, e -> {
            busy.set(false);
            LOG.error("Could not change the passphrase: {}", e.getClass().getName());
            error.set(Messages.get("security.change.failed"));
        });
    }

    public StringProperty currentProperty() { return current; }
    public StringProperty freshProperty() { return fresh; }
    public StringProperty confirmationProperty() { return confirmation; }
    public StringProperty policyProperty() { return policy; }
    public StringProperty errorProperty() { return error; }
    public BooleanProperty busyProperty() { return busy; }
    /** True once the store is re-encrypted under the new passphrase. */
    public BooleanProperty doneProperty() { return done; }
    public BooleanBinding canSubmitProperty() { return canSubmit; }
}
