package fr.carnet.ui.plan;

import atlantafx.base.theme.Styles;
import fr.carnet.domain.Enums.ActionWho;
import fr.carnet.domain.Enums.InterventionDomain;
import fr.carnet.domain.Enums.ObjectiveStatus;
import fr.carnet.domain.Enums.PlanStatus;
import fr.carnet.domain.Enums.Rating;
import fr.carnet.i18n.Messages;
import fr.carnet.store.HouseholdFileQueries.Revision;
import fr.carnet.store.StoredRecord;
import fr.carnet.ui.common.DeskScreen;
import fr.carnet.ui.common.FormBuilder;
import fr.carnet.ui.common.Formats;
import fr.carnet.ui.common.Labels;
import fr.carnet.ui.common.Navigator;
import fr.carnet.ui.common.Ui;
import fr.carnet.ui.plan.PlanViewModel.EvaluationRow;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The PIA screen: plan, objectives, actions, co-evaluations, closure and revision history. */
public final class PlanView implements DeskScreen {
    private final PlanViewModel vm;
    private final Navigator nav;
    private final ScrollPane root;
    private final TextArea diagnosisArea;
    private final String title;
    private final HBox header = new HBox(8);
    private final VBox objectivesBox = new VBox(4);
    private final VBox actionsBox = new VBox(4);
    private final VBox evalRowsBox = new VBox(8);
    private final VBox evaluationsBox = new VBox(4);
    private final VBox historyBox = new VBox(2);

    public PlanView(PlanViewModel vm, Navigator nav, String householdTitle) {
        this.vm = vm;
        this.nav = nav;
        this.title = Messages.get("desk.plan.title", householdTitle);
        // The plan itself
        FormBuilder fb = new FormBuilder();
        diagnosisArea = fb.row("diagnosis", "desk.plan.diagnosis", new TextArea());
        diagnosisArea.setId("plan-diagnosis");
        diagnosisArea.setPrefRowCount(4);
        diagnosisArea.setWrapText(true);
        diagnosisArea.textProperty().bindBidirectional(vm.diagnosisProperty());
        TextArea strengths = fb.row("strengths", "desk.plan.strengths", new TextArea());
        strengths.setId("plan-strengths");
        strengths.setPrefRowCount(3);
        strengths.setWrapText(true);
        strengths.textProperty().bindBidirectional(vm.strengthsProperty());
        TextField start = dateField(fb, "startDate", "desk.plan.startDate", vm.startDateProperty());
        start.setId("plan-start");
        TextField end = dateField(fb, "plannedEndDate", "desk.plan.plannedEndDate", vm.plannedEndDateProperty());
        end.setId("plan-end");
        TextField agreement = dateField(fb, "agreementDate", "desk.plan.agreementDate", vm.agreementDateProperty());
        agreement.setId("plan-agreement");
        fb.bindErrors(vm.errors().byField());
        Button savePlan = Ui.button("desk.plan.save", MaterialDesignC.CONTENT_SAVE_OUTLINE, e -> vm.savePlan());
        savePlan.setId("plan-save");
        savePlan.getStyleClass().add(Styles.ACCENT);
        savePlan.textProperty().bind(javafx.beans.binding.Bindings.when(vm.planIdProperty().isNull())
                .then(Messages.get("desk.plan.save")).otherwise(Messages.get("desk.plan.revise")));
        Label message = Ui.muted("");
        message.setId("plan-message");
        message.textProperty().bind(vm.messageProperty());
        HBox planActions = new HBox(10, savePlan, message, Ui.draftStatus(vm.draftStatusProperty()));
        planActions.setAlignment(Pos.CENTER_LEFT);
        VBox planSection = new VBox(6, fb.build(), errorLabel(vm.errors().generalProperty()), planActions);

        // Objectives
        FormBuilder ob = new FormBuilder();
        ComboBox<InterventionDomain> domain = ob.row("domain", "desk.plan.objective.domain", Ui.enumCombo(InterventionDomain.class, false));
        domain.setId("objective-domain");
        domain.valueProperty().bindBidirectional(vm.objDomainProperty());
        TextField statement = ob.row("statement", "desk.plan.objective.statement", new TextField());
        statement.setId("objective-statement");
        statement.textProperty().bindBidirectional(vm.objStatementProperty());
        TextField criteria = ob.row("criteria", "desk.plan.objective.criteria", new TextField());
        criteria.setId("objective-criteria");
        criteria.textProperty().bindBidirectional(vm.objCriteriaProperty());
        dateField(ob, "targetDate", "desk.plan.objective.targetDate", vm.objTargetProperty()).setId("objective-target");
        ob.bindErrors(vm.objErrors().byField());
        Button addObj = Ui.button("desk.plan.objective.add", MaterialDesignP.PLUS, e -> vm.addObjective());
        addObj.setId("objective-add");
        HBox objActions = editActions(addObj, "objective", vm.objEditProperty(), vm::cancelObjectiveEdit,
                "desk.plan.objective.add", "desk.plan.objective.save");
        VBox objSection = new VBox(6, objectivesBox, new Separator(), ob.build(), errorLabel(vm.objErrors().generalProperty()), objActions);

        // Actions
        FormBuilder ab = new FormBuilder();
        ComboBox<StoredRecord> actObj = ab.row("objectiveId", "desk.plan.action.objective", new ComboBox<>(vm.objectives()));
        actObj.setId("action-objective");
        actObj.setConverter(new StringConverter<>() {
            @Override
            public String toString(StoredRecord o) {
                return o == null ? "" : o.text("statement");
            }

            @Override
            public StoredRecord fromString(String s) {
                return null;
            }
        });
        actObj.valueProperty().bindBidirectional(vm.actObjectiveProperty());
        ComboBox<ActionWho> who = ab.row("who", "desk.plan.action.who", Ui.enumCombo(ActionWho.class, false));
        who.setId("action-who");
        who.valueProperty().bindBidirectional(vm.actWhoProperty());
        TextField partner = ab.row("partner", "desk.plan.action.partner", new TextField());
        partner.setId("action-partner");
        partner.textProperty().bindBidirectional(vm.actPartnerProperty());
        TextField desc = ab.row("description", "desk.plan.action.description", new TextField());
        desc.setId("action-description");
        desc.textProperty().bindBidirectional(vm.actDescriptionProperty());
        dateField(ab, "dueDate", "desk.plan.action.dueDate", vm.actDueProperty());
        ab.bindErrors(vm.actErrors().byField());
        Button addAct = Ui.button("desk.plan.action.add", MaterialDesignP.PLUS, e -> vm.addAction());
        addAct.setId("action-add");
        HBox actActions = editActions(addAct, "action", vm.actEditProperty(), vm::cancelActionEdit,
                "desk.plan.action.add", "desk.plan.action.save");
        VBox actSection = new VBox(6, actionsBox, new Separator(), ab.build(), errorLabel(vm.actErrors().generalProperty()), actActions);

        // Co-evaluation
        FormBuilder eb = new FormBuilder();
        dateField(eb, "date", "desk.plan.eval.date", vm.evalDateProperty()).setId("eval-date");
        TextField participants = eb.row("participants", "desk.plan.eval.participants", new TextField());
        participants.setPromptText(Messages.get("desk.plan.eval.participantsPrompt"));
        participants.textProperty().bindBidirectional(vm.evalParticipantsProperty());
        eb.span(evalRowsBox);
        Label progressError = new Label();
        progressError.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        vm.evalErrors().byField().addListener((javafx.collections.MapChangeListener<String, String>) c ->
                progressError.setText(vm.evalErrors().byField().getOrDefault("progress", "")));
        eb.span(progressError);
        TextArea evalNotes = eb.row("notes", "desk.plan.eval.notes", new TextArea());
        evalNotes.setPrefRowCount(2);
        evalNotes.setWrapText(true);
        evalNotes.textProperty().bindBidirectional(vm.evalNotesProperty());
        CheckBox fin = eb.row("final", "desk.plan.eval.final", new CheckBox());
        fin.selectedProperty().bindBidirectional(vm.evalFinalProperty());
        eb.bindErrors(vm.evalErrors().byField());
        Button evaluate = Ui.button("desk.plan.eval.save", MaterialDesignC.CHECK_ALL, e -> vm.evaluate());
        evaluate.setId("eval-save");
        VBox evalSection = new VBox(6, evaluationsBox, new Separator(), eb.build(), errorLabel(vm.evalErrors().generalProperty()), evaluate);

        // Closure
        FormBuilder cb = new FormBuilder();
        dateField(cb, "closedOn", "desk.plan.closedOn", vm.closedOnProperty()).setId("close-date");
        TextField reason = cb.row("closureReason", "desk.plan.closureReason", new TextField());
        reason.setId("close-reason");
        reason.textProperty().bindBidirectional(vm.closureReasonProperty());
        cb.bindErrors(vm.closeErrors().byField());
        Button close = Ui.button("desk.plan.close", MaterialDesignF.FLAG_CHECKERED, e -> vm.close());
        close.setId("plan-close");
        close.getStyleClass().add(Styles.DANGER);
        VBox closeSection = new VBox(6, cb.build(), errorLabel(vm.closeErrors().generalProperty()), close);

        TitledPane objPane = section("desk.plan.section.objectives", objSection);
        TitledPane actPane = section("desk.plan.section.actions", actSection);
        TitledPane evalPane = section("desk.plan.section.evaluation", evalSection);
        TitledPane closePane = section("desk.plan.section.closure", closeSection);
        TitledPane histPane = section("desk.plan.section.history", historyBox);
        histPane.setExpanded(false);
        for (TitledPane p : java.util.List.of(objPane, actPane, evalPane, closePane, histPane))
            p.disableProperty().bind(vm.planIdProperty().isNull());
        closePane.setExpanded(false);

        header.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(10, Ui.heading(title), header, section("desk.plan.section.plan", planSection), objPane, actPane, evalPane, closePane, histPane);
        content.setPadding(new Insets(16));
        content.setMaxWidth(1000);
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        Ui.followFocus(root);
        root.setId("plan-view");

        vm.objectives().addListener((ListChangeListener<StoredRecord>) c -> fillObjectives());
        vm.actions().addListener((ListChangeListener<StoredRecord>) c -> fillActions());
        vm.evalRows().addListener((ListChangeListener<EvaluationRow>) c -> fillEvalRows());
        vm.evaluations().addListener((ListChangeListener<StoredRecord>) c -> fillEvaluations());
        vm.history().addListener((ListChangeListener<Revision>) c -> fillHistory());
        vm.flagsProperty().addListener((o, a, b) -> fillHeader());
        vm.statusProperty().addListener((o, a, b) -> fillHeader());
        fillObjectives();
        fillActions();
        fillEvaluations();
        fillHeader();
        vm.load();
    }

    /**
     * The buttons under the objective or action form: add, or — while a record is changed in
     * place — save and cancel, with the record's sync state.
     */
    private static HBox editActions(Button submit, String idPrefix, javafx.beans.property.ObjectProperty<fr.carnet.ui.common.RecordEdit> editing,
                                    Runnable cancelEdit, String addKey, String saveKey) {
        Button cancel = Ui.button("desk.form.cancel", null, e -> cancelEdit.run());
        cancel.setId(idPrefix + "-cancel");
        StackPane badge = new StackPane();
        HBox box = new HBox(8, submit, cancel, badge);
        box.setAlignment(Pos.CENTER_LEFT);
        Runnable show = () -> {
            var e = editing.get();
            boolean on = e != null;
            String text = Messages.get(on ? saveKey : addKey);
            submit.setText(text);
            submit.setAccessibleText(text.replace("_", ""));
            submit.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(on ? MaterialDesignC.CONTENT_SAVE_OUTLINE : MaterialDesignP.PLUS));
            cancel.setVisible(on);
            cancel.setManaged(on);
            badge.getChildren().setAll(on ? java.util.List.of(Ui.syncBadge(e.syncStateProperty())) : java.util.List.of());
        };
        editing.addListener((o, a, b) -> show.run());
        show.run();
        return box;
    }

    /** A small icon-only button on a list row (edit), with its accessible text and a tooltip. */
    private static Button rowButton(String id, String accessible, Runnable action) {
        Button b = new Button();
        b.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(MaterialDesignP.PENCIL_OUTLINE));
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        b.setAccessibleText(accessible);
        b.setTooltip(new javafx.scene.control.Tooltip(accessible));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static TitledPane section(String key, Node content) {
        TitledPane p = new TitledPane(Messages.get(key), content);
        p.setAccessibleText(Messages.get(key));
        return p;
    }

    private static TextField dateField(FormBuilder fb, String field, String key, javafx.beans.property.StringProperty p) {
        TextField t = fb.row(field, key, new TextField());
        t.setPromptText(Formats.current().datePrompt());
        t.textProperty().bindBidirectional(p);
        t.setMaxWidth(200);
        return t;
    }

    private static Label errorLabel(javafx.beans.value.ObservableStringValue s) {
        Label l = new Label();
        l.getStyleClass().add(Styles.DANGER);
        l.setWrapText(true);
        l.textProperty().bind(s);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }

    private void fillHeader() {
        header.getChildren().clear();
        if (vm.statusProperty().get() != null) {
            Label st = new Label(Labels.of(vm.statusProperty().get()));
            st.getStyleClass().addAll("flag", vm.statusProperty().get() == PlanStatus.CLOSED ? "flag-closed" : "flag-plan");
            st.setId("plan-status");
            header.getChildren().add(st);
        }
        PlanViewModel.Flags f = vm.flagsProperty().get();
        if (f.pastPlannedEnd()) header.getChildren().add(flag("desk.plan.flag.pastEnd"));
        if (f.evaluationDue()) header.getChildren().add(flag("desk.plan.flag.evaluationDue", PlanViewModel.EVALUATION_MONTHS));
    }

    private static Label flag(String key, Object... args) {
        Label l = new Label(Messages.get(key, args));
        l.getStyleClass().addAll("flag", "flag-warning");
        return l;
    }

    private void fillObjectives() {
        objectivesBox.getChildren().clear();
        if (vm.objectives().isEmpty()) objectivesBox.getChildren().add(Ui.muted(Messages.get("desk.plan.noObjectives")));
        Formats f = Formats.current();
        for (StoredRecord o : vm.objectives()) {
            Label dom = new Label(Labels.of(InterventionDomain.class, o.text("domain")));
            dom.getStyleClass().addAll("flag", "flag-plan");
            dom.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            dom.setPrefWidth(190);
            Label st = new Label(o.text("statement"));
            st.getStyleClass().add(Styles.TEXT_BOLD);
            st.setWrapText(true);
            String crit = o.text("criteria") == null ? "" : Messages.get("desk.plan.objective.criteriaLine", o.text("criteria"));
            String target = o.text("targetDate") == null ? "" : Messages.get("desk.plan.objective.targetLine", f.isoDate(o.text("targetDate")));
            Label meta = Ui.muted((crit + "  " + target).strip());
            Label status = new Label(Labels.of(ObjectiveStatus.class, o.text("status")));
            status.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            meta.setWrapText(true);
            VBox text = new VBox(2, st, meta);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            Button edit = rowButton("objective-edit-" + vm.objectives().indexOf(o),
                    Messages.get("desk.plan.objective.edit", o.text("statement")), () -> vm.editObjective(o));
            HBox row = new HBox(10, dom, text, status, Ui.syncBadge(o.syncState()), edit);
            row.setAlignment(Pos.CENTER_LEFT);
            objectivesBox.getChildren().add(row);
        }
    }

    private void fillActions() {
        actionsBox.getChildren().clear();
        if (vm.actions().isEmpty()) actionsBox.getChildren().add(Ui.muted(Messages.get("desk.plan.noActions")));
        Formats f = Formats.current();
        for (StoredRecord a : vm.actions()) {
            String who = Labels.of(ActionWho.class, a.text("who")) + (a.text("partner") == null ? "" : " (" + a.text("partner") + ")");
            Label l = new Label(Messages.get("desk.plan.action.line", who, a.text("description"),
                    a.text("dueDate") == null ? "—" : f.isoDate(a.text("dueDate"))));
            l.setWrapText(true);
            Button edit = rowButton("action-edit-" + vm.actions().indexOf(a),
                    Messages.get("desk.plan.action.edit", a.text("description")), () -> vm.editAction(a));
            HBox row = new HBox(10, l, Ui.syncBadge(a.syncState()), edit);
            HBox.setHgrow(l, Priority.ALWAYS);
            l.setMaxWidth(Double.MAX_VALUE);
            row.setAlignment(Pos.CENTER_LEFT);
            actionsBox.getChildren().add(row);
        }
    }

    private void fillEvalRows() {
        evalRowsBox.getChildren().clear();
        for (EvaluationRow r : vm.evalRows()) {
            Label st = new Label(r.statement);
            st.getStyleClass().add(Styles.TEXT_BOLD);
            st.setWrapText(true);
            ComboBox<Rating> rating = Ui.enumCombo(Rating.class, true);
            rating.setId("rating-" + r.objectiveId);
            rating.getStyleClass().add("eval-rating");
            rating.valueProperty().bindBidirectional(r.rating);
            rating.setAccessibleText(Messages.get("desk.plan.eval.ratingFor", r.statement));
            rating.setPromptText(Messages.get("desk.plan.eval.rating"));
            rating.setPrefWidth(220);
            rating.setMinWidth(220);
            TextField comment = new TextField();
            comment.setPromptText(Messages.get("desk.plan.eval.workerComment"));
            comment.setAccessibleText(Messages.get("desk.plan.eval.workerComment"));
            comment.textProperty().bindBidirectional(r.workerComment);
            TextField view = new TextField();
            view.setPromptText(Messages.get("desk.plan.eval.personView"));
            view.setAccessibleText(Messages.get("desk.plan.eval.personView"));
            view.textProperty().bindBidirectional(r.personView);
            GridPane g = new GridPane();
            g.setHgap(8);
            g.setVgap(4);
            g.add(st, 0, 0, 2, 1);
            g.add(rating, 0, 1);
            g.add(comment, 1, 1);
            g.add(view, 1, 2);
            GridPane.setHgrow(comment, Priority.ALWAYS);
            GridPane.setHgrow(view, Priority.ALWAYS);
            g.getStyleClass().add("eval-row");
            evalRowsBox.getChildren().add(g);
        }
    }

    private void fillEvaluations() {
        evaluationsBox.getChildren().clear();
        if (vm.evaluations().isEmpty()) {
            evaluationsBox.getChildren().add(Ui.muted(Messages.get("desk.plan.noEvaluations")));
            return;
        }
        Formats f = Formats.current();
        for (StoredRecord e : vm.evaluations()) {
            StringBuilder sb = new StringBuilder();
            for (StoredRecord o : vm.objectives()) {
                String r = PlanViewModel.ratingOf(e, o.id());
                if (!r.isEmpty()) sb.append(Messages.get("desk.plan.eval.ratingLine", o.text("statement"), Labels.of(Rating.class, r))).append('\n');
            }
            Label head = new Label(Messages.get(e.get("final") != null && e.get("final").asBoolean() ? "desk.plan.eval.headFinal" : "desk.plan.eval.head",
                    f.isoDate(e.text("date"))));
            head.getStyleClass().add(Styles.TEXT_BOLD);
            Label body = new Label(sb.toString().strip());
            body.setWrapText(true);
            evaluationsBox.getChildren().add(new VBox(2, new HBox(8, head, Ui.syncBadge(e.syncState())), body));
        }
    }

    private void fillHistory() {
        historyBox.getChildren().clear();
        for (Revision r : vm.history()) historyBox.getChildren().add(new Label(PlanViewModel.describe(r)));
    }

    @Override
    public void save() {
        vm.savePlan();
    }

    @Override
    public void saveDraft() {
        vm.saveDrafts();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Node initialFocus() {
        return diagnosisArea;
    }

    @Override
    public String householdId() {
        return vm.householdId();
    }

}
