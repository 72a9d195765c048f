package fr.carnet.ui.sync;

import fr.carnet.i18n.Messages;
import fr.carnet.store.ChangeJournal;
import fr.carnet.store.StoreMeta;
import fr.carnet.sync.SyncException;
import fr.carnet.sync.SyncProgress;
import fr.carnet.sync.SyncResult;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.Formats;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync status and the connection: server address and login (remembered), the password (only
 * in memory, in the sync client, never written), the running sync with its progress and Cancel,
 * the last result in words, and the errors a social worker understands. The sync itself runs in
 * the background through {@link DeskContext#async()}; progress reaches the properties through
 * {@code ui} (the FX thread in the application, the caller's thread in tests).
 */
public final class SyncViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SyncViewModel.class);
    static final String LAST_SUCCESS = "desk.sync.lastSuccess";

    private final DeskContext ctx;
    private final SyncGateway.Connector connector;
    private final Consumer<Runnable> ui;
    private final BiConsumer<String, String> remember;
    private final AutoSync auto;
    private volatile SyncGateway remote;
    private volatile boolean cancelRequested;
    private final List<Runnable> onSynced = new ArrayList<>();
    private volatile Consumer<SyncException> onRevoked;

    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final StringProperty login = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty connected = new SimpleBooleanProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty reachable = new SimpleBooleanProperty(true);
    private final StringProperty phase = new SimpleStringProperty("");
    private final StringProperty progressText = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty lastSync = new SimpleStringProperty("");
    private final StringProperty pendingText = new SimpleStringProperty("");
    private final IntegerProperty pendingCount = new SimpleIntegerProperty();
    private final IntegerProperty conflictCount = new SimpleIntegerProperty();
    private final StringProperty result = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty connection = new SimpleStringProperty("");
    private final StringProperty header = new SimpleStringProperty("");
    private final StringProperty headerDetail = new SimpleStringProperty("");

    /**
     * @param remember keeps the server address and login in the desk settings (never the password)
     */
    public SyncViewModel(DeskContext ctx, SyncGateway.Connector connector, Consumer<Runnable> ui, Clock clock,
                         String url, String loginName, BiConsumer<String, String> remember) {
        this.ctx = ctx;
        this.connector = connector;
        this.ui = ui;
        this.remember = remember;
        serverUrl.set(url == null ? "" : url);
        login.set(loginName == null ? "" : loginName);
        auto = new AutoSync(clock, ctx.async(), new AutoSync.Host() {
            @Override
            public boolean enabled() {
                return remote != null;
            }

            @Override
            public boolean busy() {
                return running.get();
            }

            @Override
            public boolean probe() {
                SyncGateway g = remote;
                return g != null && g.reachable();
            }

            @Override
            public void startSync() {
                syncNow();
            }

            @Override
            public void reachability(boolean up) {
                reachable.set(up);
                updateHeader();
            }
        });
        updateConnection();
        updateHeader();
    }

    /** Called after every successful sync (to refresh the caseload, the conflicts and the outbox). */
    public void addSyncedListener(Runnable r) {
        onSynced.add(r);
    }

    /**
     * Called on the FX thread when the server withdrew this device or its worker, after the final
     * push (security-002): the desk then wipes the store. Without it, the message shows as an error.
     */
    public void setOnRevoked(Consumer<SyncException> handler) {
        onRevoked = handler;
    }

    public AutoSync autoSync() {
        return auto;
    }

    /** Checks the address, login and password, signs in (in memory) and syncs at once. */
    public boolean connect() {
        error.set("");
        String url = serverUrl.get() == null ? "" : serverUrl.get().strip();
        String who = login.get() == null ? "" : login.get().strip();
        String pw = password.get() == null ? "" : password.get();
        if (!validUrl(url)) return fail("sync.ui.error.url");
        if (who.isEmpty()) return fail("sync.ui.error.login");
        if (pw.isEmpty()) return fail("sync.ui.error.password");
        char[] chars = pw.toCharArray();
        remote = connector.connect(url, who, chars);
        java.util.Arrays.fill(chars, '\0');
        password.set("");
        remember.accept(url, who);
        connected.set(true);
        updateConnection();
        return syncNow();
    }

    private boolean fail(String key) {
        error.set(Messages.get(key));
        return false;
    }

    public static boolean validUrl(String url) {
        try {
            URI u = URI.create(url);
            String s = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (s.equals("http") || s.equals("https")) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The signed-in session (in memory), or null: handed from the first-run sync to the desk's own. */
    public SyncGateway session() {
        return remote;
    }

    /** Carries on with a session signed in elsewhere (the first run), so the worker need not type the password again. */
    public void resume(SyncGateway session) {
        if (session == null || running.get()) return;
        remote = session;
        connected.set(true);
        updateConnection();
        updateHeader();
    }

    /** Forgets the session and the password; the address and login stay. */
    public void disconnect() {
        if (running.get()) return;
        remote = null;
        connected.set(false);
        updateConnection();
        updateHeader();
    }

    /** Starts a sync unless one is running or nobody is signed in; returns whether it started. */
    public boolean syncNow() {
        SyncGateway g = remote;
        if (g == null || running.get()) return false;
        running.set(true);
        cancelRequested = false;
        error.set("");
        result.set("");
        progress.set(-1);
        showProgress("sync.phase.session", 0, 0);
        ctx.async().run(() -> {
            SyncResult r = g.sync((phaseKey, sent, received) -> {
                if (cancelRequested) throw new Cancelled();
                ui.accept(() -> showProgress(phaseKey, sent, received));
            });
            String now = OffsetDateTime.now(ctx.store().clock()).truncatedTo(ChronoUnit.SECONDS).toString();
            ctx.store().write(c -> {
                StoreMeta.put(c, LAST_SUCCESS, now);
                return null;
            });
            return r;
        }, this::succeeded, this::failed);
        return true;
    }

    /** Stops the running sync at its next step; what was sent or received stays. */
    public void cancel() {
        if (!running.get()) return;
        cancelRequested = true;
        phase.set(Messages.get("sync.ui.cancelling"));
        updateHeader();
    }

    private void showProgress(String phaseKey, int sent, int received) {
        if (!running.get()) return;
        phase.set(Messages.get(phaseKey));
        progressText.set(Messages.get("sync.ui.progress", sent, received));
        updateHeader();
    }

    private void succeeded(SyncResult r) {
        running.set(false);
        progress.set(1);
        StringBuilder s = new StringBuilder(Messages.get("sync.ui.done", r.summary()));
        int merged = r.merged().size();
        if (merged > 0) s.append(' ').append(Messages.get("sync.ui.done.merged", merged));
        if (r.openConflicts() > 0) s.append(' ').append(Messages.get("sync.ui.done.openConflicts", r.openConflicts()));
        result.set(s.toString());
        auto.finished(AutoSync.Outcome.SUCCESS, null);
        refresh();
        onSynced.forEach(Runnable::run);
    }

    private void failed(Throwable e) {
        running.set(false);
        progress.set(0);
        Throwable t = e;
        while (t != null && !(t instanceof SyncException) && !(t instanceof Cancelled) && t.getCause() != null && t.getCause() != t)
            t = t.getCause();
        if (t instanceof Cancelled) {
            result.set(Messages.get("sync.ui.cancelled"));
            auto.finished(AutoSync.Outcome.CANCELLED, null);
        } else if (t instanceof SyncException se && se.revoked() && onRevoked != null) {
            // The store is about to be wiped: no refresh, no further sync.
            remote = null;
            connected.set(false);
            onRevoked.accept(se);
            return;
        } else if (t instanceof SyncException se) {
            error.set(switch (se.key()) {
                case "sync.error.auth" -> se.getLocalizedMessage() + " " + Messages.get("sync.ui.error.passwordAgain");
                case "sync.error.network" -> Messages.get("sync.ui.error.unreachable", host());
                default -> se.getLocalizedMessage();
            });
            if (se.key().equals("sync.error.auth")) {
                remote = null;
                connected.set(false);
                updateConnection();
            }
            auto.finished(se.key().equals("sync.error.network") ? AutoSync.Outcome.OFFLINE : AutoSync.Outcome.FAILED, null);
        } else {
            LOG.warn("Sync stopped on an unexpected error ({})", e.getClass().getSimpleName());
            LOG.debug("Sync failure", e);
            error.set(Messages.get("sync.ui.error.unexpected"));
            auto.finished(AutoSync.Outcome.FAILED, null);
        }
        refresh();
        // The caseload may have received part of the changes before the stop.
        onSynced.forEach(Runnable::run);
    }

    private String host() {
        try {
            String h = URI.create(serverUrl.get().strip()).getHost();
            return h == null ? serverUrl.get() : h;
        } catch (IllegalArgumentException e) {
            return serverUrl.get();
        }
    }

    /** Reads the pending count, the open conflicts and the last successful sync (in the background). */
    public void refresh() {
        record Counts(int pending, int conflicts, String last) {}
        ctx.async().run(() -> ctx.store().read(c -> new Counts(ChangeJournal.pendingCount(c),
                        c.fetchOne("SELECT COUNT(*) FROM sync_conflict").get(0, Integer.class),
                        StoreMeta.get(c, LAST_SUCCESS).orElse(null))),
                k -> {
                    pendingCount.set(k.pending());
                    conflictCount.set(k.conflicts());
                    pendingText.set(Messages.get("sync.ui.pending", k.pending()));
                    lastSync.set(k.last() == null ? Messages.get("sync.ui.never")
                            : Messages.get("sync.ui.last", Formats.current().isoDateTime(k.last())));
                    updateHeader();
                },
                e -> LOG.debug("Could not read the sync counts", e));
    }

    private void updateConnection() {
        connection.set(remote != null ? Messages.get("sync.ui.connectedAs", login.get(), host())
                : serverUrl.get().isBlank() ? Messages.get("sync.ui.notConfigured") : Messages.get("sync.ui.signInNeeded"));
    }

    /** The header's one short line; the status area and the tooltip say it in full. */
    private void updateHeader() {
        String pendingShort = Messages.get("sync.ui.header.pending", pendingCount.get());
        if (running.get()) header.set(progressText.get().isEmpty() ? phase.get() : Messages.get("sync.ui.header.running", progressText.get()));
        else if (!error.get().isEmpty() && !reachable.get()) header.set(Messages.get("sync.ui.header.offline", pendingShort));
        else if (!error.get().isEmpty()) header.set(Messages.get("sync.ui.header.failed", pendingShort));
        else header.set(pendingShort);
        headerDetail.set(running.get() ? phase.get() + " · " + progressText.get()
                : String.join("\n", java.util.stream.Stream.of(pendingText.get(), lastSync.get(), error.get()).filter(x -> !x.isEmpty()).toList()));
    }

    /** Thrown from the progress callback to stop a sync between two committed steps. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    public StringProperty serverUrlProperty() { return serverUrl; }
    public StringProperty loginProperty() { return login; }
    public StringProperty passwordProperty() { return password; }
    public BooleanProperty connectedProperty() { return connected; }
    public BooleanProperty runningProperty() { return running; }
    public BooleanProperty reachableProperty() { return reachable; }
    public StringProperty phaseProperty() { return phase; }
    public StringProperty progressTextProperty() { return progressText; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty lastSyncProperty() { return lastSync; }
    public StringProperty pendingTextProperty() { return pendingText; }
    public IntegerProperty pendingCountProperty() { return pendingCount; }
    public IntegerProperty conflictCountProperty() { return conflictCount; }
    public StringProperty resultProperty() { return result; }
    public StringProperty errorProperty() { return error; }
    public StringProperty connectionProperty() { return connection; }
    public StringProperty headerProperty() { return header; }
    public StringProperty headerDetailProperty() { return headerDetail; }
}
