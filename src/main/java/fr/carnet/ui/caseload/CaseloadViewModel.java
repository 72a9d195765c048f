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

    /** The first page of the list with no filter, read as soon as the store opened (see {@link #prefetch}). */
    private record FirstPage(fr.carnet.store.Store store, Filter filter, java.util.concurrent.CompletableFuture<List<Row>> rows) {}

    private static final java.util.concurrent.atomic.AtomicReference<FirstPage> FIRST_PAGE = new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Reads the list as it first shows (no search, no filter) on a thread of its own, as soon as the
     * store is open: the main window is built meanwhile, and its first frame shows the rows instead
     * of an empty table then the rows. Taken once by the first view model of that store; a view model
     * whose filter differs, or another store, reads as usual.
     */
    public static void prefetch(DeskContext ctx) {
        Filter f = new Filter("", false, false, false, false, false, false);
        java.util.concurrent.CompletableFuture<List<Row>> rows = new java.util.concurrent.CompletableFuture<>();
        FIRST_PAGE.set(new FirstPage(ctx.store(), f, rows));
        Thread t = new Thread(() -> {
            try {
                rows.complete(read(ctx, f));
                fr.carnet.platform.StartupTrace.mark("caseload first page read");
            } catch (Throwable e) {
                rows.completeExceptionally(e);
            }
        }, "carnet-caseload-first-page");
        t.setDaemon(true);
        t.start();
    }

    private static List<Row> read(DeskContext ctx, Filter f) {
        return ctx.store().read(c -> CaseloadQueries.list(c, f, ctx.identity().workerId(), ctx.role(), ctx.today(), CaseloadQueries.DEFAULT_LIMIT));
    }

    public void refresh() {
        long gen = ++generation;
        Filter f = new Filter(query.get(), mine.get(), openPlan.get() && ctx.confidential(), visitDue.get(),
                childUnder6.get(), pending.get(), conflict.get());
        loading.set(true);
        // the first refresh of a view model of that store takes the page, whatever its filter (a nurse's
        // list starts filtered): it is never used later, when the store may have changed
        FirstPage first = FIRST_PAGE.get();
        boolean prefetched = first != null && first.store() == ctx.store() && FIRST_PAGE.compareAndSet(first, null) && first.filter().equals(f);
        // only this refresh may still be finished by awaitFirstPage: any later one drops the early page
        pendingFirst = prefetched ? first.rows() : null;
        pendingGen = gen;
        pendingFilter = f;
        if (prefetched && first.rows().isDone() && !first.rows().isCompletedExceptionally()) {
            // read already (while the window was being built): shown at once, in the window's first frame
            awaitFirstPage(0);
            return;
        }
        ctx.async().run(() -> {
                    if (prefetched) {
                        try {
                            return first.rows().join();
                        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
                            // the early read failed: read again
                        }
                    }
                    return read(ctx, f);
                },
                result -> show(gen, f, result),
                e -> {
                    if (gen != generation) return;
                    loading.set(false);
                    status.set(Messages.get("desk.error.unexpected"));
                });
    }

    private java.util.concurrent.Future<List<Row>> pendingFirst;
    private long pendingGen, shownGen = -1;
    private Filter pendingFilter;

    /**
     * The main window, once built, waits at most {@code millis} for the first page being read (FX
     * thread, once, at start): its first frame then shows the households, rather than an empty list
     * that fills a moment later. Past that, the page comes as any other.
     */
    public void awaitFirstPage(long millis) {
        java.util.concurrent.Future<List<Row>> p = pendingFirst;
        if (p == null) return;
        try {
            List<Row> r = p.get(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
            pendingFirst = null;
            show(pendingGen, pendingFilter, r);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // the usual path delivers it (or its error)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void show(long gen, Filter f, List<Row> result) {
        if (gen != generation || gen == shownGen) return;
        shownGen = gen;
        fr.carnet.platform.StartupTrace.mark("caseload rows shown");
        rows.setAll(result);
        loading.set(false);
        status.set(result.isEmpty() ? Messages.get(f.text().isBlank() ? "desk.caseload.empty" : "desk.caseload.noMatch")
                : result.size() >= CaseloadQueries.DEFAULT_LIMIT ? Messages.get("desk.caseload.countLimited", result.size())
                : Messages.get("desk.caseload.count", result.size()));
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
