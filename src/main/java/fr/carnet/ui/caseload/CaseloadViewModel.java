package fr.carnet.ui.caseload;

import fr.carnet.i18n.Messages;
import fr.carnet.store.CaseloadQueries;
import fr.carnet.store.CaseloadQueries.Filter;
import fr.carnet.store.CaseloadQueries.Row;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.Debouncer;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The caseload list: search as you type (debounced), filters, and the rows. Each query carries a
 * generation number so that a slow, older result never replaces a newer one.
 */
public final class CaseloadViewModel {
    private final DeskContext ctx;
    private final Debouncer debouncer;
    private final StringProperty query = new SimpleStringProperty("");
    private final BooleanProperty mine = new SimpleBooleanProperty();
    private final BooleanProperty openPlan = new SimpleBooleanProperty();
    private final BooleanProperty visitDue = new SimpleBooleanProperty();
    private final BooleanProperty childUnder6 = new SimpleBooleanProperty();
    private final BooleanProperty pending = new SimpleBooleanProperty();
    private final BooleanProperty conflict = new SimpleBooleanProperty();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private long generation;

    public CaseloadViewModel(DeskContext ctx, Debouncer debouncer) {
        this.ctx = ctx;
        this.debouncer = debouncer;
        query.addListener((o, a, b) -> debouncer.call(this::refresh));
        for (BooleanProperty p : List.of(mine, openPlan, visitDue, childUnder6, pending, conflict))
            p.addListener((o, a, b) -> refresh());
    }

    public void refresh() {
        long gen = ++generation;
        Filter f = new Filter(query.get(), mine.get(), openPlan.get() && ctx.confidential(), visitDue.get(),
                childUnder6.get(), pending.get(), conflict.get());
        loading.set(true);
        ctx.async().run(() -> ctx.store().read(c -> CaseloadQueries.list(c, f, ctx.identity().workerId(), ctx.role(),
                        ctx.today(), CaseloadQueries.DEFAULT_LIMIT)),
                result -> {
                    if (gen != generation) return;
                    rows.setAll(result);
                    loading.set(false);
                    status.set(result.isEmpty() ? Messages.get(f.text().isBlank() ? "desk.caseload.empty" : "desk.caseload.noMatch")
                            : result.size() >= CaseloadQueries.DEFAULT_LIMIT ? Messages.get("desk.caseload.countLimited", result.size())
                            : Messages.get("desk.caseload.count", result.size()));
                },
                e -> {
                    if (gen != generation) return;
                    loading.set(false);
                    status.set(Messages.get("desk.error.unexpected"));
                });
    }

    /** Whether the "open PIA" filter applies to this role (a secretary cannot see plans). */
    public boolean planFilterAvailable() {
        return ctx.confidential();
    }

    public StringProperty queryProperty() { return query; }
    public BooleanProperty mineProperty() { return mine; }
    public BooleanProperty openPlanProperty() { return openPlan; }
    public BooleanProperty visitDueProperty() { return visitDue; }
    public BooleanProperty childUnder6Property() { return childUnder6; }
    public BooleanProperty pendingProperty() { return pending; }
    public BooleanProperty conflictProperty() { return conflict; }
    public ObservableList<Row> rows() { return rows; }
    public javafx.beans.property.ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public javafx.beans.property.ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public DeskContext context() { return ctx; }
}
