package fr.carnet.ui.recovery;

import fr.carnet.i18n.Messages;
import fr.carnet.security.StoreAside;
import fr.carnet.sync.HttpTransport;
import fr.carnet.sync.RevokedException;
import fr.carnet.sync.SyncClient;
import fr.carnet.sync.SyncException;
import fr.carnet.ui.common.Async;
import fr.carnet.ui.firstrun.FirstRunViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * « Phrase de passe oubliée ? » (docs/decisions/security-002). There is no way around the key,
 * so the worker starts again from the server: the screen says honestly what that costs (the
 * changes not yet sent stay in the old store), checks a login on the server online, and only
 * then moves the old store aside — still encrypted, renamed with the date — so that a new store
 * with a new passphrase takes its place. What follows is the first-run server path: the new
 * passphrase, then the first sync with its progress.
 */
public final class RecoveryViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveryViewModel.class);

    public enum Step { EXPLAIN, SERVER, CHECKING }

    /** Checks a login on the server (a session for a new device); throws {@link SyncException} or IOException when refused. */
    @FunctionalInterface
    public interface LoginCheck {
        void check(String url, String login, char[] password) throws IOException;

        LoginCheck HTTP = (url, login, password) -> new SyncClient(new HttpTransport(URI.create(url)), login, password, "Carnet")
                .login(UUID.randomUUID().toString());
    }

    /** Where the recovery goes next. */
    public interface Listener {
        /** Back to the unlock screen: nothing was changed. */
        void cancelled();

        /** The login was accepted and the old store moved aside: create the new store, then the first sync. */
        void recovered(FirstRunViewModel.ServerChoice choice, Path aside);
    }

    private final Path store;
    private final LoginCheck check;
    private final Async async;
    private final Clock clock;
    private final Listener listener;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.EXPLAIN);
    private final BooleanProperty understood = new SimpleBooleanProperty();
    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final StringProperty login = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanBinding canContinue;

    public RecoveryViewModel(Path store, String url, String loginName, LoginCheck check, Async async, Clock clock, Listener listener) {
        this.store = store;
        this.check = check;
        this.async = async;
        this.clock = clock;
        this.listener = listener;
        serverUrl.set(url == null ? "" : url);
        login.set(loginName == null ? "" : loginName);
        canContinue = Bindings.createBooleanBinding(understood::get, understood);
        serverUrl.addListener((o, a, b) -> error.set(""));
        login.addListener((o, a, b) -> error.set(""));
        password.addListener((o, a, b) -> {
            if (!b.isEmpty()) error.set("");
        });
    }

    /** From the explanation to the server form, once the worker said they understood what is lost. */
    public void proceed() {
        if (!understood.get() || step.get() != Step.EXPLAIN) return;
        error.set("");
        step.set(Step.SERVER);
    }

    /** Back: from the form to the explanation, from the explanation to the unlock screen. */
    public void back() {
        switch (step.get()) {
            case SERVER -> {
                password.set("");
                error.set("");
                step.set(Step.EXPLAIN);
            }
            case EXPLAIN -> listener.cancelled();
            case CHECKING -> { }
        }
    }

    /** Checks the form, then the login on the server; on success moves the old store aside. Returns whether the check started. */
    public boolean submit() {
        if (step.get() != Step.SERVER) return false;
        error.set("");
        String url = serverUrl.get() == null ? "" : serverUrl.get().strip();
        String who = login.get() == null ? "" : login.get().strip();
        String pw = password.get() == null ? "" : password.get();
        String problem = fr.carnet.ui.firstrun.FirstRunViewModel.serverFormError(url, who, pw);
        if (problem != null) return fail(problem);
        char[] chars = pw.toCharArray();
        password.set("");
        step.set(Step.CHECKING);
        async.run(() -> {
            try {
                check.check(url, who, chars);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Only now that the server knows the worker: the old store makes room, still encrypted.
            try {
                return StoreAside.moveAside(store, clock);
            } catch (IOException e) {
                throw new MoveFailed(e);
            }
        }, aside -> {
            LOG.info("Forgotten passphrase: old store set aside");
            listener.recovered(new FirstRunViewModel.ServerChoice(url, who, chars), aside);
        }, e -> {
            Arrays.fill(chars, '\0');
            step.set(Step.SERVER);
            error.set(message(e, url));
        });
        return true;
    }

    private static String message(Throwable e, String url) {
        Throwable c = e;
        while (c.getCause() != null && !(c instanceof SyncException) && !(c instanceof RevokedException) && !(c instanceof MoveFailed)) c = c.getCause();
        if (c instanceof RevokedException) return Messages.get("security.recovery.revoked");
        if (c instanceof MoveFailed) {
            LOG.warn("Could not set the old store aside ({})", e.getCause() == null ? "?" : e.getCause().getClass().getSimpleName());
            return Messages.get("security.recovery.moveFailed");
        }
        if (c instanceof SyncException se) return se.getLocalizedMessage();
        if (c instanceof IOException || c instanceof UncheckedIOException) return Messages.get("sync.ui.error.unreachable", URI.create(url).getHost());
        LOG.warn("Recovery check failed ({})", e.getClass().getSimpleName());
        return Messages.get("sync.ui.error.unexpected");
    }

    private boolean fail(String key) {
        error.set(Messages.get(key));
        return false;
    }

    /** Moving the old store failed (the check had passed): nothing was changed. */
    private static final class MoveFailed extends RuntimeException {
        MoveFailed(IOException cause) {
            super("move failed", cause, false, false);
        }
    }

    public ObjectProperty<Step> stepProperty() { return step; }
    public BooleanProperty understoodProperty() { return understood; }
    public BooleanBinding canContinueProperty() { return canContinue; }
    public StringProperty serverUrlProperty() { return serverUrl; }
    public StringProperty loginProperty() { return login; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty errorProperty() { return error; }
}
