package fr.carnet.ui.app;

import atlantafx.base.theme.Styles;
import fr.carnet.domain.RecordType;
import fr.carnet.i18n.Messages;
import fr.carnet.store.RecordRepository;
import fr.carnet.ui.aid.AidView;
import fr.carnet.ui.aid.AidViewModel;
import fr.carnet.ui.caseload.CaseloadView;
import fr.carnet.ui.caseload.CaseloadViewModel;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.DeskScreen;
import fr.carnet.ui.common.FxDebouncer;
import fr.carnet.ui.common.Labels;
import fr.carnet.ui.common.Navigator;
import fr.carnet.ui.common.Ui;
import fr.carnet.ui.contact.ContactView;
import fr.carnet.ui.contact.ContactViewModel;
import fr.carnet.ui.household.HouseholdView;
import fr.carnet.ui.household.HouseholdViewModel;
import fr.carnet.ui.household.HouseholdFormView;
import fr.carnet.ui.household.HouseholdFormViewModel;
import fr.carnet.ui.household.PersonFormView;
import fr.carnet.ui.household.PersonFormViewModel;
import fr.carnet.ui.lock.OfflineGracePane;
import fr.carnet.ui.lock.OfflineGraceViewModel;
import fr.carnet.ui.plan.PlanView;
import fr.carnet.ui.sync.ConflictsViewModel;
import fr.carnet.ui.sync.EngineGateway;
import fr.carnet.ui.sync.OutboxViewModel;
import fr.carnet.ui.sync.SyncHeader;
import fr.carnet.ui.sync.SyncView;
import fr.carnet.ui.sync.SyncViewModel;
import fr.carnet.ui.plan.PlanViewModel;
import fr.carnet.domain.Enums.Role;
import fr.carnet.ui.print.BatchView;
import fr.carnet.ui.print.BatchViewModel;
import fr.carnet.ui.print.PrintViewModel;
import fr.carnet.ui.supervisor.SupervisorView;
import fr.carnet.ui.supervisor.SupervisorTeam;
import fr.carnet.ui.supervisor.SupervisorViewModel;
import javafx.scene.control.ScrollPane;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import fr.carnet.ui.visit.AgendaView;
import fr.carnet.ui.visit.AgendaViewModel;
import fr.carnet.ui.visit.VisitPlanView;
import fr.carnet.ui.visit.VisitPlanViewModel;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The desk's main window: the caseload and the week's agenda as fixed tabs, every household file
 * and form in a tab of its own. It is the {@link Navigator} screens ask to open things, and it
 * holds the keyboard shortcuts.
 */
public final class MainView implements Navigator {
    private final DeskContext ctx;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final CaseloadView caseload;
    private final CaseloadViewModel caseloadVm;
    private final Tab teamTab;
    private final Tab caseloadTab;
    private final Tab agendaTab;
    private final Settings settings;
    private final Consumer<Settings> onSettings;
    private OfflineGraceViewModel grace;
    private final SyncViewModel sync;
    private final ConflictsViewModel conflicts;
    private final OutboxViewModel outbox;
    private SyncHeader syncHeader;
    private Supplier<Node> syncExtra;

    public MainView(DeskContext ctx, Settings settings, Consumer<Settings> onSettings) {
        this.ctx = ctx;
        this.settings = settings;
        this.onSettings = onSettings;
        sync = new SyncViewModel(ctx, EngineGateway.connector(ctx.store()), Platform::runLater, java.time.Clock.systemUTC(),
                settings.serverUrl(), settings.serverLogin(), (url, login) -> {
                    settings.setServer(url, login);
                    onSettings.accept(settings);
                });
        conflicts = new ConflictsViewModel(ctx, EngineGateway.local(ctx.store()));
        outbox = new OutboxViewModel(ctx);
        // After a sync (or a conflict resolved) every open screen reads the store again: the
        // caseload's sync badges and its "En conflit" filter show the state after the sync.
        sync.addSyncedListener(this::changed);
        conflicts.addResolvedListener(this::changed);
        caseloadVm = new CaseloadViewModel(ctx, new FxDebouncer(FxDebouncer.SEARCH_DELAY));
        if (ctx.role() == Role.PUERICULTRICE) {
            // a child-health nurse starts on "my children under 6"
            caseloadVm.mineProperty().set(true);
            caseloadVm.childUnder6Property().set(true);
        }
        caseload = new CaseloadView(caseloadVm, this);
        caseloadTab = tab(caseload, false);
        caseloadTab.setId("tab-caseload");
        // The agenda and the team's indicators are built (and read the store) on their first visit:
        // the caseload, the first screen, does not wait for them.
        agendaTab = tab(new OnFirstVisit(Messages.get("desk.agenda.title"),
                () -> new AgendaView(new AgendaViewModel(ctx, new FxDebouncer(Duration.seconds(1))), this)), false);
        agendaTab.setId("tab-agenda");
        tabs.getTabs().addAll(caseloadTab, agendaTab);
        if (ctx.role() == Role.SUPERVISOR) {
            teamTab = tab(new OnFirstVisit(Messages.get("desk.team.tab"), this::teamScreen), false);
            teamTab.setId("tab-team");
            tabs.getTabs().add(teamTab);
        } else {
            teamTab = null;
        }
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> focus(t));
        root.setTop(topBar());
        root.setCenter(tabs);
    }

    private Node topBar() {
        Label name = new Label(Messages.get("app.title"));
        name.getStyleClass().add("app-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        String who = ctx.identity().displayName() == null || ctx.identity().displayName().isBlank()
                ? Labels.of(ctx.role()) : Messages.get("desk.top.worker", ctx.identity().displayName(), Labels.of(ctx.role()));
        Label worker = Ui.muted(who);
        worker.setId("top-worker");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        MenuButton display = new MenuButton(Messages.get("desk.settings.display"), new FontIcon(MaterialDesignT.THEME_LIGHT_DARK));
        display.setMnemonicParsing(true);
        display.setAccessibleText(Messages.get("desk.settings.display").replace("_", ""));
        display.getStyleClass().add(Styles.FLAT);
        ToggleGroup g = new ToggleGroup();
        for (Settings.ThemeChoice c : Settings.ThemeChoice.values()) {
            RadioMenuItem mi = new RadioMenuItem(Messages.get("desk.settings.theme." + c.name()));
            mi.setToggleGroup(g);
            mi.setSelected(settings.theme() == c);
            mi.setOnAction(e -> {
                settings.setTheme(c);
                onSettings.accept(settings);
            });
            display.getItems().add(mi);
        }
        MenuItem bigger = new MenuItem(Messages.get("desk.settings.bigger"));
        bigger.setAccelerator(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN));
        bigger.setOnAction(e -> zoom(1));
        MenuItem smaller = new MenuItem(Messages.get("desk.settings.smaller"));
        smaller.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        smaller.setOnAction(e -> zoom(-1));
        MenuItem reset = new MenuItem(Messages.get("desk.settings.resetSize"));
        reset.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        reset.setOnAction(e -> zoom(0));
        display.getItems().addAll(new SeparatorMenuItem(), bigger, smaller, reset);
        var agenda = Ui.button("desk.agenda.open", MaterialDesignC.CALENDAR_WEEK, e -> openAgenda());
        agenda.getStyleClass().add(Styles.FLAT);
        agenda.setMinWidth(Region.USE_PREF_SIZE);
        display.setMinWidth(Region.USE_PREF_SIZE);
        syncHeader = new SyncHeader(sync, this::openSync);
        var batch = Ui.button("desk.batch.menu", MaterialDesignF.FILE_PDF_BOX, e -> openBatch());
        batch.setId("open-batch");
        batch.getStyleClass().add(Styles.FLAT);
        batch.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(12, name, worker, spacer, syncHeader, agenda, batch, display);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    private void zoom(int step) {
        settings.setFontSize(step == 0 ? Settings.DEFAULT_FONT : settings.fontSize() + step);
        onSettings.accept(settings);
    }

    /** The desk's shortcuts: new contact, search, save, close. */
    public void installShortcuts(Scene scene) {
        var acc = scene.getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> {
            DeskScreen s = current();
            if (s != null && s.householdId() != null) newContact(s.householdId());
            else newHousehold();
        });
        acc.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), this::focusSearch);
        acc.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), () -> {
            DeskScreen s = current();
            if (s != null) s.save();
        });
        acc.put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN), () -> {
            DeskScreen s = current();
            if (s != null) s.print();
        });
        acc.put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), this::closeCurrent);
        acc.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> {
            if (!sync.syncNow() && !sync.runningProperty().get()) openSync(false);
        });
        acc.put(new KeyCodeCombination(KeyCode.ESCAPE), this::closeCurrent);
    }

    /** At start: waits (briefly) for the caseload's first page read as the store opened, so that the first frame shows it. */
    public void awaitFirstPage(long millis) {
        caseloadVm.awaitFirstPage(millis);
    }

    public void focusSearch() {
        tabs.getSelectionModel().select(caseloadTab);
        caseload.focusSearch();
    }

    private DeskScreen current() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t == null ? null : (DeskScreen) t.getUserData();
    }

    private Tab tab(DeskScreen s, boolean closable) {
        Tab t = new Tab(s.title(), s.node());
        t.setUserData(s);
        t.setClosable(closable);
        if (s instanceof HouseholdView hv) t.textProperty().bind(hv.titleProperty());
        return t;
    }

    /** A fixed tab's screen, made when its tab is first selected; until then its tab holds an empty pane. */
    private static final class OnFirstVisit implements DeskScreen {
        private final String title;
        private final Supplier<DeskScreen> make;
        private final javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane();
        private DeskScreen screen;

        OnFirstVisit(String title, Supplier<DeskScreen> make) {
            this.title = title;
            this.make = make;
        }

        DeskScreen screen() {
            if (screen == null) {
                screen = make.get();
                holder.getChildren().setAll(screen.node());
            }
            return screen;
        }

        @Override
        public Node node() {
            return holder;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public void save() {
            if (screen != null) screen.save();
        }

        @Override
        public void saveDraft() {
            if (screen != null) screen.saveDraft();
        }

        @Override
        public void print() {
            if (screen != null) screen.print();
        }

        @Override
        public void refresh() {
            // not made yet: it reads the store when it is
            if (screen != null) screen.refresh();
        }

        @Override
        public Node initialFocus() {
            return screen().initialFocus();
        }

        @Override
        public String householdId() {
            return screen == null ? null : screen.householdId();
        }
    }

    private void focus(Tab t) {
        if (t == null) return;
        DeskScreen s = (DeskScreen) t.getUserData();
        Node f = s.initialFocus();
        if (f != null) Platform.runLater(f::requestFocus);
    }

    private void open(String key, Supplier<DeskScreen> make) {
        if (grace != null && grace.isBlocked() && !key.startsWith("tool:")) {
            tabs.getSelectionModel().select(caseloadTab); // offline grace over: no case file opens
            return;
        }
        for (Tab t : tabs.getTabs()) {
            if (key.equals(t.getProperties().get("key"))) {
                tabs.getSelectionModel().select(t);
                return;
            }
        }
        DeskScreen s = make.get();
        Tab t = tab(s, true);
        t.getProperties().put("key", key);
        tabs.getTabs().add(t);
        tabs.getSelectionModel().select(t);
    }

    /** Reads the household's label in the background, then opens the screen named after it. */
    private void withLabel(String householdId, Consumer<String> then) {
        ctx.async().run(() -> ctx.store().read(c -> RecordRepository.find(c, RecordType.HOUSEHOLD, householdId)
                        .map(h -> h.text("label")).orElse(null)),
                l -> then.accept(l == null ? Messages.get("desk.household.untitled") : l),
                e -> then.accept(Messages.get("desk.household.untitled")));
    }

    @Override
    public void openHousehold(String id) {
        open("household:" + id, () -> new HouseholdView(new HouseholdViewModel(ctx, id), this));
    }

    @Override
    public void newHousehold() {
        open("household:new:" + System.nanoTime(), () -> new PersonFormView(
                new PersonFormViewModel(ctx, null, new FxDebouncer(FxDebouncer.SEARCH_DELAY), draftDelay()), this, ""));
    }

    @Override
    public void addPerson(String hid) {
        withLabel(hid, l -> open("person:new:" + hid, () -> new PersonFormView(
                new PersonFormViewModel(ctx, hid, new FxDebouncer(FxDebouncer.SEARCH_DELAY), draftDelay()), this, l)));
    }

    @Override
    public void newContact(String hid) {
        withLabel(hid, l -> open("contact:new:" + hid, () -> new ContactView(
                new ContactViewModel(ctx, hid, new FxDebouncer(Duration.seconds(1))), this, l)));
    }

    @Override
    public void editPerson(String hid, String personId) {
        withLabel(hid, l -> open("person:" + personId, () -> new PersonFormView(
                PersonFormViewModel.edit(ctx, hid, personId, new FxDebouncer(FxDebouncer.SEARCH_DELAY), draftDelay()), this, l)));
    }

    @Override
    public void editHousehold(String hid) {
        withLabel(hid, l -> open("household:edit:" + hid, () -> new HouseholdFormView(new HouseholdFormViewModel(ctx, hid, draftDelay()), this, l)));
    }

    @Override
    public void editContact(String hid, String contactId) {
        withLabel(hid, l -> open("contact:" + contactId, () -> new ContactView(
                ContactViewModel.edit(ctx, hid, contactId, new FxDebouncer(Duration.seconds(1))), this, l)));
    }

    @Override
    public void planVisit(String hid) {
        withLabel(hid, l -> open("visit:new:" + hid, () -> new VisitPlanView(new VisitPlanViewModel(ctx, hid, draftDelay()), this, l)));
    }

    @Override
    public void editVisit(String hid, String visitId) {
        withLabel(hid, l -> open("visit:" + visitId, () -> new VisitPlanView(VisitPlanViewModel.edit(ctx, hid, visitId, draftDelay()), this, l)));
    }

    @Override
    public void editAid(String hid, String aidId) {
        if (!ctx.confidential()) return;
        withLabel(hid, l -> open("aid:" + aidId, () -> new AidView(AidViewModel.edit(ctx, hid, aidId, draftDelay()), this, l)));
    }

    /** Forms write their draft a second after the last keystroke. */
    private static FxDebouncer draftDelay() {
        return new FxDebouncer(Duration.seconds(1));
    }

    @Override
    public void openPlan(String hid, String planId) {
        if (!ctx.confidential()) return;
        withLabel(hid, l -> open("plan:" + (planId == null ? "new:" + hid : planId), () -> new PlanView(new PlanViewModel(ctx, hid, planId, draftDelay()), this, l)));
    }

    @Override
    public void newAid(String hid) {
        if (!ctx.confidential()) return;
        withLabel(hid, l -> open("aid:new:" + hid, () -> new AidView(new AidViewModel(ctx, hid, draftDelay()), this, l)));
    }

    /** The supervisor's indicators, computed in the background over the supervisor's sectors with the team's references. */
    private DeskScreen teamScreen() {
        SupervisorViewModel svm = new SupervisorViewModel(SupervisorTeam.of(ctx.store(), ctx.identity().workerId(), ctx::today),
                BACKGROUND, Platform::runLater, PrintViewModel.options(ctx).locale());
        SupervisorView view = new SupervisorView(svm);
        view.setId("team-view");
        svm.load();
        ScrollPane sp = new ScrollPane(view);
        sp.setFitToWidth(true);
        return new DeskScreen() {
            @Override
            public Node node() {
                return sp;
            }

            @Override
            public String title() {
                return Messages.get("desk.team.tab");
            }

            @Override
            public void refresh() {
                svm.refresh();
            }
        };
    }

    /** The team tab (supervisors only), or null. */
    public Tab teamTab() {
        return teamTab;
    }

    /** Opens the batch of PDF summaries; "the current filter" is the caseload list as shown now. */
    public void openBatch() {
        open("batch", () -> new BatchView(new BatchViewModel(ctx, () -> caseloadVm.rows().stream().map(r -> r.id()).toList(),
                BACKGROUND, Platform::runLater)));
    }

    // long work that reports progress (batches, indicators): one daemon thread each, off the FX thread
    private static final java.util.concurrent.Executor BACKGROUND = r -> {
        Thread t = new Thread(r, "carnet-desk-long");
        t.setDaemon(true);
        t.start();
    };

    @Override
    public void openAgenda() {
        tabs.getSelectionModel().select(agendaTab);
    }

    /** Opens the sync screen (connection, status, conflicts, outbox); {@code conflicts}: on the conflicts list. */
    public void openSync(boolean onConflicts) {
        open("sync", () -> {
            SyncView v = new SyncView(sync, conflicts, outbox);
            if (syncExtra != null) v.addToConnection(syncExtra.get());
            return v;
        });
        for (Tab t : tabs.getTabs()) {
            if (t.getUserData() instanceof SyncView v) {
                if (onConflicts) v.showConflicts();
                if (!sync.connectedProperty().get()) Platform.runLater(v::focusPassword);
            }
        }
    }

    public SyncViewModel syncViewModel() {
        return sync;
    }

    /** A section the sync screen shows under its connection card (the local demo server, on the demo store). */
    public void setSyncExtra(Supplier<Node> extra) {
        syncExtra = extra;
    }

    /** Stops the automatic sync (the window closes). */
    public void dispose() {
        if (syncHeader != null) syncHeader.stop();
    }

    @Override
    public void closeCurrent() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t != null && t.isClosable()) tabs.getTabs().remove(t);
    }

    @Override
    public void changed() {
        for (Tab t : tabs.getTabs()) ((DeskScreen) t.getUserData()).refresh();
        sync.refresh();
    }

    public BorderPane root() {
        return root;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** Adds a control at the right end of the top bar (the security menu, for instance). */
    public void addHeaderItem(Node n) {
        ((HBox) root.getTop()).getChildren().add(n);
    }

    /** Opens a screen that is not a case file (the audit trail): offline grace does not block it. */
    public void openScreen(String key, Supplier<DeskScreen> make) {
        open("tool:" + key, make);
    }

    /** Saves every open form's draft now (the desk is about to lock). */
    public void saveDrafts() {
        for (Tab t : tabs.getTabs()) ((DeskScreen) t.getUserData()).saveDraft();
    }

    /**
     * Offline grace: while it is over, the caseload and the agenda show a message instead of their
     * lists, open case files close (drafts kept), and none opens.
     */
    public void guardWith(OfflineGraceViewModel g) {
        grace = g;
        caseloadTab.setContent(new OfflineGracePane(caseloadTab.getContent(), g));
        agendaTab.setContent(new OfflineGracePane(agendaTab.getContent(), g));
        g.blockedProperty().addListener((o, a, blocked) -> {
            if (!blocked) return;
            saveDrafts();
            tabs.getTabs().removeIf(t -> t.isClosable() && !String.valueOf(t.getProperties().get("key")).startsWith("tool:"));
        });
        g.check();
    }

    /** The offline grace in force (null before {@link #guardWith}); whoever logs in to the server calls its check() after. */
    public OfflineGraceViewModel offlineGrace() {
        return grace;
    }
}
