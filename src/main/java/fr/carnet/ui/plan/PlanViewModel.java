package fr.carnet.ui.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.ActionWho;
import fr.carnet.domain.Enums.InterventionDomain;
import fr.carnet.domain.Enums.PlanStatus;
import fr.carnet.domain.Enums.Rating;
import fr.carnet.domain.RecordType;
import fr.carnet.i18n.Messages;
import fr.carnet.store.HouseholdFileQueries;
import fr.carnet.store.HouseholdFileQueries.PlanFile;
import fr.carnet.store.HouseholdFileQueries.Revision;
import fr.carnet.store.StoredRecord;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.carnet.ui.common.Debouncer;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.FormDraft;
import fr.carnet.ui.common.RecordEdit;
import fr.carnet.ui.common.FormErrors;
import fr.carnet.ui.common.Formats;
import fr.carnet.util.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A PIA (projet individualisé d'accompagnement): the diagnosis and strengths, the agreement and
 * its date, objectives by domain with criteria and target dates, actions (who does what),
 * co-evaluations rating each objective with the worker's comment and the person's own view,
 * revisions (every change is journalled, and the history is shown), and closure with a reason.
 * Objectives and actions can be changed in place (only the changed fields are written). What is
 * typed in each of the plan's forms is kept as a draft until saved.
 */
public final class PlanViewModel {
    /** Months without a co-evaluation after which a plan is flagged. */
    public static final int EVALUATION_MONTHS = 3;

    /** One objective's line in the co-evaluation form. */
    public static final class EvaluationRow {
        public final String objectiveId;
        public final String statement;
        public final ObjectProperty<Rating> rating = new SimpleObjectProperty<>();
        public final StringProperty workerComment = new SimpleStringProperty("");
        public final StringProperty personView = new SimpleStringProperty("");

        EvaluationRow(String objectiveId, String statement) {
            this.objectiveId = objectiveId;
            this.statement = statement;
        }
    }

    /** What a plan is flagged for. */
    public record Flags(boolean pastPlannedEnd, boolean evaluationDue) {
        public static Flags of(PlanFile p, LocalDate today) {
            if ("CLOSED".equals(p.plan().text("status"))) return new Flags(false, false);
            String end = p.plan().text("plannedEndDate");
            boolean past = end != null && LocalDate.parse(end).isBefore(today);
            LocalDate since = p.lastEvaluation().orElse(LocalDate.parse(p.plan().text("startDate")));
            return new Flags(past, since.plusMonths(EVALUATION_MONTHS).isBefore(today));
        }
    }

    private final DeskContext ctx;
    private final String householdId;
    private final StringProperty planId = new SimpleStringProperty();
    private final ObjectProperty<PlanStatus> status = new SimpleObjectProperty<>();
    private final StringProperty diagnosis = new SimpleStringProperty("");
    private final StringProperty strengths = new SimpleStringProperty("");
    private final StringProperty startDate = new SimpleStringProperty("");
    private final StringProperty plannedEndDate = new SimpleStringProperty("");
    private final StringProperty agreementDate = new SimpleStringProperty("");
    private final ObservableList<StoredRecord> objectives = FXCollections.observableArrayList();
    private final ObservableList<StoredRecord> actions = FXCollections.observableArrayList();
    private final ObservableList<StoredRecord> evaluations = FXCollections.observableArrayList();
    private final ObservableList<Revision> history = FXCollections.observableArrayList();
    private final ObjectProperty<Flags> flags = new SimpleObjectProperty<>(new Flags(false, false));
    private final FormErrors errors = new FormErrors();

    private final ObjectProperty<InterventionDomain> objDomain = new SimpleObjectProperty<>();
    private final StringProperty objStatement = new SimpleStringProperty("");
    private final StringProperty objCriteria = new SimpleStringProperty("");
    private final StringProperty objTarget = new SimpleStringProperty("");
    private final FormErrors objErrors = new FormErrors();

    private final ObjectProperty<StoredRecord> actObjective = new SimpleObjectProperty<>();
    private final ObjectProperty<ActionWho> actWho = new SimpleObjectProperty<>(ActionWho.PERSON);
    private final StringProperty actPartner = new SimpleStringProperty("");
    private final StringProperty actDescription = new SimpleStringProperty("");
    private final StringProperty actDue = new SimpleStringProperty("");
    private final FormErrors actErrors = new FormErrors();

    private final StringProperty evalDate = new SimpleStringProperty("");
    private final StringProperty evalParticipants = new SimpleStringProperty("");
    private final StringProperty evalNotes = new SimpleStringProperty("");
    private final BooleanProperty evalFinal = new SimpleBooleanProperty();
    private final ObservableList<EvaluationRow> evalRows = FXCollections.observableArrayList();
    private final FormErrors evalErrors = new FormErrors();

    private final StringProperty closedOn = new SimpleStringProperty("");
    private final StringProperty closureReason = new SimpleStringProperty("");
    private final FormErrors closeErrors = new FormErrors();
    private final StringProperty message = new SimpleStringProperty("");

    // Drafts: the plan, the objective and action being written or edited, the co-evaluation, the closure.
    private final FormDraft planDraft;
    private final FormDraft objDraft;
    private final FormDraft actDraft;
    private final FormDraft evalDraft;
    private final FormDraft closeDraft;
    private final ObjectProperty<RecordEdit> objEdit = new SimpleObjectProperty<>();
    private final ObjectProperty<RecordEdit> actEdit = new SimpleObjectProperty<>();
    private boolean loadedOnce;

    /** @param planId the plan to open, or null to build a new one */
    public PlanViewModel(DeskContext ctx, String householdId, String planId) {
        this(ctx, householdId, planId, Debouncer.immediate());
    }

    /** @param draftDebouncer when what is typed in the plan's forms is written as drafts */
    public PlanViewModel(DeskContext ctx, String householdId, String planId, Debouncer draftDebouncer) {
        this.ctx = ctx;
        this.householdId = householdId;
        this.planId.set(planId);
        Formats f = Formats.current();
        LocalDate today = ctx.today();
        startDate.set(f.date(today));
        plannedEndDate.set(f.date(today.plusMonths(6)));
        evalDate.set(f.date(today));
        closedOn.set(f.date(today));
        planDraft = new FormDraft(ctx, "plan", planId == null ? "plan:new:" + householdId : "plan:edit:" + planId, draftDebouncer)
                .text("diagnosis", diagnosis).text("strengths", strengths).text("startDate", startDate)
                .text("plannedEndDate", plannedEndDate).text("agreementDate", agreementDate);
        objDraft = new FormDraft(ctx, "objective", null, draftDebouncer).choice("domain", InterventionDomain.class, objDomain)
                .text("statement", objStatement).text("criteria", objCriteria).text("targetDate", objTarget);
        actDraft = new FormDraft(ctx, "action", null, draftDebouncer)
                .field("objectiveId", () -> actObjective.get() == null ? NullNode.getInstance() : TextNode.valueOf(actObjective.get().id()),
                        n -> actObjective.set(objectives.stream().filter(o -> o.id().equals(n.asText())).findFirst().orElse(null)), actObjective)
                .choice("who", ActionWho.class, actWho).text("partner", actPartner).text("description", actDescription).text("dueDate", actDue);
        evalDraft = new FormDraft(ctx, "evaluation", null, draftDebouncer).text("date", evalDate).text("participants", evalParticipants)
                .text("notes", evalNotes).flag("final", evalFinal).field("rows", this::rowsDraft, this::applyRows);
        closeDraft = new FormDraft(ctx, "plan-closure", null, draftDebouncer).text("closedOn", closedOn).text("closureReason", closureReason);
        keyDrafts(planId);
    }

    /** The plan's sub-forms keep their drafts under the plan's id (none before the plan exists). */
    private void keyDrafts(String id) {
        if (id == null) return;
        if (objEdit.get() == null) objDraft.rekey("objective:new:" + id);
        if (actEdit.get() == null) actDraft.rekey("action:new:" + id);
        evalDraft.rekey("evaluation:new:" + id);
        closeDraft.rekey("plan:close:" + id);
    }

    private JsonNode rowsDraft() {
        ObjectNode n = Json.object();
        for (EvaluationRow r : evalRows) {
            ObjectNode o = n.putObject(r.objectiveId);
            if (r.rating.get() != null) o.put("rating", r.rating.get().name());
            o.put("workerComment", r.workerComment.get());
            o.put("personView", r.personView.get());
        }
        return n;
    }

    private void applyRows(JsonNode n) {
        for (EvaluationRow r : evalRows) {
            JsonNode o = n.get(r.objectiveId);
            if (o == null) continue;
            r.rating.set(o.hasNonNull("rating") ? Rating.valueOf(o.get("rating").asText()) : null);
            r.workerComment.set(o.path("workerComment").asText(""));
            r.personView.set(o.path("personView").asText(""));
        }
    }

    public void load() {
        String id = planId.get();
        if (id == null) {
            if (!loadedOnce) planDraft.restore();
            loadedOnce = true;
            return;
        }
        ctx.async().run(() -> ctx.store().read(c -> {
            Optional<PlanFile> p = HouseholdFileQueries.plan(c, id);
            return p.map(pf -> new Object[] {pf, HouseholdFileQueries.history(c, RecordType.PLAN, id)});
        }), r -> r.ifPresent(x -> {
            @SuppressWarnings("unchecked") List<Revision> h = (List<Revision>) x[1];
            show((PlanFile) x[0], h);
            if (!loadedOnce) {
                // first opening: put back what an earlier session was typing
                loadedOnce = true;
                for (FormDraft d : List.of(planDraft, objDraft, actDraft, evalDraft, closeDraft)) d.restore();
            }
        }), e -> message.set(Messages.get("desk.error.unexpected")));
    }

    private void show(PlanFile p, List<Revision> h) {
        Formats f = Formats.current();
        StoredRecord plan = p.plan();
        status.set(plan.text("status") == null ? PlanStatus.DRAFT : PlanStatus.valueOf(plan.text("status")));
        // what is being typed stays when the plan is read again (after an objective is added, say)
        if (!planDraft.unsaved()) planDraft.quietly(() -> {
            diagnosis.set(nz(plan.text("diagnosis")));
            strengths.set(nz(plan.text("strengths")));
            startDate.set(f.isoDate(plan.text("startDate")));
            plannedEndDate.set(f.isoDate(plan.text("plannedEndDate")));
            agreementDate.set(f.isoDate(plan.text("agreementDate")));
        });
        if (!closeDraft.unsaved()) closeDraft.quietly(() -> {
            if (plan.text("closedOn") != null) closedOn.set(f.isoDate(plan.text("closedOn")));
            if (plan.text("closureReason") != null) closureReason.set(plan.text("closureReason"));
        });
        objectives.setAll(p.objectives());
        actions.setAll(p.actions());
        evaluations.setAll(p.evaluations());
        history.setAll(h);
        flags.set(Flags.of(p, ctx.today()));
        JsonNode typed = evalDraft.unsaved() ? rowsDraft() : null;
        List<EvaluationRow> rows = new ArrayList<>();
        for (StoredRecord o : p.objectives()) {
            EvaluationRow r = new EvaluationRow(o.id(), o.text("statement"));
            for (javafx.beans.Observable x : List.of(r.rating, r.workerComment, r.personView)) evalDraft.watch(x);
            rows.add(r);
        }
        evalDraft.quietly(() -> {
            evalRows.setAll(rows);
            if (typed != null) applyRows(typed);
        });
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String date(StringProperty p, String field, FormErrors errs, ObjectNode into) {
        if (p.get().isBlank()) return null;
        Optional<LocalDate> d = Formats.current().parseDate(p.get());
        if (d.isEmpty()) {
            errs.put(field, Messages.get("desk.form.badDate", Formats.current().datePrompt()));
            return null;
        }
        into.put(field, d.get().toString());
        return d.get().toString();
    }

    /** Creates the plan, or saves a revision of it (only the changed fields are journalled). */
    public void savePlan() {
        errors.clear();
        ObjectNode f = Json.object();
        f.put("diagnosis", diagnosis.get().isBlank() ? null : diagnosis.get().strip());
        f.put("strengths", strengths.get().isBlank() ? null : strengths.get().strip());
        date(startDate, "startDate", errors, f);
        date(plannedEndDate, "plannedEndDate", errors, f);
        if (date(agreementDate, "agreementDate", errors, f) == null) f.putNull("agreementDate");
        if (startDate.get().isBlank()) errors.put("startDate", Messages.get("validation.required"));
        if (plannedEndDate.get().isBlank()) errors.put("plannedEndDate", Messages.get("validation.required"));
        if (!errors.isEmpty()) return;
        String id = planId.get();
        boolean agreed = f.hasNonNull("agreementDate");
        PlanStatus cur = status.get();
        if (cur != PlanStatus.CLOSED) f.put("status", agreed ? "ACTIVE" : "DRAFT");
        ctx.async().run(() -> {
            if (id == null) {
                f.put("householdId", householdId);
                return ctx.editor().create(RecordType.PLAN, f);
            }
            ctx.editor().update(RecordType.PLAN, id, f);
            return id;
        }, newId -> {
            planDraft.discard();
            if (id == null) {
                planDraft.rekey("plan:edit:" + newId);
                keyDrafts(newId);
            }
            message.set(Messages.get(id == null ? "desk.plan.created" : "desk.plan.revised"));
            planId.set(newId);
            load();
        }, errors::show);
    }

    public void addObjective() {
        objErrors.clear();
        if (planId.get() == null) {
            objErrors.setGeneral(Messages.get("desk.plan.saveFirst"));
            return;
        }
        ObjectNode f = Json.object();
        f.put("planId", planId.get());
        if (objDomain.get() == null) objErrors.put("domain", Messages.get("validation.required"));
        else f.put("domain", objDomain.get().name());
        if (objStatement.get().isBlank()) objErrors.put("statement", Messages.get("validation.required"));
        else f.put("statement", objStatement.get().strip());
        if (!objCriteria.get().isBlank()) f.put("criteria", objCriteria.get().strip());
        date(objTarget, "targetDate", objErrors, f);
        if (!objErrors.isEmpty()) return;
        if (objEdit.get() != null) {
            objEdit.get().save(f, objErrors, id -> {
                cancelObjectiveEdit();
                message.set(Messages.get("desk.plan.objective.saved"));
                load();
            });
            return;
        }
        f.put("status", "OPEN");
        ctx.async().run(() -> ctx.editor().create(RecordType.OBJECTIVE, f), id -> {
            objDraft.discard();
            clearObjective();
            load();
        }, objErrors::show);
    }

    private void clearObjective() {
        objDraft.quietly(() -> {
            objDomain.set(null);
            objStatement.set("");
            objCriteria.set("");
            objTarget.set("");
        });
    }

    /** Opens an objective in the objective form, to change it in place (then any draft of that edit). */
    public void editObjective(StoredRecord o) {
        objErrors.clear();
        RecordEdit e = new RecordEdit(ctx, RecordType.OBJECTIVE, o.id(), List.of("domain", "statement", "criteria", "targetDate"));
        objDraft.rekey("objective:edit:" + o.id());
        objEdit.set(e);
        e.load(r -> {
            objDraft.quietly(() -> {
                objDomain.set(r.text("domain") == null ? null : InterventionDomain.valueOf(r.text("domain")));
                objStatement.set(nz(r.text("statement")));
                objCriteria.set(nz(r.text("criteria")));
                objTarget.set(Formats.current().isoDate(r.text("targetDate")));
            });
            objDraft.restore();
        }, objErrors);
    }

    /** Leaves the edit of an objective (its draft goes); the form is for a new objective again. */
    public void cancelObjectiveEdit() {
        if (objEdit.get() == null) return;
        objDraft.discard();
        objEdit.set(null);
        objErrors.clear();
        clearObjective();
        objDraft.rekey(planId.get() == null ? null : "objective:new:" + planId.get());
    }

    public void addAction() {
        actErrors.clear();
        if (planId.get() == null) {
            actErrors.setGeneral(Messages.get("desk.plan.saveFirst"));
            return;
        }
        ObjectNode f = Json.object();
        f.put("planId", planId.get());
        if (actObjective.get() != null) f.put("objectiveId", actObjective.get().id());
        if (actWho.get() != null) f.put("who", actWho.get().name());
        if (!actPartner.get().isBlank()) f.put("partner", actPartner.get().strip());
        if (actDescription.get().isBlank()) actErrors.put("description", Messages.get("validation.required"));
        else f.put("description", actDescription.get().strip());
        date(actDue, "dueDate", actErrors, f);
        if (!actErrors.isEmpty()) return;
        if (actEdit.get() != null) {
            actEdit.get().save(f, actErrors, id -> {
                cancelActionEdit();
                message.set(Messages.get("desk.plan.action.saved"));
                load();
            });
            return;
        }
        f.put("done", false);
        ctx.async().run(() -> ctx.editor().create(RecordType.ACTION, f), id -> {
            actDraft.discard();
            clearAction();
            load();
        }, actErrors::show);
    }

    private void clearAction() {
        actDraft.quietly(() -> {
            actDescription.set("");
            actPartner.set("");
            actDue.set("");
        });
    }

    /** Opens an action in the action form, to change it in place (then any draft of that edit). */
    public void editAction(StoredRecord a) {
        actErrors.clear();
        RecordEdit e = new RecordEdit(ctx, RecordType.ACTION, a.id(), List.of("objectiveId", "who", "partner", "description", "dueDate"));
        actDraft.rekey("action:edit:" + a.id());
        actEdit.set(e);
        e.load(r -> {
            actDraft.quietly(() -> {
                String oid = r.text("objectiveId");
                actObjective.set(objectives.stream().filter(o -> o.id().equals(oid)).findFirst().orElse(null));
                actWho.set(r.text("who") == null ? null : ActionWho.valueOf(r.text("who")));
                actPartner.set(nz(r.text("partner")));
                actDescription.set(nz(r.text("description")));
                actDue.set(Formats.current().isoDate(r.text("dueDate")));
            });
            actDraft.restore();
        }, actErrors);
    }

    /** Leaves the edit of an action (its draft goes); the form is for a new action again. */
    public void cancelActionEdit() {
        if (actEdit.get() == null) return;
        actDraft.discard();
        actEdit.set(null);
        actErrors.clear();
        clearAction();
        actDraft.quietly(() -> actObjective.set(null));
        actDraft.rekey(planId.get() == null ? null : "action:new:" + planId.get());
    }

    /** Records a co-evaluation; each rated objective takes the rating as its status. */
    public void evaluate() {
        evalErrors.clear();
        if (planId.get() == null) return;
        ObjectNode f = Json.object();
        f.put("planId", planId.get());
        if (date(evalDate, "date", evalErrors, f) == null && evalDate.get().isBlank())
            evalErrors.put("date", Messages.get("validation.required"));
        ArrayNode parts = Json.MAPPER.createArrayNode();
        for (String s : evalParticipants.get().split("[,;]")) if (!s.isBlank()) parts.add(s.strip());
        if (!parts.isEmpty()) f.set("participants", parts);
        ArrayNode progress = f.putArray("progress");
        boolean anyRated = false;
        for (EvaluationRow r : evalRows) {
            ObjectNode p = progress.addObject();
            p.put("objectiveId", r.objectiveId);
            if (r.rating.get() != null) {
                p.put("rating", r.rating.get().name());
                anyRated = true;
            }
            if (!r.workerComment.get().isBlank()) p.put("workerComment", r.workerComment.get().strip());
            if (!r.personView.get().isBlank()) p.put("personView", r.personView.get().strip());
        }
        if (!anyRated) evalErrors.put("progress", Messages.get("desk.plan.rateOne"));
        if (!evalNotes.get().isBlank()) f.put("notes", evalNotes.get().strip());
        f.put("final", evalFinal.get());
        if (!evalErrors.isEmpty()) return;
        List<EvaluationRow> rows = List.copyOf(evalRows);
        ctx.async().run(() -> {
            String id = ctx.editor().create(RecordType.EVALUATION, f);
            for (EvaluationRow r : rows) {
                if (r.rating.get() == null) continue;
                ObjectNode ch = Json.object();
                ch.put("status", r.rating.get().name());
                ctx.editor().update(RecordType.OBJECTIVE, r.objectiveId, ch);
            }
            return id;
        }, id -> {
            evalDraft.discard();
            message.set(Messages.get("desk.plan.evaluated"));
            evalDraft.quietly(() -> {
                evalNotes.set("");
                evalFinal.set(false);
            });
            load();
        }, evalErrors::show);
    }

    public void close() {
        closeErrors.clear();
        if (planId.get() == null) return;
        ObjectNode f = Json.object();
        f.put("status", "CLOSED");
        date(closedOn, "closedOn", closeErrors, f);
        if (closedOn.get().isBlank()) closeErrors.put("closedOn", Messages.get("validation.closedNeedsDate"));
        if (closureReason.get().isBlank()) closeErrors.put("closureReason", Messages.get("validation.closedNeedsReason"));
        else f.put("closureReason", closureReason.get().strip());
        if (!closeErrors.isEmpty()) return;
        String id = planId.get();
        ctx.async().run(() -> ctx.editor().update(RecordType.PLAN, id, f), r -> {
            closeDraft.discard();
            message.set(Messages.get("desk.plan.closed"));
            load();
        }, closeErrors::show);
    }

    /** A line of the revision history: when, and which fields changed. */
    public static String describe(Revision r) {
        List<String> fields = new ArrayList<>();
        for (var it = r.patch().fieldNames(); it.hasNext(); ) {
            String k = it.next();
            String key = "desk.plan.field." + k;
            fields.add(Messages.has(key) ? Messages.get(key) : k);
        }
        return Messages.get("desk.plan.revision." + r.op(), Formats.current().isoDateTime(r.when()), String.join(", ", fields));
    }

    /** The rating an evaluation gave an objective, for the evaluations list. */
    public static String ratingOf(StoredRecord evaluation, String objectiveId) {
        JsonNode p = evaluation.get("progress");
        if (p != null) for (JsonNode n : p) if (objectiveId.equals(n.path("objectiveId").asText())) return n.path("rating").asText("");
        return "";
    }

    /** Keeps what is typed in the plan's forms as drafts now (the desk is about to lock). */
    public void saveDrafts() {
        for (FormDraft d : List.of(planDraft, objDraft, actDraft, evalDraft, closeDraft)) d.save();
    }

    /** "Brouillon enregistré." and the like, for the plan's own form. */
    public StringProperty draftStatusProperty() { return planDraft.statusProperty(); }
    /** The objective being changed in place, or null when the form adds one. */
    public ObjectProperty<RecordEdit> objEditProperty() { return objEdit; }
    /** The action being changed in place, or null when the form adds one. */
    public ObjectProperty<RecordEdit> actEditProperty() { return actEdit; }
    public void showMessage(String m) { message.set(m); }
    public String householdId() { return householdId; }
    public StringProperty planIdProperty() { return planId; }
    public ObjectProperty<PlanStatus> statusProperty() { return status; }
    public StringProperty diagnosisProperty() { return diagnosis; }
    public StringProperty strengthsProperty() { return strengths; }
    public StringProperty startDateProperty() { return startDate; }
    public StringProperty plannedEndDateProperty() { return plannedEndDate; }
    public StringProperty agreementDateProperty() { return agreementDate; }
    public ObservableList<StoredRecord> objectives() { return objectives; }
    public ObservableList<StoredRecord> actions() { return actions; }
    public ObservableList<StoredRecord> evaluations() { return evaluations; }
    public ObservableList<Revision> history() { return history; }
    public ObjectProperty<Flags> flagsProperty() { return flags; }
    public FormErrors errors() { return errors; }
    public ObjectProperty<InterventionDomain> objDomainProperty() { return objDomain; }
    public StringProperty objStatementProperty() { return objStatement; }
    public StringProperty objCriteriaProperty() { return objCriteria; }
    public StringProperty objTargetProperty() { return objTarget; }
    public FormErrors objErrors() { return objErrors; }
    public ObjectProperty<StoredRecord> actObjectiveProperty() { return actObjective; }
    public ObjectProperty<ActionWho> actWhoProperty() { return actWho; }
    public StringProperty actPartnerProperty() { return actPartner; }
    public StringProperty actDescriptionProperty() { return actDescription; }
    public StringProperty actDueProperty() { return actDue; }
    public FormErrors actErrors() { return actErrors; }
    public StringProperty evalDateProperty() { return evalDate; }
    public StringProperty evalParticipantsProperty() { return evalParticipants; }
    public StringProperty evalNotesProperty() { return evalNotes; }
    public BooleanProperty evalFinalProperty() { return evalFinal; }
    public ObservableList<EvaluationRow> evalRows() { return evalRows; }
    public FormErrors evalErrors() { return evalErrors; }
    public StringProperty closedOnProperty() { return closedOn; }
    public StringProperty closureReasonProperty() { return closureReason; }
    public FormErrors closeErrors() { return closeErrors; }
    public StringProperty messageProperty() { return message; }
}
