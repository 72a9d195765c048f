package fr.carnet.ui.print;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.i18n.Messages;
import fr.carnet.report.RgpdPdf;
import fr.carnet.report.ReportOptions;
import fr.carnet.security.RgpdExport;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The right of access (RGPD art. 15) from the desk: everything this laptop holds about one person,
 * as JSON (for another system) or PDF (for the person), built and saved in the background. The
 * export is recorded in the audit log by {@link RgpdExport}.
 */
public final class RgpdExportViewModel {
    public enum Format { JSON, PDF }

    private final DeskContext ctx;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);

    public RgpdExportViewModel(DeskContext ctx) {
        this.ctx = ctx;
    }

    /** The file name offered in the save dialog: date and a short id, never the person's name. */
    public String suggestedName(String personId, Format format) {
        String id = personId.replaceAll("[^A-Za-z0-9]", "");
        return ctx.today() + "_RGPD_" + id.substring(0, Math.min(8, id.length())) + (format == Format.PDF ? ".pdf" : ".json");
    }

    /** Builds the export of {@code personId} and saves it to {@code file}; {@code onDone} gets the file. */
    public void export(String personId, Format format, Path file, Consumer<Path> onDone) {
        if (busy.get() || file == null) return;
        busy.set(true);
        failed.set(false);
        message.set(Messages.get("security.rgpd.busy"));
        ReportOptions o = PrintViewModel.options(ctx);
        ctx.async().run(() -> {
            ObjectNode export = RgpdExport.person(ctx.store(), personId, ctx.identity().workerId());
            if (format == Format.PDF) new RgpdPdf(o).write(export, file);
            else writeJson(export, file);
            return file;
        }, f -> {
            busy.set(false);
            message.set(Messages.get("security.rgpd.done", f.getFileName().toString()));
            if (onDone != null) onDone.accept(f);
        }, e -> {
            busy.set(false);
            failed.set(true);
            message.set(Messages.get("security.rgpd.failed"));
        });
    }

    private static void writeJson(ObjectNode export, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".carnet-", ".json.part");
            try {
                Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(export), StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }
}
