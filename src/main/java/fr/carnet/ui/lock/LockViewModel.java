package fr.carnet.ui.lock;

import fr.carnet.ui.unlock.UnlockViewModel;

import fr.carnet.i18n.Messages;
import fr.carnet.security.UnlockThrottle;
import fr.carnet.store.AuditLog;
import fr.carnet.ui.common.DeskContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open desk's lock: locks after a period without keyboard or mouse activity (measured on an
 * injected clock; the view calls {@link #tick()} every second and {@link #activity()} on input),
 * or on request; unlocks when the worker types the store's passphrase again, checked against the
 * open store without writing anything. Failed attempts share the unlock screen's growing delays
 * and, the store being open, are audited at once.
 */
public final class LockViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(LockViewModel.class);

    private record Attempt(boolean ok, boolean tried, Duration delay) {}

    private final DeskContext ctx;
    private final Clock clock;
    private final UnlockThrottle throttle;
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper();
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty countdown = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty waiting = new SimpleBooleanProperty();
    private final BooleanBinding canSubmit;
    private Duration idleTimeout;
    private Instant lastActivity;
    private Instant retryAt;

    public LockViewModel(DeskContext ctx, Clock clock, Duration idleTimeout) {
        this.ctx = ctx;
        this.clock = clock;
        this.throttle = new UnlockThrottle(ctx.store().file(), clock);
        this.idleTimeout = idleTimeout;
        this.lastActivity = clock.instant();
        canSubmit = Bindings.createBooleanBinding(() -> locked.get() && !busy.get() && !waiting.get() && !passphrase.get().isEmpty(),
                locked, busy, waiting, passphrase);
        passphrase.addListener((o, a, b) -> error.set(""));
    }

    /** Keyboard or mouse activity in the window: the idle time starts again. */
    public void activity() {
        if (!locked.get()) lastActivity = clock.instant();
    }

    /** The idle time before the lock; zero or negative: never lock by itself. */
    public void setIdleTimeout(Duration d) {
        idleTimeout = d;
        activity();
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Called every second: locks once the idle time has passed, and updates the countdown while locked. */
    public void tick() {
        Instant now = clock.instant();
        if (!locked.get()) {
            if (idleTimeout != null && !idleTimeout.isZero() && !idleTimeout.isNegative()
                    && Duration.between(lastActivity, now).compareTo(idleTimeout) >= 0) {
                LOG.info("Desk locked after {} min without activity", idleTimeout.toMinutes());
                lock();
            }
            return;
        }
        if (retryAt == null) return;
        Duration left = Duration.between(now, retryAt);
        if (left.isNegative() || left.isZero()) {
            retryAt = null;
            waiting.set(false);
            countdown.set("");
            return;
        }
        waiting.set(true);
        countdown.set(UnlockViewModel.retryText(left));
    }

    /** Locks now (Ctrl+L, the menu, the window minimised, the idle time). */
    public void lock() {
        if (locked.get()) return;
        passphrase.set("");
        error.set("");
        locked.set(true);
        ctx.async().run(throttle::waitBeforeNextAttempt, this::waitFor, e -> LOG.debug("throttle unreadable"));
    }

    public void submit() {
        if (!canSubmit.get()) return;
        char[] chars = passphrase.get().toCharArray();
        busy.set(true);
        ctx.async().run(() -> attempt(chars), a -> {
            busy.set(false);
            passphrase.set("");
            if (a.ok()) {
                waitFor(Duration.ZERO);
                locked.set(false);
                lastActivity = clock.instant();
                return;
            }
            error.set(Messages.get(a.tried() ? "security.lock.wrongPassphrase" : "security.unlock.tooManyAttempts"));
            waitFor(a.delay());
        }, e -> {
            busy.set(false);
            Arrays.fill(chars, '\0');
            LOG.error("Could not check the passphrase: {}", e.getClass().getName());
            error.set(Messages.get("security.lock.failed"));
        });
    }

    private Attempt attempt(char[] chars) {
        try {
            Duration wait = throttle.waitBeforeNextAttempt();
            if (!wait.isZero()) return new Attempt(false, false, wait);
            String worker = ctx.identity().workerId();
            if (ctx.store().verifyPassphrase(chars)) {
                throttle.recordSuccess();
                AuditLog.recordRead(ctx.store(), worker, AuditLog.Action.UNLOCK, null, null, "lock");
                return new Attempt(true, true, Duration.ZERO);
            }
            throttle.recordFailure();
            AuditLog.recordRead(ctx.store(), worker, AuditLog.Action.UNLOCK_FAILED, null, null, "lock");
            LOG.info("Unlock refused (wrong passphrase)");
            return new Attempt(false, true, throttle.waitBeforeNextAttempt());
        } finally {
            Arrays.fill(chars, '\0');
        }
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

    public ReadOnlyBooleanProperty lockedProperty() { return locked.getReadOnlyProperty(); }
    public boolean isLocked() { return locked.get(); }
    public StringProperty passphraseProperty() { return passphrase; }
    public StringProperty errorProperty() { return error; }
    public StringProperty countdownProperty() { return countdown; }
    public BooleanProperty busyProperty() { return busy; }
    public BooleanProperty waitingProperty() { return waiting; }
    public BooleanBinding canSubmitProperty() { return canSubmit; }
    public String workerName() { return ctx.identity().displayName(); }
}
