package fr.carnet.ui.firstrun;

import fr.carnet.dataset.DemoStore;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.common.Async;
import fr.carnet.ui.sync.SyncViewModel;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first start of a packaged desk, when there is no store yet: the worker either connects to
 * their service's server (address, login, password; the passphrase and the first sync follow) or
 * tries Carnet with the sample data (the demo store, prepared in the background; then, before it
 * opens, the option of a local demo server to try the sync too).
 */
public final class FirstRunViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(FirstRunViewModel.class);

    public enum Step { CHOOSE, SERVER, PREPARING_DEMO, DEMO_READY }

    /** What the worker typed to reach the server; the password stays in memory only. */
    public record ServerChoice(String url, String login, char[] password) {}

    /** Prepares the demo store at a file (may block: it runs in the background). */
    @FunctionalInterface
    public interface DemoPreparer {
        void prepare(Path file);

        DemoPreparer STANDARD = file -> DemoStore.ensure(file, DemoStore.sampleDataDir());
    }

    /** Where the first run goes next. */
    public interface Listener {
        void demoReady(Path demoFile);

        void serverChosen(ServerChoice choice);
    }

    private final Path demoFile;
    private final DemoPreparer preparer;
    private final Async async;
    private final Listener listener;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.CHOOSE);
    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final StringProperty login = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public FirstRunViewModel(Path demoFile, DemoPreparer preparer, Async async, String url, String loginName, Listener listener) {
        this.demoFile = demoFile;
        this.preparer = preparer;
        this.async = async;
        this.listener = listener;
        serverUrl.set(url == null ? "" : url);
        login.set(loginName == null ? "" : loginName);
        serverUrl.addListener((o, a, b) -> error.set(""));
        login.addListener((o, a, b) -> error.set(""));
        password.addListener((o, a, b) -> error.set(""));
    }

    /** « Me connecter au serveur de mon service »: shows the address and login form. */
    public void chooseServer() {
        if (busy.get()) return;
        error.set("");
        step.set(Step.SERVER);
    }

    /** Back to the two choices. */
    public void back() {
        if (busy.get()) return;
        error.set("");
        password.set("");
        step.set(Step.CHOOSE);
    }

    /**
     * « Essayer avec des données d’exemple »: prepares the demo store in the background, then offers
     * the local demo server before {@link #openDemo()}.
     */
    public void chooseDemo() {
        if (busy.get()) return;
        error.set("");
        busy.set(true);
        step.set(Step.PREPARING_DEMO);
        async.run(() -> {
            preparer.prepare(demoFile);
            return demoFile;
        }, f -> {
            busy.set(false);
            step.set(Step.DEMO_READY);
        }, e -> {
            LOG.error("Could not prepare the demo store ({})", e.getClass().getSimpleName());
            LOG.debug("Demo store failure", e);
            busy.set(false);
            step.set(Step.CHOOSE);
            error.set(Messages.get("desk.demo.failed"));
        });
    }

    /** « Ouvrir le carnet de démonstration »: on to the demo store's unlock. */
    public void openDemo() {
        if (busy.get() || step.get() != Step.DEMO_READY) return;
        listener.demoReady(demoFile);
    }

    /** Checks the address, login and password; returns whether the worker goes on to the passphrase. */
    public boolean submitServer() {
        error.set("");
        String url = serverUrl.get() == null ? "" : serverUrl.get().strip();
        String who = login.get() == null ? "" : login.get().strip();
        String pw = password.get() == null ? "" : password.get();
        String problem = serverFormError(url, who, pw);
        if (problem != null) return fail(problem);
        char[] chars = pw.toCharArray();
        password.set("");
        listener.serverChosen(new ServerChoice(url, who, chars));
        return true;
    }

    /**
     * The first problem of a server login form (address, login, password), as a bundle key; null when
     * it can be sent. Shared by the first run and the forgotten-passphrase recovery.
     */
    public static String serverFormError(String url, String login, String password) {
        if (!SyncViewModel.validUrl(url)) return "sync.ui.error.url";
        if (login.isEmpty()) return "sync.ui.error.login";
        if (password.isEmpty()) return "sync.ui.error.password";
        return null;
    }

    private boolean fail(String key) {
        error.set(Messages.get(key));
        return false;
    }

    public ObjectProperty<Step> stepProperty() { return step; }
    public StringProperty serverUrlProperty() { return serverUrl; }
    public StringProperty loginProperty() { return login; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty errorProperty() { return error; }
    public BooleanProperty busyProperty() { return busy; }
}
