package fr.carnet.ui.app;

import fr.carnet.dataset.DemoStore;
import fr.carnet.i18n.Messages;
import fr.carnet.store.DeskIdentity;
import fr.carnet.store.Store;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.Formats;
import fr.carnet.ui.common.Tasks;
import fr.carnet.ui.common.Ui;
import fr.carnet.ui.firstrun.FirstRunView;
import fr.carnet.ui.firstrun.FirstRunViewModel;
import fr.carnet.ui.firstrun.FirstSyncView;
import fr.carnet.ui.sync.EngineGateway;
import fr.carnet.ui.sync.SyncViewModel;
import fr.carnet.ui.unlock.UnlockView;
import fr.carnet.ui.unlock.UnlockViewModel;
import fr.carnet.ui.lock.DeskLock;
import fr.carnet.security.LocalWipe;
import fr.carnet.ui.recovery.RecoveryView;
import fr.carnet.ui.recovery.RecoveryViewModel;
import fr.carnet.ui.recovery.RevokedView;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The field worker's desk: unlock, then the main window. */
public final class CarnetApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(CarnetApp.class);
    private Stage stage;
    private Scene scene;
    private Settings settings;
    private final PauseTransition settingsSave = new PauseTransition(Duration.seconds(1));
    private volatile DeskContext context;
    private LaunchOptions options;
    private MainView main;
    private DeskLock deskLock;
    /** How long the built main window waits for the caseload's first page (at most; it comes later otherwise). */
    private static final long FIRST_PAGE_WAIT_MS = 250;
    /** Where the window opened (chosen at start from the saved place and the screens). */
    private WindowPlacement placement;
    /** The session signed in by the first-run sync, carried into the desk once (memory only). */
    private fr.carnet.ui.sync.SyncGateway firstSession;
    /** The local demo server of the demo store (created on first use; stopped when the desk closes). */
    private fr.carnet.ui.demo.DemoServerViewModel demoServer;

    @Override
    public void start(Stage stage) {
        fr.carnet.platform.StartupTrace.mark("CarnetApp.start");
        this.stage = stage;
        options = LaunchOptions.parse(getParameters().getRaw());
        if (options.lang() != null) Messages.setLocale(Locale.forLanguageTag(options.lang()));
        if (options.region() != null) Formats.setCurrent(new Formats(Formats.Region.valueOf(options.region().toUpperCase(Locale.ROOT))));
        settings = Settings.load(Settings.file());
        settingsSave.setOnFinished(e -> {
            rememberWindow();
            Settings s = settings;
            Tasks.create(() -> {
                s.save(Settings.file());
                return null;
            }).start();
        });
        Theme.apply(Theme.dark(settings.theme()));
        try {
            Platform.getPreferences().colorSchemeProperty().addListener((o, a, b) -> {
                if (settings.theme() == Settings.ThemeChoice.SYSTEM) Theme.apply(Theme.dark(Settings.ThemeChoice.SYSTEM));
            });
        } catch (RuntimeException e) {
            LOG.debug("OS colour scheme not available");
        }
        stage.setTitle(Messages.get("app.title"));
        if (!lockDataFolder()) {
            Label message = Ui.label("desk.app.alreadyRunning");
            show(alreadyRunning(message));
            stage.show();
            wakeFirstInstance(message);
            return;
        }
        stage.setMinWidth(WindowPlacement.MIN_WIDTH);
        stage.setMinHeight(WindowPlacement.MIN_HEIGHT);
        placeWindow();
        if (LocalWipe.pending(options.store())) {
            // A wipe after a revocation was cut short: finish it before anything else (no key needed).
            showRevoked(null, "");
            stage.show();
            return;
        }
        if (options.demo()) {
            show(preparing());
            Tasks.create(() -> {
                DemoStore.ensure(options.store(), DemoStore.sampleDataDir());
                return null;
            }).onSuccess(x -> showUnlock()).onError(e -> {
                LOG.error("Could not prepare the demo store", e);
                show(new VBox(Ui.label("desk.demo.failed")));
            }).start();
        } else if (!Store.exists(options.store())) {
            showWelcome();
        } else {
            showUnlock();
        }
        stage.show();
    }

    /** First start of a packaged desk (no store, no --demo): connect to the service's server, or try the sample data. */
    private void showWelcome() {
        smokeTestExit();
        FirstRunViewModel vm = new FirstRunViewModel(DemoStore.defaultFile(), FirstRunViewModel.DemoPreparer.STANDARD, Tasks.INSTANCE,
                settings.serverUrl(), settings.serverLogin(), new FirstRunViewModel.Listener() {
                    @Override
                    public void demoReady(java.nio.file.Path demoFile) {
                        options = new LaunchOptions(true, demoFile, options.login(), options.lang(), options.region(), options.smokeTest());
                        showUnlock();
                    }

                    @Override
                    public void serverChosen(FirstRunViewModel.ServerChoice choice) {
                        settings.setServer(choice.url(), choice.login());
                        settingsSave.playFromStart();
                        showUnlock(ctx -> firstSync(ctx, choice));
                    }
                });
        show(new FirstRunView(vm, demoServer()));
    }

    /** The new store is open: its first sync, with progress; on failure, retry or go on offline. */
    private void firstSync(DeskContext ctx, FirstRunViewModel.ServerChoice choice) {
        context = ctx;
        SyncViewModel sync = new SyncViewModel(ctx, EngineGateway.connector(ctx.store()), Platform::runLater, Clock.systemUTC(),
                choice.url(), choice.login(), (u, l) -> {
                    settings.setServer(u, l);
                    settingsSave.playFromStart();
                });
        sync.passwordProperty().set(new String(choice.password()));
        java.util.Arrays.fill(choice.password(), '\0');
        sync.setOnRevoked(se -> revoked(ctx, se));
        show(new FirstSyncView(sync, () -> {
            firstSession = sync.session();
            mount(ctx);
        }));
        sync.connect();
    }

    private void smokeTestExit() {
        if (options.smokeTest()) {
            // Self-test of a packaged app: the first usable screen is up; leave cleanly.
            Platform.runLater(() -> {
                LOG.info("smoke test: first screen shown");
                Platform.exit();
            });
        }
    }

    private fr.carnet.platform.InstanceLock instanceLock;
    /** A second start's window closes itself a few seconds after saying so (stopped if the app stops first). */
    private PauseTransition closeLater;

    /** One running Carnet per store folder: a second start says so instead of opening the store twice. */
    private boolean lockDataFolder() {
        try {
            java.nio.file.Path folder = options.store().toAbsolutePath().getParent();
            instanceLock = fr.carnet.platform.InstanceLock.acquire(folder).orElse(null);
            if (instanceLock == null) return false;
            try {
                instanceLock.listen(() -> Platform.runLater(this::bringForward));
            } catch (java.io.IOException e) {
                LOG.warn("A second start will not be able to bring this window forward: {}", e.getClass().getSimpleName());
            }
            return true;
        } catch (java.io.IOException e) {
            LOG.warn("Could not take the instance lock: {}", e.getClass().getSimpleName());
            return true;
        }
    }

    /** A second start asked for this window: out of the taskbar and in front. */
    private void bringForward() {
        LOG.info("A second start asked for this window");
        if (stage.isIconified()) stage.setIconified(false);
        if (!stage.isShowing()) stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    /** The second start asks the first to come forward (off the FX thread); if it answers, says so and closes. */
    private void wakeFirstInstance(Label message) {
        java.nio.file.Path folder = options.store().toAbsolutePath().getParent();
        Tasks.create(() -> fr.carnet.platform.InstanceLock.signalRunning(folder)).onSuccess(woken -> {
            if (!woken) return;
            message.setText(Messages.get("desk.app.broughtForward"));
            closeLater = new PauseTransition(Duration.seconds(4));
            closeLater.setOnFinished(e -> stage.close());
            closeLater.play();
        }).start();
    }

    private Parent alreadyRunning(Label l) {
        l.setId("already-running");
        l.setWrapText(true);
        javafx.scene.control.Button close = new javafx.scene.control.Button(Messages.get("desk.app.close"));
        close.setOnAction(e -> Platform.exit());
        VBox box = new VBox(16, l, close);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(420);
        VBox outer = new VBox(box);
        outer.setAlignment(Pos.CENTER);
        return outer;
    }

    private Parent preparing() {
        ProgressIndicator p = new ProgressIndicator();
        p.setAccessibleText(Messages.get("desk.demo.preparing"));
        Label l = Ui.label("desk.demo.preparing");
        VBox box = new VBox(12, p, l);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /** The everyday unlock, then the main window (the one path where the caseload's first page is read early). */
    private final Consumer<DeskContext> plainUnlock = this::unlocked;

    private void showUnlock() {
        showUnlock(plainUnlock);
    }

    private void showUnlock(Consumer<DeskContext> onUnlocked) {
        showUnlock(onUnlocked, null);
    }

    private void showUnlock(Consumer<DeskContext> onUnlocked, String hint) {
        smokeTestExit();
        boolean first = !Store.exists(options.store());
        UnlockViewModel vm = new UnlockViewModel(options.store(), first, UnlockViewModel.Opener.STANDARD, Tasks.INSTANCE, onUnlocked);
        // the caseload's first page is read while the main window is built (not for a login picked later, nor a first sync)
        if (!first && options.login() == null && onUnlocked == plainUnlock) vm.setOnOpened(fr.carnet.ui.caseload.CaseloadViewModel::prefetch);
        if (options.demo()) vm.hintProperty().set(Messages.get("desk.unlock.demoHint", DemoStore.PASSPHRASE));
        else vm.setOnForgotPassphrase(this::showRecovery);
        if (hint != null) vm.hintProperty().set(hint);
        show(new UnlockView(vm));
        stage.setTitle(Messages.get("app.title"));
        // while the worker types (and while the key is derived), what the main window needs loads
        if (!first) DeskWarmup.start();
        fr.carnet.platform.StartupTrace.mark("unlock screen built");
    }

    private void unlocked(DeskContext ctx) {
        if (options.login() != null) {
            Tasks.create(() -> DeskIdentity.forLogin(ctx.store(), options.login())).onSuccess(id ->
                    mount(id.map(i -> DeskContext.of(ctx.store(), i, ctx.async())).orElse(ctx))).start();
        } else {
            mount(ctx);
        }
    }

    private void mount(DeskContext ctx) {
        fr.carnet.platform.StartupTrace.mark("mount");
        context = ctx;
        Consumer<Settings> onSettings = s -> {
            Theme.apply(Theme.dark(s.theme()));
            Theme.style(scene, s.fontSize());
            settingsSave.playFromStart();
        };
        main = new MainView(ctx, settings, onSettings);
        if (options.demo()) {
            fr.carnet.ui.demo.DemoServerViewModel demo = demoServer();
            main.setSyncExtra(() -> new fr.carnet.ui.demo.DemoServerPane(demo, false));
            if (demo.running()) pointSyncAt(main.syncViewModel(), demo.urlProperty().get(), demo.login());
        }
        main.syncViewModel().setOnRevoked(se -> revoked(ctx, se));
        if (firstSession != null) {
            main.syncViewModel().resume(firstSession);
            firstSession = null;
        }
        DeskLock lock = DeskSecurity.install(stage, main, ctx, settings, Clock.systemUTC(), onSettings);
        deskLock = lock;
        show(lock.root());
        if (TourViewModel.due(settings) && lock.root() instanceof javafx.scene.layout.StackPane host) {
            // Once per desk: the short tour over the main window (locking removes it: it comes back next time).
            TourOverlay tour = new TourOverlay(new TourViewModel(settings, s -> Tasks.create(() -> {
                s.save(Settings.file());
                return null;
            }).start()));
            host.getChildren().add(tour);
            tour.visibleProperty().addListener((o, a, v) -> {
                if (!v) {
                    host.getChildren().remove(tour);
                    main.focusSearch();
                }
            });
            Platform.runLater(tour::requestFocus);
        }
        main.installShortcuts(scene);
        lock.attach(scene);
        stage.setTitle(Messages.get("desk.window.title", ctx.identity().displayName() == null ? "" : ctx.identity().displayName()));
        main.focusSearch();
        // no empty list for a moment: the households read while the window was built are in its first frame
        main.awaitFirstPage(FIRST_PAGE_WAIT_MS);
        fr.carnet.platform.StartupTrace.mark("mounted");
    }

    private fr.carnet.ui.demo.DemoServerViewModel demoServer() {
        if (demoServer == null) {
            java.nio.file.Path folder = (options.demo() ? options.store() : DemoStore.defaultFile()).toAbsolutePath().getParent();
            String login = options.login() != null ? options.login() : DemoStore.DEMO_LOGIN;
            demoServer = new fr.carnet.ui.demo.DemoServerViewModel(
                    fr.carnet.ui.demo.DemoServerViewModel.Starter.standard(folder.resolve("carnet-demo-server.db"), DemoStore.sampleDataDir()),
                    Tasks.INSTANCE, login, (url, who) -> {
                        // The desk's sync settings point at the demo server (saved, like any server choice).
                        settings.setServer(url, who);
                        settingsSave.playFromStart();
                        if (main != null) pointSyncAt(main.syncViewModel(), url, who);
                    });
        }
        return demoServer;
    }

    /** Fills the sync form for the demo server (its documented password included), unless a session is open. */
    private static void pointSyncAt(SyncViewModel sync, String url, String login) {
        if (sync.connectedProperty().get()) return;
        sync.serverUrlProperty().set(url);
        sync.loginProperty().set(login);
        sync.passwordProperty().set(fr.carnet.server.LocalDemoServer.PASSWORD);
    }

    /**
     * « Phrase de passe oubliée ? »: after a login on the server the old store is set aside, then
     * the first-run server path follows (a new passphrase, the first sync with its progress).
     */
    private void showRecovery() {
        RecoveryViewModel vm = new RecoveryViewModel(options.store(), settings.serverUrl(), settings.serverLogin(),
                RecoveryViewModel.LoginCheck.HTTP, Tasks.INSTANCE, Clock.systemDefaultZone(), new RecoveryViewModel.Listener() {
                    @Override
                    public void cancelled() {
                        showUnlock();
                    }

                    @Override
                    public void recovered(FirstRunViewModel.ServerChoice choice, java.nio.file.Path aside) {
                        settings.setServer(choice.url(), choice.login());
                        settingsSave.playFromStart();
                        showUnlock(ctx -> firstSync(ctx, choice), Messages.get("security.recovery.newPassphrase", aside.getFileName().toString()));
                    }
                });
        show(new RecoveryView(vm));
    }

    private boolean revoking;

    /** The server withdrew this device or its worker; the final push is done: close everything and wipe. */
    private void revoked(DeskContext ctx, fr.carnet.sync.SyncException se) {
        if (revoking) return;
        revoking = true;
        LOG.warn("This device was withdrawn from service: wiping the local store");
        if (deskLock != null) deskLock.detach();
        if (main != null) main.dispose();
        deskLock = null;
        main = null;
        context = null;
        firstSession = null;
        showRevoked(ctx.store(), se.getLocalizedMessage());
    }

    /** The whole window says the device was withdrawn, while (and after) the store, its key and the worker's login are erased. */
    private void showRevoked(Store open, String detail) {
        revoking = true;
        javafx.beans.property.BooleanProperty wiping = new javafx.beans.property.SimpleBooleanProperty(true);
        javafx.beans.property.StringProperty text = new javafx.beans.property.SimpleStringProperty(detail == null ? "" : detail);
        // A new scene and no other window: no shortcut, dialog or popup of the desk stays reachable.
        for (javafx.stage.Window w : java.util.List.copyOf(javafx.stage.Window.getWindows())) if (w != stage) w.hide();
        double width = scene == null ? WindowPlacement.PREFERRED_WIDTH : scene.getWidth(), height = scene == null ? WindowPlacement.PREFERRED_HEIGHT : scene.getHeight();
        scene = new Scene(new RevokedView(wiping, text, Platform::exit), width, height);
        stage.setScene(scene);
        Theme.style(scene, settings.fontSize());
        stage.setTitle(Messages.get("app.title"));
        Settings s = settings;
        s.setServer(s.serverUrl(), "");
        Tasks.create(() -> {
            try {
                LocalWipe.wipe(open, options.store());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            s.save(Settings.file());
            return null;
        }).onSuccess(x -> wiping.set(false)).onError(e -> {
            LOG.error("The wipe did not finish ({}); it resumes at the next start", e.getClass().getSimpleName());
            wiping.set(false);
            text.set(Messages.get("security.revoked.wipeFailed"));
        }).start();
    }

    /** The window where the worker left it (or fitted to the main screen), then followed as it moves (saved a second later). */
    private void placeWindow() {
        java.util.List<WindowPlacement.Area> areas = new java.util.ArrayList<>();
        javafx.stage.Screen primary = javafx.stage.Screen.getPrimary();
        for (javafx.stage.Screen sc : javafx.stage.Screen.getScreens()) {
            javafx.geometry.Rectangle2D b = sc.getVisualBounds();
            areas.add(sc.equals(primary) ? 0 : areas.size(), new WindowPlacement.Area(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight()));
        }
        placement = WindowPlacement.choose(settings.window(), areas);
        if (!Double.isNaN(placement.x())) {
            stage.setX(placement.x());
            stage.setY(placement.y());
        }
        if (placement.maximized()) stage.setMaximized(true);
        // a move or a resize saves the settings a second later; the place is read then (rememberWindow)
        javafx.beans.InvalidationListener follow = o -> {
            if (stage.isShowing() && !stage.isIconified() && !stage.isFullScreen()) settingsSave.playFromStart();
        };
        stage.xProperty().addListener(follow);
        stage.yProperty().addListener(follow);
        stage.widthProperty().addListener(follow);
        stage.heightProperty().addListener(follow);
        stage.maximizedProperty().addListener(follow);
    }

    /** The window's place as it is now, into the settings (the scene's size: the next start gives it to the scene). */
    private void rememberWindow() {
        if (placement == null || !stage.isShowing() || stage.isIconified() || stage.isFullScreen()) return;
        WindowPlacement last = settings.window();
        // maximised: the size it had before is the one kept, with the flag
        settings.setWindow(stage.isMaximized()
                ? (last == null ? new WindowPlacement(stage.getX(), stage.getY(), placement.width(), placement.height(), true)
                        : new WindowPlacement(last.x(), last.y(), last.width(), last.height(), true))
                : new WindowPlacement(stage.getX(), stage.getY(), scene == null ? stage.getWidth() : scene.getWidth(),
                        scene == null ? stage.getHeight() : scene.getHeight(), false));
    }

    private void show(Parent root) {
        if (scene == null) {
            scene = new Scene(root, placement == null ? WindowPlacement.PREFERRED_WIDTH : placement.width(),
                    placement == null ? WindowPlacement.PREFERRED_HEIGHT : placement.height());
            stage.setScene(scene);
        } else {
            scene.setRoot(root);
        }
        Theme.style(scene, settings.fontSize());
    }

    @Override
    public void stop() {
        // an app that stops does not act later (a test's next app may have the same stage)
        if (closeLater != null) closeLater.stop();
        if (settingsSave.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            // a change of the last second (the window moved, say) is not lost at exit
            settingsSave.stop();
            rememberWindow();
            settings.save(Settings.file());
        }
        if (demoServer != null) demoServer.dispose();
        if (deskLock != null) deskLock.detach();
        if (main != null) main.dispose();
        if (instanceLock != null) {
            try {
                instanceLock.close();
            } catch (java.io.IOException e) {
                LOG.debug("instance lock release failed");
            }
        }
        DeskContext c = context;
        if (c == null) return;
        // Closing checkpoints the WAL: off the FX thread, which still waits so the file is clean on exit.
        Thread t = new Thread(() -> c.store().close(), "carnet-store-close");
        t.start();
        try {
            t.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
