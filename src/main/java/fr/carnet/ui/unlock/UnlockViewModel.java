package fr.carnet.ui.unlock;

import fr.carnet.domain.Violation;
import fr.carnet.i18n.Messages;
import fr.carnet.security.PassphrasePolicy;
import fr.carnet.security.UnlockThrottle;
import fr.carnet.store.AuditLog;
import fr.carnet.store.DeskIdentity;
import fr.carnet.store.Store;
import fr.carnet.store.StoreException;
import fr.carnet.ui.common.Async;
import fr.carnet.ui.common.DeskContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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
 * choosing one (the {@link PassphrasePolicy}, typed twice). Opening runs in the background: key
 * derivation is deliberately slow. Failed attempts are counted beside the store file
 * ({@link UnlockThrottle}); after a few, the button waits with a countdown. The store cannot be
 * written while closed, so the count of failures goes into the audit trail with the next success.
 */
public final class UnlockViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(UnlockViewModel.class);

    /** Opens (or creates) the store; the demo launcher substitutes its own. */
    public interface Opener {
        Store open(Path file, char[] passphrase, boolean create);

        Opener STANDARD = (file, pass, create) -> create ? Store.create(file, pass) : Store.open(file, pass);
    }

    /** What one background attempt came to: opened, refused (with the wait before the next), or too early. */
    private record Attempt(DeskContext opened, String error, Duration delay) {}

    private final Path file;
    private final Opener opener;
    private final Async async;
    private final Clock clock;
    private final UnlockThrottle throttle;
    private final Consumer<DeskContext> onUnlocked;
    private final boolean firstStart;
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty hint = new SimpleStringProperty("");
    private final StringProperty policy = new SimpleStringProperty("");
    private final StringProperty countdown = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty waiting = new SimpleBooleanProperty();
    private final BooleanBinding canSubmit;
    private Instant retryAt;
    private Runnable onForgot;

    /** Called on the background thread as soon as the store is open, before the FX thread hears of it. */
    private volatile Consumer<DeskContext> onOpened = c -> { };

    /**
     * What to start on the background thread the moment the store is open (the caseload's first page
     * is read while the main window is being built). Must not block for long, must not touch the UI.
     */
    public void setOnOpened(Consumer<DeskContext> c) {
        onOpened = c == null ? x -> { } : c;
    }

    public UnlockViewModel(Path file, boolean firstStart, Opener opener, Async async, Consumer<DeskContext> onUnlocked) {
        this(file, firstStart, opener, async, Clock.systemUTC(), onUnlocked);
    }

    public UnlockViewModel(Path file, boolean firstStart, Opener opener, Async async, Clock clock, Consumer<DeskContext> onUnlocked) {
        this.file = file;
        this.firstStart = firstStart;
        this.opener = opener;
        this.async = async;
        this.clock = clock;
        this.throttle = new UnlockThrottle(file, clock);
        this.onUnlocked = onUnlocked;
        canSubmit = Bindings.createBooleanBinding(() -> !busy.get() && !waiting.get() && !passphrase.get().isEmpty(),
                busy, waiting, passphrase);
        passphrase.addListener((o, a, b) -> {
            error.set("");
            updatePolicy();
        });
        confirmation.addListener((o, a, b) -> error.set(""));
        updatePolicy();
        // The throttle lives in a file: read it in the background.
        if (!firstStart) async.run(throttle::waitBeforeNextAttempt, this::waitFor, e -> LOG.debug("throttle unreadable"));
    }

    public boolean firstStart() {
        return firstStart;
    }

    /** Offers « Phrase de passe oubliée ? » on this screen (security-002); not on a first start. */
    public void setOnForgotPassphrase(Runnable r) {
        onForgot = r;
    }

    public boolean forgotAvailable() {
        return !firstStart && onForgot != null;
    }

    /** The worker forgot the passphrase: on to the recovery screen (nothing changes here). */
    public void forgotPassphrase() {
        if (forgotAvailable() && !busy.get()) onForgot.run();
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

    /** First start: what the policy still asks of the passphrase being typed (or that it is fine). */
    public StringProperty policyProperty() {
        return policy;
    }

    /** « Réessayez dans 30 s » while the throttle makes the worker wait, else empty. */
    public StringProperty countdownProperty() {
        return countdown;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty waitingProperty() {
        return waiting;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

    /** The number of characters still missing to reach the policy's length (first start), 0 when enough. */
    public int missingCharacters() {
        String p = passphrase.get();
        return Math.max(0, PassphrasePolicy.MIN_LENGTH - p.codePointCount(0, p.length()));
    }

    private List<Violation> violations() {
        return PassphrasePolicy.check(passphrase.get().toCharArray(), null, null);
    }

    private void updatePolicy() {
        if (!firstStart) return;
        if (missingCharacters() > 0) {
            policy.set(Messages.get("desk.unlock.policyMissing", missingCharacters()));
            return;
        }
        List<Violation> v = violations();
        policy.set(v.isEmpty() ? Messages.get("desk.unlock.policyOk") : v.get(0).message());
    }

    /** « Réessayez dans 30 s » / « … dans 2 min » for the time left before the next attempt. */
    public static String retryText(Duration left) {
        long seconds = (left.toMillis() + 999) / 1000;
        return seconds >= 60
                ? Messages.get("security.unlock.retryInMinutes", (seconds + 59) / 60)
                : Messages.get("security.unlock.retryInSeconds", seconds);
    }

    /** Called every second by the view (and by tests after moving their clock): updates the countdown. */
    public void tick() {
        if (retryAt == null) return;
        Duration left = Duration.between(clock.instant(), retryAt);
        if (left.isNegative() || left.isZero()) {
            retryAt = null;
            waiting.set(false);
            countdown.set("");
            return;
        }
        waiting.set(true);
        countdown.set(UnlockViewModel.retryText(left));
    }

    private void waitFor(Duration wait) {
        retryAt = wait == null || wait.isZero() ? null : clock.instant().plus(wait);
        if (retryAt == null) {
            waiting.set(false);
            countdown.set("");
        } else {
            tick();
        }
    }

    public void submit() {
        if (!canSubmit.get()) return;
        String p = passphrase.get();
        if (firstStart) {
            List<Violation> v = violations();
            if (!v.isEmpty()) {
                error.set(v.get(0).message());
                return;
            }
            if (!p.equals(confirmation.get())) {
                error.set(Messages.get("desk.unlock.mismatch"));
                return;
            }
        }
        busy.set(true);
        char[] chars = p.toCharArray();
        async.run(() -> attempt(chars), a -> {
            busy.set(false);
            if (a.opened() != null) {
                passphrase.set("");
                confirmation.set("");
                waitFor(Duration.ZERO);
                LOG.info("Store unlocked");
                onUnlocked.accept(a.opened());
                return;
            }
            passphrase.set("");
            error.set(a.error());
            waitFor(a.delay());
        }, e -> {
            busy.set(false);
            Arrays.fill(chars, '\0');
            Throwable c = e;
            while (!(c instanceof StoreException) && c.getCause() != null) c = c.getCause();
            if (c instanceof StoreException se) {
                error.set(se.getMessage());
            } else {
                LOG.error("Could not open the store: {}", e.getClass().getName());
                error.set(Messages.get("desk.unlock.failed"));
            }
        });
    }

    /** Background: checks the throttle, opens, counts a failure or audits the success. */
    private Attempt attempt(char[] chars) {
        try {
            if (!firstStart) {
                Duration wait = throttle.waitBeforeNextAttempt();
                if (!wait.isZero()) return new Attempt(null, Messages.get("security.unlock.tooManyAttempts"), wait);
            }
            Store s;
            try {
                s = opener.open(file, chars, firstStart);
            } catch (StoreException e) {
                if (!"store.error.wrongPassphrase".equals(e.key())) throw e;
                throttle.recordFailure();
                LOG.info("Unlock refused (wrong passphrase)");
                return new Attempt(null, e.getMessage(), throttle.waitBeforeNextAttempt());
            }
            DeskIdentity id = DeskIdentity.loadOrCreate(s);
            int failures = throttle.failures();
            if (failures > 0) AuditLog.recordRead(s, id.workerId(), AuditLog.Action.UNLOCK_FAILED, null, null, "attempts=" + failures);
            AuditLog.recordRead(s, id.workerId(), AuditLog.Action.UNLOCK, null, null, null);
            throttle.recordSuccess();
            fr.carnet.platform.StartupTrace.mark("unlock audited");
            DeskContext ctx = DeskContext.of(s, id, async);
            try {
                onOpened.accept(ctx);
            } catch (RuntimeException e) {
                // only an early read lost: the unlock itself succeeded
                LOG.debug("on-opened hook failed ({})", e.getClass().getSimpleName());
            }
            return new Attempt(ctx, null, Duration.ZERO);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
