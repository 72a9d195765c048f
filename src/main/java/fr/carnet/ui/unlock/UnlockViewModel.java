package fr.carnet.ui.unlock;

import fr.carnet.i18n.Messages;
import fr.carnet.store.DeskIdentity;
import fr.carnet.store.Store;
import fr.carnet.store.StoreException;
import fr.carnet.ui.common.Async;
import fr.carnet.ui.common.DeskContext;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unlocking the store with its passphrase, or — on first start, when there is no store yet —
 * choosing one (at least {@link Store#MIN_PASSPHRASE} characters, typed twice). Opening runs in
 * the background: key derivation is deliberately slow.
 */
public final class UnlockViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(UnlockViewModel.class);

    /** Opens (or creates) the store; the demo launcher substitutes its own. */
    public interface Opener {
        Store open(Path file, char[] passphrase, boolean create);

        Opener STANDARD = (file, pass, create) -> create ? Store.create(file, pass) : Store.open(file, pass);
    }

    private final Path file;
    private final Opener opener;
    private final Async async;
    private final Consumer<DeskContext> onUnlocked;
    private final boolean firstStart;
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty hint = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding canSubmit;

    public UnlockViewModel(Path file, boolean firstStart, Opener opener, Async async, Consumer<DeskContext> onUnlocked) {
        this.file = file;
        this.firstStart = firstStart;
        this.opener = opener;
        this.async = async;
        this.onUnlocked = onUnlocked;
        canSubmit = Bindings.createBooleanBinding(() -> !busy.get() && !passphrase.get().isEmpty(), busy, passphrase);
        passphrase.addListener((o, a, b) -> error.set(""));
        confirmation.addListener((o, a, b) -> error.set(""));
    }

    public boolean firstStart() {
        return firstStart;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** A line shown under the title (the demo store's documented passphrase, for instance). */
    public StringProperty hintProperty() {
        return hint;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

    /** The number of characters still missing to reach the policy (first start), 0 when enough. */
    public int missingCharacters() {
        return Math.max(0, Store.MIN_PASSPHRASE - passphrase.get().length());
    }

    public void submit() {
        if (!canSubmit.get()) return;
        String p = passphrase.get();
        if (firstStart) {
            if (p.length() < Store.MIN_PASSPHRASE) {
                error.set(Messages.get("desk.unlock.tooShort", Store.MIN_PASSPHRASE));
                return;
            }
            if (!p.equals(confirmation.get())) {
                error.set(Messages.get("desk.unlock.mismatch"));
                return;
            }
        }
        busy.set(true);
        char[] chars = p.toCharArray();
        async.run(() -> {
            Store s = opener.open(file, chars, firstStart);
            java.util.Arrays.fill(chars, '\0');
            return DeskContext.of(s, DeskIdentity.loadOrCreate(s), async);
        }, ctx -> {
            busy.set(false);
            passphrase.set("");
            confirmation.set("");
            LOG.info("Store unlocked");
            onUnlocked.accept(ctx);
        }, e -> {
            busy.set(false);
            java.util.Arrays.fill(chars, '\0');
            Throwable c = e;
            while (!(c instanceof StoreException) && c.getCause() != null) c = c.getCause();
            if (c instanceof StoreException se) {
                error.set(se.getMessage());
            } else {
                LOG.error("Could not open the store", e);
                error.set(Messages.get("desk.unlock.failed"));
            }
        });
    }
}
