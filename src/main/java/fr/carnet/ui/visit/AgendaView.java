package fr.carnet.ui.visit;

import atlantafx.base.theme.Styles;
import fr.carnet.domain.Enums.VisitStatus;
import fr.carnet.i18n.Messages;
import fr.carnet.store.HouseholdFileQueries.AgendaItem;
import fr.carnet.ui.common.DeskScreen;
import fr.carnet.ui.common.FormBuilder;
import fr.carnet.ui.common.Formats;
import fr.carnet.ui.common.Labels;
import fr.carnet.ui.common.Navigator;
import fr.carnet.ui.common.Ui;
import java.time.OffsetDateTime;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/** The week's visits; the selected one's outcome is recorded on the right. */
public final class AgendaView implements DeskScreen {
    private final AgendaViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ListView<AgendaItem> list = new ListView<>();

    public AgendaView(AgendaViewModel vm, Navigator nav) {
        this.vm = vm;
        Label week = Ui.heading("");
        week.setId("agenda-week");
        week.textProperty().bind(vm.weekTitleProperty());
        Button prev = Ui.button("desk.agenda.previous", MaterialDesignC.CHEVRON_LEFT, e -> vm.previousWeek());
        Button today = Ui.button("desk.agenda.thisWeek", null, e -> vm.thisWeek());
        Button next = Ui.button("desk.agenda.next", MaterialDesignC.CHEVRON_RIGHT, e -> vm.nextWeek());
        javafx.scene.control.ToggleGroup who = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.ToggleButton mine = new javafx.scene.control.ToggleButton(Messages.get("desk.agenda.mine"));
        mine.setId("agenda-mine");
        javafx.scene.control.ToggleButton all = new javafx.scene.control.ToggleButton(Messages.get("desk.agenda.all"));
        all.setId("agenda-all");
        for (javafx.scene.control.ToggleButton t : java.util.List.of(mine, all)) {
            t.setToggleGroup(who);
            t.setMnemonicParsing(true);
            t.setAccessibleText(t.getText().replace("_", ""));
            t.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        mine.getStyleClass().add(Styles.LEFT_PILL);
        all.getStyleClass().add(Styles.RIGHT_PILL);
        (vm.mineProperty().get() ? mine : all).setSelected(true);
        who.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) a.setSelected(true); // one of the two stays chosen
            else vm.mineProperty().set(b == mine);
        });
        javafx.scene.layout.Region grow = new javafx.scene.layout.Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, prev, today, next, week, grow, new HBox(mine, all));
        head.setAlignment(Pos.CENTER_LEFT);
        head.setPadding(new Insets(12));
        root.setTop(head);

        list.setId("agenda-list");
        list.setItems(vm.items());
        list.setAccessibleText(Messages.get("desk.agenda.title"));
        list.setPlaceholder(new Label(Messages.get("desk.agenda.empty")));
        Formats f = Formats.current();
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(AgendaItem it, boolean empty) {
                super.updateItem(it, empty);
                if (empty || it == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                OffsetDateTime at = OffsetDateTime.parse(it.visit().text("plannedAt"));
                Label day = new Label(Messages.get("desk.agenda.when", Labels.of(at.getDayOfWeek()), f.date(at.toLocalDate()), f.time(at)));
                day.getStyleClass().add(Styles.TEXT_MUTED);
                day.setMinWidth(170);
                Label who = new Label(it.householdLabel() == null ? "" : it.householdLabel());
                who.getStyleClass().add(Styles.TEXT_BOLD);
                String st = it.visit().text("status") == null ? "PLANNED" : it.visit().text("status");
                Label status = new Label(Labels.of(VisitStatus.class, st));
                status.getStyleClass().addAll("flag", "visit-" + st.toLowerCase(java.util.Locale.ROOT));
                Label purpose = new Label(it.visit().text("purpose") == null ? "" : it.visit().text("purpose"));
                purpose.setWrapText(true);
                VBox text = new VBox(2, new HBox(8, who, status), purpose);
                HBox.setHgrow(text, Priority.ALWAYS);
                text.setPrefWidth(1);
                text.setMaxWidth(Double.MAX_VALUE);
                HBox row = new HBox(12, day, text, Ui.syncBadge(it.visit().syncState()));
                setGraphic(row);
                setText(null);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != list.getSelectionModel().getSelectedItem()) list.getSelectionModel().select(b);
        });

        FormBuilder fb = new FormBuilder();
        ComboBox<VisitStatus> status = fb.row("status", "desk.agenda.outcome", Ui.enumCombo(VisitStatus.class, false));
        status.setId("visit-status");
        status.getItems().remove(VisitStatus.PLANNED);
        status.valueProperty().bindBidirectional(vm.outcomeStatusProperty());
        if (vm.confidential()) {
            TextArea obs = fb.row("observations", "desk.agenda.observations", new TextArea());
            obs.setId("visit-observations");
            obs.setPrefRowCount(5);
            obs.setWrapText(true);
            obs.textProperty().bindBidirectional(vm.observationsProperty());
            TextArea next2 = fb.row("nextSteps", "desk.agenda.nextSteps", new TextArea());
            next2.setId("visit-nextSteps");
            next2.setPrefRowCount(3);
            next2.setWrapText(true);
            next2.textProperty().bindBidirectional(vm.nextStepsProperty());
        }
        fb.bindErrors(vm.errors().byField());
        Button save = Ui.button("desk.agenda.record", MaterialDesignF.FLAG_CHECKERED, e -> vm.complete());
        save.setId("visit-complete");
        save.getStyleClass().add(Styles.ACCENT);
        Label msg = Ui.muted("");
        msg.textProperty().bind(javafx.beans.binding.Bindings.when(vm.messageProperty().isEmpty())
                .then(vm.draftStatusProperty()).otherwise(vm.messageProperty()));
        Button edit = Ui.button("desk.agenda.edit", org.kordamp.ikonli.materialdesign2.MaterialDesignP.PENCIL_OUTLINE, e -> {
            AgendaItem it = vm.selectedProperty().get();
            if (it != null) nav.editVisit(it.visit().text("householdId"), it.visit().id());
        });
        edit.setId("visit-edit");
        Label general = new Label();
        general.getStyleClass().add(Styles.DANGER);
        general.textProperty().bind(vm.errors().generalProperty());
        VBox detail = new VBox(8, Ui.heading(Messages.get("desk.agenda.outcomeTitle")), fb.build(), general, new HBox(8, save, edit, msg));
        detail.setPadding(new Insets(12));
        detail.disableProperty().bind(vm.selectedProperty().isNull());
        SplitPane split = new SplitPane(list, detail);
        split.setDividerPositions(0.55);
        root.setCenter(split);
        vm.load();
    }

    @Override
    public void save() {
        vm.complete();
    }

    @Override
    public void saveDraft() {
        vm.saveDraft();
    }

    @Override
    public void refresh() {
        vm.load();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public String title() {
        return Messages.get("desk.agenda.title");
    }

    @Override
    public Node initialFocus() {
        return list;
    }
}
