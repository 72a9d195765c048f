package fr.carnet.ui.household;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import fr.carnet.domain.Enums.AidDecision;
import fr.carnet.domain.RecordType;
import fr.carnet.i18n.Messages;
import fr.carnet.store.HouseholdFileQueries.PlanFile;
import fr.carnet.store.StoredRecord;
import fr.carnet.ui.aid.AidViewModel;
import fr.carnet.ui.child.ChildView;
import fr.carnet.ui.child.ChildViewModel;
import fr.carnet.ui.common.DeskScreen;
import fr.carnet.ui.common.FileDialogs;
import fr.carnet.ui.print.PrintViewModel;
import atlantafx.base.controls.Notification;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import fr.carnet.ui.common.Formats;
import fr.carnet.ui.common.Labels;
import fr.carnet.ui.common.Navigator;
import fr.carnet.ui.common.Ui;
import fr.carnet.ui.household.HouseholdViewModel.PersonRow;
import fr.carnet.ui.household.HouseholdViewModel.TimelineEntry;
import fr.carnet.ui.plan.PlanViewModel;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * A household's file in tabs: composition, situation, timeline, PIA, aid and — for children under
 * six — the child area (a placeholder that the growth chart view fills). A secretary gets neither
 * the PIA, aid nor child tabs, nor notes.
 */
public final class HouseholdView implements DeskScreen {
    /** Where the child follow-up (growth charts) is mounted; {@code fr.carnet.ui.child.GrowthChartView} fills it. */
    public static final String CHILD_AREA_ID = "child-area";
    private final HouseholdViewModel vm;
    private final Navigator nav;
    private final BorderPane root = new BorderPane();
    private final VBox banner = new VBox(4);
    private final PrintViewModel printer;

    public HouseholdView(HouseholdViewModel vm, Navigator nav) {
        this.vm = vm;
        this.nav = nav;
        this.printer = new PrintViewModel(vm.context());
        printer.failedProperty().addListener((o, a, failed) -> {
            if (failed) notifyPrint(printer.messageProperty().get(), true);
        });
        Label title = Ui.heading("");
        title.setId("household-title");
        title.textProperty().bind(vm.titleProperty());
        Label address = Ui.muted("");
        address.textProperty().bind(vm.addressProperty());
        StackPane badge = new StackPane();
        vm.syncStateProperty().addListener((o, a, s) -> badge.getChildren().setAll(Ui.syncBadge(s)));
        HBox titleRow = new HBox(12, title, badge);
        titleRow.setAlignment(Pos.CENTER_LEFT);

        Button contact = Ui.button("desk.household.newContact", MaterialDesignM.MESSAGE_PLUS_OUTLINE, e -> nav.newContact(vm.householdId()));
        contact.setId("new-contact");
        contact.getStyleClass().add(Styles.ACCENT);
        Button visit = Ui.button("desk.household.planVisit", MaterialDesignC.CALENDAR_PLUS, e -> nav.planVisit(vm.householdId()));
        visit.setId("plan-visit");
        Button person = Ui.button("desk.household.addPerson", MaterialDesignA.ACCOUNT_PLUS_OUTLINE, e -> nav.addPerson(vm.householdId()));
        person.setId("add-person");
        Button print = Ui.button("desk.print.button", MaterialDesignP.PRINTER_OUTLINE, e -> print());
        print.setId("print-summary");
        print.setTooltip(new javafx.scene.control.Tooltip(Messages.get("desk.print.button").replace("_", "") + " (Ctrl+P)"));
        print.disableProperty().bind(printer.busyProperty());
        FlowPane actions = new FlowPane(8, 8, contact, visit, person, print);
        if (vm.confidential()) {
            Button plan = Ui.button("desk.household.newPlan", MaterialDesignF.FLAG_PLUS_OUTLINE, e -> nav.openPlan(vm.householdId(), null));
            plan.setId("new-plan");
            Button aid = Ui.button("desk.household.newAid", MaterialDesignC.CASH_PLUS, e -> nav.newAid(vm.householdId()));
            aid.setId("new-aid");
            actions.getChildren().addAll(plan, aid);
        }
        banner.setId("household-banner");
        VBox head = new VBox(6, titleRow, address, actions, banner);
        head.setPadding(new Insets(12));
        root.setTop(head);

        TabPane tabs = new TabPane();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("household-tabs");
        tabs.getTabs().add(tab("desk.household.tab.composition", composition()));
        tabs.getTabs().add(tab("desk.household.tab.situation", situation()));
        tabs.getTabs().add(tab("desk.household.tab.timeline", timeline()));
        if (vm.confidential()) {
            tabs.getTabs().add(tab("desk.household.tab.plans", plans()));
            tabs.getTabs().add(tab("desk.household.tab.aid", aids()));
            Tab child = tab("desk.household.tab.children", children());
            child.setId("tab-children");
            child.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.children()));
            tabs.getTabs().add(child);
        }
        root.setCenter(tabs);
        vm.messageProperty().addListener((o, a, m) -> showMessage(m));
        vm.load();
    }

    private static Tab tab(String key, Node content) {
        Tab t = new Tab(Messages.get(key), content);
        t.setId("tab-" + key.substring(key.lastIndexOf('.') + 1));
        return t;
    }

    private void showMessage(String m) {
        banner.getChildren().clear();
        if (m == null || m.isBlank()) return;
        Label l = new Label(m);
        l.setWrapText(true);
        HBox box = new HBox(8, l);
        box.setAlignment(Pos.CENTER_LEFT);
        if (vm.lastDeletedProperty().get() != null) {
            Button undo = Ui.button("desk.delete.undo", MaterialDesignA.ARROW_U_LEFT_TOP, e -> vm.undo());
            undo.setId("undo-delete");
            undo.getStyleClass().add(Styles.SMALL);
            box.getChildren().add(undo);
        }
        box.getStyleClass().add("banner");
        banner.getChildren().add(box);
    }

    /** Asks once, inline, before deleting. */
    private void confirmDelete(RecordType type, String id, String what) {
        banner.getChildren().clear();
        Label q = new Label(Messages.get("desk.delete.confirm", what));
        q.setWrapText(true);
        Button yes = Ui.button("desk.delete.yes", MaterialDesignD.DELETE_OUTLINE, e -> vm.delete(type, id, what));
        yes.setId("confirm-delete");
        yes.getStyleClass().addAll(Styles.DANGER, Styles.SMALL);
        Button no = Ui.button("desk.form.cancel", null, e -> banner.getChildren().clear());
        no.getStyleClass().add(Styles.SMALL);
        HBox box = new HBox(8, q, yes, no);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("banner");
        banner.getChildren().add(box);
        yes.requestFocus();
    }

    private Node composition() {
        TableView<PersonRow> t = new TableView<>(vm.persons());
        t.setId("persons-table");
        t.setAccessibleText(Messages.get("desk.household.tab.composition"));
        t.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getColumns().add(col("desk.person.name", 220, PersonRow::name));
        t.getColumns().add(col("desk.person.relationship", 140, PersonRow::relationship));
        t.getColumns().add(col("desk.person.birthDate", 120, PersonRow::birthDate));
        t.getColumns().add(col("desk.person.age", 90, PersonRow::age));
        t.getColumns().add(col("desk.person.phone", 140, PersonRow::phone));
        TableColumn<PersonRow, PersonRow> sync = new TableColumn<>(Messages.get("desk.caseload.col.sync"));
        sync.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        sync.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(PersonRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                setGraphic(empty || r == null ? null : Ui.syncBadge(r.syncState()));
            }
        });
        t.getColumns().add(sync);
        t.setPlaceholder(new Label(Messages.get("desk.household.noPersons")));
        Button del = Ui.button("desk.person.delete", MaterialDesignD.DELETE_OUTLINE, e -> {
            PersonRow r = t.getSelectionModel().getSelectedItem();
            if (r != null) confirmDelete(RecordType.PERSON, r.id(), r.name());
        });
        del.setId("delete-person");
        del.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        del.disableProperty().bind(t.getSelectionModel().selectedItemProperty().isNull());
        Button edit = Ui.button("desk.person.edit", MaterialDesignP.PENCIL_OUTLINE, e -> {
            PersonRow r = t.getSelectionModel().getSelectedItem();
            if (r != null) nav.editPerson(vm.householdId(), r.id());
        });
        edit.setId("edit-person");
        edit.getStyleClass().add(Styles.SMALL);
        edit.disableProperty().bind(t.getSelectionModel().selectedItemProperty().isNull());
        t.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && t.getSelectionModel().getSelectedItem() != null)
                nav.editPerson(vm.householdId(), t.getSelectionModel().getSelectedItem().id());
        });
        MenuButton rgpd = rgpdMenu(t);
        VBox box = new VBox(6, t, new HBox(8, edit, del, rgpd));
        VBox.setVgrow(t, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private static <T> TableColumn<T, String> col(String key, double w, Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(Messages.get(key).replace("_", ""));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(w);
        return c;
    }

    private Node situation() {
        VBox box = new VBox(6);
        box.setPadding(new Insets(12));
        box.getChildren().add(fact("desk.household.address", vm.addressProperty()));
        box.getChildren().add(fact("desk.household.housing", vm.situationProperty()));
        box.getChildren().add(fact("desk.household.referents", vm.referentsProperty()));
        if (vm.confidential()) {
            Node notes = fact("desk.household.notes", vm.notesProperty());
            notes.setId("household-notes");
            box.getChildren().add(notes);
        }
        Button edit = Ui.button("desk.household.editSituation", MaterialDesignP.PENCIL_OUTLINE, e -> nav.editHousehold(vm.householdId()));
        edit.setId("edit-situation");
        edit.getStyleClass().add(Styles.SMALL);
        box.getChildren().add(edit);
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        return sp;
    }

    private static Node fact(String key, javafx.beans.value.ObservableStringValue value) {
        Label k = new Label(Messages.get(key));
        k.getStyleClass().add(Styles.TEXT_BOLD);
        Label v = new Label();
        v.setWrapText(true);
        v.textProperty().bind(javafx.beans.binding.Bindings.when(javafx.beans.binding.Bindings.createBooleanBinding(() -> value.get().isBlank(), value))
                .then(Messages.get("desk.household.notSpecified")).otherwise(value));
        v.setAccessibleText(Messages.get(key));
        return new VBox(2, k, v);
    }

    private Node timeline() {
        ListView<TimelineEntry> list = new ListView<>(vm.timeline());
        list.setId("timeline");
        list.setAccessibleText(Messages.get("desk.household.tab.timeline"));
        list.setPlaceholder(new Label(Messages.get("desk.household.noEvents")));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(TimelineEntry e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label when = new Label(e.when());
                when.getStyleClass().add(Styles.TEXT_MUTED);
                when.setMinWidth(130);
                Label title = new Label(e.title());
                title.getStyleClass().add(Styles.TEXT_BOLD);
                Label detail = new Label(e.detail());
                detail.setWrapText(true);
                VBox text = new VBox(2, title, detail);
                HBox.setHgrow(text, Priority.ALWAYS);
                text.setMaxWidth(Double.MAX_VALUE);
                text.setPrefWidth(1);
                HBox row = new HBox(12, when, text, Ui.syncBadge(e.syncState()));
                row.setAlignment(Pos.TOP_LEFT);
                setGraphic(row);
                setText(null);
            }
        });
        Button del = Ui.button("desk.timeline.delete", MaterialDesignD.DELETE_OUTLINE, e -> {
            TimelineEntry t = list.getSelectionModel().getSelectedItem();
            if (t != null) confirmDelete(t.type(), t.id(), t.title() + " (" + t.when() + ")");
        });
        del.setId("delete-event");
        del.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        del.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        Button edit = Ui.button("desk.timeline.edit", MaterialDesignP.PENCIL_OUTLINE, e -> {
            TimelineEntry t = list.getSelectionModel().getSelectedItem();
            if (t != null && t.type() == RecordType.CONTACT) nav.editContact(vm.householdId(), t.id());
            if (t != null && t.type() == RecordType.VISIT) nav.editVisit(vm.householdId(), t.id());
        });
        edit.setId("edit-event");
        edit.getStyleClass().add(Styles.SMALL);
        edit.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            TimelineEntry t = list.getSelectionModel().getSelectedItem();
            return t == null || (t.type() != RecordType.CONTACT && t.type() != RecordType.VISIT);
        }, list.getSelectionModel().selectedItemProperty()));
        VBox box = new VBox(6, list, new HBox(8, edit, del));
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node plans() {
        VBox box = new VBox(8);
        box.setPadding(new Insets(12));
        Runnable fill = () -> {
            box.getChildren().clear();
            if (vm.plans().isEmpty()) box.getChildren().add(Ui.muted(Messages.get("desk.household.noPlans")));
            for (PlanFile p : vm.plans()) {
                StoredRecord plan = p.plan();
                Formats f = Formats.current();
                Label t = new Label(Messages.get("desk.plan.summaryLine", f.isoDate(plan.text("startDate")), f.isoDate(plan.text("plannedEndDate")),
                        Labels.of(fr.carnet.domain.Enums.PlanStatus.class, plan.text("status") == null ? "DRAFT" : plan.text("status")),
                        p.objectives().size()));
                t.getStyleClass().add(Styles.TEXT_BOLD);
                t.setWrapText(true);
                PlanViewModel.Flags fl = PlanViewModel.Flags.of(p, vm.context().today());
                HBox flags = new HBox(6);
                if (fl.pastPlannedEnd()) flags.getChildren().add(flag("desk.plan.flag.pastEnd"));
                if (fl.evaluationDue()) flags.getChildren().add(flag("desk.plan.flag.evaluationDue"));
                Button open = Ui.button("desk.plan.open", MaterialDesignF.FOLDER_OPEN_OUTLINE, e -> nav.openPlan(vm.householdId(), plan.id()));
                open.getStyleClass().add(Styles.SMALL);
                HBox row = new HBox(10, t, flags, Ui.syncBadge(plan.syncState()), open);
                row.setAlignment(Pos.CENTER_LEFT);
                row.getStyleClass().add("plan-row");
                box.getChildren().add(row);
            }
        };
        vm.plans().addListener((ListChangeListener<PlanFile>) c -> fill.run());
        fill.run();
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        return sp;
    }

    private static Label flag(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().addAll("flag", "flag-warning");
        return l;
    }

    private Node aids() {
        TableView<StoredRecord> t = new TableView<>(vm.aids());
        t.setId("aid-table");
        t.setAccessibleText(Messages.get("desk.household.tab.aid"));
        t.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Formats f = Formats.current();
        t.getColumns().add(col("desk.aid.kind", 200, (StoredRecord a) -> a.text("kind") == null ? "" : a.text("kind")));
        TableColumn<StoredRecord, String> amount = col("desk.aid.amount", 130,
                (StoredRecord a) -> a.get("amountCents") == null ? "" : f.money(a.get("amountCents").asLong()));
        amount.setStyle("-fx-alignment: CENTER-RIGHT;");
        t.getColumns().add(amount);
        t.getColumns().add(col("desk.aid.requestedOn", 120, (StoredRecord a) -> f.isoDate(a.text("requestedOn"))));
        t.getColumns().add(col("desk.aid.decision", 120, (StoredRecord a) -> Labels.of(AidDecision.class, a.text("decision"))));
        t.getColumns().add(col("desk.aid.decidedOn", 120, (StoredRecord a) -> f.isoDate(a.text("decidedOn"))));
        TableColumn<StoredRecord, StoredRecord> sync = new TableColumn<>(Messages.get("desk.caseload.col.sync"));
        sync.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        sync.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(StoredRecord r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                setGraphic(empty || r == null ? null : Ui.syncBadge(r.syncState()));
            }
        });
        t.getColumns().add(sync);
        t.setPlaceholder(new Label(Messages.get("desk.household.noAid")));
        AidViewModel decider = new AidViewModel(vm.context(), vm.householdId());
        MenuButton decide = new MenuButton(Messages.get("desk.aid.decide"));
        decide.setMnemonicParsing(true);
        decide.setAccessibleText(Messages.get("desk.aid.decide").replace("_", ""));
        for (AidDecision d : AidDecision.values()) {
            MenuItem mi = new MenuItem(Labels.of(d));
            mi.setOnAction(e -> {
                StoredRecord a = t.getSelectionModel().getSelectedItem();
                if (a != null) decider.decide(a.id(), d, () -> {
                    vm.load();
                    nav.changed();
                });
            });
            decide.getItems().add(mi);
        }
        decide.disableProperty().bind(t.getSelectionModel().selectedItemProperty().isNull());
        decide.getStyleClass().add(Styles.SMALL);
        Button del = Ui.button("desk.aid.delete", MaterialDesignD.DELETE_OUTLINE, e -> {
            StoredRecord a = t.getSelectionModel().getSelectedItem();
            if (a != null) confirmDelete(RecordType.AID, a.id(), a.text("kind") == null ? Messages.get("desk.aid.one") : a.text("kind"));
        });
        del.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        del.disableProperty().bind(t.getSelectionModel().selectedItemProperty().isNull());
        Button edit = Ui.button("desk.aid.edit", MaterialDesignP.PENCIL_OUTLINE, e -> {
            StoredRecord a = t.getSelectionModel().getSelectedItem();
            if (a != null) nav.editAid(vm.householdId(), a.id());
        });
        edit.setId("edit-aid");
        edit.getStyleClass().add(Styles.SMALL);
        edit.disableProperty().bind(t.getSelectionModel().selectedItemProperty().isNull());
        t.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && t.getSelectionModel().getSelectedItem() != null)
                nav.editAid(vm.householdId(), t.getSelectionModel().getSelectedItem().id());
        });
        VBox box = new VBox(6, t, new HBox(8, edit, decide, del));
        VBox.setVgrow(t, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node children() {
        VBox box = new VBox(10);
        box.setPadding(new Insets(12));
        // One child at a time: a pill per child under six, the selected child's panel below.
        HBox pills = new HBox();
        pills.setId("child-selector");
        StackPane area = new StackPane(Ui.muted(Messages.get("desk.child.placeholder")));
        area.setId(CHILD_AREA_ID);
        area.setAlignment(Pos.TOP_LEFT);
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        boolean[] rebuilding = {false};
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (rebuilding[0]) return;
            if (now == null) {
                if (was != null && pills.getChildren().contains((Node) was)) was.setSelected(true);
                return;
            }
            if (area.getChildren().size() == 1 && area.getChildren().get(0) instanceof ChildView old) old.dispose();
            ChildViewModel cvm = new ChildViewModel(vm.context(), (String) now.getUserData());
            area.getChildren().setAll(new ChildView(cvm));
            cvm.load();
        });
        Runnable fill = () -> {
            String selected = group.getSelectedToggle() == null ? null : (String) group.getSelectedToggle().getUserData();
            rebuilding[0] = true;
            pills.getChildren().clear();
            group.getToggles().clear();
            javafx.scene.control.ToggleButton first = null, again = null;
            for (int i = 0; i < vm.children().size(); i++) {
                PersonRow c = vm.children().get(i);
                javafx.scene.control.ToggleButton b = new javafx.scene.control.ToggleButton(Messages.get("desk.child.line", c.name(), c.age()));
                b.setId("child-" + i);
                b.setUserData(c.id());
                b.setToggleGroup(group);
                int n = vm.children().size();
                if (n > 1) b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == n - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
                pills.getChildren().add(b);
                if (first == null) first = b;
                if (c.id().equals(selected)) again = b;
            }
            if (again != null) {
                // the same child stays selected: its panel (and what is typed in it) stays, and reloads
                group.selectToggle(again);
                rebuilding[0] = false;
                if (area.getChildren().size() == 1 && area.getChildren().get(0) instanceof ChildView cv) cv.reload();
            } else {
                rebuilding[0] = false;
                if (first != null) group.selectToggle(first);
            }
        };
        vm.children().addListener((ListChangeListener<PersonRow>) c -> fill.run());
        fill.run();
        box.getChildren().addAll(pills, area);
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        Ui.followFocus(sp);
        return sp;
    }

    /** Asks where to save the household's summary, then builds it in the background and says where it went. */
    @Override
    public void print() {
        if (printer.busyProperty().get()) return;
        javafx.stage.Window w = root.getScene() == null ? null : root.getScene().getWindow();
        FileDialogs.saveFile(w, "desk.print.title", printer.suggestedName(vm.householdId(), vm.titleProperty().get()), "pdf")
                .ifPresent(p -> {
                    notifyPrint(Messages.get("desk.print.busy"), false);
                    printer.print(vm.householdId(), p, f -> notifyPrint(printer.messageProperty().get(), true));
                });
    }

    /** Right of access (RGPD art. 15): everything held about the selected person, as JSON or PDF. */
    private MenuButton rgpdMenu(TableView<PersonRow> t) {
        fr.carnet.ui.print.RgpdExportViewModel export = new fr.carnet.ui.print.RgpdExportViewModel(vm.context());
        MenuButton menu = new MenuButton(Messages.get("security.rgpd.menu"));
        menu.setId("rgpd-export");
        menu.setGraphic(new FontIcon(MaterialDesignF.FILE_EXPORT_OUTLINE));
        menu.setAccessibleText(Messages.get("security.rgpd.menu").replace("_", ""));
        menu.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        for (var format : fr.carnet.ui.print.RgpdExportViewModel.Format.values()) {
            MenuItem item = new MenuItem(Messages.get(format == fr.carnet.ui.print.RgpdExportViewModel.Format.PDF
                    ? "security.rgpd.menu.pdf" : "security.rgpd.menu.json"));
            item.setId("rgpd-export-" + format.name().toLowerCase(java.util.Locale.ROOT));
            item.setOnAction(e -> {
                PersonRow r = t.getSelectionModel().getSelectedItem();
                if (r == null) return;
                javafx.stage.Window w = root.getScene() == null ? null : root.getScene().getWindow();
                FileDialogs.saveFile(w, "security.rgpd.saveTitle", export.suggestedName(r.id(), format),
                        format == fr.carnet.ui.print.RgpdExportViewModel.Format.PDF ? "pdf" : "json").ifPresent(p -> {
                            notify(Messages.get("security.rgpd.busy"), MaterialDesignF.FILE_EXPORT_OUTLINE, Styles.ACCENT);
                            export.export(r.id(), format, p, f -> notify(export.messageProperty().get(), MaterialDesignF.FILE_CHECK_OUTLINE, Styles.SUCCESS));
                        });
            });
            menu.getItems().add(item);
        }
        export.failedProperty().addListener((o, a, failed) -> {
            if (failed) notify(export.messageProperty().get(), MaterialDesignA.ALERT_OUTLINE, Styles.DANGER);
        });
        menu.disableProperty().bind(t.getSelectionModel().selectedItemProperty().isNull().or(export.busyProperty()));
        return menu;
    }

    private void notify(String text, org.kordamp.ikonli.Ikon icon, String style) {
        banner.getChildren().clear();
        Notification n = new Notification(text, new FontIcon(icon));
        n.setId("rgpd-notification");
        n.getStyleClass().add(style);
        n.setOnClose(e -> banner.getChildren().remove(n));
        n.setMaxWidth(640);
        banner.getChildren().add(n);
    }

    private void notifyPrint(String text, boolean done) {
        banner.getChildren().clear();
        if (printer.failedProperty().get()) text = printer.messageProperty().get();
        Notification n = new Notification(text, new FontIcon(printer.failedProperty().get() ? MaterialDesignA.ALERT_OUTLINE
                : done ? MaterialDesignF.FILE_PDF_BOX : MaterialDesignP.PRINTER_OUTLINE));
        n.setId("print-notification");
        n.getStyleClass().add(printer.failedProperty().get() ? Styles.DANGER : done ? Styles.SUCCESS : Styles.ACCENT);
        n.setOnClose(e -> banner.getChildren().remove(n));
        n.setMaxWidth(640);
        banner.getChildren().add(n);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public String title() {
        return vm.titleProperty().get().isBlank() ? Messages.get("desk.household.tabTitle") : vm.titleProperty().get();
    }

    public javafx.beans.property.StringProperty titleProperty() {
        return vm.titleProperty();
    }

    @Override
    public void refresh() {
        vm.load();
    }

    @Override
    public String householdId() {
        return vm.householdId();
    }

    Region region() {
        return root;
    }
}
