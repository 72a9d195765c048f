package fr.carnet.ui.demo;

import fr.carnet.i18n.Messages;
import fr.carnet.server.LocalDemoServer;
import fr.carnet.ui.common.Async;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Try with sample data", synchronisation included: the local demo sync server, started on request
 * in the background (loopback, a free port, its own file beside the demo store), shown with its
 * address and the demo accounts, and stopped when the desk closes. Once it answers, the desk's sync
 * settings point at it ({@link Listener}). One per desk window: the first-run screen and the sync
 * screen share it.
 */
public final class DemoServerViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DemoServerViewModel.class);

    public enum State { STOPPED, STARTING, RUNNING, FAILED }

    /** A started server. */
    public interface Handle {
        String url();

        void close();
    }

    /** Starts a server (blocks: it runs in the background). */
    @FunctionalInterface
    public interface Starter {
        Handle start();

        /** The real thing: {@link LocalDemoServer} on {@code dbFile}, loaded from {@code sampleDir} the first time. */
        static Starter standard(Path dbFile, Path sampleDir) {
            return () -> {
                LocalDemoServer s = LocalDemoServer.start(dbFile, sampleDir);
                return new Handle() {
                    @Override
                    public String url() {
                        return s.url();
                    }

                    @Override
                    public void close() {
                        s.close();
                    }
                };
            };
        }
    }

    /** Told on the FX thread once the server answers: the desk points its sync at {@code url} with {@code login}. */
    @FunctionalInterface
    public interface Listener {
        void started(String url, String login);
    }

    private final Starter starter;
    private final Async async;
    private final String login;
    private final Listener listener;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.STOPPED);
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private Handle handle;
    private boolean disposed;

    public DemoServerViewModel(Starter starter, Async async, String login, Listener listener) {
        this.starter = starter;
        this.async = async;
        this.login = login;
        this.listener = listener;
    }

    /** « Démarrer le serveur de démonstration »: starts it in the background (again after a failure). */
    public void start() {
        if (state.get() == State.STARTING || state.get() == State.RUNNING) return;
        synchronized (this) {
            if (disposed) return;
        }
        error.set("");
        state.set(State.STARTING);
        async.run(() -> {
            Handle h = starter.start();
            synchronized (this) {
                // The desk closed while the server was starting: stop it at once, nobody will.
                if (disposed) {
                    h.close();
                    throw new CancellationException("desk closed");
                }
                handle = h;
            }
            return h;
        }, h -> {
            synchronized (this) {
                if (disposed) return;
            }
            url.set(h.url());
            state.set(State.RUNNING);
            listener.started(h.url(), login);
        }, e -> {
            if (e instanceof CancellationException) return;
            // Only the kind of failure: the message of a lower layer may name a path.
            LOG.error("The local demo server did not start ({})", e.getClass().getSimpleName());
            LOG.debug("Local demo server failure", e);
            state.set(State.FAILED);
            error.set(Messages.get("desk.demoServer.failed"));
        });
    }

    /** The desk closes: stops the server (or will, as soon as it has started). */
    public void dispose() {
        Handle h;
        synchronized (this) {
            disposed = true;
            h = handle;
            handle = null;
        }
        if (h != null) {
            try {
                h.close();
            } catch (RuntimeException e) {
                LOG.warn("The local demo server did not stop cleanly ({})", e.getClass().getSimpleName());
            }
        }
        state.set(State.STOPPED);
    }

    /** The demo accounts to show, in order. */
    public List<String> accounts() {
        return LocalDemoServer.ACCOUNTS;
    }

    /** Every demo account's password. */
    public String password() {
        return LocalDemoServer.PASSWORD;
    }

    /** The login the desk's sync uses on this server. */
    public String login() {
        return login;
    }

    public boolean running() {
        return state.get() == State.RUNNING;
    }

    public ObjectProperty<State> stateProperty() { return state; }
    public StringProperty urlProperty() { return url; }
    public StringProperty errorProperty() { return error; }
}
