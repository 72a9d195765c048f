package fr.carnet.ui.print;

import fr.carnet.domain.RecordType;
import fr.carnet.i18n.Messages;
import fr.carnet.report.CaseSummary;
import fr.carnet.report.CaseSummaryLoader;
import fr.carnet.report.CaseSummaryPdf;
import fr.carnet.report.ReportFileNames;
import fr.carnet.report.ReportOptions;
import fr.carnet.store.AuditLog;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.Formats;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Prints one household's case summary: loads it with what the worker's role may read, renders the
 * PDF and saves it where the worker chose, all in the background, then records the print in the
 * audit log. The view asks for the file and shows the outcome.
 */
public final class PrintViewModel {
    private final DeskContext ctx;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);

    public PrintViewModel(DeskContext ctx) {
        this.ctx = ctx;
    }

    /** The report options of this worker: role, name, the desk's conventions (fr-FR / fr-CH) and the store's clock. */
    public static ReportOptions options(DeskContext ctx) {
        Locale l = "en".equals(Messages.locale().getLanguage()) ? Locale.ENGLISH
                : Formats.current().region() == Formats.Region.CH ? Locale.forLanguageTag("fr-CH") : Locale.forLanguageTag("fr-FR");
        return ReportOptions.of(ctx.role(), ctx.identity().displayName(), l).withClock(ctx.store().clock());
    }

    /** The file name offered in the save dialog (ASCII: date, label, short id). */
    public String suggestedName(String householdId, String label) {
        return ReportFileNames.household(ctx.today(), label, householdId);
    }

    /** Builds and saves the summary of {@code householdId} to {@code file}; {@code onDone} gets the file. */
    public void print(String householdId, Path file, Consumer<Path> onDone) {
        if (busy.get() || file == null) return;
        busy.set(true);
        failed.set(false);
        message.set(Messages.get("desk.print.busy"));
        ReportOptions o = options(ctx);
        ctx.async().run(() -> {
            CaseSummary s = ctx.store().read(c -> new CaseSummaryLoader(c, ctx.role()).load(householdId, ctx.today(), o.printedBy()));
            new CaseSummaryPdf(o).write(s, file);
            // the detail names the document, never the household or the file (personal data)
            AuditLog.recordRead(ctx.store(), ctx.identity().workerId(), AuditLog.Action.PRINT, RecordType.HOUSEHOLD, householdId, "case-summary-pdf");
            return file;
        }, f -> {
            busy.set(false);
            message.set(Messages.get("desk.print.done", f.getFileName().toString()));
            if (onDone != null) onDone.accept(f);
        }, e -> {
            busy.set(false);
            failed.set(true);
            message.set(Messages.get("desk.print.failed"));
        });
    }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }
}
